"""Channel work in the inbox, for the people who hold a report's key and no one else: a report to acknowledge or
answer, a reporter's new message, a close waiting for its second signature, a request to learn a reporter's
identity. Items name the report by number only — its content is sealed and never leaves the report page."""

from collections.abc import Iterator
from datetime import date

from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from garda.core.access import has_capability
from garda.core.inbox import PER_SOURCE, Item
from garda.core.models import User
from garda.core.roles import Capability
from garda.core.workdays import add_working_days
from garda.whistle import deadlines
from garda.whistle.access import reports_for, reveal_requests_for
from garda.whistle.models import Report, Status


def _item(kind: str, report: Report, due: date | None) -> Item:
    return Item(kind=kind, title=report.number, url=reverse("whistle:detail", args=[report.number]), due=due)


def whistle_items(user: User, today: date) -> Iterator[Item]:
    for request in reveal_requests_for(user).order_by("requested_at")[:PER_SOURCE]:
        yield Item(
            kind=_("Putuskan permintaan membuka identitas pelapor"),
            title=request.report.number,
            url=reverse("whistle:reveal_queue"),
            due=None,
        )
    if not has_capability(user, Capability.WHISTLE_HANDLE):
        return
    periods = deadlines.current()
    open_reports = (
        reports_for(user)
        .exclude(status=Status.CLOSED)
        .annotate(last_answer=Max("messages__created_at", filter=Q(messages__from_reporter=False)))
        .order_by("received_at")
    )
    for report in open_reports[:PER_SOURCE]:
        due = periods.due(report, today)
        if due.acknowledge is not None:
            yield _item(_("Tanggapi laporan pengaduan"), report, due.acknowledge)
        elif due.first_response is not None:
            yield _item(_("Beri jawaban pertama kepada pelapor"), report, due.first_response)
        last_answer = report.last_answer
        if report.reporter_active_at and last_answer and report.reporter_active_at > last_answer:
            # A message after an answer is answered within the acknowledgement period, like a new report.
            written = timezone.localtime(report.reporter_active_at).date()
            yield _item(
                _("Pesan baru dari pelapor"), report, add_working_days(written, periods.acknowledge_working_days)
            )
        if report.close_proposed_by_id not in (None, user.pk):
            yield _item(_("Tanda tangan kedua penutupan laporan"), report, None)
