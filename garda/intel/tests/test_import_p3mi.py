"""`garda import p3mi`: a new snapshot per changed registry, previous ones kept, bad lines named."""

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garda.core.models import AuditEvent
from garda.intel.models import P3MISnapshot
from garda.intel.registry import company_key, current_registry, licence_key
from garda.intel.tests._run import run_import

HEADER = "name,license_number,valid_until,address,province\n"
GOOD = (
    'PT. Sinar Jaya Abadi,SIP3MI/001/2024,2026-12-31,"Jl. Raya No. 1, Jakarta",DKI Jakarta\n'
    "PT Mitra Kerja Luar Negeri,SIP3MI/002/2023,,Bekasi,Jawa Barat\n"
)


def _run(path: Path, capsys) -> tuple[int, str]:
    return run_import("p3mi", path, capsys)


def test_registry_snapshot_with_bad_lines_named(db: None, tmp_path: Path, capsys) -> None:
    path = tmp_path / "p3mi.csv"
    bad = ",SIP3MI/003,2025-01-01,,\nPT Tiga,SIP3MI/004,31-12-2025,,\nPT Nol\x00,SIP3MI/005,,,\n"
    path.write_text(HEADER + GOOD + bad, encoding="utf-8")
    status, err = _run(path, capsys)
    assert status == 1
    assert f"{path}:4: name: wajib diisi" in err
    assert f"{path}:5: valid_until: '31-12-2025' bukan tanggal ISO" in err
    assert f"{path}:6: baris memuat karakter NUL" in err  # PostgreSQL would refuse the whole snapshot
    registry = current_registry()
    assert registry is not None and registry.entries == 2
    assert {c.name_key for c in registry.companies.all()} == {"SINAR JAYA ABADI", "MITRA KERJA LUAR NEGERI"}


def test_same_registry_twice_changes_nothing_and_a_new_one_keeps_the_old(db: None, tmp_path: Path, capsys) -> None:
    path = tmp_path / "p3mi.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    assert _run(path, capsys)[0] == 0
    status, err = _run(path, capsys)
    assert status == 0 and "2 unchanged" in err
    assert P3MISnapshot.objects.count() == 1
    path.write_text(HEADER + GOOD.splitlines(keepends=True)[0], encoding="utf-8")
    assert _run(path, capsys)[0] == 0
    assert P3MISnapshot.objects.count() == 2 and current_registry().entries == 1
    assert AuditEvent.objects.filter(action="p3mi.import").count() == 2


def test_company_names_agree_across_legal_forms() -> None:
    assert company_key("PT. Sinar Jaya Abadi") == company_key("SINAR JAYA ABADI, PT") == "SINAR JAYA ABADI"


def test_wrong_header_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "p3mi.csv"
    path.write_text("nama,nomor\nX,1\n", encoding="utf-8")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "garda"), "import", "p3mi", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2 and "baris judul harus" in result.stderr


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("KEP.123/PPTKIS/2019", "kep 123/pptkis/2019", True),
        ("SIP3MI-001/2023", "SIP3MI 1/2023", True),
        ("SIP3MI-1/12023", "SIP3MI-11/2023", False),  # separators are kept as boundaries
        ("SIP3MI-025/2020", "SIP3MI-026/2020", False),
    ],
)
def test_licence_numbers_agree_across_writings(a: str, b: str, same: bool) -> None:
    assert (licence_key(a) == licence_key(b)) is same


@given(st.text(alphabet="0123456789ABCKEPSIMT /.-", max_size=30))
def test_a_licence_key_is_stable_under_case_and_separators(number: str) -> None:
    key = licence_key(number)
    assert licence_key(key) == key
    assert licence_key(number.lower().replace("/", " - ")) == key
