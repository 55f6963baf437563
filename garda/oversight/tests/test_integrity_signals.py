"""Integrity signals: an officer who clears high-risk applications far more often than the peers of the same office
and role, or works them at night, is put on internal compliance's review list — with the intervals that show it is
no chance — while a small number flags nobody; a signal is dismissed only with a reason, escalated into an
investigation, and never shown to the officer or their colleagues."""

import io
import json
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from garda.conftest import make_user
from garda.core.models import AuditEvent, User
from garda.core.roles import Role
from garda.core.statistics import wilson
from garda.oversight import actions
from garda.oversight.integrity import flags
from garda.oversight.models import Investigation, SignalMetric, SignalStatus, Source

REASON = "Keterangan pemohon dan dokumen telah diperiksa dalam wawancara."


def test_wilson_intervals_are_the_textbook_ones() -> None:
    low, high = wilson(0, 10)
    assert low == 0.0 and round(high, 4) == 0.2775
    low, high = wilson(5, 10)
    assert (round(low, 4), round(high, 4)) == (0.2366, 0.7634)
    assert wilson(0, 0) == (0.0, 1.0)


def test_the_outlier_is_flagged_and_a_small_number_is_not(
    offices: dict[str, Any], office_with_one_outlier: dict[str, User]
) -> None:
    today = timezone.localdate()
    found = flags(offices["JAKSEL"], today - timedelta(days=3), today)
    by_officer = {(f.officer_id, f.metric) for f in found}
    suspect = office_with_one_outlier["suspect"].pk
    assert (suspect, SignalMetric.HIGH_RISK_CLEARANCE) in by_officer
    assert (suspect, SignalMetric.OUT_OF_HOURS) in by_officer
    assert {officer for officer, _ in by_officer} == {suspect}  # neither the peers nor the newcomer
    clearance = next(f for f in found if f.metric == SignalMetric.HIGH_RISK_CLEARANCE)
    assert (clearance.count, clearance.base, clearance.peer_count, clearance.peer_base) == (
        11,
        12,
        9,
        42,
    )  # the newcomer counts among the peers
    assert clearance.lower > clearance.peer_upper and clearance.peers == 4


def test_review_list_dismissal_and_escalation(
    offices: dict[str, Any], personas: dict[str, User], office_with_one_outlier: dict[str, User], login_as: Any
) -> None:
    today = timezone.localdate()
    signals = actions.do_compute_signals(
        offices["JAKSEL"], today - timedelta(days=3), today, acting_user=personas["investigator"]
    )
    assert len(signals) == 2
    assert AuditEvent.objects.get(action="integrity.compute").office_code == ""  # not in the office's own trail
    again = actions.do_compute_signals(offices["JAKSEL"], today - timedelta(days=3), today)
    assert {s.pk for s in again} == {s.pk for s in signals}  # computing again adds nothing

    night = next(s for s in signals if s.metric == SignalMetric.OUT_OF_HOURS)
    with pytest.raises(ValidationError):
        actions.do_dismiss_signal(night, acting_user=personas["investigator"], reason="ok")
    actions.do_dismiss_signal(
        night, acting_user=personas["investigator"], reason="Jadwal shift malam layanan percepatan, surat tugas ada."
    )
    night.refresh_from_db()
    assert night.status == SignalStatus.CLOSING  # one signature is not enough
    with pytest.raises(PermissionDenied):
        actions.do_confirm_dismissal(
            night, acting_user=personas["investigator"], confirm=True, reason="Setuju ditutup."
        )
    second = make_user(offices["DITJEN"], Role.INVESTIGATOR, "patnal.pusat")
    actions.do_confirm_dismissal(night, acting_user=second, confirm=True, reason="Surat tugas shift malam diperiksa.")
    night.refresh_from_db()
    assert night.status == SignalStatus.DISMISSED and night.confirmed_by == second
    clearance = next(s for s in signals if s.metric == SignalMetric.HIGH_RISK_CLEARANCE)
    actions.do_escalate_signal(
        clearance,
        acting_user=personas["investigator"],
        allegation="Meloloskan 11 dari 12 permohonan risiko tinggi; rekan 9 dari 42.",
    )
    clearance.refresh_from_db()
    investigation = Investigation.objects.get()
    assert clearance.status == SignalStatus.ESCALATED and clearance.investigation == investigation
    assert investigation.source == Source.SIGNAL and investigation.subject == office_with_one_outlier["suspect"]

    page = login_as(personas["investigator"]).get("/pengawasan/sinyal/")
    assert page.status_code == 200 and "Bambang Susilo" in page.content.decode()
    assert login_as(personas["kasi"]).get("/pengawasan/sinyal/").status_code == 403  # colleagues never
    assert login_as(office_with_one_outlier["suspect"]).get(f"/pengawasan/sinyal/{night.pk}/").status_code == 403
    # An investigator who is the officer concerned does not see the signal about them.
    inspector_subject = make_user(offices["JAKSEL"], Role.INVESTIGATOR, "investigator.dua")
    night.officer = inspector_subject
    night.save(update_fields=["officer"])
    assert login_as(inspector_subject).get(f"/pengawasan/sinyal/{night.pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        actions.do_dismiss_signal(night, acting_user=inspector_subject, reason="Bukan saya, itu jadwal resmi.")


def test_the_command_line_computes_and_prints_json(
    offices: dict[str, Any], office_with_one_outlier: dict[str, User]
) -> None:
    today = timezone.localdate()
    out = io.StringIO()
    call_command(
        "oversight", "signals", "--office", "JAKSEL", "--from", str(today - timedelta(days=3)), "--to", str(today),
        "--json", stdout=out,
    )  # fmt: skip
    data = json.loads(out.getvalue())
    assert data["office"] == "JAKSEL"
    assert {row["metric"] for row in data["signals"]} == {"high_risk_clearance", "out_of_hours"}
    assert all(row["officer"] == "wawancara.tiga" for row in data["signals"])
