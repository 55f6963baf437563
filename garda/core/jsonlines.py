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
