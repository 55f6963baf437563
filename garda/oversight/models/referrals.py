"""The criminal track, in parallel to discipline: a case with criminal elements (extortion, a broker network,
trafficking) is referred to the police or the prosecutor as a hash-sealed packet, its court stages are followed,
and dismissal without honour (PTDH, PP 11/2017 Pasal 250) is proposed only after a final judgment that qualifies."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Agency(models.TextChoices):
    POLRI = "polri", _("Kepolisian Negara Republik Indonesia")
    KEJAKSAAN = "kejaksaan", _("Kejaksaan Republik Indonesia")


class CrimeKind(models.TextChoices):
    EXTORTION = "extortion", _("Pungutan liar atau pemerasan")
    BROKERS = "brokers", _("Jaringan calo")
    TRAFFICKING = "trafficking", _("Keterlibatan tindak pidana perdagangan orang")
    OTHER = "other", _("Tindak pidana lain terkait jabatan")


class CourtStage(models.TextChoices):
    REFERRED = "referred", _("Dirujuk")
    INVESTIGATION = "penyidikan", _("Penyidikan")
    PROSECUTION = "penuntutan", _("Penuntutan")
    JUDGMENT = "putusan", _("Putusan pengadilan tingkat pertama")
    APPEAL = "banding", _("Banding atau kasasi")
    FINAL = "inkracht", _("Berkekuatan hukum tetap")
    STOPPED = "dihentikan", _("Dihentikan (SP3 atau tidak dituntut)")


class Verdict(models.TextChoices):
    CONVICTED = "convicted", _("Dipidana")
    ACQUITTED = "acquitted", _("Bebas atau lepas")


class PtdhGround(models.TextChoices):
    """PP 11/2017 Pasal 250 (as amended; the domain brief marks later amendments uncertain)."""

    POSITION_CRIME = "b", _("Huruf b: dipidana karena kejahatan jabatan atau yang berhubungan dengan jabatan")
    PLANNED_CRIME = "d", _("Huruf d: dipidana penjara paling singkat 2 tahun karena tindak pidana berencana")


class CriminalReferral(models.Model):
    number = models.CharField(_("nomor"), max_length=32, unique=True)
    investigation = models.ForeignKey("oversight.Investigation", on_delete=models.PROTECT, related_name="referrals")
    agency = models.CharField(_("instansi tujuan"), max_length=16, choices=Agency.choices)
    crime = models.CharField(_("dugaan tindak pidana"), max_length=16, choices=CrimeKind.choices)
    summary = models.TextField(_("uraian"))
    packet = models.JSONField()  # what was sent, as sent
    packet_sha256 = models.CharField(max_length=64)
    stage = models.CharField(max_length=16, choices=CourtStage.choices, default=CourtStage.REFERRED)
    verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)
    sentence_months = models.PositiveIntegerField(null=True, blank=True)
    related_to_position = models.BooleanField(default=False)
    planned = models.BooleanField(default=False)
    ptdh_ground = models.CharField(max_length=2, choices=PtdhGround.choices, blank=True)
    ptdh_proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ptdh_proposed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(agency__in=Agency.values), name="referral_agency_valid"),
            models.CheckConstraint(condition=Q(crime__in=CrimeKind.values), name="referral_crime_valid"),
            models.CheckConstraint(condition=Q(stage__in=CourtStage.values), name="referral_stage_valid"),
            # PTDH is proposed only on a final conviction.
            models.CheckConstraint(
                condition=Q(ptdh_ground="") | (Q(stage=CourtStage.FINAL) & Q(verdict=Verdict.CONVICTED)),
                name="referral_ptdh_after_final_conviction",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class ReferralStage(models.Model):
    referral = models.ForeignKey(CriminalReferral, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=16, choices=CourtStage.choices)
    on = models.DateField()
    note = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.referral_id}:{self.stage}"
