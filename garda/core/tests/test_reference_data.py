"""Reference data shipped in the package, and revising the versioned lists."""

import csv
from datetime import date

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse

from garda.core.models import AuditEvent, Country, ReferenceListRevision, Region, User
from garda.core.referencedata import DATA_DIR
from garda.core.reflists import ListValidationError, country_codes, current_revision, parse_items


def _count_rows(name: str) -> int:
    with open(DATA_DIR / name, newline="", encoding="utf-8") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def test_every_region_of_2025_is_loaded(db: None) -> None:
    assert Region.objects.filter(in_force=True).count() == _count_rows("wilayah_2025.csv")
    assert Region.objects.get(code="3174").name == "Kota Administrasi Jakarta Selatan"
    assert Region.objects.get(code="317406").parent_code == "3174"
    assert Region.objects.filter(parent_code="3174", level="district").count() == 10


def test_codes_that_no_longer_exist_are_kept_not_in_force(db: None) -> None:
    old = Region.objects.filter(in_force=False)
    assert old.count() > 500
    assert all(r.level in {"province", "regency", "district"} for r in old[:200])
    assert not old.filter(versions__contains="2025").exists()


def test_countries_have_indonesian_and_english_names(db: None) -> None:
    assert Country.objects.count() == 249
    sa = Country.objects.get(alpha2="SA")
    assert (sa.name_id, sa.name_en) == ("Arab Saudi", "Saudi Arabia")


def test_seeded_lists_have_a_first_revision(db: None) -> None:
    assert "SA" in country_codes("moratorium_middle_east")
    assert len(country_codes("moratorium_middle_east")) == 21
    assert "KH" in country_codes("scam_compound_countries")
    purposes = {p["purpose"] for p in current_revision("required_documents_by_purpose").items}
    assert {"work", "umrah", "family_visit", "tourism"} <= purposes


def test_revisions_are_append_only_in_the_database(db: None) -> None:
    revision = current_revision("pmi_destinations")
    with pytest.raises(DatabaseError), transaction.atomic():
        ReferenceListRevision.objects.filter(pk=revision.pk).update(note="diubah")
    with pytest.raises(DatabaseError), transaction.atomic():
        ReferenceListRevision.objects.filter(pk=revision.pk).delete()


def test_country_lines_report_each_bad_line(db: None) -> None:
    from garda.core.models import ReferenceList

    lst = ReferenceList.objects.get(key="scam_compound_countries")
    with pytest.raises(ListValidationError) as err:
        parse_items(lst, "KH Kamboja\nXX tidak ada\n\nmm Myanmar\nKH lagi")
    assert err.value.problems == [
        "baris 2: 'XX' bukan kode negara ISO 3166 dua huruf",
        "baris 5: 'KH' sudah tercantum",
    ]
    assert parse_items(lst, "kh Kamboja\n# komentar\nMM") == [
        {"country": "KH", "note": "Kamboja"},
        {"country": "MM", "note": ""},
    ]


def test_structured_lists_report_the_json_path(db: None) -> None:
    from garda.core.models import ReferenceList

    lst = ReferenceList.objects.get(key="legal_bases")
    with pytest.raises(ListValidationError) as err:
        parse_items(lst, '[{"code": "A", "title_id": "x", "title_en": "y", "article": "z", "applies_to": ["nope"]}]')
    assert err.value.problems == [
        "$[0].applies_to: hanya boleh berisi postponement, refusal, cancellation, withdrawal, revocation, suspension"
    ]
    with pytest.raises(ListValidationError) as err:
        parse_items(lst, "[{")
    assert err.value.problems[0].startswith("baris 1, kolom 3: JSON tidak sah")


def test_national_admin_revises_a_list_and_the_old_version_stays(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["national_admin"])
    url = reverse("core:reference_revise", args=["scam_compound_countries"])
    form = client.get(url)
    assert "KH Kamboja" in form.content.decode()
    response = client.post(
        url,
        {
            "items": "KH Kamboja\nMM Myanmar\nVN Vietnam",
            "effective_from": "2026-01-01",
            "source": "Kemlu 2026",
            "note": "Vietnam ditambahkan",
        },
    )
    assert response.status_code == 302
    new = current_revision("scam_compound_countries")
    assert new.version == 2 and new.effective_from == date(2026, 1, 1)
    assert ReferenceListRevision.objects.filter(reference_list_id="scam_compound_countries").count() == 2
    event = AuditEvent.objects.get(action="reference.revise")
    assert "VN" in event.after["added"] and "PH" in event.after["removed"]
    old = client.get(reverse("core:reference_version", args=["scam_compound_countries", 1])).content.decode()
    assert "Filipina" in old and "bukan versi terkini" in old


def test_revision_with_errors_is_not_saved_and_keeps_the_text(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["national_admin"])
    url = reverse("core:reference_revise", args=["scam_compound_countries"])
    response = client.post(url, {"items": "KH\nZZ Zorro", "effective_from": "2026-01-01", "source": "s", "note": "n"})
    html = response.content.decode()
    assert response.status_code == 200 and "baris 2" in html and "ZZ Zorro" in html
    assert current_revision("scam_compound_countries").version == 1


def test_only_a_national_admin_may_revise(login_as, personas: dict[str, User]) -> None:
    url = reverse("core:reference_revise", args=["pmi_destinations"])
    assert login_as(personas["admin"]).get(url).status_code == 403
    assert login_as(personas["kakanim"]).get(url).status_code == 403


def test_reference_pages_render_every_kind(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["kasi"])
    for key, expected in [
        ("moratorium_middle_east", "Yordania"),
        ("legal_bases", "perlu verifikasi"),
        ("required_documents_by_purpose", "dipenuhi oleh surat jaminan, surat undangan"),
        ("screening_thresholds", "Poin perilaku profil pencari kerja"),
        ("interview_note_words", "Penyangkalan"),
        ("tour_operators", "Belum ada biro perjalanan yang dimuat."),
    ]:
        assert expected in client.get(reverse("core:reference_detail", args=[key])).content.decode()
    assert client.get(reverse("core:reference_detail", args=["tidak-ada"])).status_code == 404


def test_public_guidance_shows_the_current_lists_without_login(client, db: None) -> None:
    assert reverse("core:login") in client.get("/").content.decode()
    html = client.get("/publik/aman/").content.decode()
    assert "Arab Saudi" in html and "Kamboja" in html and "Surat jaminan" in html
