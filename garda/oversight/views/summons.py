"""What the officer examined sees of their own case: nothing before the summons; from it, the summons (date,
place, the alleged breach in its words), and later the decree and the period to object. Never the source, the
reporter, the examiners' findings or anyone else's case."""

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from garda.core.access import request_user
from garda.core.models import User
from garda.oversight.models import Investigation, InvestigationStatus, InvestigationStep, StepKind

SHOWN = (
    StepKind.SUMMONS_1,
    StepKind.SUMMONS_2,
    StepKind.RELEASE,
    StepKind.RESTORE,
    StepKind.DECREE,
    StepKind.DELIVERY,
    StepKind.OBJECTION,
    StepKind.OBJECTION_DECIDED,
    StepKind.FINAL,
)


def summoned_cases(user: User) -> QuerySet[Investigation]:
    return (
        Investigation.objects.filter(subject=user, steps__kind=StepKind.SUMMONS_1)
        .exclude(sealed=True)
        .distinct()
        .order_by("-opened_at")
    )


def home_panel(request: HttpRequest, user: User) -> str:
    """A notice on the home page of an officer who has been summoned (and only then)."""
    cases = list(summoned_cases(user)[:5])
    if not cases:
        return ""
    return render_to_string("oversight/_summons_notice.html", {"cases": cases}, request=request)


def superior_panel(request: HttpRequest, user: User) -> str:
    """A notice to a superior who was told of a subordinate's suspected breach and has yet to summon: the officer
    and the deadline (PP 94/2021 Pasal 26), never the source or the allegation's evidence."""
    steps = list(
        InvestigationStep.objects.filter(
            kind=StepKind.SUPERIOR_INFORMED,
            investigation__superior=user,
            investigation__status=InvestigationStatus.OPEN,
        )
        .exclude(investigation__steps__kind__in=[StepKind.SUMMONS_1, StepKind.SUPERIOR_INACTION])
        .select_related("investigation", "investigation__subject")
        .order_by("due")[:10]
    )
    if not steps:
        return ""
    return render_to_string("oversight/_superior_notice.html", {"steps": steps}, request=request)


@require_GET
def my_summons(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    cases = [
        (case, list(case.steps.filter(kind__in=SHOWN).order_by("at", "id")))
        for case in summoned_cases(user).select_related("office")
    ]
    return render(request, "oversight/my_summons.html", {"cases": cases, "released": user.released_from_duties})
