"""Oversight work in the inbox: a finding the user must remedy, a finding past its deadline at an inspected
office, an investigation step whose deadline is near, an integrity signal not yet reviewed."""

from collections.abc import Iterator
from datetime import date, timedelta

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from garda.core.access import has_capability
from garda.core.inbox import PER_SOURCE, Item
from garda.core.models import User
from garda.core.roles import Capability
from garda.oversight.access import findings_for, investigations_for, signals_for
from garda.oversight.models import FindingStatus, InvestigationStatus, InvestigationStep
from garda.oversight.models.integrity import SignalStatus

# An investigation's step deadline enters the inbox this many days ahead.
STEP_NOTICE_DAYS = 7


def oversight_items(user: User, today: date) -> Iterator[Item]:
    findings = findings_for(user).filter(status=FindingStatus.OPEN)
    for finding in findings.filter(owner=user).order_by("due")[:PER_SOURCE]:
        yield Item(
            kind=_("Tindak lanjuti temuan inspeksi"),
            title=finding.number,
            url=reverse("oversight:finding_detail", args=[finding.number]),
            due=finding.due,
            detail=finding.get_severity_display(),
        )
    if has_capability(user, Capability.INSPECTIONS):
        late = findings.exclude(owner=user).filter(due__lt=today).order_by("due")
        for finding in late[:PER_SOURCE]:
            yield Item(
                kind=_("Temuan inspeksi lewat tenggat"),
                title=finding.number,
                url=reverse("oversight:finding_detail", args=[finding.number]),
                due=finding.due,
                detail=finding.inspection.office.code,
            )
        for signal in signals_for(user).filter(status=SignalStatus.OPEN).order_by("computed_at")[:PER_SOURCE]:
            yield Item(
                kind=_("Tinjau sinyal integritas"),
                title=signal.officer.full_name,
                url=reverse("oversight:signal_detail", args=[signal.pk]),
                detail=signal.get_metric_display(),
            )
    yield from _investigation_deadlines(user, today)


def _investigation_deadlines(user: User, today: date) -> Iterator[Item]:
    """Each open investigation's latest deadline (a summons' date, the report's), when it is near or past."""
    latest = InvestigationStep.objects.filter(investigation=OuterRef("pk"), due__isnull=False).order_by("-at", "-id")
    cases = (
        investigations_for(user)
        .exclude(status=InvestigationStatus.CLOSED)
        .annotate(next_due=Subquery(latest.values("due")[:1]), next_kind=Subquery(latest.values("kind")[:1]))
        .filter(next_due__lte=today + timedelta(days=STEP_NOTICE_DAYS))
        .order_by("next_due")
    )
    for case in cases[:PER_SOURCE]:
        yield Item(
            kind=_("Tenggat pemeriksaan disiplin"),
            title=case.number,
            url=reverse("oversight:detail", args=[case.number]),
            due=case.next_due,
        )
