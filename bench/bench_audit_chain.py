"""Audit chain throughput: appends per second and verification speed.

Runs against a fresh database of its own: a temporary SQLite file, or (with BENCH_DATABASE_URL) a PostgreSQL
database that it creates and drops. Prints one line per figure.
"""

import os
import sys
import tempfile
import time
import uuid

N_EVENTS = int(os.environ.get("BENCH_AUDIT_EVENTS", "20000"))


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="garda-bench-")
    os.environ["GARDA_DATA_DIR"] = tmp
    pg_url = os.environ.get("BENCH_DATABASE_URL")
    dbname = ""
    if pg_url:
        import psycopg

        dbname = f"garda_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        os.environ["DATABASE_URL"] = pg_url.rsplit("/", 1)[0] + "/" + dbname
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "garda.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from garda.core import audit

    try:
        call_command("migrate", verbosity=0)
        backend = connection.vendor
        start = time.perf_counter()
        for i in range(N_EVENTS):
            with transaction.atomic():
                audit.record("bench.event", actor_username="bench", summary=f"kejadian {i}", after={"i": i})
        append_s = time.perf_counter() - start
        start = time.perf_counter()
        report = audit.verify_chain()
        verify_s = time.perf_counter() - start
        assert report.intact and report.count >= N_EVENTS
        print(
            f"audit_chain[{backend}] append: {N_EVENTS / append_s:,.0f} events/s "
            f"({append_s * 1000 / N_EVENTS:.2f} ms each, one transaction per event)"
        )
        print(
            f"audit_chain[{backend}] verify: {report.count / verify_s:,.0f} events/s "
            f"({report.count:,} events in {verify_s:.2f} s)"
        )
    finally:
        connection.close()
        if dbname and pg_url:
            import psycopg

            with psycopg.connect(pg_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


if __name__ == "__main__":
    if os.environ.get("BENCH_CHILD"):
        sys.exit(main())
    # SQLite always; PostgreSQL as well when BENCH_DATABASE_URL names a server to create a database on.
    import subprocess

    for url in ["", os.environ.get("BENCH_DATABASE_URL", "")] if os.environ.get("BENCH_DATABASE_URL") else [""]:
        env = {**os.environ, "BENCH_CHILD": "1", "BENCH_DATABASE_URL": url}
        subprocess.run([sys.executable, __file__], env=env, check=True)
