"""Screening applications and keeping the result: one at the counter, many in a batch (`garda screen`), and
again when the context changes (re-screening). Each screening is a row; the latest is copied onto the
application for the queue."""

import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import transaction

from garda.core import audit
from garda.core.imports import ImportSummary, read_json_lines
from garda.screening import context as screening_context
from garda.screening.actions import store_application_returning
from garda.screening.contracts import problems
from garda.screening.engine import Result, as_contract, screen
from garda.screening.models import Application, Screening
from garda.screening.rules import Subject

BATCH = 200  # applications per transaction in a batch


def screen_application(app: Application, ctx: screening_context.Context, *, trigger: str) -> tuple[Screening, Result]:
    result = screen(Subject(app.record, pk=app.pk), ctx)
    row = Screening.objects.create(
        application=app,
        trigger=trigger,
        rules_version=result.rules_version,
        risk_level=result.risk_level,
        score=result.score,
        recommendation=result.recommendation,
        indicators=result.stored_indicators(),
        matches=result.matches,
        context=result.context,
    )
    app.risk_level, app.risk_score, app.recommendation = result.risk_level, result.score, result.recommendation
    app.screened_at = row.created_at
    Application.objects.filter(pk=app.pk).update(
        risk_level=app.risk_level,
        risk_score=app.risk_score,
        recommendation=app.recommendation,
        screened_at=app.screened_at,
    )
    return row, result


def result_line(line: int, app: Application, row: Screening, language: str) -> dict[str, Any]:
    return as_contract(
        line=line,
        application_id=app.external_id,
        office=app.office_code,
        risk_level=row.risk_level,
        score=row.score,
        recommendation=row.recommendation,
        indicators=row.indicators,
        matches=row.matches,
        rules_version=row.rules_version,
        language=language,
    )


@dataclass
class ScreenSummary(ImportSummary):
    screened: int = 0
    by_risk: dict[str, int] = field(default_factory=lambda: {"low": 0, "medium": 0, "high": 0})

    def line(self) -> str:
        risks = ", ".join(f"{k} {v}" for k, v in self.by_risk.items())
        return f"{super().line()}; {self.screened} screened ({risks})"


class Progress:
    """Records done, rate and time left on standard error, when it is a terminal."""

    def __init__(self, total: int, stream: IO[str]) -> None:
        self.total, self.stream, self.start, self.last = total, stream, time.monotonic(), 0.0
        self.enabled = stream.isatty()

    def update(self, done: int, stage: str) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.5 and done < self.total):
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        left = (self.total - done) / rate if rate > 0 else 0
        self.stream.write(f"\r{stage}: {done}/{self.total} ({rate:,.0f}/s, {left:,.0f} s left)   ")
        if done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def _lines(path: Path) -> Iterator[tuple[int, Any, str]]:
    yield from read_json_lines(path)


def screen_file(path: Path, out: IO[str], *, language: str = "id", err: IO[str] = sys.stderr) -> ScreenSummary:
    """Store every valid application first, then screen each against everything known — the file's own
    applications included, so the third applicant brought by one companion sees the other two — and write one
    result per input line, in input order."""
    summary = ScreenSummary()
    entries: list[tuple[int, Any, str]] = list(_lines(path))
    progress = Progress(len(entries), err)
    ctx = screening_context.load()
    stored: dict[int, Application] = {}
    for start in range(0, len(entries), BATCH):
        with transaction.atomic():
            for lineno, record, error in entries[start : start + BATCH]:
                summary.read += 1
                found = [error] if error else problems("application", record)
                if found:
                    summary.rejected += 1
                    summary.errors.extend(f"{path}:{lineno}: {p}" for p in found)
                    continue
                outcome, app = store_application_returning(record, source=path.name)
                setattr(summary, outcome, getattr(summary, outcome) + 1)
                stored[lineno] = app
                ctx.add_decision(app)
        progress.update(min(start + BATCH, len(entries)), "stored")
    done = 0
    for start in range(0, len(entries), BATCH):
        with transaction.atomic():
            for lineno, record, error in entries[start : start + BATCH]:
                screened = stored.get(lineno)
                if screened is None:
                    out.write(json.dumps(_error_line(lineno, record, error), ensure_ascii=False) + "\n")
                    continue
                row, _ = screen_application(screened, ctx, trigger="screen")
                summary.screened += 1
                summary.by_risk[row.risk_level] += 1
                out.write(json.dumps(result_line(lineno, screened, row, language), ensure_ascii=False) + "\n")
        done = min(start + BATCH, len(entries))
        progress.update(done, "screened")
    audit.record(
        "application.screen",
        actor_username="system",
        summary=f"Penyaringan {path.name}: {summary.line()}"[:300],
        after={"file": path.name, "read": summary.read, "screened": summary.screened, **summary.by_risk},
    )
    return summary


def _error_line(lineno: int, record: Any, error: str) -> dict[str, Any]:
    reasons = [error] if error else problems("application", record)
    line: dict[str, Any] = {"line": lineno}
    if isinstance(record, dict) and isinstance(record.get("id"), str):
        line["application_id"] = record["id"]
    line["error"] = "; ".join(reasons)
    return line
