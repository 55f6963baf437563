"""Decision work in the inbox: a proposal to check, a case to decide, a proposal sent back to its maker, a
postponement whose documents fall due, an objection waiting for its answer."""

from collections.abc import Iterator
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from garda.core.access import has_capability
from garda.core.inbox import PER_SOURCE, Item
from garda.core.models import User
from garda.core.roles import Capability
from garda.core.workdays import add_working_days
from garda.decisions import deadlines
from garda.decisions.models import Case, FollowUp, FollowUpKind, Kind, Status

# A running postponement enters the inbox this many days before its documents fall due.
POSTPONEMENT_NOTICE_DAYS = 7
STEP_TAKERS = (Capability.DECISIONS_PROPOSE, Capability.DECISIONS_REVIEW, Capability.DECISIONS_DECIDE)


def _item(kind: str, case: Case, due: date | None) -> Item:
    return Item(
        kind=kind,
        # The label from a table made once: get_kind_display() translates every choice again for each case.
        title=f"{_kind_labels()[case.kind]} — {case.subject_name}",
        url=reverse("decisions:detail", args=[case.pk]),
        due=due,
        detail=f"#{case.pk}",
    )


def _kind_labels() -> dict[str, str]:
    language = get_language() or ""
    labels = _LABELS.get(language)
    if labels is None:
        labels = _LABELS[language] = {str(value): str(label) for value, label in Kind.choices}
    return labels


_LABELS: dict[str, dict[str, str]] = {}  # language → the kinds' labels in it


def _own(user: User) -> QuerySet[Case]:
    # What an item and its deadline read: not the findings, facts and grounds of every case.
    return Case.objects.filter(office_id=user.office_id).only(
        "office_id", "kind", "status", "subject_name", "proposed_at", "reviewed_at", "decided_at", "proposed_by_id"
    )


def decision_items(user: User, today: date) -> Iterator[Item]:
    if not any(has_capability(user, c) for c in STEP_TAKERS):
        return
    periods = deadlines.current()
    if has_capability(user, Capability.DECISIONS_REVIEW):
        waiting = _own(user).filter(status__in=[Status.PROPOSED, Status.RETURNED]).exclude(proposed_by=user)
        for case in waiting.order_by("proposed_at")[:PER_SOURCE]:
            yield _item(_("Periksa usulan"), case, periods.due(case))
    if has_capability(user, Capability.DECISIONS_DECIDE):
        forwarded = _own(user).filter(status=Status.FORWARDED).exclude(proposed_by=user).exclude(reviewed_by=user)
        for case in forwarded.order_by("reviewed_at")[:PER_SOURCE]:
            yield _item(_("Putuskan usulan"), case, periods.due(case))
        # A check left undone past its deadline is the head's to chase (the case list shows the same queue).
        for case in _own(user).filter(status=Status.PROPOSED).order_by("proposed_at")[:PER_SOURCE]:
            due = periods.due(case)
            if due is not None and due < today:
                yield _item(_("Pemeriksaan Kepala Seksi terlambat"), case, due)
        yield from _objections(user, periods.objection_answer_working_days)
    if has_capability(user, Capability.DECISIONS_PROPOSE):
        for case in _own(user).filter(status=Status.RETURNED, proposed_by=user).order_by("reviewed_at")[:PER_SOURCE]:
            yield _item(_("Usulan dikembalikan kepada Anda"), case, periods.due(case))
        yield from _postponements(user, today, periods.postponement_days)


def _postponements(user: User, today: date, period: int) -> Iterator[Item]:
    """Approved postponements still running whose documents fall due within a week (or are past due and wait for
    the worker to lapse them)."""
    ended = FollowUp.objects.filter(case=OuterRef("pk"), kind__in=[FollowUpKind.RESUMED, FollowUpKind.LAPSED])
    horizon = timezone.now() - timedelta(days=period - POSTPONEMENT_NOTICE_DAYS)
    running = (
        _own(user)
        .filter(kind=Kind.POSTPONEMENT, status=Status.APPROVED, decided_at__lte=horizon)
        .exclude(Exists(ended))
        .order_by("decided_at")
    )
    for case in running[:PER_SOURCE]:
        assert case.decided_at is not None  # approved cases carry it (a database constraint)
        due = timezone.localtime(case.decided_at).date() + timedelta(days=period)
        yield _item(_("Batas penyerahan dokumen penundaan"), case, due)


def _objections(user: User, answer_days: int) -> Iterator[Item]:
    """Objections filed and not yet answered: the latest follow-up of the case is the filing."""
    latest = FollowUp.objects.filter(case=OuterRef("pk")).order_by("-recorded_at", "-id")
    pending = (
        _own(user)
        .filter(status=Status.APPROVED)
        .annotate(last_kind=Subquery(latest.values("kind")[:1]), last_at=Subquery(latest.values("recorded_at")[:1]))
        .filter(last_kind=FollowUpKind.APPEAL_FILED)
        .order_by("last_at")
    )
    for case in pending[:PER_SOURCE]:
        filed = timezone.localtime(case.last_at).date()
        yield _item(_("Jawab keberatan"), case, add_working_days(filed, answer_days))
