"""What an inspection samples from: the files of an office and period, each in a stratum, read through the other
apps' public modules; or, for what is checked on site (cash handling, the queue), the period's working days."""

from dataclasses import dataclass
from datetime import date

from django.utils import formats

from garda.core.models import Office
from garda.core.workdays import working_days
from garda.decisions import api as decisions
from garda.oversight.models import InspectionScope
from garda.screening import api as screening


@dataclass(frozen=True)
class Unit:
    key: str
    label: str
    officer_id: int | None
    stratum: str


def population(scope: str, office: Office, start: date, end: date, *, fast_minutes: int) -> list[Unit]:
    if scope == InspectionScope.APPLICATIONS:
        return [
            Unit(a.key, a.label, a.officer_id, a.stratum)
            for a in screening.processed_applications(office.code, start, end, fast_minutes=fast_minutes)
        ]
    if scope == InspectionScope.DECISIONS:
        return [Unit(c.key, c.label, c.officer_id, c.stratum) for c in decisions.decided_cases(office.pk, start, end)]
    return [
        Unit(day.isoformat(), str(formats.date_format(day, "l, j F Y")), None, "day")
        for day in working_days(start, end)
    ]
