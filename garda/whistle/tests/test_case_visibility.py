"""A whistleblowing case is known to its grant holders only: a national reviewer named in a report reads neither its
events in the audit trail nor the investigation opened from it; and the officer concerned may be national staff."""

from django.test import Client
from django.urls import reverse

from garda.conftest import PASSWORD, make_user
from garda.core.access import audit_events_in_scope
from garda.core.roles import Role
from garda.oversight.access import investigations_for
from garda.oversight.actions import do_open_investigation
from garda.oversight.models import Source
from garda.whistle import actions
from garda.whistle.models import Grant, Report, Topic
from garda.whistle.tests.conftest import submit


def test_a_named_national_reviewer_learns_nothing_of_the_case(client: Client, offices, handlers, login_as) -> None:
    colleague = make_user(offices["DITJEN"], Role.INVESTIGATOR, "patnal.dua", full_name="Andi Wijaya")
    actions.do_open_key_pair(colleague, PASSWORD)
    submit(client, offices, topic=Topic.STAFF, what="Rina Kusuma dari pusat menutupi pungli di loket JAKSEL.")
    report = Report.objects.get()
    reviewer, investigator = handlers["patnal"], handlers["investigator"]
    assert not Grant.objects.filter(report=report, user=reviewer).exists()
    assert Grant.objects.filter(report=report, user=colleague).exists()
    investigation = do_open_investigation(
        acting_user=investigator,
        office=offices["JAKSEL"],
        subject=reviewer,  # national staff may be the officer concerned
        subject_description="",
        allegation="Diduga menutupi pungutan liar di loket paspor.",
        source=Source.WHISTLE,
        source_ref=report.number,
    )
    actions.do_set_status(report, acting_user=investigator, status="verified")
    # A national holder sees the case's trail and the investigation...
    assert audit_events_in_scope(colleague).filter(object_type="whistle.report", object_id=str(report.pk)).exists()
    assert audit_events_in_scope(colleague).filter(object_type="oversight.investigation").exists()
    assert investigations_for(investigator).filter(pk=investigation.pk).exists()
    # ...the named national reviewer, who may read the whole national trail otherwise, sees neither.
    visible = audit_events_in_scope(reviewer)
    assert visible.exists()  # the trail itself is still theirs
    assert not visible.filter(object_type="whistle.report", object_id=str(report.pk)).exists()
    assert not visible.filter(object_type="oversight.investigation", object_id=str(investigation.pk)).exists()
    assert not investigations_for(reviewer).filter(pk=investigation.pk).exists()
    page = login_as(reviewer).get(reverse("core:audit_list"), {"q": report.number}).content.decode()
    assert f"Laporan pengaduan {report.number}" not in page and investigation.number not in page
    holder_page = login_as(colleague).get(reverse("core:audit_list"), {"q": report.number}).content.decode()
    assert f"Laporan pengaduan {report.number}" in holder_page
