"""JSON Lines as the contracts mean it: records end at a line feed (or CR LF, or CR) and nowhere else.

Python's `str.splitlines` also breaks at U+0085, U+2028, U+2029 and a few control characters, all of which JSON
allows raw inside a string: a name carrying one would be cut in two. Reading splits on line ends only, and writing
escapes those characters, so a consumer that splits on them still sees one record per line.
"""

import json
import re
from typing import Any

LINE_ENDS = re.compile(r"\r\n|\r|\n")
# Characters some readers (Python's splitlines, JavaScript before ES2019) take as a line end; json.dumps with
# ensure_ascii=False leaves them raw because JSON does not require escaping them.
_SEPARATORS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def split_lines(text: str) -> list[str]:
    lines = LINE_ENDS.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def dumps_line(value: Any) -> str:
    """One record as a JSON line (without the line feed), readable text kept as is."""
    return json.dumps(value, ensure_ascii=False).translate(_SEPARATORS)


# Text no database can keep, though JSON allows it: NUL (PostgreSQL refuses it in text and JSON) and a lone UTF-16
# surrogate (an escape like \\ud800 with no pair: no character, and not writable as UTF-8). In a JSON line both can
# only come from an escape, so the line's text is searched first and only such a line's values are walked.
_ESCAPED = re.compile(rb"\\u(0000|[dD][89a-fA-F])")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_text(raw: bytes, value: Any) -> list[str]:
    """`path: reason` for each string (or key) of the parsed line that cannot be stored."""
    if not _ESCAPED.search(raw):
        return []
    return [f"{path}: {reason}" for path, reason in _walk(value, "")]


def _walk(value: Any, path: str) -> list[tuple[str, str]]:
    if isinstance(value, str):
        bad = _UNSTORABLE.search(value)
        if bad is None:
            return []
        if bad.group() == "\x00":
            return [(path or "$", "memuat karakter NUL (U+0000) yang tidak dapat disimpan")]
        return [(path or "$", "memuat surrogate UTF-16 tanpa pasangan, bukan karakter yang sah")]
    if isinstance(value, dict):
        found = []
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if _walk(key, ""):
                found.append((where.encode("utf-8", "backslashreplace").decode(), "nama kolom tidak dapat disimpan"))
            else:
                found += _walk(item, where)
        return found
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in _walk(item, f"{path}[{i}]")]
    return []
