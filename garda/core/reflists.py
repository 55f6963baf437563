"""Versioned reference lists: reading the current version, and checking a proposed revision.

Country sets are edited as text, one ISO code per line with an optional note; the structured lists as JSON.
Every problem is reported with where it is (line, or JSON path) and what is wrong.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from garda.core.models import Country, ReferenceList, ReferenceListRevision
from garda.core.models.reference import ListKind

DECISION_KINDS = ("postponement", "refusal", "cancellation", "withdrawal", "revocation", "suspension")


# What the app that uses a list demands of it beyond its kind (screening: every document code understood, every word
# group of the note reader present). Registered in the app's `ready()`; core does not import the apps.
_KEY_CHECKS: dict[str, Callable[[Any], list[str]]] = {}


def register_check(key: str, check: Callable[[Any], list[str]]) -> None:
    _KEY_CHECKS[key] = check


class ListValidationError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def current_revision(key: str) -> ReferenceListRevision:
    revision = ReferenceListRevision.objects.filter(reference_list_id=key).order_by("-version").first()
    if revision is None:
        raise LookupError(f"reference list {key!r} has no revision")
    return revision


def items_of_version(key: str, version: int) -> list[Any]:
    """The items of one version of a list (what a record made under that version reads years later)."""
    revision = ReferenceListRevision.objects.filter(reference_list_id=key, version=version).first()
    items: list[Any] = revision.items if revision is not None else []
    return items


def current_items(key: str) -> list[Any]:
    items: list[Any] = current_revision(key).items
    return items


def country_codes(key: str) -> frozenset[str]:
    return frozenset(item["country"] for item in current_items(key))


def items_as_text(reference_list: ReferenceList, items: list[Any]) -> str:
    if reference_list.kind == ListKind.COUNTRY_SET:
        return "\n".join(f"{i['country']} {i.get('note', '')}".rstrip() for i in items)
    return json.dumps(items, ensure_ascii=False, indent=2)


def parse_items(reference_list: ReferenceList, text: str) -> list[Any]:
    if reference_list.kind == ListKind.COUNTRY_SET:
        return _parse_country_lines(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ListValidationError([f"baris {exc.lineno}, kolom {exc.colno}: JSON tidak sah ({exc.msg})"]) from exc
    if reference_list.kind == ListKind.DOCUMENTS_BY_PURPOSE:
        _check_documents(data)
    elif reference_list.kind == ListKind.LEGAL_BASES:
        _check_legal_bases(data)
    elif reference_list.kind == ListKind.PARAMETERS:
        _check_parameters(data)
    elif reference_list.kind == ListKind.WORD_LISTS:
        _check_word_lists(data)
    elif reference_list.kind == ListKind.ORGANISATIONS:
        _check_organisations(data)
    elif reference_list.kind == ListKind.CHECKLISTS:
        _check_checklists(data)
    elif reference_list.kind == ListKind.CATALOGUE:
        # Coded items with their titles; what else each catalogue holds is checked by the app that reads it.
        _check_coded_items(data, "butir", ("title_id", "title_en"), lambda item, path, problems: None)
    check = _KEY_CHECKS.get(reference_list.key)
    if check is not None and (problems := check(data)):
        raise ListValidationError(problems)
    return data  # type: ignore[no-any-return]


def _parse_country_lines(text: str) -> list[dict[str, str]]:
    known = set(Country.objects.values_list("alpha2", flat=True))
    items: list[dict[str, str]] = []
    problems: list[str] = []
    seen: set[str] = set()
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        code, _, note = line.partition(" ")
        code = code.upper()
        if code not in known:
            problems.append(f"baris {lineno}: '{code}' bukan kode negara ISO 3166 dua huruf")
        elif code in seen:
            problems.append(f"baris {lineno}: '{code}' sudah tercantum")
        else:
            seen.add(code)
            items.append({"country": code, "note": note.strip()})
    if not items and not problems:
        problems.append("daftar kosong: isi paling sedikit satu negara")
    if problems:
        raise ListValidationError(problems)
    return items


def _require_str(obj: dict[str, Any], key: str, path: str, problems: list[str]) -> None:
    if not isinstance(obj.get(key), str) or not obj[key].strip():
        problems.append(f"{path}.{key}: wajib berupa teks yang tidak kosong")


def _check_documents(data: Any) -> None:
    problems: list[str] = []
    if not isinstance(data, list):
        raise ListValidationError(["$: harus berupa daftar (array) tujuan perjalanan"])
    purposes: set[str] = set()
    for i, item in enumerate(data):
        path = f"$[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{path}: harus berupa objek")
            continue
        for key in ("purpose", "label_id", "label_en"):
            _require_str(item, key, path, problems)
        if item.get("purpose") in purposes:
            problems.append(f"{path}.purpose: '{item['purpose']}' sudah ada")
        purposes.add(item.get("purpose", ""))
        docs = item.get("documents")
        if not isinstance(docs, list):
            problems.append(f"{path}.documents: harus berupa daftar (boleh kosong)")
            continue
        for j, doc in enumerate(docs):
            dpath = f"{path}.documents[{j}]"
            if not isinstance(doc, dict):
                problems.append(f"{dpath}: harus berupa objek")
                continue
            for key in ("code", "label_id", "label_en"):
                _require_str(doc, key, dpath, problems)
    if problems:
        raise ListValidationError(problems)


def _check_coded_items(data: Any, noun: str, required: tuple[str, ...], extra: Any) -> None:
    """A list of objects with a unique `code`, the required text fields, an optional `uncertain` flag, and what
    `extra(item, path, problems)` checks of its own kind."""
    problems: list[str] = []
    if not isinstance(data, list):
        raise ListValidationError([f"$: harus berupa daftar (array) {noun}"])
    codes: set[str] = set()
    for i, item in enumerate(data):
        path = f"$[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{path}: harus berupa objek")
            continue
        for key in ("code", *required):
            _require_str(item, key, path, problems)
        if item.get("code") in codes:
            problems.append(f"{path}.code: '{item['code']}' sudah ada")
        codes.add(item.get("code", ""))
        if not isinstance(item.get("uncertain", False), bool):
            problems.append(f"{path}.uncertain: harus true atau false")
        extra(item, path, problems)
    if problems:
        raise ListValidationError(problems)


def _check_legal_bases(data: Any) -> None:
    def applies(item: dict[str, Any], path: str, problems: list[str]) -> None:
        applies_to = item.get("applies_to", [])
        if not isinstance(applies_to, list) or any(a not in DECISION_KINDS for a in applies_to):
            problems.append(f"{path}.applies_to: hanya boleh berisi {', '.join(DECISION_KINDS)}")
        citation = item.get("citation", "")
        if not isinstance(citation, str) or (citation and len(citation.strip()) < 10):
            problems.append(f"{path}.citation: bunyi kutipan untuk surat, paling sedikit 10 huruf")

    _check_coded_items(data, "dasar hukum", ("title_id", "title_en", "article"), applies)


def _check_parameters(data: Any) -> None:
    def value(item: dict[str, Any], path: str, problems: list[str]) -> None:
        number = item.get("value")
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            problems.append(f"{path}.value: harus bilangan bulat 0 atau lebih")

    _check_coded_items(data, "ketentuan", ("title_id", "title_en", "unit"), value)


def _check_word_lists(data: Any) -> None:
    def words(item: dict[str, Any], path: str, problems: list[str]) -> None:
        value = item.get("words")
        if not isinstance(value, list) or not value:
            problems.append(f"{path}.words: harus berupa daftar kata yang tidak kosong")
            return
        for j, word in enumerate(value):
            if not isinstance(word, str) or not word.strip():
                problems.append(f"{path}.words[{j}]: harus berupa teks yang tidak kosong")

    _check_coded_items(data, "kelompok kata", ("title_id", "title_en"), words)


def _check_organisations(data: Any) -> None:
    """Licensed operators: `code` is the licence number, `name` the registered name, `aliases` other names it is
    written under, `valid_until` the licence's end (ISO date, optional)."""

    def organisation(item: dict[str, Any], path: str, problems: list[str]) -> None:
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(f"{path}.aliases: harus berupa daftar nama")
        until = item.get("valid_until")
        if until is not None:
            try:
                date.fromisoformat(str(until))
            except ValueError:
                problems.append(f"{path}.valid_until: '{until}' bukan tanggal TTTT-BB-HH")

    _check_coded_items(data, "badan usaha", ("name", "kind"), organisation)


CHECKLIST_SCOPES = ("applications", "decisions", "cash", "queue")


def _check_checklists(data: Any) -> None:
    """Questions an inspector answers for each sampled file: `scope` is what is inspected, `step` the SOP step the
    question belongs to, `title_id`/`title_en` the question."""

    def question(item: dict[str, Any], path: str, problems: list[str]) -> None:
        if item.get("scope") not in CHECKLIST_SCOPES:
            problems.append(f"{path}.scope: harus salah satu dari {', '.join(CHECKLIST_SCOPES)}")

    _check_coded_items(data, "pertanyaan", ("scope", "step_id", "step_en", "title_id", "title_en"), question)


def parameters(key: str) -> dict[str, int]:
    """The values of a parameters list in force, by code (empty when the list is missing)."""
    try:
        items = current_items(key)
    except LookupError:
        return {}
    return {item["code"]: int(item["value"]) for item in items if isinstance(item.get("value"), int)}


@dataclass(frozen=True)
class ListDiff:
    added: list[str]
    removed: list[str]


def diff_items(old: list[Any], new: list[Any]) -> ListDiff:
    """What a revision added and removed, by the item's key (country, purpose or code)."""

    def key(item: Any) -> str:
        return str(item.get("country") or item.get("purpose") or item.get("code") or json.dumps(item))

    old_keys, new_keys = [key(i) for i in old], [key(i) for i in new]
    return ListDiff(
        added=[k for k in new_keys if k not in old_keys], removed=[k for k in old_keys if k not in new_keys]
    )
