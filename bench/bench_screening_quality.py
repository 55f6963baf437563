"""Screening quality on the labelled scenario suite, through the real command line.

A fresh database gets the P3MI registry, the partner reports and the history (`garda import ...`), then
`garda screen` screens the labelled cases. Printed per category: recall on the cases where it should fire, and
per scenario kind the share of cases that came out as labelled; false alarms = clean cases (hard negatives
included) with any indicator at all. Goals: recall >= 0.95 per category, false alarms <= 3%.

    python bench/bench_screening_quality.py [--per-kind 30] [--keep DIR]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from garda.synthetic.scenarios import CATEGORIES, RELATIVE_KINDS, build

GARDA = str(Path(sys.executable).parent / "garda")


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([GARDA, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"garda {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return done


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-kind", type=int, default=30)
    parser.add_argument("--keep", help="keep the files and the database in this directory")
    parser.add_argument("--show", type=int, default=3, help="misclassified examples to print per kind")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    world = build(per_kind=options.per_kind, seed=options.seed)
    work = Path(options.keep or tempfile.mkdtemp(prefix="garda-screen-quality-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "GARDA_DATA_DIR": str(work), "DATABASE_URL": f"sqlite:///{work / 'quality.sqlite3'}"}
    (work / "quality.sqlite3").unlink(missing_ok=True)
    (work / "p3mi.csv").write_text(world.p3mi_csv(), encoding="utf-8")
    for name, rows in (
        ("reports", world.reports),
        ("history", world.history),
        ("cases", [app for _, _, app in world.cases]),
    ):
        (work / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run(["migrate", "-v0"], env)
    run(["import", "p3mi", str(work / "p3mi.csv")], env)
    run(["import", "agency-reports", str(work / "reports.jsonl")], env)
    run(["import", "applications", str(work / "history.jsonl")], env)
    start = time.perf_counter()
    done = run(["screen", str(work / "cases.jsonl"), "--output", str(work / "results.jsonl")], env)
    elapsed = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"garda screen rejected lines: {done.stderr[-2000:]}")
    results = [json.loads(line) for line in (work / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(results) == len(world.cases), (len(results), len(world.cases))

    expected_n: Counter[str] = Counter()
    fired_n: Counter[str] = Counter()
    kind_total: Counter[str] = Counter()
    kind_right: Counter[str] = Counter()
    wrong: dict[str, list[str]] = defaultdict(list)
    clean = clean_alarms = 0
    for (kind, expected, app), result in zip(world.cases, results, strict=True):
        assert result["application_id"] == app["id"]
        fired = {i["category"] for i in result["indicators"]}
        kind_total[kind] += 1
        ok = expected <= fired if expected else not fired
        kind_right[kind] += ok
        if not ok:
            codes = ",".join(sorted({i["code"] for i in result["indicators"]})) or "-"
            wrong[kind].append(f"{app['id']}: fired {codes}")
        for category in expected:
            expected_n[category] += 1
            fired_n[category] += category in fired
        if not expected:
            clean += 1
            clean_alarms += bool(fired)
    print(
        f"screening quality: {len(world.cases)} cases of {len(kind_total)} kinds, "
        f"{len(world.history)} history applications, {len(world.reports)} reports; screened in {elapsed:.1f} s"
    )
    print(f"{'category':<16} {'cases':>6} {'recall':>7}")
    for category in CATEGORIES:
        n = expected_n[category]
        print(f"{category:<16} {n:>6} {fired_n[category] / n if n else float('nan'):>7.3f}")
    print(f"false alarms on clean cases: {clean_alarms}/{clean} = {clean_alarms / clean:.3%}")
    relatives = sum(kind_total[k] for k in RELATIVE_KINDS)
    flagged = relatives - sum(kind_right[k] for k in RELATIVE_KINDS)
    print(
        f"relatives of persons with decisions, passports or reports flagged: {flagged}/{relatives} = "
        f"{flagged / max(relatives, 1):.3%} (goal <= 2%); the person under a new NIK found: "
        f"{kind_right['pd_refused_new_nik_moved']}/{kind_total['pd_refused_new_nik_moved']}"
    )
    print(f"{'kind':<44} {'right':>9}")
    for kind in sorted(kind_total):
        print(f"{kind:<44} {kind_right[kind]:>4}/{kind_total[kind]:<4}")
        for line in wrong[kind][: options.show]:
            print(f"    {line}")


if __name__ == "__main__":
    main()
