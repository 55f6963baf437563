"""How a posted form is answered on the page it came from: the form checked, the action taken, and a message
saying what happened — the action's refusal or every field's problem, with nothing stored when either refuses."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def form_errors_text(form: Any) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def apply_form(
    request: HttpRequest,
    form: Any,
    action: Callable[[dict[str, Any]], Any],
    *,
    done: str,
    invalid: str | None = None,
) -> bool:
    """True when the action was taken; `invalid` replaces the fields' messages when given."""
    if not form.is_valid():
        messages.error(request, invalid or form_errors_text(form))
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    messages.success(request, done)
    return True
