"""An administrator manages accounts and roles through pages; every change is audited."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from garda.conftest import enrol_device
from garda.core.models import AuditEvent, User

NEW_USER = {
    "username": "loket2",
    "full_name": "Siti Nurhaliza",
    "nip": "199001012015032001",
    "office": "",
    "role": "loket",
    "position": "Petugas Loket",
    "agency": "",
    "phone": "081234567890",
    "email": "loket2@demo.garda.invalid",
    "password": "kata-sandi-sementara-123",
}


def test_admin_creates_an_account(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["admin"])
    data = {**NEW_USER, "office": personas["admin"].office.pk}
    response = client.post(reverse("core:user_create"), data)
    created = User.objects.get(username="loket2")
    assert response.status_code == 302 and response["Location"] == reverse("core:user_detail", args=[created.pk])
    assert created.check_password(NEW_USER["password"]) and created.role == "loket"
    event = AuditEvent.objects.get(action="user.create", object_id=str(created.pk))
    assert event.actor_username == "admin" and event.after["role"] == "loket"


def test_bad_account_form_says_what_is_wrong_and_keeps_the_input(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["admin"])
    data = {**NEW_USER, "office": personas["admin"].office.pk, "role": "mitra", "password": "pendek"}
    response = client.post(reverse("core:user_create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "instansinya" in html  # a partner needs an agency
    assert "terlalu pendek" in html or "too short" in html
    assert 'value="Siti Nurhaliza"' in html
    assert not User.objects.filter(username="loket2").exists()


def test_admin_cannot_create_an_account_in_an_office_outside_scope(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["admin"])
    data = {**NEW_USER, "office": personas["other_office"].office.pk}
    response = client.post(reverse("core:user_create"), data)
    assert response.status_code == 200
    assert not User.objects.filter(username="loket2").exists()


def test_role_change_is_audited_with_before_and_after(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["admin"])
    target = personas["interviewer"]  # to a role without privileges: in force at once
    client.post(reverse("core:user_change_role", args=[target.pk]), {"role": "loket", "reason": "rotasi tugas"})
    target.refresh_from_db()
    assert target.role == "loket"
    event = AuditEvent.objects.get(action="user.role_change", object_id=str(target.pk))
    assert event.before == {"role": "wawancara"}
    assert event.after == {"role": "loket", "reason": "rotasi tugas"}


def test_an_administrator_alone_cannot_grant_a_privileged_role(login_as, personas: dict[str, User], offices) -> None:
    from garda.conftest import make_user
    from garda.core.models import RoleGrant
    from garda.core.roles import Role

    admin, head = personas["admin"], personas["kakanim"]
    client = login_as(admin)
    target = personas["counter"]
    client.post(reverse("core:user_change_role", args=[target.pk]), {"role": "kasi", "reason": "promosi"})
    # A new account with a decision role, to log in as: inactive until approved.
    client.post(
        reverse("core:user_create"),
        {**NEW_USER, "username": "pemutus", "role": "kakanim", "office": admin.office.pk},
    )
    target.refresh_from_db()
    created = User.objects.get(username="pemutus")
    assert target.role == "loket" and not created.is_active
    # The administrator sees no approval page; another office's head cannot decide; the head of the office can.
    assert "Setujui" not in client.get(reverse("core:role_grants")).content.decode()  # an office admin: nothing
    other_head = make_user(offices["CIREBON"], Role.KAKANIM, "kakanim.cirebon")
    assert login_as(other_head).get(reverse("core:role_grants")).content.decode().count("Setujui") == 0
    page = login_as(head).get(reverse("core:role_grants")).content.decode()
    assert "pemutus" in page and "promosi" in page
    grant = RoleGrant.objects.get(user=target)
    other = login_as(other_head).post(
        reverse("core:role_grant_decide", args=[grant.pk]), {"reason": "ok", "decision": "approve"}
    )
    assert other.status_code == 404
    login_as(head).post(
        reverse("core:role_grant_decide", args=[grant.pk]), {"reason": "Sesuai SK", "decision": "approve"}
    )
    new = RoleGrant.objects.get(user=created)
    login_as(personas["national_admin"]).post(
        reverse("core:role_grant_decide", args=[new.pk]), {"reason": "Tidak sesuai SK", "decision": "refuse"}
    )
    target.refresh_from_db()
    created.refresh_from_db()
    assert target.role == "kasi" and not created.is_active and created.role == "kakanim"
    assert AuditEvent.objects.filter(action="user.role_approved", object_id=str(target.pk)).exists()
    assert AuditEvent.objects.filter(action="user.role_refused", object_id=str(created.pk)).exists()


def test_nobody_decides_a_role_they_asked_for_or_their_own(personas: dict[str, User]) -> None:
    from django.db import IntegrityError, transaction

    from garda.core import actions
    from garda.core.models import RoleGrant

    head, admin = personas["kakanim"], personas["national_admin"]
    actions.do_change_role(head, acting_user=admin, role="investigator", reason="mutasi")
    grant = RoleGrant.objects.get(user=head)
    assert not actions.may_decide_role(grant, admin)  # asked for it
    assert not actions.may_decide_role(grant, head)  # their own
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleGrant.objects.filter(pk=grant.pk).update(decided_by=admin)


def test_role_change_needs_a_reason(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["admin"])
    target = personas["counter"]
    client.post(reverse("core:user_change_role", args=[target.pk]), {"role": "kakanim", "reason": ""})
    target.refresh_from_db()
    assert target.role == "loket"


def test_admin_cannot_change_own_role_or_deactivate_self(login_as, personas: dict[str, User]) -> None:
    admin = personas["admin"]
    client = login_as(admin)
    client.post(reverse("core:user_change_role", args=[admin.pk]), {"role": "kakanim", "reason": "x"})
    client.post(reverse("core:user_set_active", args=[admin.pk, 0]), {"reason": "x"})
    admin.refresh_from_db()
    assert admin.role == "admin" and admin.is_active


def test_deactivate_and_reactivate(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["admin"])
    target = personas["counter"]
    client.post(reverse("core:user_set_active", args=[target.pk, 0]), {"reason": "mutasi"})
    target.refresh_from_db()
    assert not target.is_active
    client.post(reverse("core:user_set_active", args=[target.pk, 1]), {"reason": "kembali"})
    target.refresh_from_db()
    assert target.is_active
    assert list(
        AuditEvent.objects.filter(object_id=str(target.pk), action__startswith="user.")
        .order_by("seq")
        .values_list("action", flat=True)
    )[-2:] == ["user.deactivate", "user.activate"]


def test_reset_two_factor_removes_the_device(login_as, personas: dict[str, User]) -> None:
    target = personas["counter"]
    enrol_device(target)
    client = login_as(personas["admin"])
    client.post(reverse("core:user_reset_2fa", args=[target.pk]), {"reason": "ponsel hilang"})
    assert not TOTPDevice.objects.filter(user=target).exists()
    assert AuditEvent.objects.filter(action="user.2fa_reset", object_id=str(target.pk)).exists()


def test_profile_edit_records_only_what_changed(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["admin"])
    target = personas["counter"]
    data = {
        "full_name": "Nama Baru",
        "nip": "",
        "office": target.office.pk,
        "position": "",
        "agency": "",
        "phone": "",
        "email": "",
    }
    client.post(reverse("core:user_detail", args=[target.pk]), data)
    event = AuditEvent.objects.get(action="user.update", object_id=str(target.pk))
    assert event.before == {"full_name": target.full_name}
    assert event.after == {"full_name": "Nama Baru"}


def test_user_changes_own_password(login_as, personas: dict[str, User]) -> None:
    from garda.conftest import PASSWORD, code_for

    user = personas["kasi"]
    client = login_as(user)
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    response = client.post(
        reverse("core:account"),
        {"current_password": PASSWORD, "token": code_for(device), "password": "sandi-baru-yang-kuat-77"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("sandi-baru-yang-kuat-77")
    assert client.get(reverse("core:home")).status_code == 200  # the session survives its own change
    assert AuditEvent.objects.filter(action="user.password_change", actor_username="kasi").exists()


def test_admin_unlocks_a_locked_account(client, login_as, personas: dict[str, User], settings) -> None:
    from django.test import Client

    other = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        other.post(reverse("core:login"), {"username": "kasi", "password": "salah-sekali"})
    admin_client = login_as(personas["admin"])
    target = personas["kasi"]
    assert "terkunci" in admin_client.get(reverse("core:user_detail", args=[target.pk])).content.decode()
    admin_client.post(reverse("core:user_unlock", args=[target.pk]), {"reason": "identitas dipastikan"})
    assert AuditEvent.objects.filter(action="user.unlock", object_id=str(target.pk)).exists()
    response = other.post(reverse("core:login"), {"username": "kasi", "password": "sandi-uji-yang-panjang-2026"})
    assert response.status_code == 302


def test_a_password_set_by_an_administrator_must_be_changed_first(login_as, personas: dict[str, User]) -> None:
    from garda.conftest import code_for, enrol_device

    target = personas["counter"]
    login_as(personas["admin"]).post(
        reverse("core:user_set_password", args=[target.pk]), {"password": "sementara-dari-admin-01"}
    )
    target.refresh_from_db()
    assert target.must_change_password
    client = login_as(target)
    # Every page leads to the account page until the password is the owner's own.
    response = client.get(reverse("screening:queue"))
    assert response.status_code == 302 and response["Location"] == reverse("core:account")
    assert "diatur oleh administrator" in client.get(reverse("core:account")).content.decode()
    device = TOTPDevice.objects.filter(user=target, confirmed=True).first() or enrol_device(target)
    done = client.post(
        reverse("core:account"),
        {"current_password": "sementara-dari-admin-01", "token": code_for(device), "password": "milik-saya-sendiri-77"},
    )
    assert done.status_code == 302
    target.refresh_from_db()
    assert not target.must_change_password and target.check_password("milik-saya-sendiri-77")
    assert client.get(reverse("screening:queue")).status_code == 200


def test_changing_ones_own_password_needs_the_current_one_and_a_code(login_as, personas: dict[str, User]) -> None:
    from garda.conftest import PASSWORD, code_for

    user = personas["kasi"]
    client = login_as(user)
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    wrong_password = client.post(
        reverse("core:account"),
        {"current_password": "salah", "token": code_for(device), "password": "baru-kuat-2026-x"},
    )
    assert "tidak cocok" in wrong_password.content.decode()
    wrong_code = client.post(
        reverse("core:account"), {"current_password": PASSWORD, "token": "000000", "password": "baru-kuat-2026-x"}
    )
    assert "Kode autentikator tidak cocok" in wrong_code.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
