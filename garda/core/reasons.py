"""The written reason every consequential step requires (a decision, a reveal, a change of access)."""

from django.core.exceptions import ValidationError

MIN_REASON = 10


def required_reason(text: str, field: str = "reason") -> str:
    """The reason, stripped; a missing or token one is refused, naming the field."""
    text = (text or "").strip()
    if len(text) < MIN_REASON:
        raise ValidationError({field: f"alasan wajib diisi, paling sedikit {MIN_REASON} huruf"})
    return text
