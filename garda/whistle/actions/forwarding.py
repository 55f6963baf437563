"""A report's facts opened as an intelligence record (an agency report of the channel), through intelligence's API."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core.models import User
from garda.intel.api import ReportError, do_enter_report, next_report_id
from garda.whistle.actions.common import _audit, _require_handler
from garda.whistle.models import (
    Report,
)


def do_open_intel_record(
    report: Report, *, acting_user: User, role: str, full_name: str, phone: str, organisation: str, summary: str
) -> str:
    """A recruiter or company from a report goes on the watchlist: a PUBLIC partner report (its subject joins the
    person index and screening watches for it). Returns the new record's id.

    Every screening user of every office reads that record, so it says nothing of its source: no report number,
    and the day it was entered rather than the moment the report came in. The link back is the audit event, which
    only the case's grant holders see."""
    _require_handler(acting_user)
    subject = {"role": role, "full_name": full_name, "phone": phone, "organisation": organisation}
    entered_on = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    with transaction.atomic():  # the number is taken and used in one transaction
        record = {
            "id": next_report_id("PUBLIC"),
            "agency": "PUBLIC",
            "received_at": entered_on.isoformat(),
            "category": "illegal_company" if role == "company" else "suspected_recruiter",
            "subjects": [{k: v.strip() for k, v in subject.items() if v.strip()}],
            "summary": summary,
        }
        try:
            entered = do_enter_report(record, acting_user=acting_user)
        except ReportError as exc:
            raise ValidationError({"intel": exc.problems}) from exc
        _audit(
            "whistle.intel_record",
            report,
            f"Catatan intelijen {entered.external_id} dibuat dari {report.number}",
            actor=acting_user,
            after={"agency_report": entered.external_id},
        )
    return str(entered.external_id)
