"""Every state change of oversight, by concern; each is one transaction with its audit event, unscoped (no office),
so the office inspected or investigated does not learn of it from its own trail."""

from garda.oversight.actions.inspections import (
    do_check_item,
    do_close_finding,
    do_draw_sample,
    do_follow_up_finding,
    do_plan_inspection,
    do_record_finding,
    do_report_inspection,
)
from garda.oversight.actions.integrity import (
    do_compute_signals,
    do_confirm_dismissal,
    do_dismiss_signal,
    do_escalate_signal,
)
from garda.oversight.actions.investigations import do_open_investigation
from garda.oversight.actions.referrals import do_propose_ptdh, do_record_court_stage, do_refer

__all__ = [
    "do_check_item",
    "do_close_finding",
    "do_compute_signals",
    "do_confirm_dismissal",
    "do_dismiss_signal",
    "do_draw_sample",
    "do_escalate_signal",
    "do_follow_up_finding",
    "do_open_investigation",
    "do_plan_inspection",
    "do_propose_ptdh",
    "do_record_court_stage",
    "do_record_finding",
    "do_refer",
    "do_report_inspection",
]
