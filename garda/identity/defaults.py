"""The default model, estimated from synthetic Indonesian data and shipped in the package.

Used where the data at hand are too few to estimate weights from (a short partner list, one person at the
counter before the office has trained its own). `python -m garda.identity.defaults` re-estimates it.
"""

import sys
from functools import lru_cache
from pathlib import Path

from garda.identity.model import FSModel

PATH = Path(__file__).resolve().parent / "data" / "default_model.json"
TRAINING_PEOPLE = 40_000


@lru_cache(maxsize=1)
def default_model() -> FSModel:
    return FSModel.from_json(PATH.read_text(encoding="utf-8"))


def train() -> FSModel:
    from garda.identity.batch import resolve
    from garda.identity.records import prepare
    from garda.identity.synthetic import dataset

    persons = [prepare(record) for record, _ in dataset(TRAINING_PEOPLE, seed=20251)]
    _, report = resolve(persons)
    assert report.model is not None
    report.model.version = "default-1"
    report.model.trained_on = f"synthetic Indonesian persons: {len(persons)} records of {TRAINING_PEOPLE} people"
    return report.model


if __name__ == "__main__":
    model = train()
    PATH.write_text(model.to_json() + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {PATH} ({model.trained_on}, prior {model.prior:.3g})\n")
