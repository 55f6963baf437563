"""Checking records against the interchange contracts (JSON Schema 2020-12, shipped in `schemas/`)."""

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker

CONTRACTS = Path(__file__).resolve().parent / "schemas"
# M-Paspor and counter times without an offset are office times; WIB unless the office says otherwise.
DEFAULT_ZONE = ZoneInfo("Asia/Jakarta")


@cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((CONTRACTS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _path(parts: Any) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "$"


def parse_datetime(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=DEFAULT_ZONE)


# Date-time fields per contract. JSON Schema leaves the date-time format to an optional package: they are checked
# here, as they are parsed when stored.
DATE_TIMES = {"application": ("submitted_at", "decision.decided_at"), "agency-report": ("received_at",)}


def _at(record: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(record, dict):
            return None
        record = record.get(part)
    return record


@cache
def fast_validator(name: str) -> Any:
    """A compiled validator (fastjsonschema): twenty times faster on the valid records that make up a batch, but
    it stops at the first problem, so a record it refuses is checked again by jsonschema to name every one."""
    schema = json.loads((CONTRACTS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return fastjsonschema.compile(schema)


def _date_time_problems(name: str, record: Any) -> list[tuple[str, str]]:
    found = []
    for path in DATE_TIMES.get(name, ()):
        value = _at(record, path)
        if isinstance(value, str):
            try:
                parse_datetime(value)
            except ValueError:
                found.append((path, f"{value!r} is not a valid date-time (ISO 8601)"))
    return found


def _valid_fast(name: str, record: Any) -> bool:
    try:
        fast_validator(name)(record)
    except fastjsonschema.JsonSchemaException:
        return False
    return not _date_time_problems(name, record)


def problems(name: str, record: Any) -> list[str]:
    """Every way the record breaks the contract, each as `field.path: what is wrong`, in path order."""
    if _valid_fast(name, record):
        return []
    found = [(_path(e.absolute_path), e.message) for e in validator(name).iter_errors(record)]
    found += _date_time_problems(name, record)
    return [f"{path}: {message}" for path, message in sorted(found)]


def applicant_person(applicant: dict[str, Any]) -> dict[str, Any]:
    """The contract's applicant as the person-record fields the identity layer reads."""
    return {
        "full_name": applicant.get("full_name"),
        "birth_date": applicant.get("birth_date"),
        "sex": applicant.get("sex"),
        "nik": applicant.get("nik"),
        "phone": applicant.get("phone"),
        "birth_place": applicant.get("birth_place"),
        "mother_name": applicant.get("mother_name"),
        "father_name": applicant.get("father_name"),
        "kk_number": applicant.get("kk_number"),
        "address": (applicant.get("address") or {}).get("text"),
    }
