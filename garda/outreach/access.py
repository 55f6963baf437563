"""Who sees which villages: the officers of an office with the outreach capability see its villages (a Kanwil or the
national office those of the offices in its scope, as everywhere in Garda)."""

from django.db.models import QuerySet
from django.http import Http404

from garda.core.access import offices_in_scope
from garda.core.models import User
from garda.outreach.models import Event, Village


def villages_of(user: User) -> QuerySet[Village]:
    return Village.objects.filter(office__in=offices_in_scope(user)).select_related("office", "officer")


def village_for(user: User, pk: int) -> Village:
    village = villages_of(user).filter(pk=pk).first()
    if village is None:
        raise Http404
    return village


def event_for(user: User, number: str) -> Event:
    event = Event.objects.filter(number=number, village__in=villages_of(user)).select_related("village").first()
    if event is None:
        raise Http404
    return event
