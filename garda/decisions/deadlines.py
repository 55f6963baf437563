"""The periods decisions run on, read from the editable reference list `decision_deadlines`: the SOP's working-day
deadlines are marked uncertain in the domain brief (§1.4), so an administrator can correct them without a release.
Read once per request or task (`current()`), not once per case."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from garda.core.reflists import parameters
from garda.core.workdays import add_working_days
from garda.decisions.models import Case, Status

LIST = "decision_deadlines"


@dataclass(frozen=True)
class Deadlines:
    review_working_days: int = 2
    decide_working_days: int = 1
    postponement_days: int = 30
    suspension_min_months: int = 6
    suspension_max_months: int = 24
    objection_working_days: int = 21
    objection_answer_working_days: int = 10
    surrender_days: int = 3
    bap_working_days: int = 2

    def due(self, case: Case) -> date | None:
        """When the case's pending step is due, in working days; None once decided."""
        if case.status in (Status.PROPOSED, Status.RETURNED):
            return add_working_days(timezone.localtime(case.proposed_at).date(), self.review_working_days)
        if case.status == Status.FORWARDED and case.reviewed_at:
            return add_working_days(timezone.localtime(case.reviewed_at).date(), self.decide_working_days)
        return None


def current() -> Deadlines:
    values = parameters(LIST)
    defaults = Deadlines()
    return Deadlines(**{name: values.get(name, getattr(defaults, name)) for name in Deadlines.__dataclass_fields__})
