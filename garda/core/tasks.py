"""Background tasks of the core app (run by `garda worker`)."""

from typing import Any

from django.tasks import task

from garda.core import audit


@task()
def verify_audit_chain() -> dict[str, Any]:
    """Walk the audit chain and record the outcome in the chain itself, so a scheduled check leaves a trace
    (and a break is found even when nobody opens the page)."""
    report = audit.verify_chain()
    audit.record(
        "audit.chain_checked",
        actor_username="system",
        summary=("Rantai utuh" if report.intact else f"Rantai rusak pada #{report.broken_seq}: {report.reason}"),
        after={"intact": report.intact, "count": report.count, "broken_seq": report.broken_seq},
    )
    return {"intact": report.intact, "count": report.count, "head": report.head_hash, "broken_seq": report.broken_seq}


@task()
def send_inbox_digests() -> dict[str, int]:
    """Daily: mail each officer what falls due (garda.core.digest)."""
    from django.utils import timezone

    from garda.core.digest import send_digests

    run = send_digests(timezone.localdate())
    return {"sent": run.sent, "items": run.items, "without_address": run.skipped_without_address}
