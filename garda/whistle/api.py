"""The whistleblowing channel's public surface: what oversight (which investigates what the channel receives)
may use. Never the content or the reporter: only which reports a user holds, and a report opened by its holder.

It also lends its sealing to oversight's evidence store, so both keep protected files the same way: the same key
pairs (opened with the holder's password, kept for the session), the same authenticated encryption, the same
checked uploads.

The public portal hands a checked job offer over to the report form: it renders `ReportForm` prefilled, on a page
guarded the channel's way (`channel_page`: never cached, no referrer, the channel's form token). Program Desa
Binaan strips its event photos with the channel's isolated cleaner (`clean_isolated`).
"""

from typing import Any

from django.db.models import QuerySet

from garda.core.models import User
from garda.whistle.access import access_opened_report, held_reports
from garda.whistle.actions import Upload
from garda.whistle.crypto import (
    DecryptionError,
    decrypt,
    decrypt_json,
    encrypt,
    encrypt_json,
    public_bytes,
    random_key,
    seal,
    unseal,
)
from garda.whistle.forms import ACCEPT, FilesField, ReportForm, UnlockForm
from garda.whistle.keys import holds_keys, public_keys, session_key_for
from garda.whistle.models import Report, Topic, Unit
from garda.whistle.sanitize import SanitizeError, clean_isolated
from garda.whistle.views_public import channel_page

__all__ = [
    "ACCEPT",
    "DecryptionError",
    "FilesField",
    "Report",
    "ReportForm",
    "SanitizeError",
    "Topic",
    "UnlockForm",
    "Upload",
    "access_opened_report",
    "channel_page",
    "clean_isolated",
    "decrypt",
    "decrypt_json",
    "encrypt",
    "encrypt_json",
    "for_internal_compliance",
    "held_report_numbers",
    "holds_keys",
    "public_bytes",
    "public_keys",
    "random_key",
    "seal",
    "session_key_for",
    "unseal",
]


def held_report_numbers(user: User) -> QuerySet[Report, Any]:
    """The numbers (a `values("number")` subquery) of the reports the user holds a grant for."""
    return held_reports(user).values("number")


def for_internal_compliance(report: Report) -> bool:
    """Reports naming staff go to internal compliance; only those may open an internal investigation."""
    return report.unit == Unit.COMPLIANCE


def deadline_figures(office_ids: list[int], start: Any, end: Any, today: Any) -> dict[str, int]:
    """Counts only, for the dashboards: reports received at the offices in [start, end], how many are still open,
    and how many of those have missed the acknowledgement or first-answer deadline today. Never a topic of a
    report about staff, never a number: a count is all the dashboard may know of the channel."""
    from garda.whistle import deadlines
    from garda.whistle.models import Report, Status

    periods = deadlines.current()
    received = Report.objects.filter(
        office_id__in=office_ids, received_at__date__gte=start, received_at__date__lte=end
    ).only("received_at", "acknowledged_at", "first_response_at", "status")
    figures = {"received": 0, "open": 0, "late_acknowledgement": 0, "late_first_answer": 0}
    for report in received.iterator(chunk_size=1000):
        figures["received"] += 1
        if report.status == Status.CLOSED:
            continue
        figures["open"] += 1
        due = periods.due(report, today)
        figures["late_acknowledgement"] += int(due.acknowledge is not None and due.acknowledge < today)
        figures["late_first_answer"] += int(due.first_response is not None and due.first_response < today)
    return figures
