"""Refresh the English catalogue from the sources (needs GNU gettext's xgettext) and compile it with polib.

The source strings are Indonesian, the interface's first language; English is the translation. Untranslated
strings are listed so they can be filled in before committing (a test fails while any remain).
"""

import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CATALOGUE = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main() -> int:
    import polib
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "garda.settings")
    import django

    django.setup()
    os.chdir(PACKAGE)
    call_command(
        "makemessages", locale=["en"], no_location=True, no_obsolete=True, ignore_patterns=["*/tests/*", "conftest.py"]
    )
    po = polib.pofile(str(CATALOGUE))
    po.save_as_mofile(str(CATALOGUE.with_suffix(".mo")))
    untranslated = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
    for msgid in untranslated:
        print(f"untranslated: {msgid}", file=sys.stderr)
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
