from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from garda.core.roles import Role


class User(AbstractUser):
    """A person who uses Garda: staff of an office, or a partner agency's user attached to one."""

    full_name = models.CharField(_("nama lengkap"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    office = models.ForeignKey("core.Office", verbose_name=_("kantor"), on_delete=models.PROTECT, related_name="staff")
    role = models.CharField(_("peran"), max_length=16, choices=Role.choices)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    agency = models.CharField(
        _("instansi"), max_length=120, blank=True, help_text=_("Wajib untuk pengguna instansi mitra.")
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("instansi mitra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    # Set when an administrator chose the password (a new account, a reset): the owner must replace it before
    # doing anything else, so no administrator knows a password in use.
    must_change_password = models.BooleanField(default=False)
    # Temporary release from duties during a disciplinary examination (pembebasan sementara, PP 94/2021): the
    # account still logs in, but holds no capability — it can neither approve, nor screen, nor read the files.
    released_from_duties = models.BooleanField(_("dibebaskan sementara dari tugas"), default=False)

    REQUIRED_FIELDS = ["full_name", "office", "role"]

    class Meta:
        ordering = ["office__code", "username"]
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="user_role_valid"),
            models.CheckConstraint(
                condition=~models.Q(role=Role.PARTNER) | ~models.Q(agency=""), name="partner_user_has_agency"
            ),
            # A partner user belongs to one organisation, whose agreement governs what they may see and do.
            models.CheckConstraint(
                condition=~models.Q(role=Role.PARTNER) | models.Q(organisation__isnull=False),
                name="partner_user_has_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.username})"

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


class RoleGrantStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu persetujuan")
    APPROVED = "approved", _("Disetujui")
    REFUSED = "refused", _("Ditolak")


class RoleGrant(models.Model):
    """A privileged role asked for by an administrator, in force only once a second person approved it (the
    head of the user's office, or a national administrator). A new account with such a role stays inactive until
    then (`activates`)."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="role_grants")
    role = models.CharField(_("peran"), max_length=16, choices=Role.choices)
    activates = models.BooleanField(default=False)
    reason = models.CharField(_("alasan"), max_length=300)
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    status = models.CharField(max_length=8, choices=RoleGrantStatus.choices, default=RoleGrantStatus.PENDING)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="role_grant_role_valid"),
            # Four eyes in the database too: the one who asked never decides, nor does the user concerned.
            models.CheckConstraint(
                condition=models.Q(decided_by__isnull=True)
                | (~models.Q(decided_by=models.F("requested_by")) & ~models.Q(decided_by=models.F("user"))),
                name="role_grant_four_eyes",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.role} ({self.status})"
