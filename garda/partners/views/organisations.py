"""Partner organisations and their agreements, kept by an administrator of the national office."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from garda.core import audit
from garda.core.access import request_user, requires
from garda.core.models import Organisation, User
from garda.core.models.offices import OfficeKind
from garda.core.roles import Capability
from garda.partners.forms import OrganisationForm

FIELDS = [
    "code", "name", "kind", "unit", "report_code", "contact_name", "contact_email", "contact_phone",
    "agreement_number", "agreement_basis", "agreement_scope", "agreement_expires", "receives_referrals", "active",
]  # fmt: skip


def _national_admin(user: User) -> None:
    if user.office.kind != OfficeKind.NATIONAL:
        raise PermissionDenied


@requires(Capability.ORGANISATIONS_MANAGE)
@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    rows = list(Organisation.objects.prefetch_related("api_clients").order_by("code"))
    return render(request, "partners/organisations.html", {"rows": rows})


@requires(Capability.ORGANISATIONS_MANAGE)
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, code: str = "") -> HttpResponse:
    user = request_user(request)
    _national_admin(user)
    instance = get_object_or_404(Organisation, code=code) if code else None
    form = OrganisationForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        before = audit.snapshot(instance, FIELDS) if instance else {}
        with transaction.atomic():
            saved = form.save()
            audit.record(
                "organisation.update" if instance else "organisation.create",
                actor=user,
                obj=saved,
                summary=f"Instansi mitra {saved.code} {'diubah' if instance else 'ditambahkan'}",
                before=before,
                after=audit.snapshot(saved, FIELDS),
            )
        messages.success(request, _("Instansi mitra disimpan."))
        return redirect("partners:organisations")
    return render(request, "partners/organisation_form.html", {"form": form, "instance": instance})
