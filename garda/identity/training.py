"""Estimating and storing a new versioned model from the persons Garda knows (or from a list)."""

import hashlib
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.identity.batch import resolve
from garda.identity.index import ROW_FIELDS, forget_cached, person_from_values
from garda.identity.model import FSModel
from garda.identity.models import IndexedPerson, MatchModel
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


@transaction.atomic
def store_model(model: FSModel, *, trained_on: str, actor_username: str = "system") -> MatchModel:
    digest = hashlib.sha256(model.to_json().encode()).hexdigest()[:8]
    model.version = f"{timezone.now():%Y%m%d-%H%M%S}-{digest}"
    model.trained_on = trained_on
    stored = MatchModel.objects.create(
        version=model.version,
        params=model.as_json_dict(),  # the household gate included
        trained_on=trained_on,
        created_by_username=actor_username,
    )
    audit.record(
        "identity.model_trained",
        actor_username=actor_username,
        obj=stored,
        summary=f"Model pencocokan {model.version} diestimasi dari {trained_on}",
        after={"version": model.version, "prior": model.prior},
    )
    forget_cached()  # this process at once; other processes within a minute
    transaction.on_commit(forget_cached)
    return stored
