import itertools

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from garda.core import audit, auditkey
from garda.core.appendonly import create_statements, drop_statements
from garda.core.models import AuditEvent


def _raw(sql: str, params: list[object] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.fixture
def chain(db: None) -> list[AuditEvent]:
    return [
        audit.record(f"test.event{i}", actor_username="uji", summary=f"kejadian {i}", after={"i": i}) for i in range(5)
    ]


def test_events_are_linked_by_hash_in_sequence(chain: list[AuditEvent]) -> None:
    assert [e.seq for e in chain] == sorted(e.seq for e in chain)
    for earlier, later in itertools.pairwise(chain):
        assert later.prev_hash == earlier.hash
        assert later.seq == earlier.seq + 1
    assert audit.verify_chain().intact


def test_stored_event_hashes_the_same_when_read_back(chain: list[AuditEvent]) -> None:
    for stored in AuditEvent.objects.filter(pk__in=[e.pk for e in chain]):
        assert audit.compute_hash(stored) == stored.hash


def test_database_refuses_update_of_an_audit_row(chain: list[AuditEvent]) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        _raw("UPDATE core_auditevent SET summary = 'diubah' WHERE seq = %s", [chain[2].seq])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=chain[2].pk).update(summary="diubah")


def test_database_refuses_delete_of_an_audit_row(chain: list[AuditEvent]) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        _raw("DELETE FROM core_auditevent WHERE seq = %s", [chain[1].seq])
    assert AuditEvent.objects.filter(pk=chain[1].pk).exists()


def _without_triggers(sql: str, params: list[object]) -> None:
    """What an intruder with the database owner's rights could do: drop the guard, change a row."""
    for stmt in drop_statements(connection.vendor):
        _raw(stmt)
    _raw(sql, params)
    for stmt in create_statements(connection.vendor):
        _raw(stmt)


def test_verify_names_the_first_altered_event(chain: list[AuditEvent]) -> None:
    target = chain[2]
    _without_triggers("UPDATE core_auditevent SET summary = 'dipalsukan' WHERE seq = %s", [target.seq])
    report = audit.verify_chain()
    assert not report.intact
    assert report.broken_seq == target.seq
    assert "diubah" in report.reason


def test_verify_detects_a_deleted_event(chain: list[AuditEvent]) -> None:
    _without_triggers("DELETE FROM core_auditevent WHERE seq = %s", [chain[1].seq])
    report = audit.verify_chain()
    assert not report.intact
    assert report.broken_seq == chain[2].seq
    assert "dihapus" in report.reason


def test_verify_detects_a_rehashed_event_by_its_broken_link(chain: list[AuditEvent]) -> None:
    # Recomputing the altered row's own hash is not enough: the next event still points at the old one.
    target = AuditEvent.objects.get(pk=chain[1].pk)
    target.summary = "dipalsukan"
    new_hash = audit.compute_hash(target)
    _without_triggers(
        "UPDATE core_auditevent SET summary = %s, hash = %s WHERE seq = %s", ["dipalsukan", new_hash, target.seq]
    )
    report = audit.verify_chain()
    assert not report.intact and report.broken_seq == chain[2].seq


def test_audit_verify_command_exits_1_naming_the_event(
    chain: list[AuditEvent], capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("audit", "verify")
    assert "utuh" in capsys.readouterr().out
    _without_triggers("UPDATE core_auditevent SET action = 'x' WHERE seq = %s", [chain[3].seq])
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit", "verify")
    assert exit_info.value.code == 1
    assert f"#{chain[3].seq}" in capsys.readouterr().err


def test_values_are_stored_as_plain_json(db: None) -> None:
    from datetime import date
    from decimal import Decimal

    event = audit.record("test.types", after={"d": date(2025, 1, 31), "n": Decimal("1.50")})
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.after == {"d": "2025-01-31", "n": "1.50"}
    assert audit.compute_hash(stored) == stored.hash


@pytest.fixture
def outside(settings, tmp_path):
    """Checkpoints in a directory of this test's own (the key stays the suite's)."""
    key = auditkey.audit_key()
    settings.DATA_DIR = tmp_path
    (tmp_path / "keys").mkdir(mode=0o700)
    (tmp_path / "keys" / "audit.key").write_text(key.hex())
    return tmp_path


def _forged_append(chain: list[AuditEvent], hash_of) -> None:
    """What anyone who can write the database could do: append an event whose hash they computed themselves."""
    last = AuditEvent.objects.order_by("-seq").first()
    forged = AuditEvent(
        seq=last.seq + 1,
        created_at=last.created_at,
        actor_username="penyusup",
        action="decision.approve",
        summary="persetujuan palsu",
        prev_hash=last.hash,
    )
    forged.hash = hash_of(forged)
    forged.save(force_insert=True)


def test_an_appended_event_with_a_recomputed_plain_hash_is_found(chain: list[AuditEvent]) -> None:
    _forged_append(chain, audit.legacy_hash)
    report = audit.verify_chain()
    assert not report.intact and report.broken_seq == chain[-1].seq + 1 and "dipalsukan" in report.reason


def test_an_appended_event_keyed_with_another_key_is_found(chain: list[AuditEvent]) -> None:
    import hashlib
    import hmac

    _forged_append(chain, lambda e: hmac.new(b"x" * 32, audit._canonical(e), hashlib.sha256).hexdigest())
    assert not audit.verify_chain().intact


def test_a_chain_cut_short_after_a_checkpoint_fails_verification(chain: list[AuditEvent], outside, capsys) -> None:
    call_command("audit", "checkpoint")
    assert "Titik periksa" in capsys.readouterr().out
    call_command("audit", "verify")
    assert "cocok dengan titik periksa" in capsys.readouterr().out
    # The newest two events removed (by someone who could drop the triggers): the chain alone still links up.
    _without_triggers("DELETE FROM core_auditevent WHERE seq >= %s", [chain[3].seq])
    assert audit.verify_chain(checkpoint=False).intact
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit", "verify")
    assert exit_info.value.code == 1
    assert "telah dihapus" in capsys.readouterr().err


def test_a_replaced_chain_disagrees_with_the_checkpoint(chain: list[AuditEvent], outside) -> None:
    audit.checkpoint()
    target = chain[-1]
    _without_triggers("DELETE FROM core_auditevent WHERE seq = %s", [target.seq])
    audit.record("test.other", actor_username="uji", summary="kejadian lain di tempat yang sama")
    report = audit.verify_chain()
    assert not report.intact and "diganti" in report.reason


def test_a_checkpoint_not_signed_with_the_key_is_refused(chain: list[AuditEvent], outside) -> None:
    import json

    audit.checkpoint()
    path = auditkey.checkpoint_file()
    data = json.loads(path.read_text().splitlines()[-1])
    data["seq"] = 1  # moved back to hide the newest events
    path.write_text(json.dumps(data) + "\n")
    report = audit.verify_chain()
    assert not report.intact and "tanda tangan" in report.reason


def test_the_key_and_checkpoints_are_private(chain: list[AuditEvent], outside) -> None:
    import stat

    audit.checkpoint()
    assert stat.S_IMODE(auditkey.checkpoint_file().stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE((outside / "audit").stat().st_mode) == 0o700


def test_database_refuses_truncate_of_the_audit_table(chain: list[AuditEvent]) -> None:
    statement = "TRUNCATE core_auditevent" if connection.vendor == "postgresql" else "DELETE FROM core_auditevent"
    with pytest.raises(DatabaseError), transaction.atomic():
        _raw(statement)
    assert AuditEvent.objects.count() == len(chain)
