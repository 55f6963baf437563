from pathlib import Path

from django.core.management import call_command


def run_import(kind: str, path: Path, capsys) -> tuple[int, str]:
    """`garda import KIND PATH` in this process: the exit status and what went to standard error."""
    try:
        call_command("import", kind, str(path))
        status = 0
    except SystemExit as exc:
        status = int(exc.code or 0)
    return status, capsys.readouterr().err
