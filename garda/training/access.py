"""Who sees which sessions: those who organise training see the sessions of the offices in their scope; an officer
sees their own enrolments; anyone may verify a certificate by its code (and learns only what the certificate says)."""

from django.db.models import QuerySet
from django.http import Http404

from garda.core.access import offices_in_scope
from garda.core.models import User
from garda.training.models import Enrolment, Session


def sessions_of(user: User) -> QuerySet[Session]:
    return Session.objects.filter(office__in=offices_in_scope(user)).select_related("course", "office")


def session_for(user: User, number: str) -> Session:
    session = sessions_of(user).filter(number=number).first()
    if session is None:
        raise Http404
    return session


def own_enrolment(user: User, number: str) -> Enrolment:
    enrolment = Enrolment.objects.filter(user=user, session__number=number).select_related("session__course").first()
    if enrolment is None:
        raise Http404
    return enrolment
