"""The public offer check's reader of a person's own words (`garda.public.offer_reading`) on the held-out texts
(`garda/public/tests/data/offer_texts_holdout.txt`, written after the reader and never used to change it): the
signs it finds against the signs a careful reader finds, per line, beside the baseline — the same patterns with
negation ignored (what a keyword list does).

Figures: precision and recall over every (line, sign) pair, and the share of clean lines (no sign) on which
anything at all was found. Both were written by the same hand as the reader, from the domain brief; they are not
real messages. No goal is set on held-out texts: the figure is reported as measured.

    python bench/bench_offer_reader.py
"""

import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from garda.public import offer_reading

DATA = Path(__file__).resolve().parent.parent / "garda" / "public" / "tests" / "data" / "offer_texts_holdout.txt"


def corpus() -> list[tuple[frozenset[str], str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            codes, text = line.split("|", 1)
            rows.append((frozenset(c for c in codes.split(",") if c), text))
    return rows


def found(text: str) -> frozenset[str]:
    return frozenset(f.code for f in offer_reading.read(text, {}).findings)


def score(rows: list[tuple[frozenset[str], str]], said: list[frozenset[str]]) -> tuple[float, float, float]:
    tp = sum(len(want & got) for (want, _), got in zip(rows, said, strict=True))
    fp = sum(len(got - want) for (want, _), got in zip(rows, said, strict=True))
    fn = sum(len(want - got) for (want, _), got in zip(rows, said, strict=True))
    clean = [got for (want, _), got in zip(rows, said, strict=True) if not want]
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), sum(1 for got in clean if got) / max(len(clean), 1)


def main() -> None:
    rows = corpus()
    start = time.perf_counter()
    said = [found(text) for _, text in rows]
    per_text = (time.perf_counter() - start) / len(rows) * 1e6
    with mock.patch.object(offer_reading, "_denied", lambda *args: False):
        naive = [found(text) for _, text in rows]
    p, r, fa = score(rows, said)
    bp, br, bfa = score(rows, naive)
    clean = sum(1 for want, _ in rows if not want)
    print(
        f"held-out offer texts: {len(rows)} ({clean} clean): reader precision {p:.3f} recall {r:.3f}, "
        f"clean lines flagged {fa:.3f} ({per_text:.0f} µs/text); baseline without negation precision {bp:.3f} "
        f"recall {br:.3f}, clean lines flagged {bfa:.3f}"
    )
    for (want, text), got in zip(rows, said, strict=True):
        if want != got:
            print(f"  missed {sorted(want - got)} extra {sorted(got - want)}: {text}")


if __name__ == "__main__":
    main()
