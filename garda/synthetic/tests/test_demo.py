"""The demo installation: offices, staff in every role, Indonesian-looking synthetic data."""

import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from garda.core.audit import verify_chain
from garda.core.models import Office, Region, User
from garda.core.roles import Role
from garda.synthetic import demo


@pytest.fixture
def demo_db(db: None) -> None:
    call_command("demo", "--if-empty")


def test_demo_has_jaksel_and_staff_in_every_role(demo_db: None) -> None:
    jaksel = Office.objects.get(code="JAKSEL")
    assert jaksel.name == "Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan"
    assert jaksel.parent.code == "KANWIL_DKI" and jaksel.parent.parent.code == "DITJEN"
    roles = set(User.objects.filter(office=jaksel).values_list("role", flat=True))
    assert roles == set(Role.values)
    assert {o.time_zone_label for o in Office.objects.all()} == {"WIB", "WITA", "WIT"}


def test_demo_personas_can_use_the_printed_password(demo_db: None) -> None:
    for username, _office, _role in demo.persona_table():
        assert User.objects.get(username=username).check_password(demo.DEMO_PASSWORD)


def test_demo_staff_numbers_look_real(demo_db: None) -> None:
    for user in User.objects.exclude(nip=""):
        assert re.fullmatch(r"\d{18}", user.nip)
        born = date(int(user.nip[:4]), int(user.nip[4:6]), int(user.nip[6:8]))
        assert 1960 < born.year < 2005
        assert user.nip[14] in "12"
        assert re.fullmatch(r"08\d{9,11}", user.phone)


def test_demo_office_region_codes_exist(demo_db: None) -> None:
    for office in Office.objects.exclude(region_code=""):
        assert Region.objects.filter(code=office.region_code).exists(), office.code


def test_demo_is_loaded_only_once(demo_db: None, capsys: pytest.CaptureFixture[str]) -> None:
    before = User.objects.count()
    call_command("demo", "--if-empty")
    assert User.objects.count() == before
    assert "kakanim.jaksel" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("demo")


def test_demo_creation_is_audited_and_the_chain_is_intact(demo_db: None) -> None:
    report = verify_chain()
    assert report.intact and report.count >= User.objects.count() + Office.objects.count()


def test_demo_shows_a_clearance_waiting_and_a_guided_pilgrimage_explained(demo_db: None) -> None:
    from garda.core.reflists import current_revision
    from garda.screening.models import Application, Review

    [waiting] = Review.objects.filter(needs_confirmation=True, confirmed=None)
    assert waiting.officer.username == "wawancara.jaksel" and waiting.application.risk_level == "high"
    assert waiting.application.office_code == "JAKSEL"
    assert len(current_revision("tour_operators").items) >= 2
    pilgrims = Application.objects.filter(
        office_code="JAKSEL", record__companion__relation="travel_agent", screenings__isnull=False
    )
    assert pilgrims.exists() and all(a.risk_level == "low" for a in pilgrims)


def test_demo_has_a_year_of_oversight(demo_db: None) -> None:
    """The signals find exactly the two planted interviewers; one leads to a decree, the other is explained; the
    inspections, the referral and the sealed close are there; and the decision figure of the seed article stands."""
    from garda.oversight.models import (
        CriminalReferral,
        Inspection,
        IntegritySignal,
        Investigation,
        InvestigationStatus,
        SignalStatus,
    )

    signals = {s.officer.username: s for s in IntegritySignal.objects.select_related("officer")}
    assert set(signals) == {"wawancara3.jaksel", "wawancara5.jaksel"}
    assert signals["wawancara3.jaksel"].status == SignalStatus.ESCALATED
    assert signals["wawancara5.jaksel"].status == SignalStatus.DISMISSED
    assert signals["wawancara3.jaksel"].investigation.status == InvestigationStatus.DECREED
    assert Inspection.objects.filter(office__code="JAKSEL").count() == 3
    assert CriminalReferral.objects.filter(agency="polri").count() == 1
    assert Investigation.objects.filter(status=InvestigationStatus.CLOSED, sealed=True).count() == 1
    released = Investigation.objects.get(released=True).subject
    assert released.released_from_duties
    # Evidence kept encrypted and cited by digest in the referral; a silent superior flagged; a declaration.
    from garda.oversight.actions.investigations import superior_overdue
    from garda.oversight.models import ConflictDeclaration, EvidenceFile
    from garda.whistle.models import Report

    assert EvidenceFile.objects.count() == 1
    assert CriminalReferral.objects.get().packet["files"][0]["sha256"] == EvidenceFile.objects.get().digest
    assert [i.number for i in Investigation.objects.all() if superior_overdue(i)] != []
    assert ConflictDeclaration.objects.get().declarant.username == "kakanim.jaksel"
    assert not Report.objects.filter(unit="compliance", status="closed", close_confirmed_by__isnull=True).exists()
    from garda.stats.decisions import decision_stats

    assert decision_stats("JAKSEL", date(2025, 1, 1), date(2025, 9, 30)).total == 32


def test_demo_partners_find_their_work(demo_db: None) -> None:
    """KP2MI, Polri and Kemlu users belong to organisations with agreements in force; KP2MI has a referral waiting
    and its reports (imported and sent through the portal) with their status; Polri's referral is done; Kemlu's is
    waiting at the office."""
    from garda.core.roles import Role
    from garda.partners.access import referrals_of, reports_of
    from garda.partners.models import ReferralStatus

    partners = {u.username: u for u in User.objects.filter(role=Role.PARTNER).select_related("organisation")}
    assert {"mitra.kp2mi", "mitra.polri", "mitra.kemlu"} <= set(partners)
    kp2mi = partners["mitra.kp2mi"].organisation
    assert kp2mi is not None and kp2mi.agreement_in_force()
    assert reports_of(kp2mi).count() >= 2
    assert referrals_of(kp2mi).filter(status=ReferralStatus.IN_PROGRESS).count() == 1
    polri = partners["mitra.polri"].organisation
    assert polri is not None and referrals_of(polri).get().status == ReferralStatus.DONE
    kemlu = partners["mitra.kemlu"].organisation
    assert kemlu is not None and referrals_of(kemlu).get().direction == "in"


def test_demo_fosters_tebet_and_its_warnings_reach_intelligence(demo_db: None) -> None:
    """The seven kelurahan of Kecamatan Tebet, the 28 August 2025 socialisation with its photos, and early warnings
    entered as the office's intelligence reports."""
    from garda.intel.api import AgencyReport
    from garda.outreach.models import EarlyWarning, Event, Village

    assert Village.objects.filter(district_name="Tebet").count() == 7
    first = Event.objects.get(held_on=date(2025, 8, 28))
    assert first.place == "Kantor Kecamatan Tebet" and first.photos.count() == 2
    assert EarlyWarning.objects.count() == 3
    assert AgencyReport.objects.filter(agency="IMIGRASI", reference__startswith="Desa Binaan").count() == 3


def test_demo_trains_staff_some_now_due(demo_db: None) -> None:
    """Courses for each staff group and for villagers; sessions with certificates; the head sees coverage with some
    officers due for a refresher and some never trained."""
    from django.utils import timezone

    from garda.core.models import Office
    from garda.training.coverage import DUE, NEVER, coverage
    from garda.training.models import Enrolment

    assert Enrolment.objects.filter(certificate_code__isnull=False).count() >= 10
    _roles, officers = coverage(Office.objects.get(code="JAKSEL"), timezone.localdate())
    states = {o.status for o in officers}
    assert DUE in states and NEVER in states
