from typing import Any

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def localized(item: dict[str, Any], field: str) -> str:
    """`label_id`/`label_en` (or `title_*`) of a reference-list item, in the active language."""
    lang = "en" if (get_language() or "id").startswith("en") else "id"
    return str(item.get(f"{field}_{lang}") or item.get(f"{field}_id") or "")
