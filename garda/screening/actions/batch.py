"""`garda screen FILE`: many applications stored, screened in parallel and written out, in one audited batch."""

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import connection, transaction
from django.db.backends.signals import connection_created

from garda.contracts import problems
from garda.core import audit
from garda.core.imports import ImportSummary, read_json_lines
from garda.core.jsonlines import dumps_line
from garda.core.parallel import in_parallel
from garda.screening import context as screening_context
from garda.screening.actions.results import result_row, save_screenings
from garda.screening.engine import Result, as_contract, screen
from garda.screening.imports import store_many
from garda.screening.models import Application
from garda.screening.rules import Subject

BATCH = 10000  # applications stored per transaction: a commit writes every index page it touched, and a larger batch
# touches each page more often per write (1,000 a transaction took 6.4 s for 10,000 against a million; one, 5.5 s)
ROUND = 10_000  # applications screened by one set of workers (each keeps its own results as it goes)
PARALLEL_FROM = 400  # below this, forking the workers costs more than it saves

# Set before forking the screening workers, which inherit them.
_SHARED: dict[str, Any] = {}


def _screen_slice(bounds: tuple[int, int]) -> list[Result | str]:
    """Screen a slice and keep its results. In a worker this writes from the worker: while one worker holds the
    write lock for its slice, the other goes on screening, so no core waits for the results to be saved."""
    apps, ctx = _SHARED["apps"], _SHARED["ctx"]
    results = [_screen_one(app, ctx) for app in apps[bounds[0] : bounds[1]]]
    with transaction.atomic():
        save_screenings(
            [
                (app, result_row(app, r, "screen"))
                for app, r in zip(apps[bounds[0] : bounds[1]], results, strict=True)
                if isinstance(r, Result)
            ]
        )
    return results


def _screen_one(app: Application, ctx: screening_context.Context) -> Result | str:
    """A valid record that a rule cannot handle (a bug) costs that line, named, never the batch."""
    try:
        return screen(Subject(app.record, pk=app.pk), ctx)
    except Exception as exc:  # reported as the line's error and on standard error
        return f"penyaringan gagal ({type(exc).__name__}: {exc})"[:300]


@dataclass
class ScreenSummary(ImportSummary):
    screened: int = 0
    by_risk: dict[str, int] = field(default_factory=lambda: {"low": 0, "medium": 0, "high": 0})
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, for operators sizing a batch

    def lap(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] = round(now - since, 2)
        return now

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
    clock = time.perf_counter()
    entries: list[tuple[int, Any, str]] = list(_lines(path))
    progress = Progress(len(entries), err)
    ctx = screening_context.load()
    clock = summary.lap("read and context", clock)
    stored: dict[int, Application] = {}
    with _checkpoints_deferred():
        _store_entries(path, entries, summary, stored, ctx, progress)
    clock = summary.lap("check and store", clock)
    # Screening only reads: it runs on every core, a round at a time, and this process keeps the results. Each
    # round's results are written (and flushed) as soon as the round is done, in input order with the bad lines
    # among them: a run stopped half-way leaves the output of what it saved, not an empty file.
    order = [lineno for lineno, _, _ in entries if lineno in stored]
    results: dict[int, Result | str] = {}
    written = 0

    def write_ready(until: int) -> int:
        """Write the entries, from the first not yet written, whose results are known (up to line `until`)."""
        done = written
        while done < len(entries) and entries[done][0] <= until:
            _write_entry(path, entries[done], stored, results, out, summary, language)
            done += 1
        out.flush()
        return done

    for start in range(0, len(order), ROUND):
        linenos = order[start : start + ROUND]
        _SHARED.update(apps=[stored[n] for n in linenos], ctx=ctx)
        try:
            parts = in_parallel(_screen_slice, len(linenos), parallel=len(linenos) >= PARALLEL_FROM, uses_database=True)
        finally:
            _SHARED.clear()
        results.update(zip(linenos, (r for part in parts for r in part), strict=True))
        progress.update(start + len(linenos), "screened")
        written = write_ready(linenos[-1])
    clock = summary.lap("screen and keep", clock)
    write_ready(entries[-1][0] if entries else 0)
    summary.lap("write results", clock)
    audit.record(
        "application.screen",
        actor_username="system",
        summary=f"Penyaringan {path.name}: {summary.line()}"[:300],
        after={"file": path.name, "read": summary.read, "screened": summary.screened, **summary.by_risk},
    )
    return summary


def _write_entry(
    path: Path,
    entry: tuple[int, Any, str],
    stored: dict[int, Application],
    results: dict[int, Result | str],
    out: IO[str],
    summary: ScreenSummary,
    language: str,
) -> None:
    """One line of the output: the result, or why the line could not be screened."""
    lineno, record, error = entry
    kept = stored.get(lineno)
    if kept is None:
        out.write(dumps_line(_error_line(lineno, record, error)) + "\n")
        return
    result = results[lineno]
    if isinstance(result, str):
        summary.rejected += 1
        summary.errors.append(f"{path}:{lineno}: {result}")
        out.write(dumps_line({"line": lineno, "application_id": kept.external_id, "error": result}) + "\n")
        return
    summary.screened += 1
    summary.by_risk[result.risk_level] += 1
    line = as_contract(
        line=lineno,
        application_id=kept.external_id,
        office=kept.office_code,
        risk_level=result.risk_level,
        score=result.score,
        recommendation=result.recommendation,
        indicators=result.stored_indicators(),
        matches=result.matches,
        rules_version=result.rules_version,
        language=language,
        relatives=result.relatives,
    )
    out.write(dumps_line(line) + "\n")


@contextmanager
def _checkpoints_deferred() -> Iterator[None]:
    """SQLite: no automatic checkpoint while the batch stores. A checkpoint after each large commit copies pages
    the next one dirties again (10,000 applications against a million: 1.9 s of 5.2 s of storing); one checkpoint
    when storing is done copies each page once, and the screening workers then read the database file through
    its memory map rather than a large write-ahead log. Applies to every connection this process opens
    meanwhile (preparing rows on every core closes and reopens them)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:  # a checkpoint cannot run in a transaction
        yield
        return

    def defer(sender: Any, connection: Any, **kwargs: Any) -> None:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_autocheckpoint=0")

    connection_created.connect(defer)
    connection.ensure_connection()
    defer(None, connection)
    try:
        yield
    finally:
        connection_created.disconnect(defer)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
            cursor.execute("PRAGMA wal_autocheckpoint=10000")


def _store_entries(
    path: Path,
    entries: list[tuple[int, Any, str]],
    summary: ScreenSummary,
    stored: dict[int, Application],
    ctx: screening_context.Context,
    progress: Progress,
) -> None:
    """Check every line; store the valid ones in batches; name the bad ones."""
    for start in range(0, len(entries), BATCH):
        valid: list[tuple[int, dict[str, Any]]] = []
        for lineno, record, error in entries[start : start + BATCH]:
            summary.read += 1
            found = [error] if error else problems("application", record)
            if found:
                summary.rejected += 1
                summary.errors.extend(f"{path}:{lineno}: {p}" for p in found)
            else:
                valid.append((lineno, record))
        for (lineno, _), (outcome, app) in zip(valid, store_many([r for _, r in valid], source=path.name), strict=True):
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            stored[lineno] = app
            ctx.add_decision(app)
        progress.update(min(start + BATCH, len(entries)), "stored")


def _error_line(lineno: int, record: Any, error: str) -> dict[str, Any]:
    reasons = [error] if error else problems("application", record)
    line: dict[str, Any] = {"line": lineno}
    if isinstance(record, dict) and isinstance(record.get("id"), str):
        line["application_id"] = record["id"]
    line["error"] = "; ".join(reasons)
    return line
