"""JSON Lines: one record per line for any reader, whatever the text holds."""

import json

from hypothesis import given
from hypothesis import strategies as st

from garda.core.jsonlines import dumps_line, split_lines

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


@given(VALUES)
def test_a_written_record_is_one_line_to_any_splitter_and_reads_back(value: object) -> None:
    line = dumps_line(value)
    assert line.splitlines() == [line]
    assert json.loads(line) == value


@given(st.lists(VALUES, max_size=5), st.sampled_from(["\n", "\r\n"]))
def test_reading_splits_only_at_line_ends(values: list[object], end: str) -> None:
    text = "".join(json.dumps(v, ensure_ascii=False) + end for v in values)  # raw U+2028 and friends included
    assert [json.loads(line) for line in split_lines(text)] == values


def test_a_name_with_a_line_separator_stays_readable() -> None:
    assert dumps_line({"full_name": "SITI\u2028AMINAH\x85"}) == '{"full_name": "SITI\\u2028AMINAH\\u0085"}'
