from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One state change (or sensitive read), hash-chained to the one before.

    The table is append-only: the database refuses UPDATE, DELETE and TRUNCATE (triggers, see migrations),
    and `garda audit verify` recomputes the chain. It is unmanaged after its creation so that nothing in
    Django — a test flush included — ever issues a DELETE against it. The actor is kept by id and name, with
    no foreign-key constraint, so that the record never depends on rows that can change.
    """

    seq = models.PositiveBigIntegerField(_("urutan"), unique=True)
    created_at = models.DateTimeField(_("waktu"))
    actor = models.ForeignKey(
        "core.User",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_username = models.CharField(_("pelaku"), max_length=150, blank=True)
    office_code = models.CharField(_("kantor"), max_length=16, blank=True)
    action = models.CharField(_("tindakan"), max_length=64)
    object_type = models.CharField(_("jenis objek"), max_length=64, blank=True)
    object_id = models.CharField(_("id objek"), max_length=64, blank=True)
    summary = models.CharField(_("ringkasan"), max_length=300, blank=True)
    before = models.JSONField(_("sebelum"), null=True, blank=True)
    after = models.JSONField(_("sesudah"), null=True, blank=True)
    request_id = models.CharField(_("id permintaan"), max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64, unique=True)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        managed = False
        db_table = "core_auditevent"
        ordering = ["-seq"]
        verbose_name = _("kejadian audit")
        verbose_name_plural = _("kejadian audit")
        indexes = [
            models.Index(fields=["office_code", "created_at"], name="audit_office_time"),
            # An office's trail, newest first, read in the index's order (never sorted: a million events a year).
            models.Index(fields=["office_code", "seq"], name="audit_office_seq"),
            models.Index(fields=["action", "created_at"], name="audit_action_time"),
            models.Index(fields=["actor_username", "created_at"], name="audit_actor_time"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.actor_username}"
