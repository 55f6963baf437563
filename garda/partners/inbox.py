"""Referral work in the inbox: a partner's referral the office has to answer, an office's referral the partner
has not answered within the answer period, and — for a partner's own users — the office's referrals to answer."""

from collections.abc import Iterator
from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from garda.core.inbox import PER_SOURCE, Item
from garda.core.models import User
from garda.core.workdays import add_working_days
from garda.partners.access import organisation_of, referrals_for_staff, referrals_of
from garda.partners.models import Direction, Referral, ReferralStatus

# Working days the receiving side has to accept or refuse a referral; past them the sender follows it up.
ANSWER_WORKING_DAYS = 3


def _due(referral: Referral) -> date:
    return add_working_days(timezone.localtime(referral.created_at).date(), ANSWER_WORKING_DAYS)


def referral_items(user: User, today: date) -> Iterator[Item]:
    waiting = referrals_for_staff(user).filter(status=ReferralStatus.IN_PROGRESS).order_by("created_at")
    for referral in waiting.filter(direction=Direction.IN)[:PER_SOURCE]:
        yield Item(
            kind=_("Jawab rujukan dari mitra"),
            title=f"{referral.number} — {referral.organisation.name}",
            url=reverse("referrals:detail", args=[referral.number]),
            due=_due(referral),
            detail=referral.get_role_display(),
        )
    for referral in waiting.filter(direction=Direction.OUT)[:PER_SOURCE]:
        due = _due(referral)
        if due < today:
            yield Item(
                kind=_("Rujukan belum dijawab mitra"),
                title=f"{referral.number} — {referral.organisation.name}",
                url=reverse("referrals:detail", args=[referral.number]),
                due=due,
                detail=referral.get_role_display(),
            )
    organisation = organisation_of(user)
    if organisation is not None:
        incoming = referrals_of(organisation).filter(direction=Direction.OUT, status=ReferralStatus.IN_PROGRESS)
        for referral in incoming.order_by("created_at")[:PER_SOURCE]:
            yield Item(
                kind=_("Jawab rujukan dari kantor imigrasi"),
                title=f"{referral.number} — {referral.office.name}",
                url=reverse("partners:referral", args=[referral.number]),
                due=_due(referral),
                detail=referral.get_role_display(),
            )
