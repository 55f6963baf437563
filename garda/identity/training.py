"""Estimating a new match model from the persons Garda knows (or from a list); `actions.do_store_model` keeps it."""

from collections.abc import Sequence

from garda.identity.batch import resolve
from garda.identity.index import ROW_FIELDS, person_from_values
from garda.identity.model import FSModel
from garda.identity.models import IndexedPerson
from garda.identity.records import Person

MAX_TRAINING_RECORDS = 300_000


def persons_from_index(limit: int = MAX_TRAINING_RECORDS) -> list[Person]:
    """A sample of the index (the newest persons first, the most like today's applicants)."""
    rows = IndexedPerson.objects.order_by("-id").values_list(*ROW_FIELDS)[:limit]
    return [person_from_values(values) for values in rows]


def estimate_model(persons: Sequence[Person]) -> FSModel:
    if len(persons) < 1000:
        raise ValueError(f"terlalu sedikit data untuk mengestimasi bobot: {len(persons)} orang (minimal 1.000)")
    _, report = resolve(persons)
    assert report.model is not None
    return report.model
