"""The `garda` console command: Django's management commands under Garda's settings.

`garda audit verify`, `garda demo`, `garda worker`, `garda serve` are Garda's own commands;
every Django command (`garda migrate`, `garda runserver`, ...) works as well.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "garda.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["garda", *sys.argv[1:]])
