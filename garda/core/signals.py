"""Logins, failed logins and lockouts go into the audit chain."""

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import Signal, receiver

from garda.core import audit
from garda.core.models import User

# Sent with the password in hand, so features that keep keys under it (the whistleblowing channel) can open or
# re-wrap them; the password itself is never stored. Arguments: request, user, password.
password_verified = Signal()
# Sent after a password is set. `request` is the request of the user changing their own password (whose session
# may hold opened keys), None when an administrator set a temporary one. Arguments: user, password, request.
password_changed = Signal()
# Sent inside the transaction that changed what screening reads: an agency report, a P3MI registry snapshot, an
# adverse decision. Defined here, in the ground floor, so the apps that change that data (intelligence, screening
# itself) send it without importing screening; screening receives it (connected in its `ready()`): its context
# stamp moves now and the pending applications are re-screened once the change is committed. Arguments: reason.
screening_context_changed = Signal()


def _known_user(username: str) -> User | None:
    return User.objects.select_related("office").filter(username=username).first()


@receiver(user_logged_in)
def _audit_login(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    audit.record("auth.login_password", actor=user, obj=user, summary="Kata sandi benar; menunggu 2FA")


@receiver(user_logged_out)
def _audit_logout(sender: Any, request: Any, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        audit.record("auth.logout", actor=user, obj=user)


@receiver(user_login_failed)
def _audit_login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    # Only the user name is kept; Django has already masked the password in `credentials`.
    username = str(credentials.get("username", ""))[:150]
    user = _known_user(username)
    audit.record(
        "auth.login_failed",
        actor_username=username,
        office=user.office if user else None,
        obj=user,
        summary="Kata sandi salah atau akun tidak dikenal",
    )


@receiver(user_locked_out)
def _audit_locked_out(sender: Any, request: Any, username: str, ip_address: str, **kwargs: Any) -> None:
    user = _known_user(username)
    audit.record(
        "auth.locked_out",
        actor_username=username,
        office=user.office if user else None,
        obj=user,
        summary="Akun dikunci sementara setelah gagal masuk berulang",
    )
