"""Who sees partner reports and who enters them. Reports are national context: every office's screening reads
them, so every screening role may list and open them; entering one by hand is the intelligence section's (a
channel handler's record is checked by the channel). A report the user may not see answers 404 exactly like one
that does not exist."""

from django.db.models import QuerySet
from django.http import Http404

from garda.core.access import has_capability
from garda.core.models import User
from garda.core.roles import Capability
from garda.intel.models import AgencyReport


def reports_for(user: User) -> QuerySet[AgencyReport]:
    if not has_capability(user, Capability.SCREENING_VIEW):
        return AgencyReport.objects.none()
    return AgencyReport.objects.all()


def access_report(user: User, pk: int) -> AgencyReport:
    report = reports_for(user).filter(pk=pk).prefetch_related("subjects").first()
    if report is None:
        raise Http404
    return report


def may_enter_reports(user: User) -> bool:
    return has_capability(user, Capability.REPORTS_ENTER)
