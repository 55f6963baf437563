from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeKind(models.TextChoices):
    NATIONAL = "pusat", _("Direktorat Jenderal (pusat)")
    KANWIL = "kanwil", _("Kantor Wilayah")
    KANIM = "kanim", _("Kantor Imigrasi")


class OfficeTimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", "WIB"
    WITA = "Asia/Makassar", "WITA"
    WIT = "Asia/Jayapura", "WIT"


office_code_validator = RegexValidator(
    r"^[A-Z][A-Z0-9_]{1,15}$", _("Kode kantor: huruf besar, angka atau garis bawah, 2–16 karakter.")
)


class Office(models.Model):
    code = models.CharField(_("kode"), max_length=16, unique=True, validators=[office_code_validator])
    name = models.CharField(_("nama lengkap"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=8, choices=OfficeKind.choices, default=OfficeKind.KANIM)
    time_zone = models.CharField(
        _("zona waktu"), max_length=16, choices=OfficeTimeZone.choices, default=OfficeTimeZone.WIB
    )
    address = models.TextField(_("alamat"), blank=True)
    # The letterhead: the place a letter is dated at ("Jakarta, 30 November 2026"), and how to reach the office.
    city = models.CharField(_("kota (tempat surat)"), max_length=80, blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    region_code = models.CharField(_("kode wilayah"), max_length=13, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("kantor induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("kantor")
        verbose_name_plural = _("kantor")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(time_zone__in=OfficeTimeZone.values), name="office_time_zone_valid"
            ),
            models.CheckConstraint(condition=models.Q(kind__in=OfficeKind.values), name="office_kind_valid"),
            models.CheckConstraint(condition=~models.Q(parent=models.F("pk")), name="office_not_own_parent"),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from garda.core.models.reference import Region

        errors: dict[str, object] = {}
        if self.region_code and not Region.objects.filter(code=self.region_code).exists():
            errors["region_code"] = _("Kode wilayah %(code)s tidak ada dalam daftar Kemendagri.") % {
                "code": self.region_code
            }
        expected_parent = {OfficeKind.KANIM: OfficeKind.KANWIL, OfficeKind.KANWIL: OfficeKind.NATIONAL}
        if self.kind == OfficeKind.NATIONAL and self.parent_id:
            errors["parent"] = _("Kantor pusat tidak memiliki kantor induk.")
        elif self.parent is not None and self.parent.kind != expected_parent.get(OfficeKind(self.kind)):
            errors["parent"] = _("Kantor induk harus berjenis %(kind)s.") % {
                "kind": OfficeKind(expected_parent[OfficeKind(self.kind)]).label
            }
        if errors:
            raise ValidationError(errors)

    @property
    def is_national(self) -> bool:
        return self.kind == OfficeKind.NATIONAL

    @property
    def time_zone_label(self) -> str:
        return OfficeTimeZone(self.time_zone).label
