"""A periodic report (month, quarter or year) of an office or of every office in scope, made by the worker and
kept: who asked for it, when it was made, and every download (in the audit trail)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReportFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "XLSX"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Menunggu diproses")
    RUNNING = "running", _("Sedang dibuat")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")


class PeriodicReport(models.Model):
    office_code = models.CharField(_("kantor"), max_length=32, blank=True)  # "" = every office in the scope
    scope_label = models.CharField(max_length=200)
    period = models.CharField(_("periode"), max_length=8)  # 2025, 2025-Q3 or 2025-09
    format = models.CharField(_("format"), max_length=4, choices=ReportFormat.choices)
    outward = models.BooleanField(_("untuk pihak luar (sel kecil disamarkan)"), default=False)
    status = models.CharField(max_length=8, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    step = models.CharField(max_length=120, blank=True)  # what the worker is doing now
    error = models.TextField(blank=True)
    blob = models.CharField(max_length=64, blank=True)  # the file in the file store
    size = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(format__in=ReportFormat.values), name="report_format_valid"),
            models.CheckConstraint(condition=Q(status__in=ReportStatus.values), name="report_status_valid"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_progress_range"),
        ]

    def __str__(self) -> str:
        return f"{self.office_code or 'semua'} {self.period}.{self.format}"

    @property
    def filename(self) -> str:
        return f"garda-{(self.office_code or 'semua').lower()}-{self.period}.{self.format}"
