"""The decision and report lists make a bounded number of queries; bad proposals and follow-ups are named and
nothing is stored."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from garda.core.models import User
from garda.decisions.actions import do_decide, do_review
from garda.decisions.models import Case, FollowUp
from garda.decisions.tests.test_due_process import _application, _propose
from garda.intel.imports import store_report


def _cases(personas: dict[str, User], n: int, seed: int) -> None:
    for i in range(n):
        app, _ = _application("JAKSEL", seed=seed + i)
        case = _propose(app, personas["interviewer"])
        if i % 2:
            do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan untuk diputuskan.")


def _report(i: int) -> None:
    store_report(
        {
            "id": f"R-{i}",
            "agency": "KP2MI",
            "received_at": "2026-11-01T10:00:00+07:00",
            "category": "other",
            "subjects": [{"role": "victim", "full_name": f"ORANG {i}"}, {"role": "company", "organisation": "PT X"}],
        },
        source="test",
    )


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_lists_do_not_grow_their_queries_with_rows(personas: dict[str, User], login_as) -> None:
    client = login_as(personas["kakanim"])
    _cases(personas, 2, seed=10)
    _report(1)
    before = {url: _queries(client, url) for url in (reverse("decisions:list"), reverse("intel:report_list"))}
    _cases(personas, 6, seed=20)
    for i in range(2, 8):
        _report(i)
    after = {url: _queries(client, url) for url in before}
    assert after == before and max(after.values()) <= 12


def test_a_bad_proposal_is_named_and_nothing_stored(personas: dict[str, User], login_as) -> None:
    app, _ = _application("JAKSEL")
    client = login_as(personas["interviewer"])
    page = client.post(
        reverse("decisions:propose", args=[app.pk]),
        {
            "kind": "postponement",
            "categories": ["non_procedural"],
            "findings": "Pemohon mengaku bekerja di sana.",
            "legal_bases": ["PEMBATALAN-A"],
        },
    )
    body = page.content.decode()
    assert page.status_code == 200 and "tidak berlaku untuk penundaan" in body and not Case.objects.exists()
    assert "Pemohon mengaku bekerja di sana." in body  # what was typed is kept
    page = client.post(reverse("decisions:propose", args=[app.pk]), {"kind": "postponement", "findings": "pendek"})
    assert page.status_code == 200 and not Case.objects.exists() and page.content.decode().count('class="error"') >= 3


def test_a_bad_follow_up_is_refused_with_a_message(personas: dict[str, User], login_as) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan untuk diputuskan.")
    do_decide(case, acting_user=personas["kakanim"], approve=True, reason="Disetujui, tunda penerbitan.")
    client = login_as(personas["interviewer"])
    url = reverse("decisions:follow_up", args=[case.pk])
    response = client.post(url, {"kind": "resumed", "note": "ok"}, follow=True)
    assert "paling sedikit 10 huruf" in response.content.decode() and not FollowUp.objects.exists()
    response = client.post(url, {"kind": "appeal_upheld", "note": "Diterima oleh petugas wawancara."}, follow=True)
    assert not FollowUp.objects.exists()  # not a choice for an interviewer


def test_an_application_page_links_the_person_s_decisions_and_other_applications(
    personas: dict[str, User], login_as
) -> None:
    """The same person (NIK) applied last year and was postponed; applying again, the new application's page shows
    that decision case and the earlier application, each a link; a stranger's application shows neither."""
    earlier, person = _application("JAKSEL", seed=41)
    case = _propose(earlier, personas["interviewer"])
    again, _person = _application("JAKSEL", person=person, seed=42)
    stranger, _other = _application("JAKSEL", seed=43)
    client = login_as(personas["kasi"])
    page = client.get(reverse("screening:detail", args=[again.pk])).content.decode()
    assert reverse("decisions:detail", args=[case.pk]) in page
    assert reverse("screening:detail", args=[earlier.pk]) in page and f"JAKSEL/{earlier.external_id}" in page
    own = client.get(reverse("screening:detail", args=[earlier.pk])).content.decode()
    assert "permohonan ini" in own and reverse("screening:detail", args=[again.pk]) in own
    alone = client.get(reverse("screening:detail", args=[stranger.pk])).content.decode()
    assert reverse("decisions:detail", args=[case.pk]) not in alone
    assert "Belum ada kasus keputusan" in alone and "Tidak ada permohonan lain dengan NIK ini" in alone
