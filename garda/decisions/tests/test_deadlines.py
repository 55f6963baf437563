"""Deadlines in Indonesian working days, from the editable list: a revision by the national administrator moves
them without a release; a malformed revision is refused with where and what."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from garda.core.actions import do_revise_reference_list
from garda.core.models import ReferenceList, User
from garda.core.reflists import ListValidationError, current_items, parse_items
from garda.core.workdays import add_working_days, is_working_day
from garda.decisions import deadlines
from garda.decisions.tests.test_due_process import _application, _propose


def test_working_days_skip_weekends_and_public_holidays() -> None:
    assert add_working_days(date(2025, 8, 15), 1) == date(2025, 8, 18)  # Friday → Monday
    assert not is_working_day(date(2025, 8, 17))  # Hari Kemerdekaan (a Sunday anyway)
    assert not is_working_day(date(2025, 12, 25))  # Natal, a Thursday
    assert add_working_days(date(2025, 12, 24), 1) == date(2025, 12, 26)
    assert add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 2)  # past Tahun Baru


def test_a_revised_deadline_moves_the_due_date(personas: dict[str, User]) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"], at=datetime(2025, 8, 13, 10, tzinfo=ZoneInfo("Asia/Jakarta")))
    assert deadlines.current().due(case) == date(2025, 8, 15)  # Wednesday + 2 working days
    items = [
        dict(i) | ({"value": 5} if i["code"] == "review_working_days" else {}) for i in current_items(deadlines.LIST)
    ]
    do_revise_reference_list(
        ReferenceList.objects.get(key=deadlines.LIST),
        acting_user=personas["national_admin"],
        items=items,
        note="SOP kantor: pemeriksaan 5 hari kerja.",
        source="SOP Kanim 2026",
        effective_from=date(2026, 1, 1),
    )
    assert deadlines.current().review_working_days == 5
    assert deadlines.current().due(case) == date(2025, 8, 20)  # Thu, Fri, Mon, Tue, Wed


def test_a_malformed_parameter_list_is_refused_with_its_place(db: None) -> None:
    reference_list = ReferenceList.objects.get(key=deadlines.LIST)
    with pytest.raises(ListValidationError) as caught:
        parse_items(reference_list, '[{"code": "postponement_days", "value": -3, "unit": "hari", "title_id": "x"}]')
    assert any("$[0].value" in p for p in caught.value.problems)
    assert any("$[0].title_en" in p for p in caught.value.problems)
