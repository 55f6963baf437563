"""Every report reaches someone: every office offered on the public form delivers, to its own handlers or the
national unit, and the recovery keys open every report; an office that cannot deliver is named by
`garda check --deploy`, and a report it could not deliver is refused while the reporter is still there."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from garda.core.models import Office
from garda.core.models.offices import OfficeKind
from garda.whistle import actions
from garda.whistle.checks import channel_delivers
from garda.whistle.models import Grant, RecipientKey, Report, Topic


def _readers(report: Report) -> list[str]:
    """Who can open the report: users with a key sealed to them, and recovery keys."""
    found = []
    for grant in Grant.objects.filter(report=report).select_related("user", "recovery"):
        if grant.recovery_id is not None:
            found.append(f"recovery:{grant.recovery.office_id}")
        elif RecipientKey.objects.filter(user=grant.user, public_key=grant.public_key).exists():
            found.append(grant.user.username)
    return found


@pytest.fixture
def demo(db: None) -> None:
    call_command("demo", "--if-empty")


def test_every_office_on_the_form_delivers_both_kinds_of_report_in_the_demo(demo: None) -> None:
    offered = Office.objects.exclude(kind=OfficeKind.KANWIL)
    assert offered.count() >= 6
    for office in offered:
        for topic in (Topic.RECRUITMENT, Topic.STAFF):
            report, _ = actions.do_submit_report(
                actions.Submission(office=office, topic=topic, what="Ada yang menawarkan kerja lewat jalur wisata.")
            )
            readers = _readers(report)
            assert any(not r.startswith("recovery:") for r in readers), (office.code, topic, readers)
            assert any(r.startswith("recovery:") for r in readers), (office.code, topic, readers)
    assert channel_delivers() == []
    call_command("check", "--deploy", "--fail-level", "ERROR", "--tag", "garda")


def test_a_reporter_who_names_every_handler_still_reaches_someone(demo: None) -> None:
    from garda.core.models import User

    jaksel = Office.objects.get(code="JAKSEL")
    everyone = "; ".join(u.full_name for u in User.objects.all())
    report, _ = actions.do_submit_report(
        actions.Submission(office=jaksel, topic=Topic.STAFF, what="Oknum meminta uang.", excluded=everyone)
    )
    readers = _readers(report)
    # Nobody named is given it; the recovery keys (held outside the system) still open it.
    assert readers and all(r.startswith("recovery:") for r in readers), readers


def test_an_office_that_cannot_deliver_is_named_by_the_deploy_check_and_refuses_reports(demo: None) -> None:
    # A new office with no handlers, and no recovery key anywhere: reports to it would be sealed to nobody.
    from garda.whistle.models import RecoveryKey

    RecoveryKey.objects.update(retired_at="2026-01-01T00:00:00Z")
    RecipientKey.objects.filter(user__office__kind=OfficeKind.NATIONAL).delete()
    errors = channel_delivers()
    assert any("CIREBON" in e.msg and "penangan" in e.msg for e in errors)
    assert any("kunci pemulihan" in e.msg for e in errors)
    with pytest.raises(SystemCheckError):
        call_command("check", "--deploy", "--fail-level", "ERROR", "--tag", "garda")
    cirebon = Office.objects.get(code="CIREBON")
    before = Report.objects.count()
    with pytest.raises(Exception, match="belum siap"):
        actions.do_submit_report(actions.Submission(office=cirebon, topic=Topic.RECRUITMENT, what="Perekrut."))
    assert Report.objects.count() == before
    # A recovery key of the office makes it deliver again (its holder can open and re-grant every report).
    actions.do_create_recovery_key(cirebon, "Kustodian Cirebon")
    report, _ = actions.do_submit_report(
        actions.Submission(office=cirebon, topic=Topic.RECRUITMENT, what="Perekrut lagi.")
    )
    assert _readers(report) == [f"recovery:{cirebon.pk}"]
