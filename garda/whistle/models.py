"""The whistleblowing channel's data. Everything a reporter wrote is ciphertext here (see crypto.py); what stays in
clear is what the office needs to route and time the work: the office, the topic, the status, dates, and who
holds a sealed copy of a report key."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    RECRUITMENT = "recruitment", _("Perekrutan TPPO atau pengiriman pekerja migran non-prosedural")
    ILLEGAL_AGENT = "illegal_agent", _("Calo, agen atau perusahaan perekrut ilegal")
    STAFF = "staff", _("Keterlibatan petugas imigrasi")
    EXTORTION = "extortion", _("Pemerasan atau pungutan liar")
    OTHER = "other", _("Lainnya")


class Unit(models.TextChoices):
    """Who handles a report: reports naming staff never go to the section whose staff may be named."""

    COMPLIANCE = "compliance", _("Kepatuhan internal")
    INTELLIGENCE = "intelligence", _("Intelijen dan penindakan")


class Status(models.TextChoices):
    """The statuses the reporter sees."""

    RECEIVED = "received", _("Diterima")
    VERIFIED = "verified", _("Diverifikasi")
    INVESTIGATING = "investigating", _("Dalam penyelidikan")
    CLOSED = "closed", _("Selesai")


class Outcome(models.TextChoices):
    """The ministry's WBS outcome categories (Permenkumham 57/2016)."""

    ETHICS = "ethics", _("Pelanggaran kode etik")
    DISCIPLINE = "discipline", _("Pelanggaran disiplin")
    CRIMINAL = "criminal", _("Tindak pidana")
    NOT_PROVEN = "not_proven", _("Tidak terjadi pelanggaran")


class ChannelKey(models.Model):
    """The installation's receipt salt and Argon2id cost (one row). Kept in the database so a restored backup still
    finds every report by its receipt; the salt alone opens nothing."""

    salt = models.BinaryField(max_length=16)
    opslimit = models.PositiveIntegerField()
    memlimit = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return "ChannelKey"


class RecipientKey(models.Model):
    """A handler's or custodian's key pair; the private half encrypted under a key derived from their password."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="whistle_key")
    public_key = models.BinaryField(max_length=32)
    wrapped_private = models.BinaryField()
    salt = models.BinaryField(max_length=16)
    opslimit = models.PositiveIntegerField()
    memlimit = models.PositiveBigIntegerField()
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"kunci {self.user_id}"


class RecoveryKey(models.Model):
    """An office's recovery key: only the public half is here; the private half is printed once for its holder."""

    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="whistle_recovery_keys")
    public_key = models.BinaryField(max_length=32)
    holder = models.CharField(_("pemegang"), max_length=200)
    created_at = models.DateTimeField()
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["office"], condition=Q(retired_at__isnull=True), name="one_active_recovery_key_per_office"
            )
        ]

    def __str__(self) -> str:
        return f"kunci pemulihan {self.office_id}"


class Report(models.Model):
    number = models.CharField(_("nomor"), max_length=32, unique=True)
    office = models.ForeignKey("core.Office", verbose_name=_("kantor"), on_delete=models.PROTECT)
    topic = models.CharField(_("topik"), max_length=16, choices=Topic.choices)
    unit = models.CharField(_("penangan"), max_length=16, choices=Unit.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED)
    outcome = models.CharField(_("hasil"), max_length=16, choices=Outcome.choices, blank=True)
    receipt_lookup = models.BinaryField(max_length=32, unique=True)
    reporter_sealed_key = models.BinaryField()  # the report key sealed to the receipt's key pair
    content = models.BinaryField()  # what happened, where, when, who: JSON under the report key
    protected = models.BinaryField()  # the people who must not see it: JSON under the report key
    received_at = models.DateTimeField(_("diterima"))
    acknowledged_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    first_response_at = models.DateTimeField(_("jawaban pertama"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    reporter_active_at = models.DateTimeField(null=True, blank=True)  # the reporter's last message or file
    # A report about staff is closed only by two people: the proposal (first signature, with the outcome and the
    # reason) waits here for a second holder of the report; the report stays open meanwhile.
    close_proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    close_proposed_at = models.DateTimeField(null=True, blank=True)
    close_proposed_outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    close_proposed_note = models.TextField(blank=True)
    close_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.CheckConstraint(condition=Q(topic__in=Topic.values), name="whistle_topic_valid"),
            models.CheckConstraint(condition=Q(unit__in=Unit.values), name="whistle_unit_valid"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="whistle_status_valid"),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome__in=Outcome.values, status=Status.CLOSED),
                name="whistle_outcome_only_when_closed",
            ),
            models.CheckConstraint(
                condition=Q(close_confirmed_by__isnull=True) | ~Q(close_confirmed_by=models.F("close_proposed_by")),
                name="whistle_close_two_people",
            ),
            # A report about staff is handled by internal compliance, whatever else it is about.
            models.CheckConstraint(
                condition=~Q(topic=Topic.STAFF) | Q(unit=Unit.COMPLIANCE), name="whistle_staff_to_compliance"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class Grant(models.Model):
    """A sealed copy of the report key: to a user's public key, or to an office recovery key."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    recovery = models.ForeignKey(RecoveryKey, null=True, on_delete=models.PROTECT, related_name="+")
    public_key = models.BinaryField(max_length=32)
    sealed_key = models.BinaryField()
    granted_at = models.DateTimeField()
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )  # null: routed at submission

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "user"], name="whistle_one_grant_per_user"),
            models.CheckConstraint(
                condition=Q(user__isnull=False, recovery__isnull=True) | Q(user__isnull=True, recovery__isnull=False),
                name="whistle_grant_has_one_holder",
            ),
        ]

    def __str__(self) -> str:
        return f"akses {self.report_id}"


class Message(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    from_reporter = models.BooleanField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    body = models.BinaryField()  # under the report key
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(from_reporter=True, author__isnull=True) | Q(from_reporter=False, author__isnull=False),
                name="whistle_message_author_matches_side",
            )
        ]

    def __str__(self) -> str:
        return f"pesan {self.pk}"


class CleanStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu pembersihan metadata")
    DONE = "done", _("Metadata dibersihkan")
    FAILED = "failed", _("Gagal dibersihkan: hanya berkas asli")


class Attachment(models.Model):
    """A file from the reporter. The original stays encrypted as evidence; a copy without metadata is made by the
    worker. Each file has its own key, kept under the report key (and sealed to the worker until it is cleaned)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(Message, null=True, on_delete=models.CASCADE, related_name="attachments")
    blob = models.CharField(max_length=64, unique=True)  # random name of the encrypted original in the file store
    clean_blob = models.CharField(max_length=64, blank=True)
    file_key = models.BinaryField()  # under the report key
    meta = models.BinaryField()  # name, type and size, under the file key
    worker_sealed_key = models.BinaryField(null=True)  # erased once cleaned
    clean_status = models.CharField(max_length=8, choices=CleanStatus.choices, default=CleanStatus.PENDING)
    clean_note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"lampiran {self.pk}"


class IdentityRecord(models.Model):
    """The reporter's identity, when given: under its own key, which handlers do not hold (only custodians and the
    recovery key), so reading it takes a request with a reason and a custodian's approval."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="identity")
    box = models.BinaryField()
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"identitas {self.report_id}"


class IdentityGrant(models.Model):
    identity = models.ForeignKey(IdentityRecord, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    recovery = models.ForeignKey(RecoveryKey, null=True, on_delete=models.PROTECT, related_name="+")
    public_key = models.BinaryField(max_length=32)
    sealed_key = models.BinaryField()
    granted_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["identity", "user"], name="whistle_one_identity_grant")]

    def __str__(self) -> str:
        return f"akses identitas {self.identity_id}"


class RevealStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu persetujuan kustodian")
    APPROVED = "approved", _("Disetujui")
    REFUSED = "refused", _("Ditolak")


class RevealRequest(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="reveal_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("alasan"))
    requested_at = models.DateTimeField()
    status = models.CharField(max_length=8, choices=RevealStatus.choices, default=RevealStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            # Four eyes: nobody approves their own request to learn who the reporter is.
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("requested_by")),
                name="whistle_reveal_not_self_approved",
            ),
            models.CheckConstraint(condition=Q(status__in=RevealStatus.values), name="whistle_reveal_status_valid"),
        ]

    def __str__(self) -> str:
        return f"permintaan identitas {self.report_id}"
