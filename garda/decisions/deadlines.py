"""The periods decisions run on, read from the editable reference list `decision_deadlines`: the SOP's working-day
deadlines are marked uncertain in the domain brief (§1.4), so an administrator can correct them without a release."""

from garda.core.reflists import parameter

LIST = "decision_deadlines"


def review_working_days() -> int:
    return parameter(LIST, "review_working_days", 2)


def decide_working_days() -> int:
    return parameter(LIST, "decide_working_days", 1)


def postponement_days() -> int:
    return parameter(LIST, "postponement_days", 30)


def suspension_months() -> tuple[int, int]:
    return parameter(LIST, "suspension_min_months", 6), parameter(LIST, "suspension_max_months", 24)
