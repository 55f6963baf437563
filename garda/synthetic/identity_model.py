"""Re-estimate identity's shipped default match model from synthetic Indonesian data.

`python -m garda.synthetic.identity_model` writes `garda/identity/data/default_model.json`. It lives here, not in
identity, because it needs the generators and batch linking, and identity's loader must need neither.
"""

import sys

from garda.identity.batch import resolve
from garda.identity.defaults import PATH
from garda.identity.model import FSModel
from garda.identity.records import prepare
from garda.synthetic.identities import dataset, household_dataset

TRAINING_PEOPLE = 20_000  # people of the plain synthetic list
TRAINING_HOUSEHOLDS = 3_000  # families (about 20,000 records), beside them


def train() -> FSModel:
    """Estimated on lists with families in them (siblings, twins, juniors, same-day namesakes) beside a plain
    list, so the household fields' weights are learnt where relatives are common."""
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
