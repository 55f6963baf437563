"""Who is trained: for each officer of an office, the staff courses their role requires and whether they hold a
certificate still in force (a course's refresher period after the date it was certified; 0 months: for good). The
head of office reads it per role. Three queries, whatever the number of officers."""

import calendar
from dataclasses import dataclass, field
from datetime import date

from garda.core.forms import office_staff
from garda.core.models import Office, User
from garda.core.roles import Role
from garda.training.models import Audience, Course, Enrolment

CURRENT, DUE, NEVER = "current", "due", "never"


@dataclass
class OfficerCoverage:
    user: User
    status: str  # the worst over the required courses; "current" when nothing is required
    courses: list[tuple[Course, str, date | None]]  # course, status, valid until


@dataclass
class RoleCoverage:
    role: str
    label: str
    officers: int = 0
    current: int = 0
    due: int = 0
    never: int = 0
    required: list[Course] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.current / self.officers) if self.officers else 0


def add_months(day: date, months: int) -> date:
    """The same day so many months on (the month's last day when it is shorter: 31 August + 6 months = 28/29 Feb)."""
    years, month = divmod(day.month - 1 + months, 12)
    year = day.year + years
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def valid_until(course: Course, certified_on: date) -> date | None:
    return add_months(certified_on, course.refresher_months) if course.refresher_months else None


def coverage(office: Office, today: date) -> tuple[list[RoleCoverage], list[OfficerCoverage]]:
    officers = list(office_staff(office.pk))
    courses = list(Course.objects.filter(audience=Audience.STAFF, active=True))
    latest: dict[tuple[int, int], date] = {}
    certified = Enrolment.objects.filter(
        user__in=officers, certified_on__isnull=False, session__course__in=courses
    ).values_list("user_id", "session__course_id", "certified_on")
    for user_id, course_id, day in certified:
        if day is not None and user_id is not None and day > latest.get((user_id, course_id), date.min):
            latest[(user_id, course_id)] = day
    roles = {role: RoleCoverage(role, str(label)) for role, label in Role.choices if role != Role.PARTNER}
    people = []
    rank = {CURRENT: 0, DUE: 1, NEVER: 2}
    for officer in officers:
        required = [c for c in courses if officer.role in c.roles]
        states = []
        for course in required:
            day = latest.get((officer.pk, course.pk))
            until = valid_until(course, day) if day else None
            state = NEVER if day is None else CURRENT if until is None or until > today else DUE
            states.append((course, state, until))
        worst = max((s for _c, s, _u in states), key=rank.__getitem__, default=CURRENT)
        people.append(OfficerCoverage(officer, worst, states))
        summary = roles[officer.role]
        summary.officers += 1
        setattr(summary, worst, getattr(summary, worst) + 1)
    for summary in roles.values():
        summary.required = [c for c in courses if summary.role in c.roles]
    return [r for r in roles.values() if r.officers], people
