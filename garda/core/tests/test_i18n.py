"""Indonesian first, English second: the English catalogue is complete and compiled."""

import re
from pathlib import Path

import polib
from django.test import Client
from django.urls import reverse
from django.utils import translation

PACKAGE = Path(__file__).resolve().parents[2]
PO = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_every_string_is_translated_and_compiled() -> None:
    po = polib.pofile(str(PO))
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(PO.with_suffix(".mo")))}
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            assert mo.get(entry.msgid) == entry.msgstr, f"django.mo is stale for {entry.msgid!r}: run make messages"


def test_literal_strings_in_templates_and_code_are_in_the_catalogue() -> None:
    msgids = {e.msgid for e in polib.pofile(str(PO))}
    patterns = [
        re.compile(r'{%\s*translate\s+"([^"]+)"'),
        re.compile(r"{%\s*translate\s+'([^']+)'"),
        re.compile(r'\b_\("([^"]+)"\)'),
    ]
    sources = [p for p in PACKAGE.rglob("*") if p.suffix in {".html", ".py"} and "tests" not in p.parts]
    missing = {m for p in sources for pat in patterns for m in pat.findall(p.read_text(encoding="utf-8"))} - msgids
    assert missing == set(), f"not in the English catalogue (run make messages): {sorted(missing)}"


def test_indonesian_is_the_default_and_english_can_be_chosen(client: Client, db: None) -> None:
    assert "Masuk petugas" in client.get(reverse("core:login")).content.decode()
    response = client.post(reverse("core:set_language"), {"language": "en", "next": reverse("core:login")})
    assert response.status_code == 302
    html = client.get(reverse("core:login")).content.decode()
    assert "Staff login" in html and 'lang="en"' in html
    with translation.override("en"):
        from garda.core.roles import Role

        assert str(Role.KAKANIM.label) == "Head of office (Kakanim)"


def test_browser_language_does_not_override_indonesian(client: Client, db: None) -> None:
    html = client.get(reverse("core:login"), headers={"Accept-Language": "en-US,en;q=0.9"}).content.decode()
    assert "Masuk petugas" in html and 'lang="id"' in html
