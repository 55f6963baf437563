"""What oversight demands of its catalogues before a revision is saved (registered with core in `ready()`): a
revision the procedure could not apply is refused, with what and where."""

from collections.abc import Callable
from typing import Any

from garda.core.roles import Role

LEVELS = ("ringan", "sedang", "berat")
OFFICE_KINDS = ("pusat", "kanwil", "kanim")


def _each(data: Any, check: Callable[[dict[str, Any], str, list[str]], None]) -> list[str]:
    problems: list[str] = []
    for i, item in enumerate(data if isinstance(data, list) else []):
        if isinstance(item, dict):
            check(item, f"$[{i}]", problems)
    return problems


def _levels(item: dict[str, Any], path: str, problems: list[str]) -> None:
    levels = item.get("levels")
    if not isinstance(levels, list) or not levels or any(level not in LEVELS for level in levels):
        problems.append(f"{path}.levels: daftar tingkat yang tidak kosong, dari {', '.join(LEVELS)}")


def offences(data: Any) -> list[str]:
    def check(item: dict[str, Any], path: str, problems: list[str]) -> None:
        if not isinstance(item.get("article"), str) or not item["article"].strip():
            problems.append(f"{path}.article: pasal wajib diisi")
        _levels(item, path, problems)

    return _each(data, check)


def sanctions(data: Any) -> list[str]:
    def check(item: dict[str, Any], path: str, problems: list[str]) -> None:
        if item.get("level") not in LEVELS:
            problems.append(f"{path}.level: harus salah satu dari {', '.join(LEVELS)}")

    return _each(data, check)


def authority(data: Any) -> list[str]:
    def check(item: dict[str, Any], path: str, problems: list[str]) -> None:
        if item.get("imposer_role") not in Role.values:
            problems.append(f"{path}.imposer_role: peran tidak dikenal")
        if item.get("imposer_office_kind") not in OFFICE_KINDS:
            problems.append(f"{path}.imposer_office_kind: harus salah satu dari {', '.join(OFFICE_KINDS)}")
        _levels(item, path, problems)

    return _each(data, check)


CHECKS = {"discipline_offences": offences, "discipline_sanctions": sanctions, "discipline_authority": authority}
