import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from garda.core import vocabulary

register = template.Library()


@lru_cache(maxsize=8)
def _static_text(path: str, modified: float) -> str:
    """The file's text; a stylesheet without its comments (they are for whoever edits it, not for the page)."""
    found = finders.find(path)
    text = Path(str(found)).read_text(encoding="utf-8") if found else ""
    return re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL) if path.endswith(".css") else text


@register.simple_tag
def inline_static(path: str) -> SafeString:
    """A static file of ours (the stylesheet) written into the page. Read again when the file changes."""
    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"static file not found: {path}")
    return mark_safe(_static_text(path, Path(str(found)).stat().st_mtime))  # noqa: S308 (our own file)


@register.simple_tag
def localized(item: dict[str, Any], field: str) -> str:
    """`label_id`/`label_en` (or `title_*`) of a reference-list item, in the active language."""
    lang = "en" if (get_language() or "id").startswith("en") else "id"
    return str(item.get(f"{field}_{lang}") or item.get(f"{field}_id") or "")


@register.filter(name="label")
def label_filter(code: object, domain: str) -> str:
    """`{{ app.purpose|label:"purpose" }}`: the word for a stored code (garda.core.vocabulary)."""
    return vocabulary.label(domain, code)


@register.filter(name="word")
def word_filter(value: object, domain: str) -> str:
    """Free text that is often a code of the domain (a host's relation: "sibling" or "kakak kandung"): the word
    for a known code, else the text as keyed."""
    known = vocabulary.VOCABULARY.get(domain, {})
    return vocabulary.label(domain, value) if str(value) in known else str(value or "")


@register.filter(name="labels")
def labels_filter(codes: object, domain: str) -> str:
    """A list of codes as words, comma-separated."""
    if not isinstance(codes, list | tuple):
        return vocabulary.label(domain, codes)
    return ", ".join(vocabulary.label(domain, c) for c in codes)


@register.filter(name="country")
def country_filter(code: object) -> str:
    return vocabulary.country(code)


@register.filter(name="percent")
def percent_filter(value: object, digits: int = 1) -> str:
    """A rate (0.0495) as a percentage in the page's language ("4,9 %" in Indonesian)."""
    from django.utils.formats import number_format

    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"
    return f"{number_format(number * 100, decimal_pos=digits)} %"
