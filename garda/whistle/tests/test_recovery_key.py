"""The office recovery key through the command line: made once and printed, then used to give access back to a
handler whose key was retired — within the report's routing — while a wrong key is refused."""

import io
import sys

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from garda.conftest import PASSWORD
from garda.whistle import actions
from garda.whistle.models import Grant, RecoveryKey, Report, Topic
from garda.whistle.tests.conftest import submit


def _garda(monkeypatch, *args: str, stdin: str = "") -> str:
    """`garda whistle ...` as the command line runs it, with standard input and output captured."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    call_command("whistle", *args, stdout=out)
    return out.getvalue()


def test_recovery_key_restores_access_after_a_reset(offices, handlers, monkeypatch) -> None:
    made = _garda(monkeypatch, "recovery-key", "JAKSEL", "--holder", "Kepala Subbagian Umum")
    private_text = made.strip().splitlines()[-1]
    assert private_text.startswith("GARDA-PEMULIHAN-")
    row = RecoveryKey.objects.get(office=offices["JAKSEL"])
    assert private_text.encode() not in bytes(row.public_key)
    submit(Client(), offices)
    submit(Client(), offices, topic=Topic.STAFF, what="Soal petugas, bukan untuk intelijen.")
    intel_report = Report.objects.get(unit="intelligence")
    assert Grant.objects.filter(report=intel_report, recovery=row).exists()
    analyst = handlers["analyst"]
    actions.do_retire_key_pair(analyst)
    fresh = actions.do_open_key_pair(analyst, PASSWORD)
    assert actions.report_key_for_user(intel_report, analyst, fresh) is None
    with pytest.raises(CommandError, match="bukan kunci pemulihan"):
        _garda(monkeypatch, "recover", "JAKSEL", "analis", stdin="GARDA-PEMULIHAN-" + "A" * 52)
    used = _garda(monkeypatch, "recover", "JAKSEL", "analis", stdin=private_text + "\n")
    assert "1 laporan" in used  # the staff report is not the analyst's to read
    assert actions.report_key_for_user(intel_report, analyst, fresh) is not None
