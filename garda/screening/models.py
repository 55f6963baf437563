"""Passport applications as received (M-Paspor export, counter, history from any office)."""

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from garda.core.models.imported import ImportedRecord

PURPOSES = ["tourism", "umrah", "hajj", "family_visit", "work", "internship", "study", "business", "medical", "other"]
DECISION_KINDS = ["issued", "postponed", "refused", "cancelled", "withdrawn", "revoked", "suspended"]


def grounds_of(decision: dict[str, Any]) -> str:
    """A decision's categories as `Application.decision_grounds` stores them."""
    stated = decision.get("categories") or []
    return ",".join(sorted({str(c) for c in stated if c}))[:200] if isinstance(stated, list) else ""


class Application(ImportedRecord):
    """One application. The whole record is kept as received (`record`); the fields below are extracted from it
    for lookups and statistics. Applications from offices not set up in this installation are kept too: the
    national history is what prior-decision screening reads."""

    office_code = models.CharField(_("kantor"), max_length=32)
    external_id = models.CharField(_("nomor permohonan"), max_length=64)
    submitted_at = models.DateTimeField(_("diajukan"))
    channel = models.CharField(_("saluran"), max_length=16, blank=True)
    applicant_name = models.CharField(_("nama pemohon"), max_length=200)
    applicant_nik = models.CharField(_("NIK pemohon"), max_length=32, blank=True)
    applicant_birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    purpose = models.CharField(_("tujuan"), max_length=16)
    destination_country = models.CharField(_("negara tujuan"), max_length=2, blank=True)
    decision_kind = models.CharField(_("keputusan"), max_length=16, blank=True)
    # A decision taken in Garda itself (the contract's `decision` object), kept apart from what imports bring: a
    # re-imported line without a decision, or with another one, never erases it (the conflict is audited).
    own_decision = models.JSONField(default=dict, blank=True)
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    # The decision's grounds (its screening categories, sorted, comma-separated) beside the record: the decision
    # statistics count them from an index instead of reading every decided record's JSON.
    decision_grounds = models.CharField(max_length=200, blank=True)
    suspended_until = models.DateField(_("ditangguhkan sampai"), null=True, blank=True)
    # The latest screening, kept on the application for the queue (the full results are in Screening).
    risk_level = models.CharField(_("tingkat risiko"), max_length=8, blank=True)
    risk_score = models.PositiveSmallIntegerField(_("skor"), null=True, blank=True)
    recommendation = models.CharField(_("rekomendasi"), max_length=24, blank=True)
    screened_at = models.DateTimeField(_("disaring"), null=True, blank=True)
    # Set when a re-screening found something new; cleared when an officer opens the application.
    alert = models.CharField(_("peringatan"), max_length=300, blank=True)
    outcome = models.CharField(_("hasil pemeriksaan"), max_length=24, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office_code", "external_id"], name="application_office_id_unique"),
            models.CheckConstraint(condition=models.Q(purpose__in=PURPOSES), name="application_purpose_valid"),
            models.CheckConstraint(
                condition=models.Q(decision_kind__in=["", *DECISION_KINDS]), name="application_decision_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["office_code", "submitted_at"], name="application_office_time"),
            models.Index(fields=["applicant_nik"], name="application_nik"),
            models.Index(
                fields=["decision_kind", "decided_at", "office_code", "decision_grounds"], name="application_decided"
            ),
            models.Index(fields=["office_code", "risk_level", "submitted_at"], name="application_queue"),
            # The few applications a re-screening raised an alert on, for the interviewers' inbox.
            models.Index(fields=["office_code"], condition=~models.Q(alert=""), name="application_alerted"),
            # The cleared high flags waiting for the Kasi (the queue's "menunggu konfirmasi").
            models.Index(
                fields=["office_code"], condition=models.Q(outcome="proceed_unconfirmed"), name="application_awaiting"
            ),
            # An application found by its number alone, whatever the office (find anyone).
            models.Index(fields=["external_id"], name="application_number"),
            # What changed since the statistics last counted (garda.stats.aggregates).
            models.Index(fields=["updated_at"], name="application_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.office_code}/{self.external_id} {self.applicant_name}"


class Contact(models.Model):
    """The applicant's and the companion's contact points on one application, for finding the same companion or
    phone on other applications (different families) in a recent window, at any office."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(max_length=16)  # applicant | companion
    name_key = models.CharField(max_length=200, blank=True)
    nik = models.CharField(max_length=16, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    family = models.CharField(max_length=255)  # rules.base.family_key: KK number | address | parents
    submitted_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["phone", "submitted_at"], name="contact_phone"),
            models.Index(fields=["nik", "submitted_at"], name="contact_nik"),
            models.Index(fields=["name_key", "submitted_at"], name="contact_name"),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.name_key or self.phone}"


class Screening(models.Model):
    """One screening of one application: what fired and why, with the rule-set version and the context used."""

    TRIGGERS = ["import", "counter", "screen", "rescreen", "demo"]

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="screenings")
    created_at = models.DateTimeField(auto_now_add=True)
    trigger = models.CharField(max_length=16)
    rules_version = models.CharField(max_length=32)
    risk_level = models.CharField(max_length=8)
    score = models.PositiveSmallIntegerField()
    recommendation = models.CharField(max_length=24)
    indicators = models.JSONField(default=list)  # [{code, category, severity, evidence, params}]
    matches = models.JSONField(default=list)
    # Family members with records, shown as context beside the matches: never a ground (identity.watch).
    relatives = models.JSONField(default=list)
    context = models.JSONField(default=dict)  # reference-list versions, P3MI snapshot, match model

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["application", "-created_at"], name="screening_latest")]
        constraints = [
            models.CheckConstraint(condition=models.Q(risk_level__in=["low", "medium", "high"]), name="screening_risk"),
            models.CheckConstraint(condition=models.Q(score__lte=100), name="screening_score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.risk_level} {self.score}"


class ContextStamp(models.Model):
    """A counter bumped whenever screening context changes (an agency report, an adverse decision, the P3MI
    registry), so a long-lived process knows its cached context is stale with one cheap query."""

    name = models.CharField(max_length=32, primary_key=True)
    generation = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}@{self.generation}"


REVIEW_OUTCOMES = ["proceed", "request_documents", "in_depth_interview", "propose_postponement", "propose_refusal"]


class Review(models.Model):
    """What the officer found at the counter or interview, and the outcome they recorded (a postponement or
    refusal itself is a decision case, with its own steps)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    officer = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    # When the outcome was recorded: the integrity signals read its hour; an import keeps the office's own time.
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(_("hasil"), max_length=24)
    interview_notes = models.TextField(_("catatan wawancara"), blank=True)
    reason = models.TextField(_("alasan"))
    # "Proceed" on a high-risk application waits for a second officer (a Kepala Seksi), who confirms or refuses it.
    risk_level = models.CharField(_("risiko saat dicatat"), max_length=8, blank=True)
    needs_confirmation = models.BooleanField(default=False)
    confirmed = models.BooleanField(null=True)  # None: waiting; True: confirmed; False: refused
    confirmed_by = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmation_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(outcome__in=REVIEW_OUTCOMES), name="review_outcome_valid"),
            # The second officer is never the first.
            models.CheckConstraint(
                condition=models.Q(confirmed_by__isnull=True) | ~models.Q(confirmed_by=models.F("officer")),
                name="review_confirmed_by_another",
            ),
        ]
        # The Kasi's inbox: the few cleared high flags still waiting, among a review of every application.
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(needs_confirmation=True, confirmed__isnull=True),
                name="review_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.outcome}"
