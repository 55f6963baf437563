from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedRecord(models.Model):
    """A record received through an interchange contract, kept whole as received, with the hash that makes
    re-imports idempotent (see `garda.core.imports.upsert`)."""

    record = models.JSONField(_("rekaman lengkap"))
    record_hash = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
