"""Speed at the counter: find and score the candidates for one person among N indexed persons (default 1,000,000),
on SQLite and on PostgreSQL, beside a full rapidfuzz scan and a pg_trgm search over the same persons.

Each backend's index is built once and kept (var/bench/ for SQLite, database garda_bench_counter_N on PostgreSQL),
so later runs only measure. The queries are variants of indexed persons: respelled names, day and month swapped or
the year off by one, a changed phone, a new NIK.
"""

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

N = int(os.environ.get("BENCH_COUNTER_PERSONS", "1000000"))
QUERIES = int(os.environ.get("BENCH_COUNTER_QUERIES", "1000"))
BASELINE_QUERIES = int(os.environ.get("BENCH_BASELINE_QUERIES", "30"))
ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = os.environ.get("BENCH_DATABASE_URL", "")


def _person(k: int):  # type: ignore[no-untyped-def]
    from garda.synthetic.identities import true_person

    return true_person(random.Random(1_000_003 * 7 + k), k)


def _variant(k: int) -> dict[str, str]:
    """A realistic later appearance of person k, of one of four kinds."""
    from garda.synthetic.identities import _respell

    rng = random.Random(k * 31 + 5)
    p = _person(k)
    born = p.birth_date
    record = {"id": f"q{k}", "full_name": _respell(rng, p.full_name), "birth_date": born.isoformat(), "sex": p.sex}
    kind = k % 4
    if kind == 1:
        if born.day <= 12 and born.day != born.month:
            born = born.replace(day=born.month, month=born.day)
        else:
            born = (
                born.replace(year=born.year + rng.choice([-1, 1])) if not (born.month == 2 and born.day == 29) else born
            )
        record["birth_date"] = born.isoformat()
    elif kind == 2:
        record["phone"] = f"08{rng.randrange(10**9, 10**10)}"
        record["nik"] = p.nik
    elif kind == 3:
        from garda.identity.nik import encode_nik

        record["nik"] = encode_nik("320901", p.birth_date, p.sex, rng.randrange(1, 10000))
        record["phone"] = p.phone
    return record


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def _build() -> None:
    from garda.identity.index import bulk_index, rebuild_name_frequencies
    from garda.identity.models import IndexedPerson, NameFrequency
    from garda.synthetic.identities import appearance

    have = IndexedPerson.objects.filter(source="bench").count()
    if have == N:
        if not NameFrequency.objects.exists():  # an index kept from before name counts were stored
            rebuild_name_frequencies()
        return
    if have:
        IndexedPerson.objects.filter(source="bench").delete()
    start = time.perf_counter()

    def rows():  # type: ignore[no-untyped-def]
        for k in range(N):
            yield "bench", f"b{k}", appearance(random.Random(k), _person(k), f"b{k}", first=True), "JAKSEL"

    bulk_index(rows(), batch_size=10000)
    print(
        f"identity_counter[{_vendor()}] indexed {N:,} persons in {time.perf_counter() - start:.0f} s (kept for "
        "later runs)",
        flush=True,
    )


def _vendor() -> str:
    from django.db import connection

    return connection.vendor


def child() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    _build()
    from django.db import connection

    from garda.identity.index import find_candidates, index_total

    vendor = _vendor()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics after the bulk load, as autovacuum would give later
    index_total()
    rng = random.Random(42)
    ks = [rng.randrange(N) for _ in range(QUERIES)]
    variants = [_variant(k) for k in ks]
    find_candidates(variants[0])  # warm the model and caches
    times, found = [], 0
    for k, record in zip(ks, variants, strict=True):
        start = time.perf_counter()
        candidates = find_candidates(record, limit=10)
        times.append((time.perf_counter() - start) * 1000)
        found += any(c.person.source_ref == f"b{k}" for c in candidates)
    p50, p99 = _percentiles(times)
    print(
        f"identity_counter[{vendor}] garda blocking+scoring: p50 {p50:.2f} ms, p99 {p99:.2f} ms, found "
        f"{found / len(ks):.4f} of {len(ks)} variants among {N:,} persons",
        flush=True,
    )

    if vendor == "sqlite":
        from rapidfuzz import fuzz, process

        with connection.cursor() as cursor:
            cursor.execute("SELECT source_ref, full_name FROM identity_indexedperson WHERE source = 'bench'")
            refs, names = zip(*cursor.fetchall(), strict=True)
        times, found = [], 0
        for k, record in list(zip(ks, variants, strict=True))[:BASELINE_QUERIES]:
            start = time.perf_counter()
            best = process.extract(record["full_name"], names, scorer=fuzz.WRatio, limit=10)
            times.append((time.perf_counter() - start) * 1000)
            found += any(refs[i] == f"b{k}" for _, _, i in best)
        p50, p99 = _percentiles(times)
        print(
            f"identity_counter[{vendor}] baseline rapidfuzz full scan (WRatio, top 10): p50 {p50:.0f} ms, "
            f"p99 {p99:.0f} ms, found {found / BASELINE_QUERIES:.2f} of {BASELINE_QUERIES}",
            flush=True,
        )
    else:
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS bench_trgm ON identity_indexedperson USING gin (full_name gin_trgm_ops)"
            )
            times, found = [], 0
            queries = list(zip(ks, variants, strict=True))[: BASELINE_QUERIES * 3]
            for k, record in queries:
                start = time.perf_counter()
                cursor.execute(
                    "SELECT source_ref FROM identity_indexedperson WHERE full_name %% %s "
                    "ORDER BY similarity(full_name, %s) DESC LIMIT 10",
                    [record["full_name"], record["full_name"]],
                )
                rows = [r[0] for r in cursor.fetchall()]
                times.append((time.perf_counter() - start) * 1000)
                found += f"b{k}" in rows
        p50, p99 = _percentiles(times)
        print(
            f"identity_counter[{vendor}] baseline pg_trgm (GIN, %, top 10): p50 {p50:.0f} ms, p99 {p99:.0f} ms, "
            f"found {found / len(queries):.2f} of {len(queries)}",
            flush=True,
        )


def main() -> None:
    if os.environ.get("BENCH_CHILD"):
        child()
        return
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "BENCH_CHILD": "1",
        "DJANGO_SETTINGS_MODULE": "garda.settings",
        "GARDA_DATA_DIR": str(bench_dir),
    }
    from garda.identity.blocking import KEYS_VERSION

    # The kept indexes are named after the key scheme, so a change of keys builds them anew.
    targets = [f"sqlite:///{bench_dir / f'counter-{N}-k{KEYS_VERSION}.sqlite3'}"]
    if PG_ADMIN:
        import psycopg

        name = f"garda_bench_counter_{N}_k{KEYS_VERSION}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        targets.append(PG_ADMIN.rsplit("/", 1)[0] + "/" + name)
    for url in targets:
        subprocess.run([sys.executable, __file__], env={**env, "DATABASE_URL": url}, check=True)


if __name__ == "__main__":
    main()
