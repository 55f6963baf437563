"""Every state change of screening (views, the API, the command line and tasks call these; nothing else writes).

Importers of applications are in `garda.screening.imports`.
"""

from garda.screening.actions.batch import ScreenSummary, screen_file
from garda.screening.actions.counter import (
    PENDING_DAYS,
    CounterNumberTaken,
    IntakeError,
    do_take_at_counter,
    store_and_screen,
)
from garda.screening.actions.decisions import do_record_decision
from garda.screening.actions.rescreen import do_rescreen_pending, pending
from garda.screening.actions.results import result_row, save_screenings, screen_application
from garda.screening.actions.review import (
    AWAITING_CONFIRMATION,
    ClearanceError,
    do_confirm_clearance,
    do_record_review,
    do_screen_again,
    pending_clearance,
)

__all__ = [
    "AWAITING_CONFIRMATION",
    "PENDING_DAYS",
    "ClearanceError",
    "CounterNumberTaken",
    "IntakeError",
    "ScreenSummary",
    "do_confirm_clearance",
    "do_record_decision",
    "do_record_review",
    "do_rescreen_pending",
    "do_screen_again",
    "do_take_at_counter",
    "pending",
    "pending_clearance",
    "result_row",
    "save_screenings",
    "screen_application",
    "screen_file",
    "store_and_screen",
]
