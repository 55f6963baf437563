"""Reading person lists (CSV with a header, or JSON Lines) for `garda link` and `garda dedupe`.

Bad records are reported as `FILE:LINE: reason` and left out; the rest are read. A value of an optional field
that cannot be parsed is treated as missing and noted the same way, and the record is kept.
"""

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from garda.core.jsonlines import split_lines
from garda.identity.records import Person, prepare


class UnreadableFile(Exception):
    """The file cannot be read at all (missing, a directory, no CSV header): exit status 2."""


@dataclass
class ReadResult:
    persons: list[Person] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the line each person started on
    errors: list[str] = field(default_factory=list)  # FILE:LINE: reason — the record was rejected
    notes: list[str] = field(default_factory=list)  # FILE:LINE: field: reason — the value was ignored


def _has_bad_bytes(value: Any) -> bool:
    return isinstance(value, str) and any("\udc80" <= ch <= "\udcff" for ch in value)


def _records(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line, record or None, error) for each record of the file."""
    first = text.lstrip()[:1]
    if path.suffix.lower() in {".jsonl", ".ndjson", ".json"} or (path.suffix.lower() != ".csv" and first == "{"):
        for lineno, line in enumerate(split_lines(text), start=1):
            if not line.strip():
                continue
            if _has_bad_bytes(line):
                yield lineno, None, "baris bukan teks UTF-8 yang sah"
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield lineno, None, f"JSON tidak sah pada kolom {exc.colno}: {exc.msg}"
                continue
            if not isinstance(obj, dict):
                yield lineno, None, f"harus berupa objek JSON, bukan {type(obj).__name__}"
                continue
            yield lineno, obj, ""
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise UnreadableFile(f"{path}: berkas CSV tanpa baris judul (header)")
    if "id" not in [f.strip() for f in reader.fieldnames]:
        raise UnreadableFile(f"{path}: baris judul CSV tidak memuat kolom 'id'")
    n_columns = len(reader.fieldnames)
    next_start = 2
    for row in reader:
        # A quoted value may span lines: a record starts where the previous one ended.
        start, next_start = next_start, reader.line_num + 1
        extra: list[str] | None = row.get(None)  # type: ignore[assignment]
        if extra is not None:
            yield start, None, f"terlalu banyak kolom ({n_columns + len(extra)} dari {n_columns})"
            continue
        if any(_has_bad_bytes(v) for v in row.values()):
            yield start, None, "baris bukan teks UTF-8 yang sah"
            continue
        yield start, {(k or "").strip(): v for k, v in row.items()}, ""


def read_persons(path: Path) -> ReadResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}: tidak dapat dibaca ({exc.strerror or exc})") from exc
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    result = ReadResult()
    seen: dict[str, int] = {}
    for lineno, record, error in _records(path, text):
        where = f"{path}:{lineno}"
        if record is None:
            result.errors.append(f"{where}: {error}")
            continue
        try:
            person = prepare(record)
        except ValueError as exc:
            result.errors.append(f"{where}: {exc}")
            continue
        if person.id in seen:
            result.errors.append(f"{where}: id: {person.id!r} sudah dipakai di baris {seen[person.id]}")
            continue
        seen[person.id] = lineno
        result.notes.extend(f"{where}: {note} (dianggap kosong)" for note in person.notes)
        result.persons.append(person)
        result.lines.append(lineno)
    return result
