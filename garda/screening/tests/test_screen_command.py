"""`garda screen` keeps the contract: one result per line in order, valid against the schema, bad lines named
on standard error and as error lines, exit status 1 (2 for an unreadable file); and it finds what the labelled
scenarios say it should."""

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from garda.contracts import CONTRACTS
from garda.core.models import AuditEvent
from garda.screening.actions import batch
from garda.screening.models import Application, Screening
from garda.screening.tests._world import load_world, screen, write_jsonl
from garda.synthetic.scenarios import CATEGORIES, build

RESULT_SCHEMA = Draft202012Validator(json.loads((CONTRACTS / "screening-result.schema.json").read_text()))


@pytest.fixture
def world(db: None, tmp_path: Path):
    world = build(per_kind=2, seed=3, background=30)
    load_world(world, tmp_path)
    return world


def test_every_scenario_kind_comes_out_as_labelled(world, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "cases.jsonl", [app for _, _, app in world.cases])
    status, results = screen(path, tmp_path)
    assert status == 0
    assert [r["line"] for r in results] == list(range(1, len(world.cases) + 1))
    wrong = []
    for (kind, expected, app), result in zip(world.cases, results, strict=True):
        assert not list(RESULT_SCHEMA.iter_errors(result)), result
        assert result["application_id"] == app["id"] and result["office"] == app["office"]
        fired = {i["category"] for i in result["indicators"]}
        if (expected and not expected <= fired) or (not expected and fired):
            wrong.append((kind, sorted(expected), sorted(fired)))
        if not expected:
            assert result["risk_level"] == "low" and result["recommendation"] == "proceed", json.dumps([kind, result])
    assert wrong == []
    # Every category was exercised, and each result is kept with its rules version.
    assert set(CATEGORIES) <= {c for _, expected, _ in world.cases for c in expected}
    assert Screening.objects.filter(trigger="screen").count() == len(world.cases)


def test_explanations_say_what_was_compared_in_the_requested_language(world, tmp_path: Path) -> None:
    kinds = {"inc_age_manipulation", "pd_refused_elsewhere", "ia_shared_companion"}
    cases = [app for kind, _, app in world.cases if kind in kinds]
    path = write_jsonl(tmp_path / "some.jsonl", cases)
    _, english = screen(path, tmp_path, "--language", "en")
    _, indonesian = screen(path, tmp_path)
    for en, id_ in zip(english, indonesian, strict=True):
        assert en["indicators"] and [i["code"] for i in en["indicators"]] == [i["code"] for i in id_["indicators"]]
        for i_en, i_id in zip(en["indicators"], id_["indicators"], strict=True):
            assert i_en["explanation"] != i_id["explanation"]
            assert i_en["evidence"] == i_id["evidence"] and i_en["evidence"]
    codes = {i["code"] for r in english for i in r["indicators"]}
    assert {"INC_AGE_MANIPULATION", "PD_EARLIER_DECISION", "IA_SHARED_COMPANION"} <= codes


def test_bad_lines_are_named_and_the_rest_screened_in_order(world, tmp_path: Path, capsys) -> None:
    good = [app for kind, _, app in world.cases if kind == "clean_tourist"][:2]
    bad = copy.deepcopy(good[0]) | {"id": "BAD-1"}
    bad["travel"]["purpose"] = "jalan-jalan"
    lines = [json.dumps(good[0]), "{not json", json.dumps(bad), "", json.dumps(good[1])]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, results = screen(path, tmp_path)
    err = capsys.readouterr().err
    assert status == 1
    assert [r["line"] for r in results] == [1, 2, 3, 5]
    assert results[1] == {"line": 2, "error": results[1]["error"]} and "JSON" in results[1]["error"]
    assert results[2]["application_id"] == "BAD-1" and "travel.purpose" in results[2]["error"]
    assert f"{path}:2: " in err and f"{path}:3: travel.purpose" in err
    assert "4 records read, 2 stored" in err
    assert all(not list(RESULT_SCHEMA.iter_errors(r)) for r in results)
    assert not Application.objects.filter(external_id="BAD-1").exists()


def test_rescreening_the_same_file_changes_no_application(world, tmp_path: Path) -> None:
    cases = [app for _, _, app in world.cases][:10]
    path = write_jsonl(tmp_path / "again.jsonl", cases)
    _, first = screen(path, tmp_path)
    updates = AuditEvent.objects.filter(action="application.update").count()
    _, second = screen(path, tmp_path)
    assert AuditEvent.objects.filter(action="application.update").count() == updates
    assert [(r["risk_level"], r["score"]) for r in first] == [(r["risk_level"], r["score"]) for r in second]
    assert AuditEvent.objects.filter(action="application.screen").count() == 2


def test_the_real_command_line_exits_2_on_an_unreadable_file(db: None, tmp_path: Path) -> None:
    garda = str(Path(sys.executable).parent / "garda")
    done = subprocess.run([garda, "screen", str(tmp_path / "missing.jsonl")], capture_output=True, text=True)
    assert done.returncode == 2 and "missing.jsonl" in done.stderr


def test_a_rule_that_fails_on_one_record_costs_that_line_only(world, tmp_path: Path, monkeypatch, capsys) -> None:
    from garda.screening import engine

    cases = [app for kind, _, app in world.cases if kind.startswith("clean_")][:3]
    broken = cases[1]["id"]
    real = engine.SIMPLE_RULES[0]  # type: ignore[attr-defined]

    def fragile(subject, ctx):
        if subject.record["id"] == broken:
            raise KeyError("surprise")
        return real(subject, ctx)

    monkeypatch.setattr(engine, "SIMPLE_RULES", (fragile, *engine.SIMPLE_RULES[1:]))  # type: ignore[attr-defined]
    status, results = screen(write_jsonl(tmp_path / "three.jsonl", cases), tmp_path)
    assert status == 1
    assert "error" not in results[0] and "KeyError" in results[1]["error"]
    assert results[1]["application_id"] == broken and results[2]["rules_version"]
    assert "three.jsonl:2: penyaringan gagal" in capsys.readouterr().err


def test_a_large_batch_through_the_real_command(tmp_path: Path, db: None) -> None:
    """The path `garda screen` takes for real, in a process of its own: workers on every core for a file over
    the parallel threshold (each keeping its own results), automatic checkpoints deferred while storing; every
    line gets its result, in order, and is kept in the database."""
    from garda.conftest import run_garda, scratch_database

    world = build(per_kind=9, seed=9, background=50)
    cases = [app for _, _, app in world.cases]
    assert len(cases) >= batch.PARALLEL_FROM
    with scratch_database(tmp_path, demo=False) as env:
        (tmp_path / "p3mi.csv").write_text(world.p3mi_csv(), encoding="utf-8")
        assert run_garda(env, "import", "p3mi", str(tmp_path / "p3mi.csv")).returncode == 0
        write_jsonl(tmp_path / "reports.jsonl", world.reports)
        assert run_garda(env, "import", "agency-reports", str(tmp_path / "reports.jsonl")).returncode == 0
        write_jsonl(tmp_path / "history.jsonl", world.history)
        assert run_garda(env, "import", "applications", str(tmp_path / "history.jsonl")).returncode == 0
        path = write_jsonl(tmp_path / "many.jsonl", cases)
        done = run_garda(env, "screen", str(path), "--output", str(tmp_path / "out.jsonl"), "-v2")
        assert done.returncode == 0, done.stderr
        assert "screen and keep" in done.stderr  # the stages, for operators sizing a batch
        results = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [r["application_id"] for r in results] == [a["id"] for a in cases]
        kept = run_garda(
            env,
            "shell",
            "-c",
            "from garda.screening.models import Screening; print(Screening.objects.filter(trigger='screen').count())",
        )
        assert kept.stdout.strip().splitlines()[-1] == str(len(cases))


def test_a_run_stopped_half_way_has_written_what_it_saved(db: None, tmp_path: Path, monkeypatch) -> None:
    import io
    from datetime import date

    from garda.synthetic.scenarios import Builder

    b = Builder(5, date(2026, 11, 2))
    apps = [b.application(b.person()) for _ in range(5)]
    path = write_jsonl(tmp_path / "five.jsonl", apps)
    monkeypatch.setattr(batch, "ROUND", 2)
    real = batch.in_parallel  # type: ignore[attr-defined]
    calls = {"n": 0}

    def stopping(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # stopped while the second round screens
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "in_parallel", stopping)
    out = io.StringIO()
    with pytest.raises(KeyboardInterrupt):
        batch.screen_file(path, out)
    written = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [w["line"] for w in written] == [1, 2]  # the first round's results, in input order
    assert Screening.objects.filter(application__external_id__in=[a["id"] for a in apps[:2]]).count() == 2
