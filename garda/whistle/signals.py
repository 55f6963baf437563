"""Keys follow passwords: opened at login, re-wrapped on a change of one's own password, retired on a reset."""

from typing import Any

from django.dispatch import receiver

from garda.core.models import User
from garda.core.signals import password_changed, password_verified
from garda.whistle import actions, keys


@receiver(password_verified)
def _open_key_at_login(sender: Any, request: Any, user: User, password: str, **kwargs: Any) -> None:
    if keys.holds_keys(user):
        keys.keep_in_session(request.session, actions.do_open_key_pair(user, password))


@receiver(password_changed)
def _follow_password(sender: Any, user: User, password: str, request: Any = None, **kwargs: Any) -> None:
    opened = keys.session_key_for(user, request.session) if request is not None else None
    if opened is not None:
        actions.do_rewrap_key_pair(user, opened, password)
    else:
        actions.do_retire_key_pair(user)
