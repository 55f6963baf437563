"""Passport applications as received (M-Paspor export, counter, history from any office)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from garda.core.models.imported import ImportedRecord

PURPOSES = ["tourism", "umrah", "hajj", "family_visit", "work", "internship", "study", "business", "medical", "other"]
DECISION_KINDS = ["issued", "postponed", "refused", "cancelled", "withdrawn", "revoked", "suspended"]


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
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    suspended_until = models.DateField(_("ditangguhkan sampai"), null=True, blank=True)

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
            models.Index(fields=["decision_kind", "decided_at"], name="application_decision"),
        ]

    def __str__(self) -> str:
        return f"{self.office_code}/{self.external_id} {self.applicant_name}"
