"""Reference data shipped with Garda: region codes, countries, and versioned lists.

These tables are unmanaged after their creation (see the migrations) so that Django's flush never empties
them; list revisions are append-only, enforced by the database.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("Provinsi")
    REGENCY = "regency", _("Kabupaten/Kota")
    DISTRICT = "district", _("Kecamatan")
    VILLAGE = "village", _("Desa/Kelurahan")


class Region(models.Model):
    """A Kemendagri region code. Codes that no longer exist stay, marked not in force: a NIK keeps the
    district code of its first registration for life."""

    code = models.CharField(_("kode"), max_length=10, primary_key=True)
    level = models.CharField(_("tingkat"), max_length=8, choices=RegionLevel.choices)
    name = models.CharField(_("nama"), max_length=120)
    parent_code = models.CharField(max_length=10, blank=True, db_index=True)
    in_force = models.BooleanField(_("berlaku"), default=True)
    versions = models.CharField(_("versi daftar"), max_length=60, blank=True)

    class Meta:
        managed = False
        db_table = "core_region"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.dotted} {self.name}"

    @property
    def dotted(self) -> str:
        c = self.code
        parts = [c[:2], c[2:4], c[4:6], c[6:]]
        return ".".join(p for p in parts if p)


class Country(models.Model):
    alpha2 = models.CharField(_("kode"), max_length=2, primary_key=True)
    alpha3 = models.CharField(max_length=3, unique=True)
    numeric = models.CharField(max_length=3)
    name_id = models.CharField(_("nama (Indonesia)"), max_length=120)
    name_en = models.CharField(_("nama (Inggris)"), max_length=120)

    class Meta:
        managed = False
        db_table = "core_country"
        ordering = ["name_id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id


class ListKind(models.TextChoices):
    COUNTRY_SET = "country_set", _("Daftar negara")
    DOCUMENTS_BY_PURPOSE = "documents_by_purpose", _("Dokumen wajib per tujuan perjalanan")
    LEGAL_BASES = "legal_bases", _("Dasar hukum")
    PARAMETERS = "parameters", _("Ketentuan bernilai (tenggat, jangka waktu)")
    WORD_LISTS = "word_lists", _("Kelompok kata")
    ORGANISATIONS = "organisations", _("Daftar badan usaha berizin")
    CHECKLISTS = "checklists", _("Daftar periksa per langkah SOP")
    CATALOGUE = "catalogue", _("Katalog (pelanggaran, hukuman, kewenangan)")


class ReferenceList(models.Model):
    key = models.SlugField(primary_key=True, max_length=64)
    kind = models.CharField(max_length=32, choices=ListKind.choices)
    title_id = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    description_id = models.TextField(blank=True)
    description_en = models.TextField(blank=True)

    class Meta:
        managed = False
        db_table = "core_referencelist"
        ordering = ["key"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.title_en if (get_language() or "id").startswith("en") else self.title_id

    @property
    def description(self) -> str:
        return self.description_en if (get_language() or "id").startswith("en") else self.description_id


class ReferenceListRevision(models.Model):
    """One version of a list. Never changed: a revision is made by adding the next version."""

    reference_list = models.ForeignKey(ReferenceList, on_delete=models.DO_NOTHING, related_name="revisions")
    version = models.PositiveIntegerField(_("versi"))
    items = models.JSONField(_("isi"))
    source = models.TextField(_("sumber / dasar"), blank=True)
    note = models.TextField(_("catatan perubahan"), blank=True)
    effective_from = models.DateField(_("berlaku sejak"))
    created_at = models.DateTimeField(_("dibuat"))
    created_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    created_by_username = models.CharField(max_length=150, blank=True)

    class Meta:
        managed = False
        db_table = "core_referencelistrevision"
        ordering = ["reference_list", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["reference_list", "version"], name="reference_revision_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.reference_list_id} v{self.version}"
