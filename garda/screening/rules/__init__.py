"""The indicator rules: each function reads one application (a contract record) and the context, and returns the
indicators it found with their evidence. The rules never use the region of origin, religion, sex or wealth as a
ground; they compare the application with its own documents, with the law's requirements, and with what partner
agencies and other offices recorded.

Each rule is small and reads top to bottom as the officer would check it; thresholds are named constants in
`base`.
"""

from collections.abc import Callable
from typing import Any

from garda.screening.context import Context
from garda.screening.indicators import Indicator
from garda.screening.rules.base import Subject, family_key
from garda.screening.rules.inconsistency import (
    document_checks,
    interview_contradicts_form,
    nik_checks,
    previous_passport,
)
from garda.screening.rules.non_procedural import (
    interview_weak_trip,
    interview_work_intent,
    job_seeker_profile,
    missing_purpose_documents,
    moratorium_work,
    placement_company,
    work_documents_undeclared,
)
from garda.screening.rules.people import (
    interview_third_party,
    people_in_reports,
    reported_companies,
    shared_contacts,
    unlicensed_agent,
)
from garda.screening.rules.prior_decision import prior_decisions, relatives_of_interest

__all__ = ["LINKING_RULES", "SIMPLE_RULES", "Subject", "family_key", "relatives_of_interest"]


SIMPLE_RULES: tuple[Callable[[Subject, Context], list[Indicator]], ...] = (
    missing_purpose_documents,
    placement_company,
    job_seeker_profile,
    work_documents_undeclared,
    interview_work_intent,
    interview_weak_trip,
    moratorium_work,
    nik_checks,
    document_checks,
    previous_passport,
    interview_contradicts_form,
    reported_companies,
    unlicensed_agent,
    interview_third_party,
)
LINKING_RULES: tuple[Callable[[Subject, Context], tuple[list[Indicator], list[dict[str, Any]]]], ...] = (
    people_in_reports,
    shared_contacts,
    prior_decisions,
)
