"""The rest of due process in an investigation: evidence kept encrypted like the channel's, conflicts of interest
that take an investigator out of a case, the superior who was told and did not act — and, in the channel, no report
about staff closed by one person."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from garda.conftest import PASSWORD, enrol_device, make_user
from garda.core.models import AuditEvent, Office, User
from garda.core.roles import Role
from garda.core.workdays import add_working_days
from garda.oversight import actions
from garda.oversight.access import investigations_for, signals_for
from garda.oversight.actions import investigations as procedure
from garda.oversight.actions.conflicts import do_declare_conflict
from garda.oversight.actions.evidence import case_key_for, do_add_evidence, read_evidence, share_case_key
from garda.oversight.models import CaseKey, Investigation, InvestigationStatus, Source, StepKind
from garda.whistle import actions as channel
from garda.whistle import api as sealing
from garda.whistle import keys

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"rekaman transfer 2.500.000 ke rekening petugas" * 20


@pytest.fixture(autouse=True)
def _store(settings: Any, tmp_path: Path) -> None:
    settings.WHISTLE_KDF = "minimal"
    settings.MEDIA_ROOT = tmp_path / "files"


@pytest.fixture
def team(personas: dict[str, User], offices: dict[str, Office]) -> dict[str, Any]:
    """Two investigators of the office and one national, each with a key pair opened as at login."""
    people = {
        "first": personas["investigator"],
        "second": make_user(offices["JAKSEL"], Role.INVESTIGATOR, "investigator.dua", full_name="Siti Rahmawati"),
        "national": make_user(offices["DITJEN"], Role.INVESTIGATOR, "patnal.pusat", full_name="Rina Kusuma"),
    }
    opened = {name: channel.do_open_key_pair(user, PASSWORD) for name, user in people.items()}
    return {"people": people, "keys": opened}


@pytest.fixture
def case(personas: dict[str, User], offices: dict[str, Office]) -> Investigation:
    return actions.do_open_investigation(
        acting_user=personas["investigator"],
        office=offices["JAKSEL"],
        subject=personas["interviewer"],
        subject_description="",
        allegation="Menerima uang dari perantara untuk mempercepat permohonan.",
        source=Source.EXTERNAL,
        source_ref="Polres Jaksel LP/123/2025",
    )


def _pdf(name: str = "mutasi.pdf") -> sealing.Upload:
    return sealing.Upload(name=name, content_type="application/pdf", data=PDF)


# --- Evidence --------------------------------------------------------------------------------------------------


def test_evidence_is_stored_encrypted_and_each_reading_is_audited(
    case: Investigation, team: dict[str, Any], settings: Any
) -> None:
    first, key = team["people"]["first"], team["keys"]["first"]
    with pytest.raises(ValidationError, match="buka kunci"):
        do_add_evidence(case, acting_user=first, private_key=None, uploads=[_pdf()], description="Mutasi rekening.")
    [row] = do_add_evidence(case, acting_user=first, private_key=key, uploads=[_pdf()], description="Mutasi rekening.")
    on_disk = (Path(settings.MEDIA_ROOT) / "oversight" / row.blob).read_bytes()
    assert b"rekaman transfer" not in on_disk and b"mutasi" not in bytes(row.meta)
    case_key = case_key_for(case, first, key)
    assert case_key is not None
    opened, data = read_evidence(row, case_key, reader=first)
    assert data == PDF and opened.name == "mutasi.pdf" and opened.description == "Mutasi rekening."
    events = AuditEvent.objects.filter(action__startswith="investigation.evidence_")
    assert [e.action for e in events.order_by("pk")] == ["investigation.evidence_add", "investigation.evidence_read"]
    assert not events.exclude(office_code="").exists()  # unscoped: the office's own trail does not show it
    # Every investigator who may see the case got a box at once; the officer examined never.
    holders = set(CaseKey.objects.filter(investigation=case).values_list("holder__username", flat=True))
    assert holders == {"investigator", "investigator.dua", "patnal.pusat"}
    assert case_key_for(case, team["people"]["national"], team["keys"]["national"]) == case_key


def test_a_new_key_pair_gets_its_box_when_a_holder_next_opens_the_case(
    case: Investigation, team: dict[str, Any]
) -> None:
    first, second = team["people"]["first"], team["people"]["second"]
    do_add_evidence(case, acting_user=first, private_key=team["keys"]["first"], uploads=[_pdf()], description="BAP.")
    channel.do_retire_key_pair(second)  # a password reset by an administrator
    new_key = channel.do_open_key_pair(second, PASSWORD)
    assert case_key_for(case, second, new_key) is None
    case_key = case_key_for(case, first, team["keys"]["first"])
    assert case_key is not None and share_case_key(case, case_key) == 1
    assert case_key_for(case, second, new_key) == case_key


def test_the_evidence_pages_need_an_opened_key_and_refuse_other_files(
    case: Investigation, team: dict[str, Any], handler: Callable[[User], Client]
) -> None:
    client = handler(team["people"]["first"])
    url = f"/pengawasan/investigasi/{case.number}/"
    bad = client.post(
        f"{url}bukti/",
        {"evidence-uploads": SimpleUploadedFile("virus.exe", b"MZ\x90\x00binary"), "evidence-description": "x"},
        follow=True,
    )
    assert "virus.exe" in bad.content.decode() and not case.evidence.exists()
    client.post(
        f"{url}bukti/",
        {"evidence-uploads": SimpleUploadedFile("mutasi.pdf", PDF), "evidence-description": "Mutasi rekening."},
    )
    page = client.get(url).content.decode()
    assert "mutasi.pdf" in page and "Mutasi rekening." in page
    download = client.get(f"{url}bukti/1/")
    assert download.status_code == 200 and download.content == PDF
    locked = Client()
    device = TOTPDevice.objects.filter(user=team["people"]["second"]).first() or enrol_device(team["people"]["second"])
    locked.force_login(team["people"]["second"], backend="django.contrib.auth.backends.ModelBackend")
    session = locked.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    page = locked.get(url).content.decode()
    assert "Buka kunci" in page and "mutasi.pdf" not in page
    assert locked.get(f"{url}bukti/1/").status_code == 404


def test_a_referral_packet_lists_the_evidence_files_by_their_digest(case: Investigation, team: dict[str, Any]) -> None:
    import hashlib

    from garda.oversight.actions import do_refer

    first = team["people"]["first"]
    do_add_evidence(case, acting_user=first, private_key=team["keys"]["first"], uploads=[_pdf()], description="BAP.")
    procedure.do_summon(
        case, acting_user=first, examination_on=add_working_days(timezone.localdate(), 8), place="Ruang Kepatuhan"
    )
    referral = do_refer(case, acting_user=first, agency="polri", crime="extortion", summary="Pungli di loket 3.")
    assert referral.packet["files"] == [
        {"position": 1, "sha256": hashlib.sha256(PDF).hexdigest(), "added_at": case.evidence.get().added_at.isoformat()}
    ]
    assert "mutasi" not in str(referral.packet)  # names and contents stay encrypted


# --- Conflicts of interest -------------------------------------------------------------------------------------


def test_a_standing_declaration_takes_the_investigator_out_of_every_case_about_the_officer(
    case: Investigation, team: dict[str, Any], personas: dict[str, User], offices: dict[str, Office]
) -> None:
    first, second = team["people"]["first"], team["people"]["second"]
    do_add_evidence(case, acting_user=first, private_key=team["keys"]["first"], uploads=[_pdf()], description="BAP.")
    assert investigations_for(second).filter(pk=case.pk).exists()
    with pytest.raises(ValidationError, match="hubungan"):
        do_declare_conflict(acting_user=second, concerning=personas["interviewer"], relation="cousin", note="Sepupu")
    do_declare_conflict(
        acting_user=second,
        concerning=personas["interviewer"],
        relation="family",
        note="Petugas ini sepupu saya.",
        private_key=team["keys"]["second"],
    )
    assert not investigations_for(second).filter(pk=case.pk).exists()
    assert not CaseKey.objects.filter(investigation=case, holder=second).exists()
    with pytest.raises(PermissionDenied):
        procedure.do_summon(
            case,
            acting_user=second,
            examination_on=add_working_days(timezone.localdate(), 8),
            place="Ruang Kepatuhan",
        )
    with pytest.raises(ValidationError, match="benturan kepentingan"):  # nor a new case about him
        actions.do_open_investigation(
            acting_user=second,
            office=offices["JAKSEL"],
            subject=personas["interviewer"],
            subject_description="",
            allegation="Dugaan baru tentang petugas yang sama.",
            source=Source.EXTERNAL,
            source_ref="Ombudsman 1/2025",
        )
    assert not signals_for(second).filter(officer=personas["interviewer"]).exists()
    # The others still hold the case and its evidence.
    assert investigations_for(first).filter(pk=case.pk).exists()
    assert case_key_for(case, first, team["keys"]["first"]) is not None


def test_stepping_aside_from_one_case_and_the_last_key_holder_is_kept_from_losing_the_evidence(
    case: Investigation, team: dict[str, Any], personas: dict[str, User]
) -> None:
    first, second, national = team["people"]["first"], team["people"]["second"], team["people"]["national"]
    do_add_evidence(case, acting_user=first, private_key=team["keys"]["first"], uploads=[_pdf()], description="BAP.")
    CaseKey.objects.filter(investigation=case).exclude(holder=first).delete()  # as if the others came later
    with pytest.raises(ValidationError, match="satu-satunya pemegang kunci"):
        do_declare_conflict(acting_user=first, investigation=case, relation="personal", note="Teman dekat petugas.")
    do_declare_conflict(
        acting_user=first,
        investigation=case,
        relation="personal",
        note="Teman dekat petugas.",
        private_key=team["keys"]["first"],
    )
    assert not investigations_for(first).filter(pk=case.pk).exists()
    assert case_key_for(case, second, team["keys"]["second"]) is not None
    assert case_key_for(case, national, team["keys"]["national"]) is not None
    assert case_key_for(case, first, team["keys"]["first"]) is None


def test_a_head_who_declared_a_conflict_cannot_decree_or_co_sign(
    case: Investigation, personas: dict[str, User]
) -> None:
    investigator, kakanim = personas["investigator"], personas["kakanim"]
    procedure.do_summon(
        case,
        acting_user=investigator,
        examination_on=add_working_days(timezone.localdate(), 8),
        place="Ruang Kepatuhan",
    )
    procedure.do_record_examination(
        case,
        acting_user=investigator,
        examined_on=timezone.localdate(),
        team="Kasi",
        statement="Tidak mengakui.",
        findings="Saksi tidak hadir.",
    )
    procedure.do_report(case, acting_user=investigator, outcome="not_proven", recommendation="Bukti tidak cukup.")
    procedure.do_propose_close(case, acting_user=investigator, outcome="not_proven", reason="Saksi tidak ada.")
    do_declare_conflict(acting_user=kakanim, concerning=personas["interviewer"], relation="family", note="Adik ipar.")
    with pytest.raises(PermissionDenied):
        procedure.do_confirm_close(case, acting_user=kakanim, confirm=True, reason="Setuju ditutup, bukti kurang.")


# --- The superior who knows and does not act --------------------------------------------------------------------


def test_a_superior_told_and_silent_past_the_deadline_is_flagged_and_may_be_examined(
    case: Investigation, personas: dict[str, User], login_as: Callable[[User], Client]
) -> None:
    investigator, kasi = personas["investigator"], personas["kasi"]
    informed_on = timezone.localdate() - timedelta(days=30)
    with pytest.raises(ValidationError, match="atasan langsung"):
        procedure.do_inform_superior(
            case, acting_user=investigator, superior=personas["interviewer"], informed_on=informed_on
        )
    step = procedure.do_inform_superior(case, acting_user=investigator, superior=kasi, informed_on=informed_on)
    assert step.due == add_working_days(informed_on, 10)
    assert procedure.superior_overdue(case, today=step.due) is None
    assert procedure.superior_overdue(case) == step
    # The superior is told on their home page (the officer, the deadline), the officer examined is not.
    home = login_as(kasi).get("/beranda/").content.decode()
    assert "Kewajiban atasan langsung" in home and case.number in home
    officer_home = Client()
    device = enrol_device(personas["interviewer"])
    officer_home.force_login(personas["interviewer"], backend="django.contrib.auth.backends.ModelBackend")
    session = officer_home.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    assert case.number not in officer_home.get("/beranda/").content.decode()
    client = login_as(investigator)
    url = f"/pengawasan/investigasi/{case.number}/"
    listing = client.get("/pengawasan/investigasi/").content.decode()
    assert "atasan melewati tenggat" in listing
    client.post(url, {"step": "superior_inaction", "superior_inaction-note": "Tidak ada panggilan sampai tenggat."})
    assert case.steps.filter(kind=StepKind.SUPERIOR_INACTION).exists()
    client.post(f"{url}atasan/")
    about_superior = Investigation.objects.get(source=Source.SUPERIOR, source_ref=case.number)
    assert about_superior.subject == kasi and "Pasal 28" in about_superior.allegation
    client.post(f"{url}atasan/")  # once only
    assert Investigation.objects.filter(source=Source.SUPERIOR).count() == 1


def test_a_superior_who_summons_in_time_is_not_flagged(case: Investigation, personas: dict[str, User]) -> None:
    investigator = personas["investigator"]
    informed_on = timezone.localdate() - timedelta(days=30)
    procedure.do_inform_superior(case, acting_user=investigator, superior=personas["kasi"], informed_on=informed_on)
    procedure.do_summon(
        case,
        acting_user=investigator,
        examination_on=add_working_days(timezone.localdate(), 8),
        place="Ruang Kasi",
    )
    assert case.status == InvestigationStatus.SUMMONED and procedure.superior_overdue(case) is None
    with pytest.raises(ValidationError, match="tenggat atasan"):
        procedure.do_record_superior_inaction(case, acting_user=investigator, note="Tidak ada panggilan.")


# --- Two people close a report about staff ---------------------------------------------------------------------


@pytest.fixture
def handler(db: None) -> Callable[[User], Client]:
    def _login(user: User) -> Client:
        client = Client()
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or enrol_device(user)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session["otp_device_id"] = device.persistent_id
        keys.keep_in_session(session, channel.do_open_key_pair(user, PASSWORD))
        session.save()
        return client

    return _login


# --- Lists keep their query count --------------------------------------------------------------------------------


def test_the_declarations_and_case_lists_do_not_grow_queries_with_rows(
    personas: dict[str, User], offices: dict[str, Office], login_as: Callable[[User], Client]
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    investigator = personas["investigator"]
    client = login_as(investigator)

    def add(n: int, start: int) -> None:
        for i in range(start, start + n):
            officer = make_user(offices["JAKSEL"], Role.COUNTER, f"loket.{i}")
            case = actions.do_open_investigation(
                acting_user=investigator, office=offices["JAKSEL"], subject=officer, subject_description="",
                allegation="Pemohon biro jasa didahulukan di loket.", source=Source.OTHER,
            )  # fmt: skip
            procedure.do_inform_superior(
                case, acting_user=investigator, superior=personas["kasi"], informed_on=timezone.localdate()
            )
            colleague = make_user(offices["JAKSEL"], Role.INVESTIGATOR, f"investigator.{i}")
            do_declare_conflict(
                acting_user=colleague, concerning=officer, relation="household", note="Tinggal di rumah yang sama."
            )

    add(2, 0)
    counts = {}
    for url in ("/pengawasan/investigasi/", "/pengawasan/benturan-kepentingan/"):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    add(6, 2)
    for url, before in counts.items():
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        assert len(queries) == before, url
        assert page.count("INV-") >= 8 if "investigasi" in url else page.count("Tinggal serumah") >= 8
