"""The person index: every person Garda knows of (applicants, companions, report subjects, listed persons),
normalised once and indexed under blocking keys so the counter finds candidates with one indexed lookup."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedPerson(models.Model):
    source = models.CharField(_("sumber"), max_length=32)
    source_ref = models.CharField(_("rujukan sumber"), max_length=128)
    office_code = models.CharField(_("kantor"), max_length=16, blank=True)
    full_name = models.CharField(_("nama"), max_length=200, blank=True)
    name_key = models.CharField(max_length=200, blank=True, db_index=True)
    birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, blank=True)
    nik = models.CharField("NIK", max_length=16, blank=True)
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    birth_place = models.CharField(_("tempat lahir"), max_length=120, blank=True)
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    mother_name = models.CharField(_("nama ibu"), max_length=200, blank=True)
    other_id = models.CharField(_("nomor identitas lain"), max_length=64, blank=True)
    kk_number = models.CharField(_("nomor KK"), max_length=16, blank=True)
    father_name = models.CharField(_("nama ayah"), max_length=200, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "source_ref"], name="indexed_person_source_unique")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.source}:{self.source_ref})"


class BlockingKey(models.Model):
    key = models.CharField(max_length=120)
    person = models.ForeignKey(IndexedPerson, on_delete=models.CASCADE, related_name="blocking_keys")

    class Meta:
        # (key, person) is unique and, as an index, answers the lookup without touching the table.
        constraints = [models.UniqueConstraint(fields=["key", "person"], name="blocking_key_unique")]

    def __str__(self) -> str:
        return self.key


class MatchModel(models.Model):
    """A versioned set of Fellegi–Sunter weights; the newest is used at the counter."""

    version = models.CharField(max_length=64, unique=True)
    params = models.JSONField()
    trained_on = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by_username = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.version


class NameFrequency(models.Model):
    """How many indexed persons bear each normalised name: the term frequency that makes a common name count
    for less. Kept up to date by the index itself, so the counter reads one row instead of counting."""

    name_key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name_key}: {self.count}"
