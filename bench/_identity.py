"""Shared helpers of the identity benchmarks: data sets with truth, the garda command line, Splink, F1."""

import csv
import itertools
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

GARDA = str(Path(sys.executable).parent / "garda")


def setup_django() -> None:
    os.environ.setdefault("GARDA_DATA_DIR", tempfile.mkdtemp(prefix="garda-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "garda.settings")
    import django

    django.setup()


def write_csv(path: Path, rows: Iterable[dict[str, str]]) -> None:
    from garda.identity.records import FIELDS  # the contract's person-list fields

    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def pairs_from_clusters(assignment: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for record, cluster in assignment.items():
        groups[cluster].append(record)
    return {p for members in groups.values() for p in itertools.combinations(sorted(members), 2)}


def f1(predicted: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[float, float, float]:
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(truth) if truth else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


def garda_link(left: Sequence[dict[str, str]], right: Sequence[dict[str, str]]) -> tuple[set[tuple[str, str]], float]:
    with tempfile.TemporaryDirectory() as tmp:
        lp, rp, out = Path(tmp) / "left.csv", Path(tmp) / "right.csv", Path(tmp) / "pairs.csv"
        write_csv(lp, left)
        write_csv(rp, right)
        start = time.perf_counter()
        subprocess.run([GARDA, "link", str(lp), str(rp), "--output", str(out)], check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        with out.open(encoding="utf-8") as fh:
            return {(r["left_id"], r["right_id"]) for r in csv.DictReader(fh)}, elapsed


def garda_dedupe(rows: Sequence[dict[str, str]]) -> tuple[dict[str, str], float, float]:
    """Cluster assignment, seconds, and peak memory (MB) of the `garda dedupe` process."""
    with tempfile.TemporaryDirectory() as tmp:
        path, out = Path(tmp) / "people.csv", Path(tmp) / "clusters.csv"
        write_csv(path, rows)
        start = time.perf_counter()
        proc = subprocess.Popen(
            [GARDA, "dedupe", str(path), "--output", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            raise RuntimeError(f"garda dedupe exited {status}")
        with out.open(encoding="utf-8") as fh:
            return {r["id"]: r["cluster_id"] for r in csv.DictReader(fh)}, elapsed, usage.ru_maxrss / 1024


def _clean(text: str) -> str | None:
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = re.sub(r"[^a-z0-9 ]+", " ", "".join(c for c in decomposed if not unicodedata.combining(c)).lower())
    plain = " ".join(plain.split())
    return plain or None


def splink_frame(rows: Sequence[dict[str, str]]):  # type: ignore[no-untyped-def]
    """The input as Splink is usually given it: lower case, punctuation removed, names split in two."""
    import pandas as pd

    records = []
    for r in rows:
        name = _clean(r.get("full_name", "")) or ""
        parts = name.split()
        records.append(
            {
                "unique_id": r["id"],
                "first_name": parts[0] if parts else None,
                "surname": " ".join(parts[1:]) if len(parts) > 1 else None,
                "dob": r.get("birth_date") or None,
                "sex": r.get("sex") or None,
                "nik": re.sub(r"\D", "", r.get("nik", "")) or None,
                "phone": re.sub(r"\D", "", r.get("phone", ""))[-10:] or None,
                "birth_place": _clean(r.get("birth_place", "")),
                "address": _clean(r.get("address", "")),
                "other_id": _clean(r.get("other_id", "")),
            }
        )
    return pd.DataFrame.from_records(records)


def _splink_settings(link_type: str):  # type: ignore[no-untyped-def]
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type=link_type,
        comparisons=[
            cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("sex"),
            cl.LevenshteinAtThresholds("nik", 2),
            cl.ExactMatch("phone"),
            cl.JaroWinklerAtThresholds("birth_place"),
            cl.JaroWinklerAtThresholds("address"),
            cl.LevenshteinAtThresholds("other_id", 2),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("dob"),
            block_on("first_name", "surname"),
            block_on("nik"),
            block_on("phone"),
            block_on("other_id"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def _train(linker) -> None:  # type: ignore[no-untyped-def]
    from splink import block_on

    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob"), block_on("nik")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "surname"))


def splink_link(left: Sequence[dict[str, str]], right: Sequence[dict[str, str]]) -> tuple[set[tuple[str, str]], float]:
    from splink import DuckDBAPI, Linker

    logging.disable(logging.WARNING)  # Splink reports every EM iteration at INFO
    start = time.perf_counter()
    db = DuckDBAPI()
    linker = Linker([db.register(splink_frame(left)), db.register(splink_frame(right))], _splink_settings("link_only"))
    _train(linker)
    pred = linker.inference.predict(threshold_match_probability=0.9).as_pandas_dataframe()
    elapsed = time.perf_counter() - start
    left_ids = {r["id"] for r in left}
    pairs = set()
    for a, b in zip(pred["unique_id_l"], pred["unique_id_r"], strict=True):
        pairs.add((a, b) if a in left_ids else (b, a))
    return pairs, elapsed


def splink_dedupe(rows: Sequence[dict[str, str]]) -> tuple[dict[str, str], float]:
    from splink import DuckDBAPI, Linker

    logging.disable(logging.WARNING)  # Splink reports every EM iteration at INFO
    start = time.perf_counter()
    db = DuckDBAPI()
    linker = Linker(db.register(splink_frame(rows)), _splink_settings("dedupe_only"))
    _train(linker)
    pred = linker.inference.predict(threshold_match_probability=0.9)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, 0.9).as_pandas_dataframe()
    elapsed = time.perf_counter() - start
    return dict(zip(clusters["unique_id"], clusters["cluster_id"].astype(str), strict=True)), elapsed


def febrl_rows(frame) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    def s(value: object) -> str:
        return "" if value is None or isinstance(value, float) else str(value).strip()

    return [
        {
            "id": str(rid),
            "full_name": f"{s(r.given_name)} {s(r.surname)}".strip(),
            "birth_date": s(r.date_of_birth),
            "address": " ".join(
                s(r[c]) for c in ["street_number", "address_1", "address_2", "suburb", "postcode", "state"]
            ),
            "other_id": s(r.soc_sec_id),
        }
        for rid, r in frame.iterrows()
    ]
