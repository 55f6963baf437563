"""Integrity signals: an officer's rate of something that can hide misconduct, far above that of the peers of the
same office and role. A signal is a question for internal compliance, never a finding, never a sanction, and never
shown to the officer's colleagues; closing one without a case needs a written reason."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class SignalMetric(models.TextChoices):
    HIGH_RISK_CLEARANCE = "high_risk_clearance", _("Melanjutkan permohonan berisiko tinggi")
    LATER_REFUSED = "later_refused", _("Meloloskan pemohon yang kemudian ditunda atau ditolak")
    CONTACT_CONCENTRATION = "contact_concentration", _("Satu pendamping atau nomor pada banyak permohonan")
    OUT_OF_HOURS = "out_of_hours", _("Diproses di luar jam kerja")
    FAST = "fast", _("Diproses sangat cepat")
    REVERSED = "reversed", _("Usulan keputusan yang tidak disetujui atau dibatalkan")


class SignalStatus(models.TextChoices):
    OPEN = "open", _("Menunggu telaah")
    CLOSING = "closing", _("Penutupan menunggu tanda tangan kedua")
    DISMISSED = "dismissed", _("Ditutup tanpa pemeriksaan")
    ESCALATED = "escalated", _("Diteruskan ke pemeriksaan")


class IntegritySignal(models.Model):
    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="+")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=16)
    metric = models.CharField(_("sinyal"), max_length=32, choices=SignalMetric.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    count = models.PositiveIntegerField()  # x of the officer's n
    base = models.PositiveIntegerField()
    lower = models.FloatField()  # Wilson 95 % interval of the officer's rate
    upper = models.FloatField()
    peer_count = models.PositiveIntegerField()
    peer_base = models.PositiveIntegerField()
    peer_upper = models.FloatField()  # the peers' pooled rate's Wilson upper bound, which the officer's lower exceeds
    peers = models.PositiveIntegerField()  # how many peers of the same office and role
    detail = models.CharField(max_length=200, blank=True)
    computed_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=SignalStatus.choices, default=SignalStatus.OPEN)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_reason = models.TextField(blank=True)
    # The second signature of a close without a case (zero tolerance with due process: never one person alone).
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    investigation = models.ForeignKey(
        "oversight.Investigation", null=True, blank=True, on_delete=models.PROTECT, related_name="signals"
    )

    class Meta:
        ordering = ["status", "-computed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "officer", "metric", "period_start", "period_end"], name="signal_once_per_period"
            ),
            models.CheckConstraint(condition=Q(metric__in=SignalMetric.values), name="signal_metric_valid"),
            models.CheckConstraint(condition=Q(status__in=SignalStatus.values), name="signal_status_valid"),
            # Never closed without a reason, never escalated without its investigation.
            models.CheckConstraint(
                condition=Q(status=SignalStatus.OPEN) | (Q(reviewed_by__isnull=False) & ~Q(review_reason="")),
                name="signal_reviewed_with_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=SignalStatus.ESCALATED) | Q(investigation__isnull=False),
                name="signal_escalated_to_investigation",
            ),
            # Dismissed only with a second signature, by another person.
            models.CheckConstraint(
                condition=~Q(status=SignalStatus.DISMISSED)
                | (Q(confirmed_by__isnull=False) & ~Q(confirmed_by=F("reviewed_by"))),
                name="signal_dismissed_by_two",
            ),
        ]

    def __str__(self) -> str:
        return f"SIG-{self.pk}"

    @property
    def rate(self) -> float:
        return self.count / self.base if self.base else 0.0

    @property
    def peer_rate(self) -> float:
        return self.peer_count / self.peer_base if self.peer_base else 0.0
