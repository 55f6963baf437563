"""Deployment checks of the reporting channel, in Django's check framework (`garda check --deploy`): an office
offered on the public form whose reports would reach nobody is an error, named with what is missing."""

from typing import Any

from django.core.checks import Error, register
from django.db import DatabaseError


@register("garda", deploy=True)
def channel_delivers(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    from garda.core.models import Office
    from garda.core.models.offices import OfficeKind
    from garda.whistle.models import Unit
    from garda.whistle.routing import deliverable

    errors: list[Error] = []
    try:
        offices = list(Office.objects.exclude(kind=OfficeKind.KANWIL).order_by("code"))
    except DatabaseError:  # not migrated yet: nothing is offered
        return errors
    for office in offices:
        for unit in (Unit.INTELLIGENCE, Unit.COMPLIANCE):
            for problem in deliverable(office, unit):
                errors.append(
                    Error(
                        f"Saluran pengaduan {office.code} ({unit}): {problem}",
                        hint="Tetapkan penangan yang sudah masuk sekali (kunci dibuat saat itu) di kantor ini atau "
                        "di pusat, dan buat kunci pemulihan: garda whistle recovery-key OFFICE --holder NAMA.",
                        obj=office.code,
                        id="garda.E001",
                    )
                )
    return errors
