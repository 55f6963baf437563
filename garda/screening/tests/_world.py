"""Loading a scenario world into the test database through the real import and screen commands."""

import json
from pathlib import Path
from typing import Any

from django.core.management import call_command

from garda.synthetic.scenarios import World


def load_world(world: World, tmp_path: Path) -> None:
    (tmp_path / "p3mi.csv").write_text(world.p3mi_csv(), encoding="utf-8")
    call_command("import", "p3mi", str(tmp_path / "p3mi.csv"))
    write_jsonl(tmp_path / "reports.jsonl", world.reports)
    call_command("import", "agency-reports", str(tmp_path / "reports.jsonl"))
    write_jsonl(tmp_path / "history.jsonl", world.history)
    call_command("import", "applications", str(tmp_path / "history.jsonl"))


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def screen(path: Path, tmp_path: Path, *extra: str) -> tuple[int, list[dict[str, Any]]]:
    out = tmp_path / "results.jsonl"
    try:
        call_command("screen", str(path), "--output", str(out), *extra)
        status = 0
    except SystemExit as exc:
        status = int(exc.code or 0)
    return status, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
