"""Batch de-duplication at national scale: `garda dedupe` on BENCH_BATCH_RECORDS synthetic Indonesian records
(default 1,000,000), time, peak memory and F1 — beside Splink 5 on DuckDB on the same records, in the same run."""

import itertools
import os
import resource
import time
from collections import defaultdict

from _identity import f1, garda_dedupe, pairs_from_clusters, setup_django, splink_dedupe

RECORDS = int(os.environ.get("BENCH_BATCH_RECORDS", "1000000"))
RECORDS_PER_PERSON = 1.67  # what synthetic.dataset yields: duplicates and namesakes included


def main() -> None:
    setup_django()
    from garda.synthetic.identities import dataset

    start = time.perf_counter()
    records = list(dataset(int(RECORDS / RECORDS_PER_PERSON), seed=1000))
    rows = [r for r, _ in records]
    by_person: dict[int, list[str]] = defaultdict(list)
    for r, key in records:
        by_person[key].append(r["id"])
    truth = {p for g in by_person.values() for p in itertools.combinations(sorted(g), 2)}
    del records, by_person
    print(
        f"identity_batch: generated {len(rows):,} records ({len(truth):,} true pairs) in "
        f"{time.perf_counter() - start:.0f} s",
        flush=True,
    )

    assignment, seconds, peak_mb = garda_dedupe(rows)
    p, r, score = f1(pairs_from_clusters(assignment), truth)
    print(
        f"identity_batch[{len(rows):,} records] garda dedupe: {seconds:.0f} s, peak memory {peak_mb:,.0f} MB, "
        f"F1 {score:.4f} (precision {p:.4f}, recall {r:.4f})",
        flush=True,
    )
    del assignment

    if os.environ.get("BENCH_SKIP_SPLINK"):
        return
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assignment, seconds = splink_dedupe(rows)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p, r, score = f1(pairs_from_clusters(assignment), truth)
    print(
        f"identity_batch[{len(rows):,} records] splink 5 (DuckDB) dedupe: {seconds:.0f} s, peak memory of this "
        f"process {peak:,.0f} MB (was {before:,.0f} MB before), F1 {score:.4f} (precision {p:.4f}, "
        f"recall {r:.4f})",
        flush=True,
    )


if __name__ == "__main__":
    main()
