"""Region codes for NIK and KK checks, read from the files shipped in `garda/core/data/` (no database needed,
so batch jobs and property tests use the same rules as the counter)."""

import csv
from dataclasses import dataclass
from functools import lru_cache

from garda.core.referencedata import DATA_DIR


@dataclass(frozen=True)
class RegionInfo:
    code: str
    name: str
    versions: tuple[str, ...]

    @property
    def in_force(self) -> bool:
        return "2025" in self.versions

    @property
    def last_version(self) -> str:
        return self.versions[-1] if self.versions else ""


@lru_cache(maxsize=1)
def _regions() -> dict[str, RegionInfo]:
    table: dict[str, RegionInfo] = {}
    with open(DATA_DIR / "district_codes_history.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[row["code"]] = RegionInfo(row["code"], row["name_latest"], tuple(row["versions"].split()))
    return table


def region(code: str) -> RegionInfo | None:
    """A province (2 digits), regency (4) or district (6) code from any list since 2016."""
    return _regions().get(code)
