"""The criminal track beside discipline: a referral packet sealed by its SHA-256 (recorded in the audit chain and
re-computable from the JSON as downloaded), court stages that only move forward, and PTDH proposed only on a final
conviction that meets PP 11/2017 Pasal 250."""

import hashlib
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from garda.conftest import make_user
from garda.core.models import AuditEvent, User
from garda.core.roles import Role
from garda.oversight import actions
from garda.oversight.models import CourtStage, Investigation, StepKind
from garda.oversight.tests.test_discipline import _to_examined, case  # noqa: F401 (the fixture)


def test_packet_stages_and_ptdh(
    case: Investigation,  # noqa: F811
    personas: dict[str, User],
    offices: dict[str, Any],
    login_as: Any,
) -> None:
    investigator = personas["investigator"]
    national = make_user(offices["DITJEN"], Role.INVESTIGATOR, "patnal.pusat")  # proposes PTDH to the PPK
    with pytest.raises(ValidationError, match="setelah petugas diperiksa"):
        actions.do_refer(case, acting_user=investigator, agency="polri", crime="extortion", summary="Pungli di loket.")
    _to_examined(case, investigator)
    referral = actions.do_refer(
        case, acting_user=investigator, agency="polri", crime="extortion",
        summary="Penerimaan uang dari perantara, diakui dalam BAP.",
    )  # fmt: skip
    assert case.steps.filter(kind=StepKind.REFERRAL, number=referral.number).exists()
    assert referral.packet_sha256 in str(AuditEvent.objects.get(action="investigation.referral").after)
    client = login_as(investigator)
    sent = client.get(f"/pengawasan/rujukan/{referral.number}/paket.json").content
    assert hashlib.sha256(sent).hexdigest() == referral.packet_sha256  # anybody can check the seal
    assert client.get(f"/pengawasan/rujukan/{referral.number}/paket.pdf").content.startswith(b"%PDF")
    assert "identity" not in sent.decode()  # never the reporter

    with pytest.raises(ValidationError, match="maju"):
        actions.do_record_court_stage(
            referral, acting_user=investigator, stage="referred", on=date(2025, 5, 2), note="Ulang."
        )
    for stage in (CourtStage.INVESTIGATION, CourtStage.PROSECUTION):
        actions.do_record_court_stage(
            referral, acting_user=investigator, stage=stage, on=date(2025, 6, 2), note="Berkas lengkap (P21)."
        )
    with pytest.raises(ValidationError, match="putusan wajib"):
        actions.do_record_court_stage(
            referral, acting_user=investigator, stage="putusan", on=date(2025, 9, 1), note="Sidang putusan."
        )
    actions.do_record_court_stage(
        referral, acting_user=investigator, stage="putusan", on=date(2025, 9, 1), note="PN Jakarta Selatan.",
        verdict="convicted", sentence_months=18, related_to_position=True,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="tidak memenuhi"):  # not yet final
        actions.do_propose_ptdh(referral, acting_user=national, ground="b", reason="Dipidana karena jabatan.")
    actions.do_record_court_stage(
        referral, acting_user=investigator, stage="inkracht", on=date(2025, 10, 1), note="Tidak ada upaya hukum.",
        verdict="convicted", sentence_months=18, related_to_position=True,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="tidak memenuhi"):  # 18 months, not planned: ground d does not apply
        actions.do_propose_ptdh(referral, acting_user=national, ground="d", reason="Pidana berencana.")
    actions.do_propose_ptdh(
        referral,
        acting_user=national,
        ground="b",
        reason="Dipidana karena kejahatan yang berhubungan dengan jabatan.",
    )
    referral.refresh_from_db()
    assert referral.ptdh_ground == "b" and referral.stage == CourtStage.FINAL
