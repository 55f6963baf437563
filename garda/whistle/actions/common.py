"""What every action of the channel shares: the order of statuses, the audit event (unscoped, naming the report's
number, never its content), the handler check."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from garda.core import audit
from garda.core.access import has_capability
from garda.core.models import Office, User
from garda.core.models.offices import OfficeKind
from garda.core.roles import Capability
from garda.whistle.models import (
    RecoveryKey,
    Report,
    Status,
)

# The order a report moves in; a handler may go forward or back one step, except out of "closed".
ORDER = [Status.RECEIVED, Status.VERIFIED, Status.INVESTIGATING, Status.CLOSED]


def story(content: dict[str, Any]) -> str:
    """The report's free text, where a reporter may name people without using the fields for names."""
    return "\n".join(str(content.get(k) or "") for k in ("what", "where", "when", "people"))


def _audit(action: str, report: Report, summary: str, *, actor: User | None = None, after: Any = None) -> None:
    audit.record(
        action,
        actor=actor,
        actor_username="" if actor else "pelapor anonim",
        obj=report,
        summary=summary,
        after=after,
        unscoped=True,
    )


def _recovery_keys(office: Office) -> list[RecoveryKey]:
    """The office's recovery key and the national one, if made."""
    return list(
        RecoveryKey.objects.filter(Q(office=office) | Q(office__kind=OfficeKind.NATIONAL), retired_at__isnull=True)
    )


def _require_handler(user: User) -> None:
    if not has_capability(user, Capability.WHISTLE_HANDLE):
        raise PermissionDenied
