"""Partners at work: their systems' API clients, and referrals between the office and a partner both ways (the
Primero lifecycle: in progress → accepted | rejected → done; revoked), mapped to the HTCDS v2 core fields."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SCOPES = {
    "reports:read": _("Membaca laporan instansi sendiri dan statusnya"),
    "reports:write": _("Mengirim dan memperbarui laporan"),
    "persons:status": _("Menanyakan status seseorang (ya/tidak dan kantor yang dihubungi)"),
    "referrals:read": _("Membaca rujukan yang ditujukan kepada atau dikirim oleh instansi"),
    "referrals:write": _("Menjawab rujukan, mencatat hasilnya, dan mengirim rujukan"),
}


class ApiClient(models.Model):
    """A partner system allowed to call the API with OAuth2 client credentials (the client itself is
    django-oauth-toolkit's `Application`, whose secret is stored hashed)."""

    application = models.OneToOneField(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL, on_delete=models.CASCADE, related_name="garda_client"
    )
    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="api_clients")
    scopes = models.JSONField(default=list)
    requests_per_minute = models.PositiveIntegerField(default=60)
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=150)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.organisation.code}:{self.application.client_id}"


class Direction(models.TextChoices):
    OUT = "out", _("Dari kantor kepada mitra")
    IN = "in", _("Dari mitra kepada kantor")


class ReferralStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("Dalam proses")
    ACCEPTED = "accepted", _("Diterima")
    REJECTED = "rejected", _("Ditolak")
    DONE = "done", _("Selesai")
    REVOKED = "revoked", _("Dicabut")


class PersonRole(models.TextChoices):
    """HTCDS: the person as a possible victim (vic_) or as a suspected perpetrator (per_)."""

    VICTIM = "victim", _("Calon korban")
    RECRUITER = "recruiter", _("Terduga perekrut")


class Referral(models.Model):
    number = models.CharField(_("nomor"), max_length=32, unique=True)
    direction = models.CharField(_("arah"), max_length=4, choices=Direction.choices)
    office = models.ForeignKey("core.Office", verbose_name=_("kantor"), on_delete=models.PROTECT)
    organisation = models.ForeignKey(
        "core.Organisation", verbose_name=_("instansi mitra"), on_delete=models.PROTECT, related_name="referrals"
    )
    application_ref = models.CharField(_("permohonan"), max_length=80, blank=True)  # office/id of the application
    role = models.CharField(_("peran orang"), max_length=12, choices=PersonRole.choices)
    # The person, as far as the receiving organisation needs them (HTCDS prs_ fields).
    person = models.JSONField(default=dict)
    reason = models.TextField(_("alasan rujukan"))
    # HTCDS vic_AgreementToManagePersonalData and the sharing question; or why the referral goes without consent.
    consent = models.JSONField(default=dict, blank=True)
    consent_override = models.TextField(_("alasan tanpa persetujuan"), blank=True)
    online_scam = models.BooleanField(_("eksploitasi penipuan daring"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.IN_PROGRESS
    )
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=150)  # a user's username or an API client's "client:<id>"
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.CharField(max_length=150, blank=True)
    answer_reason = models.TextField(blank=True)
    outcome = models.TextField(_("hasil"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # A referral to a partner outside Garda travels as a signed packet: the JSON, its SHA-256 and an Ed25519
    # signature by the installation's referral key (public key at /api/v1/keys/referrals).
    packet = models.JSONField(default=dict, blank=True)
    packet_sha256 = models.CharField(max_length=64, blank=True)
    signature = models.CharField(max_length=128, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(direction__in=Direction.values), name="referral_direction_valid"),
            models.CheckConstraint(condition=Q(status__in=ReferralStatus.values), name="referral_status_valid"),
            models.CheckConstraint(condition=Q(role__in=PersonRole.values), name="referral_role_valid"),
            # A referral out carries the person's consent or the reason it goes without.
            models.CheckConstraint(
                condition=~Q(direction=Direction.OUT) | ~Q(consent={}) | ~Q(consent_override=""),
                name="referral_consent_or_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class ReportFile(models.Model):
    """A file a partner sent with a report through the portal (a letter, a photo of a job advert), kept encrypted in
    the file store under its own key, which is itself encrypted under the installation's partner-files key (a file
    beside SECRET_KEY, not in the database)."""

    report = models.ForeignKey("intel.AgencyReport", on_delete=models.CASCADE, related_name="partner_files")
    blob = models.CharField(max_length=64, unique=True)
    key = models.BinaryField()
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=80)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    added_at = models.DateTimeField()
    added_by = models.CharField(max_length=150)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.name
