"""The interview-note reader on its corpus: precision and recall of "the applicant intends to work abroad", on the
development half (the reader was written against it) and on the held-out half (only ever measured), beside the
baseline — the word-by-word matcher screening used before (a work word not negated in the two words before it,
not after a relative's name).

Goal: precision >= 0.95 and recall >= 0.95. Both halves were written by the same hand as the reader, from the
domain brief; they are not officers' notes, and the held-out half is independent of the tuning only.

    python bench/bench_note_reader.py
"""

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from garda.screening.notes import reader

DATA = Path(__file__).resolve().parent.parent / "garda" / "screening" / "tests" / "data"

# The matcher before the reader (garda 2026.11-1): kept here as the baseline.
_WORK = re.compile(
    r"\b(BEKERJA|KERJA|PEKERJAAN|DIPEKERJAKAN|PEKERJA|GAJI|MAJIKAN|LOWONGAN|TKI|TKW|PMI|PRT|ART(?! (?:GALLERY|"
    r"EXHIBITION|MUSEUM|FAIR|SCHOOL|CLASS|COURSE))|ASISTEN RUMAH TANGGA|PEMBANTU|BABYSITTER|KONTRAK KERJA|BURUH|"
    r"MELAMAR|WORK|WORKING|JOB|MAID|SALARY|EMPLOYMENT|DOMESTIC HELPER|CAREGIVER)\b"
)
_NEG = re.compile(r"\b(TIDAK|TAK|BUKAN|BELUM|TANPA|NOT|NO|NEVER|WITHOUT)\s+(\w+\s+)?$")
_REL = re.compile(
    r"\b(SUAMI|ISTRI|ANAK|ANAKNYA|AYAH|BAPAK|IBU|KAKAK|ADIK|SAUDARA|KELUARGA|HUSBAND|WIFE|SON|DAUGHTER|FATHER|"
    r"MOTHER|BROTHER|SISTER)(NYA)?\s+(SAYA\s+|YANG\s+|MY\s+)?(SUDAH\s+|SEDANG\s+|IS\s+)?$"
)


def baseline(notes: str) -> bool:
    text = " ".join(re.sub(r"[^A-Z |]", " ", re.sub(r"[.,;:!?()]", " | ", notes.upper())).split())
    return any(not _NEG.search(text[: m.start()]) and not _REL.search(text[: m.start()]) for m in _WORK.finditer(text))


def corpus(name: str) -> list[tuple[bool, str]]:
    return [
        (line[0] == "W", line[2:])
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line[:2] in {"W|", "C|"}
    ]


def score(notes: list[tuple[bool, str]], said: list[bool]) -> tuple[float, float]:
    tp = sum(1 for (w, _), s in zip(notes, said, strict=True) if w and s)
    fp = sum(1 for (w, _), s in zip(notes, said, strict=True) if s and not w)
    fn = sum(1 for (w, _), s in zip(notes, said, strict=True) if w and not s)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def main() -> None:
    read = reader()
    for name in ("interview_notes_dev.txt", "interview_notes_holdout.txt"):
        notes = corpus(name)
        start = time.perf_counter()
        said = [bool(read.read(text).intent) for _, text in notes]
        per_note = (time.perf_counter() - start) / len(notes) * 1e6
        p, r = score(notes, said)
        bp, br = score(notes, [baseline(text) for _, text in notes])
        clean = sum(1 for w, _ in notes if not w)
        print(
            f"{name:<30} {len(notes)} notes ({clean} clean): reader precision {p:.3f} recall {r:.3f} "
            f"({per_note:.0f} µs/note); baseline precision {bp:.3f} recall {br:.3f}; goal >= 0.95 each"
        )


if __name__ == "__main__":
    main()
