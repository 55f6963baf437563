"""The PP 94/2021 procedure as a state machine: summons with their notice, the examination record, a report that
can only propose what the catalogue allows, temporary release that withdraws every privilege at once, the decree
by the official the authority list names, delivery and objection within their periods — and the close of a case
without a sanction only with two signatures, sealing a "not proven"."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from garda.conftest import make_user
from garda.core.access import has_capability
from garda.core.models import AuditEvent, User
from garda.core.roles import Capability, Role
from garda.core.workdays import add_working_days
from garda.oversight import actions
from garda.oversight.access import investigations_for
from garda.oversight.actions import investigations as procedure
from garda.oversight.models import Investigation, InvestigationStatus, Outcome, Source

BAP = "Petugas mengakui menerima uang dari perantara di depan kantor pada 3 Maret."


@pytest.fixture
def case(personas: dict[str, User], offices: dict[str, Any]) -> Investigation:
    return actions.do_open_investigation(
        acting_user=personas["investigator"],
        office=offices["JAKSEL"],
        subject=personas["interviewer"],
        subject_description="",
        allegation="Menerima uang dari perantara untuk mempercepat permohonan.",
        source=Source.EXTERNAL,
        source_ref="Ombudsman RI 0421/2025",
    )


def _to_examined(case: Investigation, investigator: User, *, team: str = "Kasi; Kepatuhan; Kepegawaian") -> None:
    today = timezone.localdate()
    procedure.do_summon(
        case, acting_user=investigator, examination_on=add_working_days(today, 8), place="Ruang Kepatuhan, lt. 3"
    )
    procedure.do_record_examination(
        case, acting_user=investigator, examined_on=today, team=team, statement=BAP, findings=BAP
    )


def test_summons_give_the_notice_the_list_sets(case: Investigation, personas: dict[str, User]) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="7 hari kerja"):
        procedure.do_summon(
            case, acting_user=personas["investigator"], examination_on=today + timedelta(days=2), place="Ruang rapat"
        )
    first = procedure.do_summon(
        case, acting_user=personas["investigator"], examination_on=add_working_days(today, 7), place="Ruang rapat"
    )
    assert first.number == f"SP-1/{case.number}" and case.status == InvestigationStatus.SUMMONED
    with pytest.raises(ValidationError, match="panggilan II"):  # the first date has not passed
        procedure.do_summon(
            case, acting_user=personas["investigator"], examination_on=add_working_days(today, 20), place="Ruang rapat"
        )
    second = procedure.do_summon(
        case,
        acting_user=personas["investigator"],
        examination_on=add_working_days(first.on, 9),
        place="Ruang rapat",
        today=first.on + timedelta(days=1),
    )
    assert second.number == f"SP-2/{case.number}"
    assert not AuditEvent.objects.filter(action__startswith="investigation.").exclude(office_code="").exists()


def test_a_proven_case_to_a_final_sanction_with_release_and_objection(
    case: Investigation, personas: dict[str, User], offices: dict[str, Any]
) -> None:
    investigator, kakanim, officer = personas["investigator"], personas["kakanim"], personas["interviewer"]
    _to_examined(case, investigator)
    procedure.do_release_from_duties(case, acting_user=investigator, released=True, reason="Mencegah pengaruh saksi.")
    officer.refresh_from_db()
    assert officer.released_from_duties and not has_capability(officer, Capability.SCREENING_REVIEW)
    with pytest.raises(ValidationError, match="tidak berlaku"):  # extortion is a heavy offence only
        procedure.do_report(
            case, acting_user=investigator, outcome=Outcome.PROVEN, offence="extortion", level="ringan",
            recommendation="Direkomendasikan hukuman ringan.",
        )  # fmt: skip
    assert investigations_for(kakanim).filter(pk=case.pk).count() == 0  # the head sees it once reported
    procedure.do_report(
        case, acting_user=investigator, outcome=Outcome.PROVEN, offence="extortion", level="berat",
        recommendation="Terbukti; direkomendasikan hukuman disiplin berat.",
    )  # fmt: skip
    assert investigations_for(kakanim).filter(pk=case.pk).count() == 1
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="tidak berwenang"):  # a Kanim head imposes light and medium only
        procedure.do_decree(case, acting_user=kakanim, sanction="demotion_12", number="KEP-001/JAKSEL/2025", on=today)
    national = make_user(offices["DITJEN"], Role.INVESTIGATOR, "patnal.pusat")
    with pytest.raises(ValidationError, match="tingkat yang direkomendasikan"):
        procedure.do_decree(case, acting_user=national, sanction="written_reprimand", number="KEP-9/PATNAL", on=today)
    with pytest.raises(PermissionDenied):  # the examiner who reported does not decide
        procedure.do_decree(case, acting_user=investigator, sanction="demotion_12", number="KEP-1/2025", on=today)
    with pytest.raises(ValidationError, match="nomor keputusan"):
        procedure.do_decree(case, acting_user=national, sanction="demotion_12", number="  ", on=today)
    decree = procedure.do_decree(
        case, acting_user=national, sanction="demotion_12", number="KEP-0007/PATNAL/2025", on=today
    )
    assert decree.due == add_working_days(today, 14)
    delivery = procedure.do_record_delivery(case, acting_user=investigator, delivered_on=today)
    assert delivery.due is not None
    with pytest.raises(ValidationError, match="tenggat"):
        procedure.do_finalise(case, acting_user=investigator)
    with pytest.raises(ValidationError, match="melewati tenggat"):
        procedure.do_record_objection(
            case, acting_user=investigator, route="banding", filed_on=delivery.due + timedelta(days=7),
            note="Banding ke BPASN diajukan pegawai.",
        )  # fmt: skip
    procedure.do_record_objection(
        case, acting_user=investigator, route="banding", filed_on=today, note="Banding ke BPASN diajukan pegawai."
    )
    procedure.do_decide_objection(
        case,
        acting_user=national,
        granted=True,
        note="BPASN mengubah hukuman.",
        sanction_after="release_from_position_12",
    )
    case.refresh_from_db()
    officer.refresh_from_db()
    assert case.status == InvestigationStatus.FINAL and case.sanction == "release_from_position_12"
    assert not officer.released_from_duties  # privileges given back when the procedure ends


def test_medium_or_heavy_needs_an_examination_team(case: Investigation, personas: dict[str, User]) -> None:
    _to_examined(case, personas["investigator"], team="Kasi")
    with pytest.raises(ValidationError, match="tim"):
        procedure.do_report(
            case, acting_user=personas["investigator"], outcome=Outcome.PROVEN, offence="sop", level="sedang",
            recommendation="Direkomendasikan hukuman sedang.",
        )  # fmt: skip
    procedure.do_report(
        case, acting_user=personas["investigator"], outcome=Outcome.PROVEN, offence="sop", level="ringan",
        recommendation="Direkomendasikan teguran tertulis.",
    )  # fmt: skip


def test_not_proven_closes_only_with_a_second_signature_and_is_sealed(
    case: Investigation, personas: dict[str, User], offices: dict[str, Any]
) -> None:
    investigator, kakanim = personas["investigator"], personas["kakanim"]
    colleague = make_user(offices["JAKSEL"], Role.INVESTIGATOR, "investigator.dua")
    _to_examined(case, investigator)
    procedure.do_report(
        case, acting_user=investigator, outcome=Outcome.NOT_PROVEN, recommendation="Keterangan saksi tidak sesuai."
    )
    procedure.do_propose_close(
        case, acting_user=investigator, outcome=Outcome.NOT_PROVEN, reason="Tidak ada bukti penerimaan uang."
    )
    with pytest.raises(PermissionDenied):  # not by the one who proposed
        procedure.do_confirm_close(case, acting_user=investigator, confirm=True, reason="Setuju ditutup saja.")
    with pytest.raises(PermissionDenied):  # never by the officer concerned
        procedure.do_confirm_close(case, acting_user=personas["interviewer"], confirm=True, reason="Setuju ditutup.")
    procedure.do_confirm_close(case, acting_user=kakanim, confirm=True, reason="Bukti tidak cukup; rekaman diperiksa.")
    case.refresh_from_db()
    assert case.status == InvestigationStatus.CLOSED and case.sealed
    assert investigations_for(colleague).filter(pk=case.pk).count() == 0  # sealed from ordinary view
    assert investigations_for(investigator).filter(pk=case.pk).count() == 1  # those who signed keep it


def test_bad_catalogue_revisions_are_refused_with_where(db: None) -> None:
    import json

    from garda.core.models import ReferenceList
    from garda.core.reflists import ListValidationError, current_items, parse_items

    fine = {"code": "fine", "level": "mahal", "title_id": "Denda", "title_en": "Fine"}
    items = [*current_items("discipline_sanctions"), fine]
    with pytest.raises(ListValidationError, match=r"\$\[9\]\.level"):
        parse_items(ReferenceList.objects.get(key="discipline_sanctions"), json.dumps(items))
    authority = [{"code": "x", "title_id": "X", "title_en": "X", "imposer_role": "raja", "levels": ["berat"]}]
    with pytest.raises(ListValidationError, match="imposer_role"):
        parse_items(ReferenceList.objects.get(key="discipline_authority"), json.dumps(authority))


def test_the_case_page_takes_each_step_and_names_bad_input(
    case: Investigation, personas: dict[str, User], login_as: Any
) -> None:
    client = login_as(personas["investigator"])
    url = f"/pengawasan/investigasi/{case.number}/"
    page = client.get(url).content.decode()
    assert "Surat panggilan" in page and "Usul penutupan tanpa hukuman" in page
    bad = client.post(url, {"step": "summon", "summon-examination_on": "kemarin", "summon-place": "Ruang"})
    assert 'id="id_summon-examination_on_error"' in bad.content.decode()
    too_soon = client.post(
        url, {"step": "summon", "summon-examination_on": timezone.localdate().isoformat(), "summon-place": "Ruang 3"}
    )
    assert "7 hari kerja" in too_soon.content.decode()
    assert not case.steps.exists()
    client.post(
        url,
        {
            "step": "summon",
            "summon-examination_on": add_working_days(timezone.localdate(), 8).isoformat(),
            "summon-place": "Ruang Kepatuhan, lantai 3",
        },
    )
    case.refresh_from_db()
    assert case.status == InvestigationStatus.SUMMONED
    assert client.post(url, {"step": "decree"}).status_code == 302  # not offered now: refused with a message
    # The officer concerned and a colleague see nothing; the head of office not before the report.
    assert login_as(personas["interviewer"]).get(url).status_code == 403
    assert login_as(personas["kakanim"]).get(url).status_code == 404


def test_the_officer_sees_the_summons_and_never_the_source(
    case: Investigation, personas: dict[str, User], login_as: Any
) -> None:
    officer = login_as(personas["interviewer"])
    assert "Panggilan pemeriksaan" not in officer.get("/beranda/").content.decode()  # nothing before the summons
    assert case.number not in officer.get("/pengawasan/panggilan-saya/").content.decode()
    _to_examined(case, personas["investigator"])
    home = officer.get("/beranda/").content.decode()
    assert "Anda menerima surat panggilan pemeriksaan disiplin." in home
    page = officer.get("/pengawasan/panggilan-saya/").content.decode()
    assert case.number in page and "Ruang Kepatuhan, lt. 3" in page and "Menerima uang dari perantara" in page
    assert "Ombudsman" not in page and BAP not in page  # neither the source nor the examiners' findings
    assert login_as(personas["kasi"]).get("/pengawasan/panggilan-saya/").content.decode().count(case.number) == 0


def test_cases_open_from_an_external_report_and_from_a_finding(
    personas: dict[str, User], offices: dict[str, Any], login_as: Any
) -> None:
    from garda.oversight.tests.test_inspections import _plan, _processed

    client = login_as(personas["investigator"])
    bad = client.post("/pengawasan/investigasi/baru/", {"open-office": offices["JAKSEL"].pk, "open-allegation": "x"})
    assert bad.status_code == 302 and not Investigation.objects.exists()  # named in a message, nothing stored
    page = client.post(
        "/pengawasan/investigasi/baru/",
        {
            "open-office": offices["JAKSEL"].pk,
            "open-source_ref": "Kompas, 3 Maret 2025",
            "open-subject": personas["counter"].pk,
            "open-allegation": "Berita: petugas loket meminta uang untuk antrean cepat.",
        },
        follow=True,
    )
    external = Investigation.objects.get()
    assert external.source == Source.EXTERNAL and external.source_ref == "Kompas, 3 Maret 2025"
    assert external.number in page.content.decode()
    _processed(personas, n=4)
    inspection = actions.do_draw_sample(_plan(personas, offices), acting_user=personas["investigator"])
    finding = actions.do_record_finding(
        inspection, acting_user=personas["investigator"], severity="high",
        description="Petugas menerima berkas titipan dari perantara di luar antrean.",
        evidence="CCTV loket 3, pukul 08.40.", officer=personas["interviewer"], owner=personas["kasi"],
    )  # fmt: skip
    client.post(f"/pengawasan/temuan/{finding.number}/pemeriksaan/", {"case-note": finding.description})
    from_finding = Investigation.objects.get(source=Source.INSPECTION)
    assert from_finding.source_ref == finding.number and from_finding.subject == personas["interviewer"]
    client.post(f"/pengawasan/temuan/{finding.number}/pemeriksaan/", {"case-note": finding.description})
    assert Investigation.objects.filter(source=Source.INSPECTION).count() == 1  # once only
