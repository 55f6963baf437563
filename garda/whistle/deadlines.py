"""The channel's deadlines: acknowledge a report within 3 working days (LAPOR!-style verification) and give the
reporter a first answer within 14 days (the ministry's WBS examines and confirms within 14 days, domain brief §7).
An administrator may change them in the reference list `whistle_deadlines` (kind "parameters")."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from garda.core.reflists import parameters
from garda.core.workdays import add_working_days
from garda.whistle.models import Report, Status

LIST = "whistle_deadlines"


@dataclass(frozen=True)
class Due:
    acknowledge: date | None  # None once acknowledged
    first_response: date | None  # None once answered
    overdue: bool


@dataclass(frozen=True)
class Deadlines:
    acknowledge_working_days: int = 3
    first_response_days: int = 14

    def due(self, report: Report, today: date | None = None) -> Due:
        today = today or timezone.localdate()
        received = timezone.localtime(report.received_at).date()
        open_ = report.status != Status.CLOSED
        acknowledge = (
            add_working_days(received, self.acknowledge_working_days)
            if report.acknowledged_at is None and open_
            else None
        )
        first = (
            received + timedelta(days=self.first_response_days) if report.first_response_at is None and open_ else None
        )
        overdue = any(d is not None and d < today for d in (acknowledge, first))
        return Due(acknowledge, first, overdue)


def current() -> Deadlines:
    values = parameters(LIST)
    defaults = Deadlines()
    return Deadlines(**{name: values.get(name, getattr(defaults, name)) for name in Deadlines.__dataclass_fields__})
