"""Partner organisations (KP2MI, Polri, Kejaksaan, Kemlu, Disnaker, LPSK, social services, shelters) as data: who
they are, whom to contact, and the data-sharing agreement that allows the exchange — its legal basis, its scope and
its expiry. Every partner user and every API client belongs to one."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The interchange contract's `agency` values (agency-report.schema.json): a partner's reports are filed under one.
REPORT_CODES = ["KP2MI", "POLRI", "KEJAKSAAN", "KEMLU", "DISNAKER", "IMIGRASI", "PUBLIC", "OTHER"]


class OrganisationKind(models.TextChoices):
    """HTCDS `org_Type`, with the kinds Indonesian partners fall into."""

    LAW_ENFORCEMENT = "LawEnforcement", _("Penegak hukum (kepolisian)")
    PROSECUTION = "Prosecution", _("Kejaksaan")
    MIGRANT_PROTECTION = "MigrantWorkerProtection", _("Pelindungan pekerja migran")
    FOREIGN_AFFAIRS = "ForeignAffairs", _("Luar negeri dan perwakilan")
    LABOUR = "LabourAuthority", _("Ketenagakerjaan")
    VICTIM_PROTECTION = "VictimProtection", _("Perlindungan saksi dan korban")
    SOCIAL_SERVICES = "SocialServices", _("Dinas sosial")
    SHELTER = "Shelter", _("Rumah aman atau rumah perlindungan")
    IMMIGRATION = "ImmigrationService", _("Imigrasi")
    OTHER = "Other", _("Lainnya")


class Organisation(models.Model):
    code = models.SlugField(_("kode"), max_length=32, unique=True, allow_unicode=False)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=32, choices=OrganisationKind.choices)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    report_code = models.CharField(
        _("kode pelapor dalam format laporan"),
        max_length=16,
        choices=[(c, c) for c in REPORT_CODES],
        default="OTHER",
        help_text=_("Nilai `agency` bagi laporan instansi ini."),
    )
    contact_name = models.CharField(_("narahubung"), max_length=200, blank=True)
    contact_email = models.EmailField(_("surel narahubung"), blank=True)
    contact_phone = models.CharField(_("telepon narahubung"), max_length=32, blank=True)
    # The data-sharing agreement (perjanjian kerja sama / nota kesepahaman).
    agreement_number = models.CharField(_("nomor perjanjian"), max_length=100, blank=True)
    agreement_basis = models.TextField(_("dasar hukum"), blank=True)
    agreement_scope = models.JSONField(_("ruang lingkup"), default=list, blank=True)
    agreement_expires = models.DateField(_("berlaku sampai"), null=True, blank=True)
    receives_referrals = models.BooleanField(_("menerima rujukan"), default=False)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("instansi mitra")
        verbose_name_plural = _("instansi mitra")
        constraints = [
            models.CheckConstraint(condition=Q(report_code__in=REPORT_CODES), name="organisation_report_code_valid"),
            models.CheckConstraint(condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def agreement_in_force(self, on: object = None) -> bool:
        """Active, and its agreement not expired (no expiry date: in force until revoked)."""
        today = on or timezone.localdate()
        return self.active and (self.agreement_expires is None or self.agreement_expires >= today)  # type: ignore[operator]

    def allows(self, scope: str) -> bool:
        return self.agreement_in_force() and scope in (self.agreement_scope or [])
