"""Program Desa Binaan through its pages: a village fostered by its Kemendagri code, an event with attendance and a
photo stripped of its GPS position, a follow-up done, an early warning that becomes the office's intelligence
report and reaches screening; the reach table and the yearly PDF; other offices and other roles kept out."""

import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from garda.conftest import make_user
from garda.core.models import AuditEvent, Office, User
from garda.core.roles import Role
from garda.intel.api import AgencyReport
from garda.outreach.models import EarlyWarning, Event, Photo, Village
from garda.screening import context as screening_context
from garda.screening.engine import screen
from garda.screening.rules import Subject
from garda.screening.tests.test_rules import app
from garda.whistle.tests.conftest import jpeg_with_gps

TEBET_TIMUR = "31.74.01.1001"


@pytest.fixture(autouse=True)
def _files(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "files"


@pytest.fixture
def pimpasa(offices: dict[str, Office]) -> User:
    return make_user(offices["JAKSEL"], Role.ANALYST, "pimpasa.tebet", full_name="Rudi Hartono")


@pytest.fixture
def village(pimpasa: User, login_as: Callable[[User], Client]) -> Village:
    client = login_as(pimpasa)
    answer = client.post(
        "/desa-binaan/", {"region_code": TEBET_TIMUR, "officer": pimpasa.pk, "joined_on": "2025-08-28"}
    )
    assert answer.status_code == 302
    return Village.objects.get()


def _event_post(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "held_on": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "title": "Sosialisasi pencegahan TPPO",
        "place": "Kantor Kecamatan Tebet",
        "topics": ["modus", "online_scam", "reporting"],
        "speakers_intel": "Rudi Hartono",
        "speakers_dokim": "Maya Sari",
        "speakers_other": "",
        "att_F_18_35": "23",
        "att_M_18_35": "17",
        "att_F_o55": "4",
        "photo_caption": "Peserta sosialisasi",
    }
    data.update(extra)
    return data


def test_a_village_is_fostered_by_its_code_and_a_wrong_code_is_named(
    pimpasa: User, login_as: Callable[[User], Client]
) -> None:
    client = login_as(pimpasa)
    bad = client.post(
        "/desa-binaan/", {"region_code": "31.74.01.9999", "officer": pimpasa.pk, "joined_on": "2025-08-28"}
    )
    assert bad.status_code == 400 and "31.74.01.9999: bukan kode desa/kelurahan" in bad.content.decode()
    assert not Village.objects.exists()
    client.post("/desa-binaan/", {"region_code": "3174011001", "officer": pimpasa.pk, "joined_on": "2025-08-28"})
    village = Village.objects.get()
    assert (village.name, village.district_name, village.dotted_code) == ("Tebet Timur", "Tebet", TEBET_TIMUR)
    again = client.post("/desa-binaan/", {"region_code": TEBET_TIMUR, "officer": pimpasa.pk, "joined_on": "2025-09-01"})
    assert again.status_code == 400 and "sudah menjadi desa binaan" in again.content.decode()


def test_an_event_keeps_attendance_and_a_photo_without_its_position(
    village: Village, pimpasa: User, login_as: Callable[[User], Client]
) -> None:
    from PIL import Image

    client = login_as(pimpasa)
    upload = io.BytesIO(jpeg_with_gps())
    upload.name = "IMG_0001.jpg"
    answer = client.post(f"/desa-binaan/desa/{village.pk}/kegiatan/", {**_event_post(), "photos": upload})
    assert answer.status_code == 302
    event = Event.objects.get()
    assert event.number.startswith(f"KDB-{event.held_on.year}-") and len(event.speakers) == 2
    page = client.get(answer["Location"]).content.decode()
    assert "Peserta: 44" in page and "Penipuan daring" in page
    photo = Photo.objects.get()
    served = client.get(f"/desa-binaan/kegiatan/{event.number}/foto/{photo.pk}/")
    with Image.open(io.BytesIO(served.content)) as image:
        assert not image.getexif() and image.size == (64, 48)
    assert AuditEvent.objects.filter(action="outreach.event_record").count() == 1


def test_a_bad_event_is_refused_with_each_problem_and_nothing_stored(
    village: Village, pimpasa: User, login_as: Callable[[User], Client]
) -> None:
    client = login_as(pimpasa)
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    fake = io.BytesIO(b"not a picture at all")
    fake.name = "foto.jpg"
    answer = client.post(
        f"/desa-binaan/desa/{village.pk}/kegiatan/",
        _event_post(held_on=future, speakers_intel="", speakers_dokim="", att_F_18_35="-3", photos=fake),
    )
    page = answer.content.decode()
    assert answer.status_code == 400
    assert "masa depan" in page and "narasumber" in page and "foto.jpg: jenis berkas tidak diterima" in page
    assert 'value="Kantor Kecamatan Tebet"' in page  # what was typed stays
    assert not Event.objects.exists()


def test_a_follow_up_is_added_then_done(village: Village, pimpasa: User, login_as: Callable[[User], Client]) -> None:
    client = login_as(pimpasa)
    client.post(f"/desa-binaan/desa/{village.pk}/kegiatan/", _event_post())
    event = Event.objects.get()
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    client.post(
        f"/desa-binaan/kegiatan/{event.number}/tindak-lanjut/",
        {"action": "Pendataan warga yang akan bekerja ke luar negeri", "due_on": due, "assigned_to": pimpasa.pk},
    )
    follow_up = event.follow_ups.get()
    empty = client.post(
        f"/desa-binaan/kegiatan/{event.number}/tindak-lanjut/{follow_up.pk}/",
        {"done_on": timezone.localdate().isoformat(), "outcome": ""},
    )
    assert empty.status_code == 400
    client.post(
        f"/desa-binaan/kegiatan/{event.number}/tindak-lanjut/{follow_up.pk}/",
        {"done_on": timezone.localdate().isoformat(), "outcome": "12 warga didata, 2 dirujuk ke Disnaker"},
    )
    follow_up.refresh_from_db()
    assert follow_up.done_on == timezone.localdate() and "dirujuk" in follow_up.outcome


def test_an_early_warning_becomes_a_report_that_screening_sees(
    village: Village, pimpasa: User, login_as: Callable[[User], Client]
) -> None:
    client = login_as(pimpasa)
    nobody = client.post(
        f"/desa-binaan/desa/{village.pk}/peringatan/",
        {
            "received_on": "2025-09-10",
            "kind": "family_asking",
            "contact_role": "neighbourhood",
            "summary": "Ada yang bertanya.",
        },
    )
    assert nobody.status_code == 400 and "paling sedikit satu nama" in nobody.content.decode()
    answer = client.post(
        f"/desa-binaan/desa/{village.pk}/peringatan/",
        {
            "received_on": "2025-09-10",
            "kind": "family_asking",
            "contact_role": "neighbourhood",
            "summary": "Ibu warga RT 05 menanyakan tawaran kerja admin di Kamboja untuk anaknya, gaji 20 juta.",
            "destination_country": "KH",
            "person_name": "Siti Aminah",
            "person_nik": "3174064505900001",
            "recruiter_name": "Bang Jali",
            "recruiter_phone": "081299887766",
        },
    )
    assert answer.status_code == 302
    warning = EarlyWarning.objects.get()
    report = AgencyReport.objects.get()
    assert warning.report == report and report.agency == "IMIGRASI" and report.category == "exploitation_risk"
    assert report.record["reference"] == f"Desa Binaan Tebet Timur ({TEBET_TIMUR})"
    assert [s["role"] for s in report.record["subjects"]] == ["victim", "recruiter"]
    screening_context.forget()
    result = screen(Subject(app()), screening_context.load())  # Siti Aminah, that NIK, applies
    assert "agency_report" in {i.category for i in result.indicators}
    village_page = client.get(f"/desa-binaan/desa/{village.pk}/").content.decode()
    assert f"IMIGRASI/{report.external_id}" in village_page


def test_the_reach_table_and_the_yearly_report(
    village: Village, pimpasa: User, login_as: Callable[[User], Client], django_assert_max_num_queries: Any
) -> None:
    from pypdf import PdfReader

    client = login_as(pimpasa)
    client.post(f"/desa-binaan/desa/{village.pk}/kegiatan/", _event_post())
    year = Event.objects.get().held_on.year
    with django_assert_max_num_queries(30) as few:
        page = client.get("/desa-binaan/", {"tahun": year}).content.decode()
    queries = len(few)  # now: the next request empties the connection's query log
    assert "Tebet Timur" in page and '<td class="num">27</td>' in page  # 23 + 4 women
    for n in range(3):  # more villages, more events: no more queries
        other = make_user(village.office, Role.ANALYST, f"pimpasa.{n}")
        client.post(
            "/desa-binaan/", {"region_code": f"317401100{n + 2}", "officer": other.pk, "joined_on": "2025-08-28"}
        )
        client.post(f"/desa-binaan/desa/{Village.objects.latest('pk').pk}/kegiatan/", _event_post())
    with django_assert_max_num_queries(queries):
        client.get("/desa-binaan/", {"tahun": year})
    pdf = client.get(f"/desa-binaan/laporan/{year}.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split())
    assert "Tebet Timur" in text and "Kebon Baru" in text and "Sosialisasi pencegahan TPPO" in text


def test_other_offices_and_other_roles_are_kept_out(
    village: Village, offices: dict[str, Office], personas: dict[str, User], login_as: Callable[[User], Client]
) -> None:
    stranger = make_user(offices["JAKTIM"], Role.ANALYST, "analis.jaktim")
    assert login_as(stranger).get(f"/desa-binaan/desa/{village.pk}/").status_code == 404
    assert login_as(personas["counter"]).get("/desa-binaan/").status_code == 403
    assert login_as(personas["kakanim"]).get(f"/desa-binaan/desa/{village.pk}/").status_code == 200
