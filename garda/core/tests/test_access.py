"""Roles and office scope: who may open what."""

import pytest
from django.urls import reverse

from garda.core.models import User

STAFF_PAGES = ["core:home", "core:account", "core:office_list", "core:reference_index"]


@pytest.mark.parametrize(
    ("persona", "url_name", "status"),
    [
        ("counter", "core:user_list", 403),
        ("counter", "core:audit_list", 403),
        ("interviewer", "core:audit_list", 403),
        ("kasi", "core:user_list", 403),
        ("kakanim", "core:audit_list", 200),
        ("kakanim", "core:user_list", 403),
        ("investigator", "core:audit_list", 200),
        ("admin", "core:user_list", 200),
        ("admin", "core:audit_list", 200),
        ("partner", "core:reference_index", 403),
        ("partner", "core:office_list", 403),
        ("partner", "core:audit_list", 403),
        ("partner", "core:home", 200),
        ("counter", "core:reference_index", 200),
    ],
)
def test_role_decides_which_pages_open(
    login_as,
    personas: dict[str, User],
    persona: str,
    url_name: str,
    status: int,
) -> None:
    response = login_as(personas[persona]).get(reverse(url_name))
    assert response.status_code == status
    if status == 403:
        assert "tidak berwenang" in response.content.decode()


def test_navigation_shows_only_what_the_role_may_open(login_as, personas: dict[str, User]) -> None:
    html = login_as(personas["counter"]).get(reverse("core:home")).content.decode()
    assert reverse("core:reference_index") in html
    assert reverse("core:user_list") not in html
    assert reverse("core:audit_list") not in html


def test_admin_cannot_see_a_user_of_another_office(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["admin"])
    other = personas["other_office"]
    assert client.get(reverse("core:user_detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("core:user_detail", args=[999999])).status_code == 404
    html = client.get(reverse("core:user_list")).content.decode()
    assert "wawancara.cirebon" not in html


def test_national_admin_sees_every_office(login_as, personas: dict[str, User]) -> None:
    client = login_as(personas["national_admin"])
    assert client.get(reverse("core:user_detail", args=[personas["other_office"].pk])).status_code == 200
    html = client.get(reverse("core:office_list")).content.decode()
    for code in ("JAKSEL", "CIREBON", "JAYAPURA"):
        assert code in html


def test_office_list_of_a_kanim_shows_only_itself(login_as, personas: dict[str, User]) -> None:
    html = login_as(personas["kasi"]).get(reverse("core:office_list")).content.decode()
    assert "JAKSEL" in html and "CIREBON" not in html


def test_audit_trail_is_scoped_to_the_office(login_as, personas: dict[str, User]) -> None:
    from garda.core import audit

    audit.record("test.cirebon", actor=personas["other_office"], summary="kejadian Cirebon")
    audit.record("test.jaksel", actor=personas["kasi"], summary="kejadian Jaksel")
    html = login_as(personas["kakanim"]).get(reverse("core:audit_list")).content.decode()
    assert "kejadian Jaksel" in html and "kejadian Cirebon" not in html
    other = audit.record("test.cirebon2", actor=personas["other_office"])
    assert login_as(personas["kakanim"]).get(reverse("core:audit_detail", args=[other.seq])).status_code == 404


def test_times_are_shown_in_the_office_time_zone(login_as, personas: dict[str, User], offices) -> None:
    from garda.conftest import make_user
    from garda.core.roles import Role

    papua = make_user(offices["JAYAPURA"], Role.KAKANIM, "kakanim.jayapura")
    html = login_as(papua).get(reverse("core:home")).content.decode()
    assert "(WIT)" in html


def test_national_admin_adds_an_office_and_it_is_audited(login_as, personas: dict[str, User], offices) -> None:
    from garda.core.models import AuditEvent, Office

    client = login_as(personas["national_admin"])
    data = {
        "code": "BOGOR",
        "name": "Kantor Imigrasi Kelas I Non TPI Bogor",
        "kind": "kanim",
        "time_zone": "Asia/Jakarta",
        "address": "Bogor",
        "region_code": "3271",
        "parent": offices["KANWIL_DKI"].pk,
        "is_active": "on",
    }
    assert client.post(reverse("core:office_create"), data).status_code == 302
    assert Office.objects.get(code="BOGOR").parent.code == "KANWIL_DKI"
    assert AuditEvent.objects.filter(action="office.create", office_code="BOGOR", actor_username="admin.pusat").exists()
    data["name"] = "Kanim Bogor"
    client.post(reverse("core:office_edit", args=["BOGOR"]), data)
    event = AuditEvent.objects.get(action="office.update", office_code="BOGOR")
    assert event.after == {"name": "Kanim Bogor"}


def test_office_form_rejects_unknown_region_and_wrong_parent(login_as, personas: dict[str, User], offices) -> None:
    from garda.core.models import Office

    client = login_as(personas["national_admin"])
    data = {
        "code": "XKAN",
        "name": "Kanim X",
        "kind": "kanim",
        "time_zone": "Asia/Jakarta",
        "address": "",
        "region_code": "999999",
        "parent": offices["DITJEN"].pk,
    }
    html = client.post(reverse("core:office_create"), data).content.decode()
    assert "999999 tidak ada" in html and "Kantor induk harus berjenis" in html
    assert not Office.objects.filter(code="XKAN").exists()


def test_only_the_national_admin_manages_offices(login_as, personas: dict[str, User]) -> None:
    assert login_as(personas["admin"]).get(reverse("core:office_create")).status_code == 403
    assert login_as(personas["admin"]).get(reverse("core:office_edit", args=["JAKSEL"])).status_code == 403
    assert login_as(personas["kakanim"]).get(reverse("core:office_create")).status_code == 403
