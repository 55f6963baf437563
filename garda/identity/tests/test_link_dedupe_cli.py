"""`garda link` and `garda dedupe` exactly as the contract says, through the real command."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from garda.identity.personfiles import read_persons

GARDA = str(Path(sys.executable).parent / "garda")

PEOPLE = """id,full_name,birth_date,sex,nik,phone,unknown_column
1,MOH. RIZKY,1990-05-12,M,3174061205900003,0812-3456-7890,x
2,Muhammad Rizki,1990-12-05,L,,+62 812 3456 7890,y
3,Siti Aminah,1990-02-31,F,,,
,tanpa id,,,,,
4,Dewi Lestari,1988-07-01,F,3174064107880001,,
4,id ganda,,,,,
5,"Ahmad, kolom lebih",1980-01-01,M,,,,extra
6,Sitti Aminah,1991-03-01,P,,notaphone,
"""


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GARDA, *args], capture_output=True, text=True, timeout=120, check=False, cwd=cwd)


@pytest.fixture
def people(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE, encoding="utf-8")
    return path


def test_dedupe_writes_one_cluster_per_valid_record_and_reports_bad_lines(people: Path, tmp_path: Path) -> None:
    out = tmp_path / "clusters.csv"
    result = _run("dedupe", str(people), "--output", str(out), cwd=tmp_path)
    assert result.returncode == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["1", "2", "3", "4", "6"]
    assert rows[1]["cluster_id"] == rows[0]["cluster_id"] == "1"
    assert rows[3]["cluster_id"] == "4"
    err = result.stderr
    assert f"{people}:5: id: wajib diisi" in err
    assert f"{people}:7: id: '4' sudah dipakai di baris 6" in err
    assert f"{people}:8: terlalu banyak kolom" in err
    assert f"{people}:4: birth_date: tanggal tidak sah '1990-02-31' (dianggap kosong)" in err
    assert f"{people}:9: phone: nomor tidak sah 'notaphone' (dianggap kosong)" in err
    assert "garda dedupe: 8 records read, 3 rejected" in err


def test_link_writes_pairs_with_probabilities(tmp_path: Path) -> None:
    left = tmp_path / "left.jsonl"
    right = tmp_path / "right.csv"
    left.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "id": "L1",
                    "full_name": "H. Achmad Yusup, S.Pd.",
                    "birth_date": "1979-11-03",
                    "nik": "3209010311790002",
                },
                {"id": "L2", "full_name": "Wulandari", "birth_date": "2001-04-09"},
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    right.write_text(
        "id,full_name,birth_date,nik\nR1,AHMAD YUSUF,1979-03-11,3209010311790002\nR2,Budi Santoso,1970-01-01,\n",
        encoding="utf-8",
    )
    result = _run("link", str(left), str(right), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["left_id"], r["right_id"]) for r in rows] == [("L1", "R1")]
    assert 0.9 <= float(rows[0]["probability"]) <= 1.0


def test_threshold_filters_and_is_checked(people: Path, tmp_path: Path) -> None:
    low = _run("link", str(people), str(people), "--threshold", "0", cwd=tmp_path)
    high = _run("link", str(people), str(people), cwd=tmp_path)
    assert len(low.stdout.splitlines()) > len(high.stdout.splitlines()) > 1
    bad = _run("link", str(people), str(people), "--threshold", "1.5", cwd=tmp_path)
    assert bad.returncode != 0 and "--threshold" in bad.stderr


def test_a_file_that_cannot_be_read_exits_2(tmp_path: Path) -> None:
    assert _run("dedupe", str(tmp_path / "missing.csv"), cwd=tmp_path).returncode == 2
    headerless = tmp_path / "empty.csv"
    headerless.write_text("", encoding="utf-8")
    assert _run("dedupe", str(headerless), cwd=tmp_path).returncode == 2


def test_jsonl_garbage_lines_are_named_and_the_rest_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "list.jsonl"
    path.write_bytes(b'{"id": "a", "full_name": "Dewi"}\nnot json\n[1, 2]\n{"id": "b"}\n\xff\xfe broken\n')
    result = read_persons(path)
    assert [p.id for p in result.persons] == ["a", "b"]
    assert [e.split(": ", 1)[0] for e in result.errors] == [f"{path}:2", f"{path}:3", f"{path}:5"]


def test_a_jsonl_record_with_a_unicode_line_separator_in_a_value_is_one_record(tmp_path: Path) -> None:
    # JSON allows U+2028, U+2029 and U+0085 raw inside strings; they do not end a JSON Lines record.
    path = tmp_path / "list.jsonl"
    records = [{"id": "a", "full_name": "Dewi\u2028Lestari"}, {"id": "b", "address": "Jl. Mawar\x85No. 5"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = read_persons(path)
    assert [p.id for p in result.persons] == ["a", "b"] and result.errors == []
    assert result.lines == [1, 2]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=40), max_size=8))
def test_any_csv_body_is_read_without_crashing(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "fuzz.csv"
    body = "\n".join(lines) + "\n"
    path.write_text("id,full_name,birth_date,nik,phone\n" + body, encoding="utf-8")
    result = read_persons(path)
    # Every record is either read or named as rejected; there are never more records than physical lines.
    assert len(result.persons) + len(result.errors) <= body.count("\n") + body.count("\r")
    assert all(error.startswith(f"{path}:") for error in result.errors)
