"""After the decision: a postponement resumed or lapsed, an appeal filed and decided — new rows, audited; the
decided case itself untouched."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from garda.core.models import AuditEvent, User
from garda.decisions.actions import do_decide, do_follow_up, do_lapse_postponements, do_review
from garda.decisions.models import Case, FollowUpKind, Kind, Status
from garda.decisions.tests.test_due_process import _application, _propose


@pytest.fixture
def approved(personas: dict[str, User]) -> Case:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"], at=timezone.now() - timedelta(days=40))
    do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan untuk diputuskan.")
    return do_decide(
        case,
        acting_user=personas["kakanim"],
        approve=True,
        reason="Disetujui, tunda penerbitan.",
        at=timezone.now() - timedelta(days=35),
    )


def test_an_appeal_is_filed_by_staff_and_decided_by_the_head(approved: Case, personas) -> None:
    with pytest.raises(ValidationError, match="tidak ada keberatan"):
        do_follow_up(approved, acting_user=personas["kakanim"], kind=FollowUpKind.APPEAL_UPHELD, note="Diterima saja.")
    do_follow_up(
        approved,
        acting_user=personas["interviewer"],
        kind=FollowUpKind.APPEAL_FILED,
        note="Pemohon menyerahkan surat keberatan tertulis.",
    )
    with pytest.raises(PermissionDenied):
        do_follow_up(
            approved, acting_user=personas["kasi"], kind=FollowUpKind.APPEAL_UPHELD, note="Bukan wewenang kasi."
        )
    do_follow_up(
        approved,
        acting_user=personas["kakanim"],
        kind=FollowUpKind.APPEAL_DISMISSED,
        note="Keberatan ditolak, bukti tetap kuat.",
    )
    assert list(approved.follow_ups.values_list("kind", flat=True)) == ["appeal_filed", "appeal_dismissed"]
    assert Case.objects.get(pk=approved.pk).status == Status.APPROVED
    assert AuditEvent.objects.filter(action="decision.appeal_dismissed").count() == 1


def test_an_old_postponement_lapses_once_unless_resumed(approved: Case, personas) -> None:
    assert do_lapse_postponements() == 1
    assert do_lapse_postponements() == 0
    with pytest.raises(ValidationError, match="masih berjalan"):
        do_follow_up(
            approved, acting_user=personas["interviewer"], kind=FollowUpKind.RESUMED, note="Dokumen datang terlambat."
        )


def test_resuming_from_the_case_page(approved: Case, personas, login_as) -> None:
    client = login_as(personas["interviewer"])
    page = client.get(reverse("decisions:detail", args=[approved.pk])).content.decode()
    assert "Dilanjutkan: dokumen sudah lengkap" in page
    client.post(
        reverse("decisions:follow_up", args=[approved.pk]),
        {"kind": "resumed", "note": "Surat jaminan dan rekomendasi Disnaker sudah diserahkan."},
    )
    assert approved.follow_ups.get().kind == FollowUpKind.RESUMED
    assert do_lapse_postponements() == 0  # resumed postponements do not lapse
    assert approved.kind == Kind.POSTPONEMENT
