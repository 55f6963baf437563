"""Conflict-of-interest declarations: an investigator (or a deciding official) who is near an officer or a case
says so, and is from then on kept out of it — the case disappears from their lists, they can take no step, and they
hold no key to its evidence. A declaration is never withdrawn: it is part of the record."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Relation(models.TextChoices):
    FAMILY = "family", _("Keluarga sedarah atau semenda")
    HOUSEHOLD = "household", _("Tinggal serumah")
    LINE = "line", _("Atasan atau bawahan langsung")
    PERSONAL = "personal", _("Hubungan pribadi yang dekat")
    BUSINESS = "business", _("Hubungan usaha atau keuangan")
    INVOLVED = "involved", _("Terlibat dalam peristiwa yang diperiksa")
    OTHER = "other", _("Lainnya")


class ConflictDeclaration(models.Model):
    declarant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("yang menyatakan"), on_delete=models.PROTECT, related_name="+"
    )
    # Either a standing declaration about an officer (every case about them, present and future) or one case.
    concerning = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    investigation = models.ForeignKey(
        "oversight.Investigation", null=True, blank=True, on_delete=models.PROTECT, related_name="conflicts"
    )
    relation = models.CharField(_("hubungan"), max_length=16, choices=Relation.choices)
    note = models.TextField(_("keterangan"))
    declared_at = models.DateTimeField()

    class Meta:
        ordering = ["-declared_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(concerning__isnull=False) | Q(investigation__isnull=False), name="conflict_has_object"
            ),
            models.CheckConstraint(
                condition=Q(concerning__isnull=True) | ~Q(concerning=models.F("declarant")), name="conflict_not_self"
            ),
            models.CheckConstraint(condition=Q(relation__in=Relation.values), name="conflict_relation_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.declarant_id}:{self.relation}"
