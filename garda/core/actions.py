"""Every state change of the core app: one transaction and one audit event each."""

from datetime import date
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from garda.core import audit
from garda.core.access import has_capability
from garda.core.models import (
    Office,
    Organisation,
    ReferenceList,
    ReferenceListRevision,
    RoleGrant,
    RoleGrantStatus,
    User,
)
from garda.core.models.offices import OfficeKind
from garda.core.reflists import current_revision, diff_items
from garda.core.roles import PRIVILEGED_ROLES, Capability, Role
from garda.core.signals import password_changed

USER_FIELDS = [
    "username",
    "full_name",
    "nip",
    "office",
    "role",
    "position",
    "agency",
    "organisation",
    "phone",
    "email",
    "is_active",
]
OFFICE_FIELDS = [
    "code", "name", "kind", "time_zone", "address", "city", "phone", "email", "region_code", "parent", "is_active"
]  # fmt: skip


def do_create_office(*, acting_user: User | None, **fields: Any) -> Office:
    with transaction.atomic():
        office = Office(**fields)
        office.full_clean()
        office.save()
        audit.record(
            "office.create",
            actor=acting_user,
            office=office,
            obj=office,
            summary=f"Kantor {office.code} dibuat",
            after=audit.snapshot(office, OFFICE_FIELDS),
        )
    return office


def do_update_office(office: Office, *, acting_user: User | None, **changes: Any) -> Office:
    with transaction.atomic():
        before = audit.snapshot(office, OFFICE_FIELDS)
        for name, value in changes.items():
            setattr(office, name, value)
        office.full_clean()
        office.save()
        after = audit.snapshot(office, OFFICE_FIELDS)
        changed = sorted(k for k in after if after[k] != before[k])
        if changed:
            audit.record(
                "office.update",
                actor=acting_user,
                office=office,
                obj=office,
                summary=f"Data kantor {office.code} diubah: {', '.join(changed)}",
                before={k: before[k] for k in changed},
                after={k: after[k] for k in changed},
            )
    return office


def do_create_user(*, acting_user: User | None, password: str | None, **fields: Any) -> User:
    """Create an account. Without a password the account cannot log in until one is set. An administrator's new
    account with a privileged role stays inactive until a second person approves the role (`do_decide_role`);
    the installation's own setup (no acting user: `garda user add`, the demo) needs none."""
    fields = _with_organisation(fields)
    with transaction.atomic():
        user = User(**fields)
        needs_approval = acting_user is not None and user.role in PRIVILEGED_ROLES
        if needs_approval:
            user.is_active = False
        if password:
            validate_password(password, user)
            user.set_password(password)
            user.must_change_password = acting_user is not None  # chosen by an administrator: temporary
        else:
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        audit.record(
            "user.create",
            actor=acting_user,
            office=user.office,
            obj=user,
            summary=f"Akun {user.username} ({user.role_label}) dibuat"
            + (", menunggu persetujuan peran" if needs_approval else ""),
            after=audit.snapshot(user, USER_FIELDS),
        )
        if needs_approval:
            assert acting_user is not None
            _request_role(user, acting_user=acting_user, role=user.role, reason="akun baru", activates=True)
    return user


def _with_organisation(fields: dict[str, Any]) -> dict[str, Any]:
    """A partner account names its organisation by code (`--agency KP2MI` on the command line) or by choice (the
    form); the `agency` text then follows the organisation's code."""
    organisation = fields.get("organisation")
    code = str(fields.get("agency") or "").strip()
    if organisation is None and code:
        organisation = Organisation.objects.filter(code__iexact=code).first()
        if organisation is None:
            raise ValidationError({"agency": f"instansi mitra {code!r} tidak dikenal; daftarkan dahulu"})
    if organisation is not None:
        fields = {**fields, "organisation": organisation, "agency": organisation.code}
    elif fields.get("role") == Role.PARTNER:
        raise ValidationError({"organisation": "pengguna instansi mitra wajib terhubung dengan instansinya"})
    return fields


def _request_role(user: User, *, acting_user: User, role: str, reason: str, activates: bool) -> RoleGrant:
    grant = RoleGrant.objects.create(
        user=user,
        role=role,
        activates=activates,
        reason=reason[:300],
        requested_by=acting_user,
        requested_at=timezone.now(),
    )
    audit.record(
        "user.role_requested",
        actor=acting_user,
        office=user.office,
        obj=user,
        summary=f"Peran {Role(role).label} untuk {user.username} diminta; menunggu persetujuan. Alasan: {reason}",
        after={"role": role, "grant": grant.pk, "reason": reason},
    )
    return grant


def may_decide_role(grant: RoleGrant, approver: User) -> bool:
    """The head of the user's office, or a national administrator; never the one who asked, nor the user."""
    if not has_capability(approver, Capability.ROLES_APPROVE) or grant.status != RoleGrantStatus.PENDING:
        return False
    if approver.pk in {grant.requested_by_id, grant.user_id}:
        return False
    if approver.role == Role.KAKANIM:
        return approver.office_id == grant.user.office_id
    return approver.office.kind == OfficeKind.NATIONAL


def do_decide_role(grant: RoleGrant, *, acting_user: User, approve: bool, reason: str) -> RoleGrant:
    """Approve or refuse a privileged role: on approval the role is in force (and a new account active)."""
    if not may_decide_role(grant, acting_user):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": "tulis alasan keputusan"})
    with transaction.atomic():
        locked = RoleGrant.objects.select_for_update().get(pk=grant.pk)
        if locked.status != RoleGrantStatus.PENDING:
            raise ValidationError({"status": "permintaan ini sudah diputuskan"})
        locked.status = RoleGrantStatus.APPROVED if approve else RoleGrantStatus.REFUSED
        locked.decided_by, locked.decided_at, locked.decision_reason = acting_user, timezone.now(), reason[:300]
        locked.save()
        user = User.objects.select_for_update().get(pk=locked.user_id)
        before = {"role": user.role, "is_active": user.is_active}
        if approve:
            user.role = locked.role
            if locked.activates:
                user.is_active = True
            user.save(update_fields=["role", "is_active"])
        audit.record(
            "user.role_approved" if approve else "user.role_refused",
            actor=acting_user,
            office=user.office,
            obj=user,
            summary=f"Peran {Role(locked.role).label} untuk {user.username} "
            f"{'disetujui' if approve else 'ditolak'}. Alasan: {reason}",
            before=before,
            after={"role": user.role, "is_active": user.is_active, "grant": locked.pk, "reason": reason},
        )
    return locked


def do_update_user(user: User, *, acting_user: User, **changes: Any) -> User:
    """Change profile fields (not the role: see do_change_role, which is audited on its own)."""
    assert "role" not in changes and "password" not in changes
    if changes.get("organisation") is not None:
        changes["agency"] = changes["organisation"].code
    with transaction.atomic():
        before = audit.snapshot(user, USER_FIELDS)
        for name, value in changes.items():
            setattr(user, name, value)
        user.full_clean(exclude=["password"])
        user.save()
        after = audit.snapshot(user, USER_FIELDS)
        changed = {k for k in after if after[k] != before[k]}
        if changed:
            audit.record(
                "user.update",
                actor=acting_user,
                office=user.office,
                obj=user,
                summary=f"Data akun {user.username} diubah: {', '.join(sorted(changed))}",
                before={k: before[k] for k in changed},
                after={k: after[k] for k in changed},
            )
    return user


def do_change_role(user: User, *, acting_user: User, role: str, reason: str) -> User:
    """Change a user's role; a privileged one is only asked for here and is in force once approved
    (`do_decide_role`)."""
    if role not in Role.values:
        raise ValueError(f"unknown role {role!r}")
    if not reason.strip():
        raise ValueError("a role change needs a reason")
    with transaction.atomic():
        before = user.role
        if before == role:
            return user
        if role in PRIVILEGED_ROLES:
            _request_role(user, acting_user=acting_user, role=role, reason=reason, activates=False)
            return user
        user.role = role
        user.full_clean(exclude=["password"])
        user.save(update_fields=["role"])
        audit.record(
            "user.role_change",
            actor=acting_user,
            office=user.office,
            obj=user,
            summary=f"Peran {user.username}: {Role(before).label} → {Role(role).label}. Alasan: {reason}",
            before={"role": before},
            after={"role": role, "reason": reason},
        )
    return user


def do_set_active(user: User, *, acting_user: User, active: bool, reason: str) -> User:
    if user.pk == acting_user.pk and not active:
        raise ValueError("an administrator cannot deactivate their own account")
    with transaction.atomic():
        if user.is_active == active:
            return user
        user.is_active = active
        user.save(update_fields=["is_active"])
        audit.record(
            "user.activate" if active else "user.deactivate",
            actor=acting_user,
            office=user.office,
            obj=user,
            summary=f"Akun {user.username} {'diaktifkan' if active else 'dinonaktifkan'}. Alasan: {reason}",
            before={"is_active": not active},
            after={"is_active": active, "reason": reason},
        )
    return user


def do_set_duty_release(user: User, *, acting_user: User, released: bool, reason: str) -> User:
    """Withdraw, or give back, every privilege of an officer under disciplinary examination. Called by oversight
    inside its own step (the decision to release is oversight's; the account is core's)."""
    with transaction.atomic():
        if user.released_from_duties == released:
            return user
        user.released_from_duties = released
        user.save(update_fields=["released_from_duties"])
        # Unscoped: the office's own trail must not announce who is under examination.
        audit.record(
            "user.duty_release" if released else "user.duty_restore",
            actor=acting_user,
            obj=user,
            summary=f"Hak akses {user.username} {'dicabut sementara' if released else 'dipulihkan'}",
            before={"released_from_duties": not released},
            after={"released_from_duties": released, "reason": reason},
            unscoped=True,
        )
    return user


def do_set_password(user: User, *, acting_user: User, password: str, request: HttpRequest | None = None) -> User:
    """An administrator sets a temporary password, or the user changes their own (`request` is theirs: keys kept
    under the old password are re-wrapped from their session)."""
    validate_password(password, user)
    with transaction.atomic():
        own = acting_user.pk == user.pk
        user.set_password(password)
        user.must_change_password = not own  # an administrator's password is temporary
        user.save(update_fields=["password", "must_change_password"])
        audit.record(
            "user.password_change" if own else "user.password_reset",
            actor=acting_user,
            office=user.office,
            obj=user,
            summary=f"Kata sandi {user.username} {'diganti sendiri' if own else 'diatur ulang'}",
        )
        password_changed.send(sender=User, user=user, password=password, request=request if own else None)
    return user


def do_reset_two_factor(user: User, *, acting_user: User, reason: str) -> User:
    """Remove the user's authenticator so they enrol a new one at next login (lost phone)."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        audit.record(
            "user.2fa_reset",
            actor=acting_user,
            office=user.office,
            obj=user,
            summary=f"2FA {user.username} diatur ulang ({removed} perangkat dihapus). Alasan: {reason}",
        )
    return user


def do_unlock_account(user: User, *, acting_user: User, reason: str) -> int:
    """Lift a lockout before its cool-off ends (the owner proved who they are to the administrator)."""
    from axes.utils import reset

    with transaction.atomic():
        cleared = reset(username=user.username)
        audit.record(
            "user.unlock",
            actor=acting_user,
            office=user.office,
            obj=user,
            summary=f"Kunci akun {user.username} dibuka ({cleared} catatan kegagalan dihapus). Alasan: {reason}",
        )
    return int(cleared)


def do_start_totp_enrolment(user: User) -> TOTPDevice:
    """An unconfirmed device whose secret the user loads into an authenticator app. Not yet a state change
    worth auditing: nothing can log in with it until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)
    return device


def do_confirm_totp_device(device: TOTPDevice, *, user: User) -> TOTPDevice:
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).exclude(pk=device.pk).delete()
        audit.record("auth.2fa_enrolled", actor=user, obj=user, summary="Autentikator TOTP didaftarkan")
    return device


def record_two_factor_login(user: User) -> None:
    audit.record("auth.login", actor=user, obj=user, summary="Masuk dengan kata sandi dan kode 2FA")


def record_two_factor_failure(user: User) -> None:
    audit.record("auth.2fa_failed", actor=user, obj=user, summary="Kode 2FA salah")


def do_revise_reference_list(
    reference_list: ReferenceList,
    *,
    acting_user: User,
    items: list[Any],
    note: str,
    source: str,
    effective_from: date,
) -> ReferenceListRevision:
    if not note.strip():
        raise ValueError("a revision needs a note saying what changed and why")
    with transaction.atomic():
        previous = current_revision(reference_list.key)
        revision = ReferenceListRevision.objects.create(
            reference_list=reference_list,
            version=previous.version + 1,
            items=items,
            source=source,
            note=note,
            effective_from=effective_from,
            created_at=timezone.now(),
            created_by=acting_user,
            created_by_username=acting_user.username,
        )
        change = diff_items(previous.items, items)
        audit.record(
            "reference.revise",
            actor=acting_user,
            obj=revision,
            summary=f"{reference_list.key} v{previous.version} → v{revision.version}: {note}"[:300],
            before={"version": previous.version},
            after={"version": revision.version, "added": change.added, "removed": change.removed},
        )
    return revision
