"""The same batch job on Apache Spark, for a national deployment whose lists outgrow one machine.

Every step runs Garda's own Python code on the executors — `prepare`, `index_keys`/`query_keys`, `compare` and the
stored model — so a pair is judged on Spark exactly as at the counter and in `garda dedupe`; Spark only spreads
the work and does the joins. Weights come from a stored model (`garda identity train` on a sample), as the m and u
of a national population change slowly.

    from pyspark.sql import SparkSession
    from garda.identity.spark import dedupe_pairs
    spark = SparkSession.builder.getOrCreate()
    pairs = dedupe_pairs(spark.sparkContext.parallelize(records, 200), current_model(), threshold=0.9)
"""

from typing import Any

import numpy as np

from garda.identity.blocking import index_keys, query_keys
from garda.identity.comparisons import compare
from garda.identity.model import FSModel
from garda.identity.records import prepare

MAX_BLOCK = 500


def dedupe_pairs(records: Any, model: FSModel, *, threshold: float = 0.9, max_block: int = MAX_BLOCK) -> Any:
    """An RDD of (left_id, right_id, probability) for records (an RDD of contract mappings) at the threshold."""
    model_json = model.to_json()
    prepared = records.map(lambda r: prepare(r)).map(lambda p: (p.id, p)).cache()
    index = prepared.flatMap(lambda ip: [(k, ip[0]) for k in index_keys(ip[1])])
    # Blocks shared by too many records are no evidence and would explode the join (the local engine skips them).
    sizes = index.map(lambda kv: (kv[0], 1)).reduceByKey(lambda a, b: a + b).filter(lambda kv: kv[1] <= max_block)
    index = index.join(sizes).map(lambda kv: (kv[0], kv[1][0]))
    queries = prepared.flatMap(lambda ip: [(k, ip[0]) for k in query_keys(ip[1])])
    pairs = queries.join(index).values().filter(lambda ab: ab[0] != ab[1]).map(lambda ab: (min(ab), max(ab))).distinct()
    # Name counts for the term-frequency adjustment, as the local engine computes them over the whole list.
    names = prepared.flatMap(lambda ip: [ip[1].name.key] if ip[1].name is not None else [])
    counts = records.context.broadcast(dict(names.countByValue()))
    total = sum(counts.value.values())
    with_left = pairs.join(prepared).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
    both = with_left.join(prepared).map(lambda kv: (kv[1][0][0], kv[0], kv[1][0][1], kv[1][1]))

    def score(partition: Any) -> Any:
        local = FSModel.from_json(model_json)
        rows = list(partition)
        if not rows:
            return iter(())
        levels = np.array([compare(pa, pb) for _, _, pa, pb in rows], dtype=np.int8)

        def frequency(person: Any) -> float:
            if person.name is None or not total:
                return float("nan")
            return float(local.name_tf(counts.value.get(person.name.key, 0), total) or np.nan)

        # Of a near-identical pair, the commoner spelling says how often such a name meets by chance (as locally).
        tf = np.fmax(np.array([frequency(pa) for _, _, pa, _ in rows]), np.array([frequency(pb) for *_, pb in rows]))
        probabilities = local.probabilities(levels, tf)
        return ((a, b, float(p)) for (a, b, _, _), p in zip(rows, probabilities, strict=True) if p >= threshold)

    return both.mapPartitions(score)
