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


class MonthlyCount(models.Model):
    """One count of one month of one office's applications, kept by `garda.stats.aggregates` so that a dashboard
    or a report adds up a few thousand of these instead of reading a year of applications (a national year is five
    million). The month is the office's own (its time zone)."""

    office_code = models.CharField(max_length=32)
    month = models.DateField()  # the first day
    measure = models.CharField(max_length=24)  # see garda.stats.aggregates.MEASURES
    # For the counts of flagged applications: "" counts them all, a category only those flagged in it (the
    # dashboard's category filter reads those rows instead of the applications).
    category = models.CharField(max_length=32, blank=True)
    label = models.CharField(max_length=200, blank=True)  # the risk level, category, indicator, country or name
    detail = models.CharField(max_length=64, blank=True)  # an indicator's category, an agent's role
    n = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["measure", "category", "month", "office_code"], name="monthly_count_read"),
            models.Index(fields=["office_code", "month"], name="monthly_count_office"),
        ]

    def __str__(self) -> str:
        return f"{self.office_code} {self.month:%Y-%m} {self.measure}/{self.category}/{self.label}: {self.n}"


class AggregateState(models.Model):
    """How far the monthly counts are up to date: every application changed up to `seen` is counted."""

    name = models.CharField(max_length=32, primary_key=True)
    seen = models.DateTimeField(null=True, blank=True)  # the latest `updated_at` counted
    refreshed_at = models.DateTimeField(null=True, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)  # the worker was asked to catch up

    def __str__(self) -> str:
        return f"{self.name}: {self.seen}"
