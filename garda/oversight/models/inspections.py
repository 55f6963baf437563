"""Internal inspections (pengawasan internal berkala dan mendadak): a plan per office and period, the files drawn
for it by attribute sampling, each file checked against the SOP checklist, and the findings followed up until
closed."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class InspectionKind(models.TextChoices):
    PERIODIC = "periodic", _("Berkala")
    SURPRISE = "surprise", _("Mendadak")


class InspectionScope(models.TextChoices):
    """What is inspected. Applications and decisions are files in Garda; cash handling and queue fairness are
    checked on site, on working days drawn from the period."""

    APPLICATIONS = "applications", _("Permohonan yang diproses")
    DECISIONS = "decisions", _("Keputusan penundaan dan pembatalan")
    CASH = "cash", _("Penanganan uang di loket")
    QUEUE = "queue", _("Keadilan antrean (calo dan biro jasa didahulukan)")


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    SAMPLED = "sampled", _("Sampel ditarik")
    REPORTED = "reported", _("Dilaporkan")


class Inspection(models.Model):
    number = models.CharField(_("nomor"), max_length=32, unique=True)
    office = models.ForeignKey("core.Office", verbose_name=_("kantor"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("jenis"), max_length=16, choices=InspectionKind.choices)
    scope = models.CharField(_("yang diperiksa"), max_length=16, choices=InspectionScope.choices)
    period_start = models.DateField(_("periode dari"))
    period_end = models.DateField(_("periode sampai"))
    planned_for = models.DateField(_("tanggal pemeriksaan"))
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ketua tim"), on_delete=models.PROTECT, related_name="+"
    )
    team = models.CharField(_("anggota tim"), max_length=300, blank=True)
    # Attribute sampling, in per cent (95, 5, 0 → 59 files): the parameters and the size they gave.
    confidence = models.DecimalField(_("tingkat keyakinan (%)"), max_digits=4, decimal_places=1)
    tolerable = models.DecimalField(_("penyimpangan yang dapat ditoleransi (%)"), max_digits=4, decimal_places=1)
    expected = models.DecimalField(_("penyimpangan yang diperkirakan (%)"), max_digits=4, decimal_places=1)
    sample_size = models.PositiveIntegerField(_("ukuran sampel"), default=0)
    population_size = models.PositiveIntegerField(_("ukuran populasi"), default=0)
    # The seed of every random choice; its SHA-256 is audited at planning, the seed itself when the sample is drawn.
    seed = models.CharField(max_length=64)
    seed_sha256 = models.CharField(max_length=64)
    population_sha256 = models.CharField(max_length=64, blank=True)
    strata = models.JSONField(default=dict, blank=True)  # stratum → {"size", "weight", "drawn"}
    checklist_version = models.PositiveIntegerField(_("versi daftar periksa"))
    status = models.CharField(max_length=16, choices=InspectionStatus.choices, default=InspectionStatus.PLANNED)
    conclusion = models.TextField(_("kesimpulan"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    sampled_at = models.DateTimeField(null=True, blank=True)
    reported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-planned_for", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=InspectionKind.values), name="inspection_kind_valid"),
            models.CheckConstraint(condition=Q(scope__in=InspectionScope.values), name="inspection_scope_valid"),
            models.CheckConstraint(condition=Q(status__in=InspectionStatus.values), name="inspection_status_valid"),
            models.CheckConstraint(condition=Q(period_start__lte=F("period_end")), name="inspection_period_order"),
            models.CheckConstraint(
                condition=Q(expected__gte=0) & Q(expected__lt=F("tolerable")) & Q(confidence__lt=100),
                name="inspection_sampling_parameters",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class ItemResult(models.TextChoices):
    PENDING = "pending", _("Belum diperiksa")
    COMPLIANT = "compliant", _("Sesuai")
    DEVIATION = "deviation", _("Menyimpang")


class InspectionItem(models.Model):
    """One file (or working day) of the sample, and what the inspector found in it."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    stratum = models.CharField(_("strata"), max_length=32)
    key = models.CharField(max_length=64)  # the application's or case's id, or the day (ISO)
    label = models.CharField(_("berkas"), max_length=200)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    result = models.CharField(max_length=16, choices=ItemResult.choices, default=ItemResult.PENDING)
    answers = models.JSONField(default=dict, blank=True)  # checklist code → "yes" | "no" | "na"
    note = models.TextField(_("catatan"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["inspection", "position"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "position"], name="inspection_item_position_unique"),
            models.UniqueConstraint(fields=["inspection", "key"], name="inspection_item_key_unique"),
            models.CheckConstraint(condition=Q(result__in=ItemResult.values), name="inspection_item_result_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.inspection_id}#{self.position}"


class Severity(models.TextChoices):
    LOW = "low", _("Rendah")
    MEDIUM = "medium", _("Sedang")
    HIGH = "high", _("Tinggi")
    CRITICAL = "critical", _("Kritis")


class FindingStatus(models.TextChoices):
    OPEN = "open", _("Terbuka")
    CLOSED = "closed", _("Ditutup")


class Finding(models.Model):
    number = models.CharField(_("nomor"), max_length=32, unique=True)
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="findings")
    item = models.ForeignKey(InspectionItem, null=True, blank=True, on_delete=models.PROTECT, related_name="findings")
    severity = models.CharField(_("tingkat"), max_length=16, choices=Severity.choices)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas yang bersangkutan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    description = models.TextField(_("temuan"))
    evidence = models.TextField(_("bukti"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penanggung jawab"), on_delete=models.PROTECT, related_name="+"
    )
    due = models.DateField(_("batas waktu"))
    status = models.CharField(max_length=16, choices=FindingStatus.choices, default=FindingStatus.OPEN)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closing_note = models.TextField(blank=True)

    class Meta:
        ordering = ["status", "due", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(severity__in=Severity.values), name="finding_severity_valid"),
            models.CheckConstraint(condition=Q(status__in=FindingStatus.values), name="finding_status_valid"),
            # A closed finding says who closed it, when and why.
            models.CheckConstraint(
                condition=Q(status=FindingStatus.OPEN)
                | (Q(closed_by__isnull=False) & Q(closed_at__isnull=False) & ~Q(closing_note="")),
                name="finding_closed_with_reason",
            ),
            # The officer concerned is never the one who must remedy the finding.
            models.CheckConstraint(
                condition=Q(officer__isnull=True) | ~Q(officer=F("owner")), name="finding_owner_not_officer"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class FindingUpdate(models.Model):
    """A step of the follow-up: what the owner did, or the inspector's check of it."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="updates")
    note = models.TextField(_("tindak lanjut"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.finding_id}@{self.at:%Y-%m-%d}"
