"""The batch job on a small local Spark session: the same pairs and probabilities as the local engine.

Runs only where `pyspark` (and a Java runtime) is installed; prints the agreement and both timings.
"""

import os
import sys
import time

import numpy as np
from _identity import setup_django

RECORDS = int(os.environ.get("BENCH_SPARK_PEOPLE", "3000"))


def main() -> None:
    setup_django()
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("identity_spark: pyspark is not installed; skipped (pip install pyspark, and a Java 17 runtime)")
        return
    from garda.identity.batch import resolve
    from garda.identity.defaults import default_model
    from garda.identity.records import prepare
    from garda.identity.spark import dedupe_pairs
    from garda.synthetic.identities import dataset

    # Spark's Python workers must run this interpreter, where Garda is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    rows = [r for r, _ in dataset(RECORDS, seed=77)]
    model = default_model()
    start = time.perf_counter()
    persons = [prepare(r) for r in rows]
    scored, _ = resolve(persons, model=model)
    local = {(persons[i].id, persons[j].id): p for i, j, p in scored.at_least(0.9)}
    local = {tuple(sorted(k)): v for k, v in local.items()}
    local_s = time.perf_counter() - start

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("garda-identity")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        start = time.perf_counter()
        remote = {(a, b): p for a, b, p in dedupe_pairs(spark.sparkContext.parallelize(rows, 8), model).collect()}
        spark_s = time.perf_counter() - start
    finally:
        spark.stop()
    same = set(local) == set(remote) and np.allclose([local[k] for k in local], [remote[k] for k in local])
    print(
        f"identity_spark[{len(rows)} records] local engine {len(local)} pairs in {local_s:.1f} s; Spark local[2] "
        f"{len(remote)} pairs in {spark_s:.1f} s; identical pairs and probabilities: {same}"
    )
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
