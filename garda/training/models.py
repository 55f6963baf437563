"""Anti-trafficking training, measured: courses (for staff by role, or for the public) with a curriculum and a
question bank; sessions with enrolment, attendance, a pre-test and a post-test; certificates with a code anyone can
verify; and, from the certificates, each officer's coverage and when a refresher falls due."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    STAFF = "staff", _("Pegawai")
    PUBLIC = "public", _("Masyarakat")


class PublicGroup(models.TextChoices):
    VILLAGE = "village", _("Warga desa binaan")
    SCHOOL = "school", _("Sekolah")
    WORKERS = "prospective_workers", _("Calon pekerja migran")


class Topic(models.TextChoices):
    MODUS = "modus", _("Modus operandi")
    INDICATORS = "indicators", _("Indikator")
    SOP = "sop", _("SOP")
    LAW = "law", _("Hukum")


class Course(models.Model):
    code = models.CharField(_("kode"), max_length=24, unique=True)
    title = models.CharField(_("judul"), max_length=200)
    audience = models.CharField(_("peserta"), max_length=8, choices=Audience.choices)
    # Staff courses: the roles (core.roles.Role values) that must hold the certificate.
    roles = models.JSONField(_("wajib untuk peran"), default=list)
    public_group = models.CharField(_("kelompok masyarakat"), max_length=24, choices=PublicGroup.choices, blank=True)
    curriculum = models.JSONField(_("kurikulum"), default=list)  # [{"topic": ..., "title": ..., "hours": ...}]
    refresher_months = models.PositiveSmallIntegerField(_("penyegaran setiap (bulan)"), default=12)  # 0: never
    pass_mark = models.PositiveSmallIntegerField(_("nilai lulus tes akhir"), default=70)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(pass_mark__lte=100), name="course_pass_mark_percent"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Question(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    choices = models.JSONField()  # list of strings
    answer = models.PositiveSmallIntegerField()  # index into choices
    topic = models.CharField(max_length=12, choices=Topic.choices, blank=True)

    class Meta:
        ordering = ["course", "position"]
        constraints = [models.UniqueConstraint(fields=["course", "position"], name="question_position_once")]

    def __str__(self) -> str:
        return f"{self.course_id}#{self.position}"


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    CLOSED = "closed", _("Selesai")


class Session(models.Model):
    number = models.CharField(_("nomor"), max_length=24, unique=True)
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="training_sessions")
    held_on = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=200)
    trainer = models.CharField(_("pelatih"), max_length=300)
    status = models.CharField(max_length=8, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-number"]

    def __str__(self) -> str:
        return f"{self.number} {self.course.title}"


class Enrolment(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="enrolments"
    )
    name = models.CharField(_("nama"), max_length=200)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=[("M", _("Laki-laki")), ("F", _("Perempuan"))])
    attended = models.BooleanField(_("hadir"), default=False)
    pre_answers = models.JSONField(null=True, blank=True)  # list: the chosen index per question, None if blank
    post_answers = models.JSONField(null=True, blank=True)
    pre_score = models.FloatField(null=True, blank=True)  # percent
    post_score = models.FloatField(null=True, blank=True)
    certificate_code = models.CharField(max_length=16, unique=True, null=True, blank=True)
    certified_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["session", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=models.Q(user__isnull=False), name="enrolment_user_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.name}"
