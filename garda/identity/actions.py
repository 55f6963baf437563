"""Every state change of identity that is an act of someone: storing a newly estimated match model (versioned,
audited). The person index itself is kept by the importers through `identity.index`."""

import hashlib

from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.identity.index import forget_cached
from garda.identity.model import FSModel
from garda.identity.models import MatchModel


@transaction.atomic
def do_store_model(model: FSModel, *, trained_on: str, actor_username: str = "system") -> MatchModel:
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
