"""Officers saving at the counter at the same moment: every applicant is kept, under a number of their own.

Eight officers saving at once gave two records before: the number was taken outside the transaction, and the
second entry under the same number was stored as an update — five applicants' data silently replaced."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from garda.conftest import make_user
from garda.core.models import AuditEvent, Office
from garda.core.roles import Role
from garda.screening import actions
from garda.screening.models import Application

OFFICERS = 8


def _record(i: int) -> dict[str, object]:
    return {
        "id": "",
        "office": "JAKSEL",
        "submitted_at": "2026-11-30T09:00:00+07:00",
        "channel": "counter",
        "application_type": "new",
        "applicant": {
            "nik": f"317406450590{i + 1:04d}",
            "full_name": f"PEMOHON NOMOR {i + 1}",
            "sex": "F",
            "birth_date": "1990-05-05",
            "birth_place": "JAKARTA",
        },
        "documents": [{"type": "ktp"}],
        "travel": {"purpose": "tourism", "destination_country": "JP"},
    }


@pytest.mark.django_db(transaction=True)
def test_eight_officers_saving_at_once_keep_eight_applicants(offices: dict[str, Office]) -> None:
    officers = [make_user(offices["JAKSEL"], Role.COUNTER, f"loket{i}") for i in range(OFFICERS)]
    start = threading.Barrier(OFFICERS)

    def save(i: int) -> str:
        try:
            start.wait()
            app, _ = actions.do_take_at_counter(_record(i), acting_user=officers[i])
            return app.external_id
        finally:
            connection.close()  # each thread's own connection

    with ThreadPoolExecutor(OFFICERS) as pool:
        numbers = list(pool.map(save, range(OFFICERS)))
    assert len(set(numbers)) == OFFICERS
    stored = Application.objects.filter(office_code="JAKSEL")
    assert stored.count() == OFFICERS
    assert sorted(a.record["applicant"]["full_name"] for a in stored) == sorted(
        f"PEMOHON NOMOR {i + 1}" for i in range(OFFICERS)
    )
    assert sorted(numbers) == [n for n in sorted(stored.values_list("external_id", flat=True))]
    assert all(n.endswith(f"-{k + 1:04d}") for k, n in enumerate(sorted(numbers)))
    # (The audit table is never flushed: only this test's applications are counted.)
    ids = [str(pk) for pk in stored.values_list("pk", flat=True)]
    assert AuditEvent.objects.filter(action="application.counter", object_id__in=ids).count() == OFFICERS


def test_a_counter_entry_never_stores_over_an_existing_application(db: None, offices: dict[str, Office]) -> None:
    officer = make_user(offices["JAKSEL"], Role.COUNTER, "loket")
    first, _ = actions.do_take_at_counter(_record(0), acting_user=officer)
    second, _ = actions.do_take_at_counter(_record(1), acting_user=officer)
    assert first.external_id != second.external_id
    first.refresh_from_db()
    assert first.record["applicant"]["full_name"] == "PEMOHON NOMOR 1"
