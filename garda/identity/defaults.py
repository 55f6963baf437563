"""The default model, estimated from synthetic Indonesian data and shipped in the package.

Used where the data at hand are too few to estimate weights from (a short partner list, one person at the
counter before the office has trained its own). `python -m garda.identity.defaults` re-estimates it.
"""

import sys
from functools import lru_cache
from pathlib import Path

from garda.identity.model import FSModel

PATH = Path(__file__).resolve().parent / "data" / "default_model.json"
TRAINING_PEOPLE = 20_000  # people of the plain synthetic list
TRAINING_HOUSEHOLDS = 3_000  # families (about 20,000 records), beside them


@lru_cache(maxsize=1)
def default_model() -> FSModel:
    return FSModel.from_json(PATH.read_text(encoding="utf-8"))


def train() -> FSModel:
    """Estimated on lists with families in them (siblings, twins, juniors, same-day namesakes) beside a plain
    list, so the household fields' weights are learnt where relatives are common."""
    from garda.identity.batch import resolve
    from garda.identity.records import prepare
    from garda.identity.synthetic import dataset, household_dataset

    records = [record for record, _ in dataset(TRAINING_PEOPLE, seed=20251)]
    records += [record for record, _ in household_dataset(TRAINING_HOUSEHOLDS, seed=20252).records]
    persons = [prepare(record) for record in records]
    _, report = resolve(persons)
    assert report.model is not None and not report.warnings, report.warnings
    report.model.version = "default-2"
    report.model.trained_on = (
        f"synthetic Indonesian persons: {len(persons)} records ({TRAINING_PEOPLE} people of a plain list and "
        f"{TRAINING_HOUSEHOLDS} households)"
    )
    return report.model


if __name__ == "__main__":
    model = train()
    PATH.write_text(model.to_json() + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {PATH} ({model.trained_on}, prior {model.prior:.3g})\n")
