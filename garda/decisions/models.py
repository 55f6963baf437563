"""Decision cases: postponement, refusal, cancellation, withdrawal, revocation and suspension of passport issuance,
each carried by a maker (the interviewer) → checker (the Kepala Seksi) → approver (the Kepala Kantor).

A decided case is never edited — the database refuses it (triggers in migration 0002); what happens after (a
postponement resumed or lapsed, an appeal) is recorded as new rows."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    POSTPONEMENT = "postponement", _("Penundaan")
    REFUSAL = "refusal", _("Penolakan")
    CANCELLATION = "cancellation", _("Pembatalan")
    WITHDRAWAL = "withdrawal", _("Penarikan")
    REVOCATION = "revocation", _("Pencabutan")
    SUSPENSION = "suspension", _("Penangguhan")


# The decision as the application contract (and every office's screening) names it.
APPLICATION_DECISION = {
    Kind.POSTPONEMENT: "postponed",
    Kind.REFUSAL: "refused",
    Kind.CANCELLATION: "cancelled",
    Kind.WITHDRAWAL: "withdrawn",
    Kind.REVOCATION: "revoked",
    Kind.SUSPENSION: "suspended",
}


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Diusulkan")
    FORWARDED = "forwarded", _("Diteruskan Kepala Seksi")
    RETURNED = "returned", _("Dikembalikan ke pengusul")
    APPROVED = "approved", _("Disetujui Kepala Kantor")
    REJECTED = "rejected", _("Tidak disetujui")


DECIDED = (Status.APPROVED, Status.REJECTED)


class Case(models.Model):
    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="decision_cases")
    application = models.ForeignKey(
        "screening.Application", on_delete=models.PROTECT, related_name="decision_cases", null=True, blank=True
    )
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    subject_name = models.CharField(_("nama"), max_length=200)
    subject_nik = models.CharField("NIK", max_length=32, blank=True)
    passport_number = models.CharField(_("nomor paspor"), max_length=32, blank=True)
    categories = models.JSONField(_("kategori"), default=list)  # screening categories and/or "administrative"
    indicators = models.JSONField(_("indikator"), default=list)  # codes taken from the screening
    findings = models.TextField(_("temuan petugas"))
    # The screening findings the maker chose to state as facts, in the words of the letter (a snapshot: a later
    # re-screening does not change what the decision was based on).
    facts = models.JSONField(_("fakta yang dinyatakan"), default=list)
    legal_bases = models.JSONField(_("dasar hukum"), default=list)  # codes of the legal_bases reference list
    legal_list_version = models.PositiveIntegerField(default=0)
    suspension_until = models.DateField(_("ditangguhkan sampai"), null=True, blank=True)
    # A suspension follows a cancellation on ground a or b; its window runs from that cancellation's date.
    follows = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("mengikuti")
    )
    documents_requested = models.JSONField(_("dokumen yang diminta"), default=list)
    proposed_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField()
    reviewed_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        constraints = [
            # Four eyes, kept by the database too: nobody checks or approves their own proposal, and the approver
            # is not the checker.
            models.CheckConstraint(
                condition=Q(reviewed_by__isnull=True) | ~Q(reviewed_by=F("proposed_by")), name="case_checker_not_maker"
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("proposed_by")), name="case_approver_not_maker"
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | Q(reviewed_by__isnull=True) | ~Q(decided_by=F("reviewed_by")),
                name="case_approver_not_checker",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "rejected"]) | Q(decided_by__isnull=False),
                name="case_decided_has_approver",
            ),
            models.CheckConstraint(
                condition=~Q(kind="suspension") | Q(suspension_until__isnull=False), name="case_suspension_has_end"
            ),
        ]
        indexes = [models.Index(fields=["office", "status"], name="case_office_status")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject_name} ({self.get_status_display()})"

    @property
    def decided(self) -> bool:
        return self.status in DECIDED


class LetterKind(models.TextChoices):
    POSTPONEMENT_NOTICE = "postponement_notice", _("Surat pemberitahuan penundaan")
    REFUSAL_NOTICE = "refusal_notice", _("Surat pemberitahuan penolakan")
    BAP = "bap", _("Berita Acara Pemeriksaan")
    CANCELLATION_RECORD = "cancellation_record", _("Berita Acara Pembatalan dan Pengguntingan")
    DECISION_NOTICE = "decision_notice", _("Surat keputusan")


class Letter(models.Model):
    """A letter issued for a decided case: numbered per office and year, with a verification code anyone can
    check on the public page (which shows only number, date, office and kind)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="letters")
    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=24, choices=LetterKind.choices)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(max_length=80, unique=True)
    verification_code = models.CharField(max_length=16, unique=True)
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["office", "year", "sequence"], name="letter_number_unique"),
            models.UniqueConstraint(fields=["case", "kind"], name="letter_one_per_kind"),
        ]

    def __str__(self) -> str:
        return self.number


class Examination(models.Model):
    """The Berita Acara Pemeriksaan: drawn up by the examining officer after the proposal and before the decision,
    within the SOP's working days; it is what the Kepala Kantor decides on. Never edited once made."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="examination")
    examined_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    examined_at = models.DateTimeField()
    statement = models.TextField(_("keterangan yang diberikan"))
    findings = models.TextField(_("hasil pemeriksaan"))
    facts = models.JSONField(default=list)  # the screening facts the examiner confirmed, as on the proposal
    subject_signed = models.BooleanField(_("ditandatangani yang diperiksa"), default=True)
    refusal_note = models.TextField(_("alasan menolak menandatangani"), blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(subject_signed=True) | ~Q(refusal_note=""), name="examination_refusal_explained"
            )
        ]

    def __str__(self) -> str:
        return f"BAP {self.case_id}"


class Cutting(models.Model):
    """The cutting of a cancelled passport, as it happened: who cut it, when, before which witnesses, and whether
    the holder signed the Berita Acara Pengguntingan or refused. Recorded after the decision, never asserted by it."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="cutting")
    cut_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    cut_at = models.DateTimeField()
    witnesses = models.JSONField(default=list)
    holder_signed = models.BooleanField(default=True)
    refusal_note = models.TextField(blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(holder_signed=True) | ~Q(refusal_note=""), name="cutting_refusal_explained"
            )
        ]

    def __str__(self) -> str:
        return f"Pengguntingan {self.case_id}"


class FollowUpKind(models.TextChoices):
    RESUMED = "resumed", _("Dilanjutkan: dokumen sudah lengkap")
    LAPSED = "lapsed", _("Gugur: dokumen tidak diserahkan dalam 30 hari")
    APPEAL_FILED = "appeal_filed", _("Keberatan diajukan")
    APPEAL_UPHELD = "appeal_upheld", _("Keberatan diterima")
    APPEAL_DISMISSED = "appeal_dismissed", _("Keberatan ditolak")


class FollowUp(models.Model):
    """What happened after a decision — a postponement resumed or lapsed, an appeal and its outcome — as new
    rows: the decided case itself is never edited."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="follow_ups")
    kind = models.CharField(max_length=20, choices=FollowUpKind.choices)
    note = models.TextField()
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"
