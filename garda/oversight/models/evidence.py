"""Evidence files of an investigation, stored like the channel's: each file encrypted under its own key, the file
keys under the case key, and the case key sealed to the public key of each investigator who may see the case. The
database and the file store together still open nothing without an investigator's password."""

from django.conf import settings
from django.db import models


class CaseKey(models.Model):
    """The case key sealed to one holder's public key (a new key pair, after a password reset, needs a new box,
    which any other holder's next visit makes)."""

    investigation = models.ForeignKey("oversight.Investigation", on_delete=models.CASCADE, related_name="keys")
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    public_key = models.BinaryField()
    sealed_key = models.BinaryField()
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["investigation", "holder", "public_key"], name="case_key_once"),
        ]

    def __str__(self) -> str:
        return f"{self.investigation_id}:{self.holder_id}"


class EvidenceFile(models.Model):
    investigation = models.ForeignKey("oversight.Investigation", on_delete=models.PROTECT, related_name="evidence")
    position = models.PositiveIntegerField()
    blob = models.CharField(max_length=64, unique=True)  # random name of the encrypted file in the store
    file_key = models.BinaryField()  # under the case key
    meta = models.BinaryField()  # name, type, size and description, under the file key
    # SHA-256 of the original, in clear: the chain of custody a referral packet cites, which a prosecutor can check
    # against the file handed over; it tells nothing of the content to anyone without the file.
    digest = models.CharField(max_length=64)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["investigation", "position"], name="evidence_position_once")]

    def __str__(self) -> str:
        return f"{self.investigation_id}:{self.position}"
