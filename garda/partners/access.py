"""Who sees what of the partnership. A partner (user or API client) sees only its own organisation's records:
the reports it sent, with what the office did with them in numbers, and the referrals addressed to it or sent by it
— never an applicant's file. Office staff with the referral capability see the referrals of the offices in their
scope."""

from django.db.models import Q, QuerySet
from django.http import Http404

from garda.core.access import has_capability, offices_in_scope
from garda.core.models import Organisation, User
from garda.core.roles import Capability
from garda.intel.api import AgencyReport
from garda.partners.models import Referral


def organisation_of(user: User) -> Organisation | None:
    if not has_capability(user, Capability.PARTNER_PORTAL):
        return None
    return user.organisation


def reports_of(organisation: Organisation) -> QuerySet[AgencyReport]:
    return AgencyReport.objects.filter(organisation=organisation).order_by("-received_at", "-id")


def report_of(organisation: Organisation, external_id: str) -> AgencyReport:
    report = reports_of(organisation).filter(external_id=external_id).first()
    if report is None:
        raise Http404
    return report


def referrals_of(organisation: Organisation) -> QuerySet[Referral]:
    return Referral.objects.filter(organisation=organisation).select_related("office", "organisation")


def referral_of(organisation: Organisation, number: str) -> Referral:
    referral = referrals_of(organisation).filter(number=number).first()
    if referral is None:
        raise Http404
    return referral


def referrals_for_staff(user: User) -> QuerySet[Referral]:
    if not has_capability(user, Capability.REFERRALS):
        return Referral.objects.none()
    return Referral.objects.filter(office__in=offices_in_scope(user)).select_related("office", "organisation")


def staff_referral(user: User, number: str) -> Referral:
    referral = referrals_for_staff(user).filter(number=number).first()
    if referral is None:
        raise Http404
    return referral


def referral_partners() -> QuerySet[Organisation]:
    """The organisations a referral can go to: active, receiving referrals, with an agreement in force."""
    from django.utils import timezone

    today = timezone.localdate()
    return Organisation.objects.filter(active=True, receives_referrals=True).filter(
        Q(agreement_expires__isnull=True) | Q(agreement_expires__gte=today)
    )
