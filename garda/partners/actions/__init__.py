"""Every state change of the partnership, each with its audit event: API clients, reports from partners, and
referrals both ways."""

from garda.partners.actions.clients import RegisteredClient, do_register_client, do_revoke_client
from garda.partners.actions.referrals import (
    do_answer_referral,
    do_receive_referral,
    do_record_referral_outcome,
    do_refer_person,
    do_revoke_referral,
)
from garda.partners.actions.reports import ReportProblems, do_submit_report

__all__ = [
    "RegisteredClient",
    "ReportProblems",
    "do_answer_referral",
    "do_receive_referral",
    "do_record_referral_outcome",
    "do_refer_person",
    "do_register_client",
    "do_revoke_client",
    "do_revoke_referral",
    "do_submit_report",
]
