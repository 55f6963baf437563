"""The whistleblowing channel's public surface: what oversight (which investigates what the channel receives)
may use. Never the content or the reporter: only which reports a user holds, and a report opened by its holder.
"""

from typing import Any

from django.db.models import QuerySet

from garda.core.models import User
from garda.whistle.access import access_opened_report, held_reports
from garda.whistle.models import Report, Unit

__all__ = ["Report", "access_opened_report", "for_internal_compliance", "held_report_numbers"]


def held_report_numbers(user: User) -> QuerySet[Report, Any]:
    """The numbers (a `values("number")` subquery) of the reports the user holds a grant for."""
    return held_reports(user).values("number")


def for_internal_compliance(report: Report) -> bool:
    """Reports naming staff go to internal compliance; only those may open an internal investigation."""
    return report.unit == Unit.COMPLIANCE
