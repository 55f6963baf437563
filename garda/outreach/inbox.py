"""Desa Binaan work in the inbox: a follow-up of an outreach event assigned to the user and not yet done."""

from collections.abc import Iterator
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from garda.core.access import has_capability
from garda.core.inbox import PER_SOURCE, Item
from garda.core.models import User
from garda.core.roles import Capability
from garda.outreach.models import FollowUp


def outreach_items(user: User, today: date) -> Iterator[Item]:
    if not has_capability(user, Capability.OUTREACH):  # follow-ups are assigned to outreach staff only
        return
    pending = (
        FollowUp.objects.filter(assigned_to=user, done_on__isnull=True)
        .select_related("event", "event__village")
        .order_by("due_on")
    )
    for follow_up in pending[:PER_SOURCE]:
        yield Item(
            kind=_("Tindak lanjut Desa Binaan"),
            title=f"{follow_up.event.village.name}: {follow_up.action}"[:160],
            url=reverse("outreach:event", args=[follow_up.event.number]),
            due=follow_up.due_on,
        )
