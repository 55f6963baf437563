"""`garda stats oversight`: the directorate's figures (examined, proven by level, not proven, in process, referred pro
justitia) beside inspections, findings and signals, in six JSON sections — counted from what was recorded."""

import io
import json
from datetime import timedelta
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from garda.core.models import User
from garda.oversight import actions
from garda.oversight.actions import investigations as procedure
from garda.oversight.models import Outcome, Source
from garda.oversight.tests.test_discipline import _to_examined


def _run(*args: str) -> dict[str, Any]:
    out = io.StringIO()
    call_command("stats", "oversight", *args, stdout=out)
    return json.loads(out.getvalue())


def test_the_six_sections_count_what_was_recorded(
    personas: dict[str, User], offices: dict[str, Any], office_with_one_outlier: dict[str, User]
) -> None:
    today = timezone.localdate()
    investigator = personas["investigator"]
    actions.do_compute_signals(offices["JAKSEL"], today - timedelta(days=3), today)
    proven, dropped = (
        actions.do_open_investigation(
            acting_user=investigator,
            office=offices["JAKSEL"],
            subject=personas["interviewer"],
            subject_description="",
            allegation=text,
            source=Source.EXTERNAL,
        )
        for text in ("Pungutan di loket, laporan Ombudsman.", "Dugaan calo di area antrean pagi.")
    )
    _to_examined(proven, investigator)
    procedure.do_report(
        proven, acting_user=investigator, outcome=Outcome.PROVEN, offence="sop", level="ringan",
        recommendation="Teguran tertulis direkomendasikan.",
    )  # fmt: skip
    actions.do_refer(proven, acting_user=investigator, agency="polri", crime="extortion", summary="Pungli di loket.")
    procedure.do_propose_close(dropped, acting_user=investigator, outcome=Outcome.NOT_PROVEN, reason="Saksi tidak ada.")
    procedure.do_confirm_close(dropped, acting_user=personas["kakanim"], confirm=True, reason="Bukti tidak cukup.")
    data = _run("--office", "JAKSEL", "--from", str(today - timedelta(days=30)), "--to", str(today), "--json")
    assert set(data) >= {"inspections", "findings", "signals", "investigations", "sanctions", "referrals"}
    assert data["signals"]["raised"] == 2 and data["signals"]["open"] == 2
    assert data["investigations"]["examined"] == 2 and data["investigations"]["not_proven"] == 1
    assert data["investigations"]["proven_by_level"] == {"ringan": 1, "sedang": 0, "berat": 0}
    assert data["investigations"]["in_process"] == 1
    assert data["referrals"]["pro_justitia"] == 1 and data["referrals"]["by_agency"] == {"polri": 1}
    empty = _run("--office", "JAKSEL", "--from", "2020-01-01", "--to", "2020-12-31", "--json")
    assert empty["investigations"]["examined"] == 0 and empty["inspections"]["planned"] == 0
    text = io.StringIO()
    call_command("stats", "oversight", "--office", "JAKSEL", "--from", str(today), "--to", str(today), stdout=text)
    assert "investigations:" in text.getvalue()


def test_the_page_shows_the_same_figures_in_words(
    personas: dict[str, User], offices: dict[str, Any], login_as: Any, django_assert_max_num_queries: Any
) -> None:
    actions.do_open_investigation(
        acting_user=personas["investigator"], office=offices["JAKSEL"], subject=personas["interviewer"],
        subject_description="", allegation="Dugaan pungutan di loket pada pagi hari.", source=Source.EXTERNAL,
    )  # fmt: skip
    client = login_as(personas["kakanim"])
    with django_assert_max_num_queries(25):
        page = client.get("/statistik/pengawasan/").content.decode()
    assert "Pemeriksaan disiplin" in page and "Laporan pihak luar" in page and "external" not in page
    assert login_as(personas["interviewer"]).get("/statistik/pengawasan/").status_code == 403
