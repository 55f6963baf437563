"""Screening speed: `garda screen` over 10,000 applications against a history of 1,000,000 applications (goal
>= 1,000 applications/s on 2 cores, SQLite), and one application at the counter (goal p99 <= 50 ms).

The history database is built once (synthetic applications from five offices over two and a half years, with
their decisions, companions and partner reports) and kept under var/bench; each run screens on a copy.

    python bench/bench_screening_throughput.py [--history 1000000] [--batch 10000] [--counter 500]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GARDA = str(Path(sys.executable).parent / "garda")
TODAY = date(2026, 11, 2)


def setup(db: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("GARDA_DATA_DIR", tempfile.mkdtemp(prefix="garda-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "garda.settings")
    import django

    django.setup()


def world_builder(seed: int, first_serial: int = 0):  # type: ignore[no-untyped-def]
    from garda.synthetic.scenarios import Builder, build

    world = build(per_kind=0, seed=seed, background=0, today=TODAY)
    b = Builder(seed, TODAY)
    b.world.p3mi = world.p3mi
    b.serial = first_serial  # new applications must not reuse the history's numbers
    b.companies = [c for c in world.p3mi if not c["valid_until"] or c["valid_until"] >= TODAY.isoformat()]
    return b


def build_history(db: Path, n: int) -> None:
    """n history applications (one in 200 with an adverse decision), 2,000 partner reports; in-process, in bulk."""
    from django.core.management import call_command

    from garda.intel.imports import store_report
    from garda.screening.imports import store_many
    from garda.synthetic.scenarios import KINDS

    call_command("migrate", verbosity=0)
    b = world_builder(11)
    start = time.perf_counter()
    batch: list[dict] = []  # type: ignore[type-arg]
    done = 0
    while done < n:
        roll = b.rng.random()
        if roll < 0.005:
            b.history_of(b.person(), b.rng.choice(["postponed", "refused", "cancelled", "suspended"]))
        elif roll < 0.02:
            KINDS[b.rng.choice(["ia_shared_companion", "clean_family_companion", "clean_umrah_group"])](b)
            b.world.cases.clear()
        else:
            b.history_of(b.person(), "issued")
        batch.extend(b.world.history)
        b.world.history.clear()
        if len(batch) >= 2000:
            store_many(batch, source="bench")
            done += len(batch)
            batch.clear()
            rate = done / (time.perf_counter() - start)
            print(f"\r  history {done:,}/{n:,} ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    if batch:
        store_many(batch, source="bench")
    for _ in range(2000):
        KINDS[b.rng.choice(["ar_victim_by_nik", "ia_companion_reported_recruiter", "ar_scam_returnee_respelt"])](b)
    for report in b.world.reports:
        store_report(report, source="bench")
    print(f"\n  history built in {time.perf_counter() - start:,.0f} s", file=sys.stderr)


def applications(n: int, seed: int) -> list[dict]:  # type: ignore[type-arg]
    """A day's mix: mostly clean applications, a few of every kind of indication."""
    from garda.synthetic.scenarios import KINDS

    b = world_builder(seed, first_serial=9_000_000)
    names = sorted(KINDS)
    out: list[dict] = []  # type: ignore[type-arg]
    while len(out) < n:
        if b.rng.random() < 0.8:
            KINDS["clean_tourist"](b)
        else:
            KINDS[b.rng.choice(names)](b)
        out.extend(app for _, _, app in b.world.cases)
        b.world.cases.clear()
        b.world.history.clear()  # the companions' earlier trips stay out: only the history database counts
    return out[:n]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--history", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--counter", type=int, default=500)
    options = parser.parse_args()
    keep = ROOT / "var" / "bench" / f"screen-history-{options.history}.sqlite3"
    keep.parent.mkdir(parents=True, exist_ok=True)
    if not keep.exists():
        partial = keep.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        print(f"building the history database {keep} (once)", file=sys.stderr)
        done = subprocess.run([sys.executable, __file__, "--build", str(partial), str(options.history)], check=False)
        if done.returncode:
            sys.exit("building the history failed")
        partial.rename(keep)
    work = Path(tempfile.mkdtemp(prefix="garda-screen-speed-"))
    try:  # the 3.4 GB copy goes even when a run fails
        db = work / "screen.sqlite3"
        shutil.copyfile(keep, db)
        apps_file = work / "apps.jsonl"
        setup(db)
        apps = applications(options.batch + options.counter, seed=5)
        apps_file.write_text("".join(json.dumps(a) + "\n" for a in apps[: options.batch]), encoding="utf-8")
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
        # The kept history may predate newer tables: bring the copy up to date (not timed).
        subprocess.run([GARDA, "migrate", "-v0"], env=env, check=True)
        # The copy is setup, not work of the batch: it goes to disk now, or the batch's first fsync would wait for
        # 3.4 GB of copied pages to be written back.
        os.sync()
        start = time.perf_counter()
        done = subprocess.run(
            [GARDA, "screen", str(apps_file), "--output", str(work / "out.jsonl")],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if done.returncode:
            sys.exit(f"garda screen failed: {done.stderr[-2000:]}")
        lines = (work / "out.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == options.batch
        risks: dict[str, int] = {}
        for line in lines:
            level = json.loads(line)["risk_level"]
            risks[level] = risks.get(level, 0) + 1
        print(
            f"garda screen: {options.batch:,} applications against {options.history:,} history in {elapsed:.1f} s = "
            f"{options.batch / elapsed:,.0f} applications/s (whole command, start-up included); risk {risks}"
        )

        from garda.screening import context as screening_context
        from garda.screening.actions import store_and_screen

        screening_context.forget()
        screening_context.cached()  # the counter's process loads its context once
        times = []
        for app in apps[options.batch :]:
            t0 = time.perf_counter()
            store_and_screen(app, source="counter")  # what the counter page does, but the audit event
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(
            f"counter: {len(times)} applications one at a time (store + screen): p50 {statistics.median(times):.1f} ms,"
            f" p99 {p99:.1f} ms, max {times[-1]:.1f} ms"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--build":
        setup(Path(sys.argv[2]))
        build_history(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
