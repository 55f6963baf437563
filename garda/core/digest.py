"""E-mail digests of the work inbox: once a day, each officer with an address gets what falls due today or is
overdue. A mail leaves the office's systems, so it carries what is to be done, when, and a link — never a name, a
NIK or a report's content: the link opens the page behind the login and its second factor."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.utils import translation

from garda.core import audit, inbox
from garda.core.models import User
from garda.core.roles import Role


@dataclass(frozen=True)
class DigestRun:
    sent: int
    items: int
    skipped_without_address: int


def message_for(user: User, items: list[inbox.Item], today: date) -> EmailMessage:
    with translation.override("id"):
        lines = [f"Yth. {user.full_name},", "", f"Pekerjaan Anda di Garda yang jatuh tempo per {today:%d-%m-%Y}:", ""]
        for item in items:
            state = "LEWAT TENGGAT" if item.overdue(today) else "hari ini"
            assert item.due is not None  # falling_due keeps dated items only
            lines.append(f"- {item.kind} — tenggat {item.due:%d-%m-%Y} ({state})")
            lines.append(f"  {settings.PUBLIC_URL}{item.url}")
        lines += ["", "Pesan ini dikirim otomatis; rinciannya hanya dapat dibuka setelah masuk ke Garda."]
    subject = f"[Garda] {len(items)} pekerjaan jatuh tempo"
    return EmailMessage(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [user.email])


def send_digests(today: date) -> DigestRun:
    """One mail per active officer with an address and something falling due; one audit event for the run."""
    messages, total, without = [], 0, 0
    for user in User.objects.filter(is_active=True).exclude(role=Role.PARTNER).select_related("office"):
        items = inbox.falling_due(user, today)
        if not items:
            continue
        if not user.email:
            without += 1
            continue
        messages.append(message_for(user, items, today))
        total += len(items)
    sent = (mailers.default.send_messages(messages) or 0) if messages else 0
    audit.record(
        "inbox.digest_sent",
        actor_username="system",
        summary=f"Ringkasan pekerjaan {today:%Y-%m-%d}: {sent} surel, {total} pekerjaan",
        after={"sent": sent, "items": total, "without_address": without, "day": today.isoformat()},
    )
    return DigestRun(sent=sent, items=total, skipped_without_address=without)
