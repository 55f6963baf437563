"""Program Desa Binaan: the villages an office fosters, the PIMPASA officer of each, the socialisation events held
there (attendance by sex and age band, topics, photos without metadata), their follow-ups, and the early-warning
reports village contacts give — which enter intelligence as reports, so screening sees them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Village(models.Model):
    """A desa or kelurahan by its Kemendagri code (the region list the office already keeps)."""

    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="villages")
    region_code = models.CharField(_("kode wilayah"), max_length=10)
    name = models.CharField(_("desa/kelurahan"), max_length=120)
    district_code = models.CharField(_("kode kecamatan"), max_length=6)
    district_name = models.CharField(_("kecamatan"), max_length=120)
    regency_name = models.CharField(_("kabupaten/kota"), max_length=120)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas PIMPASA"),
        on_delete=models.PROTECT,
        related_name="fostered_villages",
    )
    joined_on = models.DateField(_("menjadi desa binaan sejak"))
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["district_name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "region_code"], name="village_once_per_office"),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.district_name}"

    @property
    def dotted_code(self) -> str:
        c = self.region_code
        return f"{c[:2]}.{c[2:4]}.{c[4:6]}.{c[6:]}"


class Topic(models.TextChoices):
    MODUS = "modus", _("Modus operandi perekrutan dan TPPO")
    INDICATORS = "indicators", _("Tanda-tanda calon korban")
    PROCEDURE = "procedure", _("Prosedur dan persyaratan paspor")
    OFFICIAL_ROUTE = "official_route", _("Jalur resmi bekerja ke luar negeri")
    ONLINE_SCAM = "online_scam", _("Penipuan daring (online scam)")
    LAW = "law", _("Hukum: UU 21/2007, UU 18/2017, UU 6/2011")
    REPORTING = "reporting", _("Cara melapor dan saluran pengaduan")


class Event(models.Model):
    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="events")
    number = models.CharField(_("nomor"), max_length=24, unique=True)
    held_on = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=200)
    title = models.CharField(_("judul kegiatan"), max_length=200)
    speakers = models.JSONField(_("narasumber"), default=list)  # [{"name": ..., "unit": "intel" | "dokim" | ...}]
    topics = models.JSONField(_("materi"), default=list)
    notes = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class Sex(models.TextChoices):
    MALE = "M", _("Laki-laki")
    FEMALE = "F", _("Perempuan")


class AgeBand(models.TextChoices):
    UNDER_18 = "u18", _("di bawah 18")
    FROM_18 = "18_35", _("18–35")
    FROM_36 = "36_55", _("36–55")
    OVER_55 = "o55", _("di atas 55")


class Attendance(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendance")
    sex = models.CharField(max_length=1, choices=Sex.choices)
    band = models.CharField(max_length=5, choices=AgeBand.choices)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "sex", "band"], name="attendance_cell_once")]

    def __str__(self) -> str:
        return f"{self.event_id} {self.sex} {self.band}: {self.count}"


class Photo(models.Model):
    """A copy redrawn from the pixels alone: no GPS position, camera or time travels with it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos")
    stored_name = models.CharField(max_length=64, unique=True)
    content_type = models.CharField(max_length=40)
    sha256 = models.CharField(max_length=64)
    caption = models.CharField(_("keterangan"), max_length=300, blank=True)
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.event_id}: {self.caption or self.sha256[:12]}"


class FollowUp(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(_("tindak lanjut"), max_length=500)
    due_on = models.DateField(_("batas waktu"))
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penanggung jawab"), on_delete=models.PROTECT, related_name="+"
    )
    done_on = models.DateField(_("selesai"), null=True, blank=True)
    outcome = models.TextField(_("hasil"), blank=True)

    class Meta:
        ordering = ["done_on", "due_on", "id"]

    def __str__(self) -> str:
        return self.action


class WarningKind(models.TextChoices):
    RECRUITER_SEEN = "recruiter_seen", _("Perekrut atau calo terlihat di desa")
    FAMILY_ASKING = "family_asking", _("Keluarga menanyakan tawaran kerja ke luar negeri")
    DEPARTURE_PLANNED = "departure_planned", _("Warga akan berangkat lewat jalur tidak resmi")
    COMPANY_ACTIVE = "company_active", _("Perusahaan tanpa izin merekrut warga")
    RETURNEE = "returnee", _("Warga pulang dalam keadaan bermasalah")
    OTHER = "other", _("Lainnya")


class ContactRole(models.TextChoices):
    VILLAGE_HEAD = "village_head", _("Kepala desa atau lurah")
    VILLAGE_STAFF = "village_staff", _("Perangkat desa")
    NEIGHBOURHOOD = "neighbourhood", _("Ketua RT/RW")
    CADRE = "cadre", _("Kader PKK atau posyandu")
    SECURITY = "security", _("Babinsa atau Bhabinkamtibmas")
    LEADER = "leader", _("Tokoh agama atau masyarakat")
    FAMILY = "family", _("Anggota keluarga")
    OTHER = "other", _("Lainnya")


class EarlyWarning(models.Model):
    """What a village contact told the officer. It is kept here with its village, and entered in intelligence as a
    report of the office (agency IMIGRASI) whose number is kept, so its subjects reach screening."""

    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="warnings")
    number = models.CharField(_("nomor"), max_length=24, unique=True)
    received_on = models.DateField(_("diterima"))
    kind = models.CharField(_("jenis"), max_length=20, choices=WarningKind.choices)
    contact_role = models.CharField(_("pemberi informasi"), max_length=16, choices=ContactRole.choices)
    summary = models.TextField(_("isi informasi"))
    report = models.ForeignKey(
        "intel.AgencyReport", verbose_name=_("laporan intelijen"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return self.number
