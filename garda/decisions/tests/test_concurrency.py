"""Two officers acting on one case at the same moment: one wins, the other is told what happened — no server error,
and never both. (The loser of two approvals got HTTP 500; a forward and a return at once both succeeded.)"""

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from garda.conftest import make_user
from garda.core.models import AuditEvent, Office, User
from garda.core.roles import Role
from garda.decisions.actions import do_decide, do_review
from garda.decisions.models import Case, Status
from garda.decisions.tests.test_due_process import _application, _propose


def _race(*steps: Any) -> list[str]:
    start = threading.Barrier(len(steps))

    def run(step: Any) -> str:
        try:
            start.wait()
            step()
            return "done"
        except ValidationError as exc:
            return "told: " + "; ".join(exc.messages)
        finally:
            connection.close()

    with ThreadPoolExecutor(len(steps)) as pool:
        return list(pool.map(run, steps))


@pytest.mark.django_db(transaction=True)
def test_two_heads_approving_at_once_one_wins_the_other_is_told(
    personas: dict[str, User], offices: dict[str, Office]
) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    do_review(case, acting_user=personas["kasi"], forward=True, reason="Diteruskan untuk diputuskan.")
    deputy = make_user(offices["JAKSEL"], Role.KAKANIM, "kakanim.plh")
    outcomes = _race(
        lambda: do_decide(case, acting_user=personas["kakanim"], approve=True, reason="Disetujui, tunda penerbitan."),
        lambda: do_decide(case, acting_user=deputy, approve=False, reason="Bukti belum cukup kuat."),
    )
    assert sorted(o.split(":")[0] for o in outcomes) == ["done", "told"]
    final = Case.objects.get(pk=case.pk)
    assert final.status in (Status.APPROVED, Status.REJECTED)
    assert AuditEvent.objects.filter(action="decision.decide", object_id=str(case.pk)).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_forward_and_a_return_at_once_do_not_both_happen(
    personas: dict[str, User], offices: dict[str, Office]
) -> None:
    app, _ = _application("JAKSEL")
    case = _propose(app, personas["interviewer"])
    other_kasi = make_user(offices["JAKSEL"], Role.KASI, "kasi.dua")
    outcomes = _race(
        lambda: do_review(case, acting_user=personas["kasi"], forward=True, reason="Temuan sudah lengkap."),
        lambda: do_review(case, acting_user=other_kasi, forward=True, reason="Teruskan ke Kakanim sekarang."),
    )
    assert sorted(o.split(":")[0] for o in outcomes) == ["done", "told"]
    assert AuditEvent.objects.filter(action="decision.review", object_id=str(case.pk)).count() == 1
