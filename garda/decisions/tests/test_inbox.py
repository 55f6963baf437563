"""The work inbox on the home page, for decisions: each step waits in the inbox of the one who takes it, and
nowhere else; it leaves the inbox once taken; deadlines order the list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from garda.conftest import assert_accessible, browser_login, make_user
from garda.core import inbox
from garda.core.models import User
from garda.core.roles import Role
from garda.decisions.actions import do_decide, do_follow_up, do_review
from garda.decisions.models import Case, FollowUpKind
from garda.decisions.tests.test_due_process import _application, _propose


def _kinds(user: User) -> list[tuple[str, str]]:
    return [(item.kind, item.url) for item in inbox.items_for(user, timezone.localdate())]


def test_a_proposal_waits_for_the_checker_then_the_approver(personas: dict[str, User]) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    url = reverse("decisions:detail", args=[case.pk])
    assert ("Periksa usulan", url) in _kinds(personas["kasi"])
    assert not any(u == url for _k, u in _kinds(personas["interviewer"]))  # the maker waits; nothing to do
    assert not any(u == url for _k, u in _kinds(personas["kakanim"]))  # not his step yet, and not overdue
    assert not any(u == url for _k, u in _kinds(personas["other_office"]))

    do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan ke Kepala Kantor.")
    assert not any(u == url for _k, u in _kinds(personas["kasi"]))
    assert ("Putuskan usulan", url) in _kinds(personas["kakanim"])

    do_decide(case, acting_user=personas["kakanim"], approve=True, reason="Disetujui sesuai usulan.")
    assert not any(u == url for _k, u in _kinds(personas["kakanim"]))


def test_a_returned_proposal_goes_back_to_its_maker(personas: dict[str, User]) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    do_review(case, acting_user=personas["kasi"], forward=False, reason="Lengkapi BAP dahulu.")
    assert ("Usulan dikembalikan kepada Anda", reverse("decisions:detail", args=[case.pk])) in _kinds(
        personas["interviewer"]
    )


def test_an_overdue_check_reaches_the_head_and_sorts_first(personas: dict[str, User], offices) -> None:
    old_app, _ = _application("JAKSEL", seed=1)
    new_app, _ = _application("JAKSEL", seed=2)
    old = _propose(old_app, personas["interviewer"], at=timezone.now() - timedelta(days=20))
    new = _propose(new_app, personas["interviewer"])
    kasi_items = inbox.items_for(personas["kasi"], timezone.localdate())
    urls = [i.url for i in kasi_items]
    assert urls.index(reverse("decisions:detail", args=[old.pk])) < urls.index(
        reverse("decisions:detail", args=[new.pk])
    )
    assert kasi_items[0].overdue(timezone.localdate())
    head = _kinds(personas["kakanim"])
    assert ("Pemeriksaan Kepala Seksi terlambat", reverse("decisions:detail", args=[old.pk])) in head
    assert not any(u == reverse("decisions:detail", args=[new.pk]) for _k, u in head)


def test_a_postponement_falling_due_and_an_objection(personas: dict[str, User]) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"], at=timezone.now() - timedelta(days=30))
    case = do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan ke Kepala Kantor.")
    case = do_decide(
        case,
        acting_user=personas["kakanim"],
        approve=True,
        reason="Ditunda sampai dokumen lengkap.",
        at=timezone.now() - timedelta(days=26),
    )
    url = reverse("decisions:detail", args=[case.pk])
    due = {i.url: i.due for i in inbox.items_for(personas["interviewer"], timezone.localdate())}
    assert due[url] == timezone.localtime(Case.objects.get(pk=case.pk).decided_at).date() + timedelta(days=30)
    do_follow_up(
        case,
        acting_user=personas["interviewer"],
        kind=FollowUpKind.APPEAL_FILED,
        note="Surat keberatan tertulis diserahkan.",
    )
    assert ("Jawab keberatan", url) in _kinds(personas["kakanim"])
    do_follow_up(
        case, acting_user=personas["kakanim"], kind=FollowUpKind.APPEAL_DISMISSED, note="Keberatan ditolak, bukti kuat."
    )
    assert ("Jawab keberatan", url) not in _kinds(personas["kakanim"])
    do_follow_up(
        case, acting_user=personas["interviewer"], kind=FollowUpKind.RESUMED, note="Dokumen sudah lengkap semua."
    )
    assert not any(u == url for _k, u in _kinds(personas["interviewer"]))


def test_the_home_page_lists_the_work_as_links(personas: dict[str, User], login_as) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    client = login_as(personas["kasi"])
    html = client.get(reverse("core:home")).content.decode()
    assert "Pekerjaan menunggu Anda" in html
    assert f'href="{reverse("decisions:detail", args=[case.pk])}"' in html
    # The interviewer's own activity links to the case it was about.
    html = login_as(personas["interviewer"]).get(reverse("core:home")).content.decode()
    assert "Tidak ada pekerjaan yang menunggu Anda." in html
    assert html.count(f'href="{reverse("decisions:detail", args=[case.pk])}"') == 1


def test_the_home_page_query_count_does_not_grow_with_the_work(personas: dict[str, User], login_as) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login_as(personas["kakanim"])
    for seed in range(1, 3):
        app, _ = _application("JAKSEL", seed=seed)
        case = _propose(app, personas["interviewer"])
        do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan ke Kepala Kantor.")
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("core:home"))
    few = len(ctx)
    for seed in range(3, 9):
        app, _ = _application("JAKSEL", seed=seed)
        case = _propose(app, personas["interviewer"])
        do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan ke Kepala Kantor.")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("core:home"))
    many = len(ctx)
    assert response.content.decode().count("Putuskan usulan") == 8
    assert many == few


def test_the_home_page_lists_the_earliest_work_and_counts_the_rest(personas, login_as, monkeypatch) -> None:
    import garda.core.views.staff

    monkeypatch.setattr(garda.core.views.staff, "HOME_ITEMS", 2)
    for seed in range(1, 6):
        app, _ = _application("JAKSEL", seed=seed)
        _propose(app, personas["interviewer"], at=timezone.now() - timedelta(days=seed))
    html = login_as(personas["kasi"]).get(reverse("core:home")).content.decode()
    assert "5 pekerjaan" in html and html.count("<td>Periksa usulan</td>") == 2
    assert "Selebihnya, dengan tenggat lebih akhir" in html and "Periksa usulan (3)" in html


@pytest.mark.browser
def test_a_kasi_opens_the_waiting_proposal_from_the_home_page(page, personas: dict[str, User]) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    second = make_user(personas["kasi"].office, Role.KASI, "kasi.dua")
    browser_login(page, second)
    inbox_section = page.get_by_role("region", name="Pekerjaan menunggu Anda")
    expect(inbox_section).to_contain_text("Periksa usulan")
    assert_accessible(page)
    inbox_section.get_by_role("link", name=f"Penundaan — {case.subject_name}").click()
    page.wait_for_url(f"**/keputusan/{case.pk}/")
    expect(page.get_by_role("button", name="Teruskan ke Kepala Kantor")).to_be_visible()


def test_the_digest_mails_what_falls_due_without_naming_anyone(personas: dict[str, User], mailoutbox) -> None:
    from garda.core.digest import send_digests
    from garda.core.models import AuditEvent

    User.objects.filter(pk=personas["kasi"].pk).update(email="kasi@jaksel.imigrasi.go.id")
    app, _ = _application("JAKSEL")
    late = _propose(app, personas["interviewer"], at=timezone.now() - timedelta(days=20))
    fresh, _ = _application("JAKSEL", seed=2)
    _propose(fresh, personas["interviewer"])  # due in two working days: not in today's digest
    run = send_digests(timezone.localdate())
    # The head has the overdue check too, but no address: counted, not mailed.
    assert (run.sent, run.items, run.skipped_without_address) == (1, 1, 1)
    [mail] = mailoutbox
    assert mail.to == ["kasi@jaksel.imigrasi.go.id"]
    assert f"/keputusan/{late.pk}/" in mail.body and "LEWAT TENGGAT" in mail.body
    assert late.subject_name not in mail.body and late.subject_name not in mail.subject
    assert AuditEvent.objects.filter(action="inbox.digest_sent").count() == 1
