"""Internal investigations: the record the oversight work (inspections, integrity signals, sanctions, referrals)
builds on. Opened today from a whistleblowing report about staff."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    WHISTLE = "whistle", _("Saluran pengaduan")
    INSPECTION = "inspection", _("Pemeriksaan")
    SIGNAL = "signal", _("Sinyal integritas")
    OTHER = "other", _("Lainnya")


class InvestigationStatus(models.TextChoices):
    OPEN = "open", _("Berjalan")
    CLOSED = "closed", _("Selesai")


class Investigation(models.Model):
    number = models.CharField(_("nomor"), max_length=32, unique=True)
    office = models.ForeignKey("core.Office", verbose_name=_("kantor"), on_delete=models.PROTECT)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas yang diperiksa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject_description = models.CharField(_("uraian petugas"), max_length=300, blank=True)
    allegation = models.TextField(_("dugaan pelanggaran"))
    source = models.CharField(_("sumber"), max_length=16, choices=Source.choices)
    source_ref = models.CharField(_("rujukan sumber"), max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=InvestigationStatus.choices, default=InvestigationStatus.OPEN
    )
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("dibuka"))

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            models.CheckConstraint(condition=Q(source__in=Source.values), name="investigation_source_valid"),
            models.CheckConstraint(
                condition=Q(status__in=InvestigationStatus.values), name="investigation_status_valid"
            ),
            # Nobody investigates themselves.
            models.CheckConstraint(
                condition=Q(subject__isnull=True) | ~Q(subject=models.F("opened_by")),
                name="investigation_not_self",
            ),
        ]

    def __str__(self) -> str:
        return self.number
