"""Reports from partner agencies (KP2MI, Polri, Kejaksaan, Kemlu, Disnaker) and the public, with their subjects."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from garda.core.models.imported import ImportedRecord

AGENCIES = ["KP2MI", "POLRI", "KEJAKSAAN", "KEMLU", "DISNAKER", "IMIGRASI", "PUBLIC", "OTHER"]
CATEGORIES = [
    "suspected_victim",
    "suspected_recruiter",
    "illegal_company",
    "scam_returnee",
    "exploitation_risk",
    "other",
]
ROLES = ["victim", "recruiter", "companion", "company", "other"]


class AgencyReport(ImportedRecord):
    agency = models.CharField(_("instansi"), max_length=16)
    # The partner organisation the report came from: the submitter through the portal or the API, or for a file
    # import the organisation whose code is the report's `agency` (none for the public or "other").
    organisation = models.ForeignKey(
        "core.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="agency_reports"
    )
    external_id = models.CharField(_("nomor laporan"), max_length=64)
    reference = models.CharField(_("nomor surat"), max_length=200, blank=True)
    received_at = models.DateTimeField(_("diterima"))
    category = models.CharField(_("kategori"), max_length=32)
    destination_country = models.CharField(_("negara tujuan"), max_length=2, blank=True)
    summary = models.TextField(_("ringkasan"), blank=True)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "external_id"], name="agency_report_unique"),
            models.CheckConstraint(condition=models.Q(agency__in=AGENCIES), name="agency_report_agency_valid"),
            models.CheckConstraint(condition=models.Q(category__in=CATEGORIES), name="agency_report_category_valid"),
        ]
        indexes = [models.Index(fields=["received_at"], name="agency_report_received")]  # the list, newest first

    def __str__(self) -> str:
        return f"{self.agency}/{self.external_id}"


class ReportSubject(models.Model):
    """A person or company named in a report; persons are in the identity index as `report_subject`."""

    report = models.ForeignKey(AgencyReport, on_delete=models.CASCADE, related_name="subjects")
    position = models.PositiveSmallIntegerField()
    role = models.CharField(_("peran"), max_length=16)
    full_name = models.CharField(_("nama"), max_length=200, blank=True)
    nik = models.CharField("NIK", max_length=32, blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    organisation = models.CharField(_("organisasi"), max_length=200, blank=True)

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="report_subject_position_unique"),
            models.CheckConstraint(condition=models.Q(role__in=ROLES), name="report_subject_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.full_name or self.organisation}"


class P3MISnapshot(models.Model):
    """One import of the licensed placement-company (P3MI) registry. The newest is the registry in force; older
    snapshots stay, so a screening result can be re-explained against the registry of its day."""

    imported_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    content_hash = models.CharField(max_length=64)
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"P3MI {self.imported_at:%Y-%m-%d} ({self.entries})"


class P3MICompany(models.Model):
    snapshot = models.ForeignKey(P3MISnapshot, on_delete=models.CASCADE, related_name="companies")
    name = models.CharField(_("nama perusahaan"), max_length=200)
    name_key = models.CharField(max_length=200, db_index=True)
    license_number = models.CharField(_("nomor SIP3MI"), max_length=100, blank=True)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    address = models.TextField(_("alamat"), blank=True)
    province = models.CharField(_("provinsi"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
