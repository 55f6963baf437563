"""The reference lists that are screening's rules, and what a revision of them must satisfy before it is saved.

Four lists drive the rules besides the country sets:
- `required_documents_by_purpose`: every document code is one screening understands (below) or names the
  application contract's document types it `accepts`; a requirement met by any of several documents ("a guarantee
  letter or an invitation letter") is one item with several `accepts`.
- `screening_thresholds`: the windows, counts and match cut-offs (`THRESHOLDS`, with their defaults).
- `interview_note_words`: the word groups of the interview-note reader (`garda.screening.notes`).
- `tour_operators`: licensed tour and travel operators (PPIU, PIHK and general tour operators), whose guided
  groups are organised travel, not a recruitment network.

A list that screening cannot read is refused when it is saved, with what is wrong and where, so that no rule is
silently switched off by a code nobody maps.
"""

import json
import re
from dataclasses import dataclass, fields
from typing import Any

from garda.contracts import CONTRACTS
from garda.screening.notes import GROUPS

APPLICATION_SCHEMA = CONTRACTS / "application.schema.json"


def _contract_enum(*path: str) -> tuple[str, ...]:
    node: Any = json.loads(APPLICATION_SCHEMA.read_text(encoding="utf-8"))
    for key in path:
        node = node[key]
    return tuple(node["enum"])


CONTRACT_DOCUMENTS = _contract_enum("properties", "documents", "items", "properties", "type")
CONTRACT_PURPOSES = _contract_enum("properties", "travel", "properties", "purpose")

# The reference list's own document codes → the contract's document types that show them. A code with several
# types is met by any one of them. `general` documents (KTP, KK, civil record) are checked at intake, before an
# application exists: offices do not all key them as documents, so screening does not ask for them.
DOCUMENT_CODES: dict[str, tuple[str, ...]] = {
    "ktp": ("ktp",),
    "kk": ("kk",),
    "civil_record": ("birth_certificate", "marriage_book", "diploma"),
    "disnaker_recommendation": ("recommendation_disnaker",),
    "id_pmi": ("id_pmi",),
    # The ID PMI is issued in SISKOP2MI only after the medical check at a designated clinic (Sarkes), so it is the
    # proof the office verifies; a clinic's letter keyed as "other" is accepted too (see KEYWORDS).
    "medical_check": ("id_pmi",),
    # The contract has one type for a manpower authority's recommendation; the ministry's (Kemnaker) letter for an
    # internship is keyed under it, or as "other" naming Kemnaker.
    "kemnaker_internship_recommendation": ("recommendation_disnaker",),
    "kemenag_recommendation": ("recommendation_kemenag",),
    "organiser_statement": ("travel_agent_letter",),
    "guarantee_letter": ("guarantee_letter",),
    "invitation_letter": ("invitation_letter",),
    "host_letter": ("guarantee_letter", "invitation_letter"),
    "host_passport_copy": ("host_passport_copy",),
    "return_ticket": ("return_ticket",),
    "employment_contract": ("employment_contract",),
    "work_visa": ("work_visa",),
    "study_admission": ("study_admission",),
}
# A document keyed as "other" meets a requirement when its issuer or notes name it.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "medical_check": ("SARKES", "MEDICAL", "KESEHATAN", "MCU"),
    "kemnaker_internship_recommendation": ("KEMNAKER", "BINALAVOTAS", "KEMENTERIAN KETENAGAKERJAAN"),
}


@dataclass(frozen=True)
class Requirement:
    code: str
    accepts: tuple[str, ...]
    keywords: tuple[str, ...] = ()

    def met_by(self, documents: list[dict[str, Any]]) -> bool:
        for doc in documents:
            kind = str(doc.get("type") or "")
            if kind in self.accepts:
                return True
            if kind == "other" and self.keywords:
                said = re.sub(r"[^A-Z ]+", " ", f"{doc.get('issuer') or ''} {doc.get('notes') or ''}".upper())
                if any(re.search(rf"\b{re.escape(k)}\b", said) for k in self.keywords):
                    return True
        return False


def requirement(item: dict[str, Any]) -> Requirement:
    code = str(item["code"])
    accepts = tuple(item.get("accepts") or DOCUMENT_CODES.get(code, ()))
    return Requirement(code, accepts, tuple(item.get("keywords") or KEYWORDS.get(code, ())))


def check_required_documents(items: Any) -> list[str]:
    problems: list[str] = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        purpose = item.get("purpose")
        if purpose != "general" and purpose not in CONTRACT_PURPOSES:
            problems.append(
                f"$[{i}].purpose: '{purpose}' bukan tujuan perjalanan yang dikenal "
                f"(general, {', '.join(CONTRACT_PURPOSES)})"
            )
        for j, doc in enumerate(item.get("documents") or []):
            if not isinstance(doc, dict):
                continue
            path, accepts = f"$[{i}].documents[{j}]", doc.get("accepts")
            if accepts is not None:
                if not isinstance(accepts, list) or not accepts:
                    problems.append(f"{path}.accepts: harus berupa daftar jenis dokumen yang tidak kosong")
                    continue
                unknown = [a for a in accepts if a not in CONTRACT_DOCUMENTS]
                if unknown:
                    problems.append(
                        f"{path}.accepts: {', '.join(map(str, unknown))} bukan jenis dokumen formulir "
                        f"({', '.join(CONTRACT_DOCUMENTS)})"
                    )
            elif doc.get("code") not in DOCUMENT_CODES:
                problems.append(
                    f"{path}.code: '{doc.get('code')}' tidak dikenal penyaringan; pakai salah satu dari "
                    f"{', '.join(DOCUMENT_CODES)} atau sebutkan jenis dokumen formulir dalam 'accepts'"
                )
            keywords = doc.get("keywords")
            if keywords is not None and (
                not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords)
            ):
                problems.append(f"{path}.keywords: harus berupa daftar teks")
    return problems


@dataclass(frozen=True)
class Thresholds:
    """The numbers the rules use, with their defaults. Probabilities and similarities are in percent."""

    window_days: int = 90  # "recent" for shared companions and phones
    other_families: int = 2  # a companion or phone on applications of this many other families is a pattern
    same_person_pct: int = 90  # linkage threshold for the ordinary history (a first passport claimed)
    of_interest_pct: int = 80  # for persons of interest, whose every match an officer reads
    # Points of what the applicant does (one-way ticket 1, someone else paying 2, an agent along 2) from which the
    # job-seeker profile is reported, and from which it is high. Who the applicant is scores nothing.
    job_seeker_points: int = 2
    job_seeker_high_points: int = 3

    @property
    def same_person(self) -> float:
        return self.same_person_pct / 100

    @property
    def of_interest(self) -> float:
        return self.of_interest_pct / 100


THRESHOLDS = {f.name for f in fields(Thresholds)}
_PERCENT = {"same_person_pct", "of_interest_pct"}


def thresholds(values: dict[str, int]) -> Thresholds:
    return Thresholds(**{k: v for k, v in values.items() if k in THRESHOLDS})


def check_thresholds(items: Any) -> list[str]:
    problems: list[str] = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        code, value = item.get("code"), item.get("value")
        if code not in THRESHOLDS:
            problems.append(f"$[{i}].code: '{code}' tidak dikenal; yang dikenal: {', '.join(sorted(THRESHOLDS))}")
        elif code in _PERCENT and isinstance(value, int) and not 50 <= value <= 100:
            problems.append(f"$[{i}].value: {code} dalam persen, 50 sampai 100")
        elif code not in _PERCENT and isinstance(value, int) and value < 1:
            problems.append(f"$[{i}].value: {code} paling sedikit 1")
    return problems


def check_note_words(items: Any) -> list[str]:
    if not isinstance(items, list):
        return []
    codes = [item.get("code") for item in items if isinstance(item, dict)]
    problems = [
        f"$[{i}].code: '{c}' bukan kelompok kata pembaca catatan" for i, c in enumerate(codes) if c not in GROUPS
    ]
    problems += [f"$: kelompok '{g}' tidak ada" for g in GROUPS if g not in codes]
    return problems


TOUR_OPERATOR_KINDS = ("ppiu", "pihk", "tour")


def check_tour_operators(items: Any) -> list[str]:
    problems: list[str] = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and item.get("kind") not in TOUR_OPERATOR_KINDS:
            problems.append(f"$[{i}].kind: harus salah satu dari {', '.join(TOUR_OPERATOR_KINDS)}")
    return problems


CHECKS = {
    "required_documents_by_purpose": check_required_documents,
    "screening_thresholds": check_thresholds,
    "interview_note_words": check_note_words,
    "tour_operators": check_tour_operators,
}
