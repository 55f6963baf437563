"""Internal investigations: the record the oversight work (inspections, integrity signals, sanctions, referrals)
builds on, opened from a whistleblowing report, an inspection finding, a signal, an external report, or a superior's
inaction."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    WHISTLE = "whistle", _("Saluran pengaduan")
    INSPECTION = "inspection", _("Temuan inspeksi")
    SIGNAL = "signal", _("Sinyal integritas")
    EXTERNAL = "external", _("Laporan pihak luar (Polri, Ombudsman, media)")
    SUPERIOR = "superior", _("Atasan tidak menindaklanjuti (PP 94/2021 Pasal 28)")
    OTHER = "other", _("Lainnya")


class InvestigationStatus(models.TextChoices):
    """The PP 94/2021 procedure, in order; `closing` waits for the second signature of a close."""

    OPEN = "open", _("Dibuka")
    SUMMONED = "summoned", _("Dipanggil")
    EXAMINED = "examined", _("Diperiksa (BAP)")
    REPORTED = "reported", _("Laporan hasil pemeriksaan")
    DECREED = "decreed", _("Keputusan hukuman disiplin")
    DELIVERED = "delivered", _("Keputusan disampaikan")
    OBJECTED = "objected", _("Keberatan atau banding")
    FINAL = "final", _("Hukuman berkekuatan tetap")
    CLOSING = "closing", _("Penutupan menunggu tanda tangan kedua")
    CLOSED = "closed", _("Ditutup")


class Outcome(models.TextChoices):
    PROVEN = "proven", _("Terbukti (pelanggaran disiplin)")
    NOT_PROVEN = "not_proven", _("Tidak terbukti")
    ETHICS = "ethics", _("Pelanggaran etika, bukan disiplin")
    NO_VIOLATION = "no_violation", _("Tidak terjadi pelanggaran")


class StepKind(models.TextChoices):
    SUMMONS_1 = "summons_1", _("Surat Panggilan I")
    SUMMONS_2 = "summons_2", _("Surat Panggilan II")
    EXAMINATION = "examination", _("Berita Acara Pemeriksaan")
    REPORT = "report", _("Laporan Hasil Pemeriksaan")
    RELEASE = "release", _("Pembebasan sementara dari tugas")
    RESTORE = "restore", _("Pengembalian tugas")
    DECREE = "decree", _("Keputusan hukuman disiplin")
    DELIVERY = "delivery", _("Penyampaian keputusan")
    OBJECTION = "objection", _("Keberatan atau banding diajukan")
    OBJECTION_DECIDED = "objection_decided", _("Keberatan atau banding diputus")
    FINAL = "final", _("Hukuman berkekuatan tetap")
    CLOSE_PROPOSED = "close_proposed", _("Usul penutupan")
    CLOSE_CONFIRMED = "close_confirmed", _("Penutupan disetujui")
    REFERRAL = "referral", _("Dirujuk pro justitia")
    SUPERIOR_INFORMED = "superior_informed", _("Pemberitahuan kepada atasan langsung")
    SUPERIOR_INACTION = "superior_inaction", _("Atasan langsung tidak memanggil dalam tenggat")


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
    # The direct superior (atasan langsung), who must summon and examine once told (PP 94/2021 Pasal 26); one who
    # lets the deadline pass is flagged, and may be examined in turn (Pasal 28).
    superior = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("atasan langsung"),
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
        _("status"), max_length=16, choices=InvestigationStatus.choices, default=InvestigationStatus.OPEN
    )
    # The report (LHP): what was proven, under which offence of the catalogue, at which level.
    outcome = models.CharField(_("hasil"), max_length=16, choices=Outcome.choices, blank=True)
    offence = models.CharField(_("pelanggaran"), max_length=32, blank=True)  # discipline_offences code
    level = models.CharField(_("tingkat hukuman"), max_length=8, blank=True)  # ringan | sedang | berat
    sanction = models.CharField(_("hukuman"), max_length=32, blank=True)  # discipline_sanctions code
    catalogue_version = models.PositiveIntegerField(default=0)
    # "Not proven" protects the officer: the record is sealed from ordinary view once the close is signed.
    sealed = models.BooleanField(default=False)
    released = models.BooleanField(_("dibebaskan sementara"), default=False)
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


class InvestigationStep(models.Model):
    """One step of the procedure with its document (number, date), who took it, and the deadline it set."""

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=StepKind.choices)
    number = models.CharField(_("nomor surat"), max_length=64, blank=True)
    at = models.DateTimeField()
    on = models.DateField(_("tanggal"))  # the date the document bears (a summons' examination date, a delivery)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("catatan"), blank=True)
    due = models.DateField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [models.CheckConstraint(condition=Q(kind__in=StepKind.values), name="investigation_step_kind")]

    def __str__(self) -> str:
        return f"{self.investigation_id}:{self.kind}"
