"""Loading the reference data shipped in `garda/core/data/` into the database (used by migrations)."""

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"

_LEVEL_BY_LENGTH = {2: "province", 4: "regency", 6: "district", 10: "village"}


def _parent(code: str) -> str:
    return code[:6] if len(code) == 10 else code[:-2]


def region_rows() -> Iterator[tuple[str, str, str, str, bool, str]]:
    """(code, level, name, parent, in_force, versions): the 2025 list, plus older codes marked not in force."""
    history: dict[str, tuple[str, str]] = {}
    with open(DATA_DIR / "district_codes_history.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            history[row["code"]] = (row["name_latest"], row["versions"])
    seen = set()
    with open(DATA_DIR / "wilayah_2025.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"]
            seen.add(code)
            versions = history.get(code, ("", "2025"))[1]
            yield code, row["level"], row["name"], _parent(code), True, versions
    for code, (name, versions) in history.items():
        if code not in seen:
            yield code, _LEVEL_BY_LENGTH[len(code)], name, _parent(code), False, versions


def country_rows() -> Iterator[tuple[str, str, str, str, str]]:
    with open(DATA_DIR / "countries.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield row["alpha2"], row["alpha3"], row["numeric"], row["name_id"], row["name_en"]


def seed_lists() -> list[dict[str, Any]]:
    with open(DATA_DIR / "reference_lists.json", encoding="utf-8") as fh:
        data: list[dict[str, Any]] = json.load(fh)
    return data


def load_all(connection: Any) -> None:
    """Insert everything with plain SQL, independent of the current models (migrations call this)."""
    with connection.cursor() as cursor:
        rows = list(region_rows())
        cursor.executemany(
            "INSERT INTO core_region (code, level, name, parent_code, in_force, versions) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            rows,
        )
        cursor.executemany(
            "INSERT INTO core_country (alpha2, alpha3, numeric, name_id, name_en) VALUES (%s, %s, %s, %s, %s)",
            list(country_rows()),
        )
        now = datetime.now(UTC)
        if connection.vendor == "sqlite":
            # SQLite stores datetimes as text in the format Django's backend reads back.
            now_value: Any = now.replace(tzinfo=None).isoformat(sep=" ")
        else:
            now_value = now
        for lst in seed_lists():
            cursor.execute(
                "INSERT INTO core_referencelist (key, kind, title_id, title_en, description_id, description_en) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    lst["key"],
                    lst["kind"],
                    lst["title_id"],
                    lst["title_en"],
                    lst["description_id"],
                    lst["description_en"],
                ],
            )
            cursor.execute(
                "INSERT INTO core_referencelistrevision (reference_list_id, version, items, source, note, "
                "effective_from, created_at, created_by_id, created_by_username) "
                "VALUES (%s, 1, %s, %s, %s, %s, %s, NULL, %s)",
                [
                    lst["key"],
                    json.dumps(lst["items"], ensure_ascii=False),
                    lst["source"],
                    "Versi awal yang dikirim bersama Garda.",
                    lst["effective_from"],
                    now_value,
                    "garda",
                ],
            )
