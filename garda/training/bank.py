"""The question bank as a trainer writes it: one block per question, separated by a blank line; the first line is
the question (optionally opened by its topic in brackets), then one line per choice, `*` for the right one and `-`
for the others.

    [modus] Tawaran kerja mana yang paling patut dicurigai?
    - Pabrik di Taiwan lewat P3MI berizin, kontrak dibaca di Disnaker
    * Admin online di Kamboja, gaji 20 juta, tanpa syarat
    - Perawat rumah sakit di Jepang lewat program G to G

Every problem is reported with its line, and nothing is kept until the whole bank reads.
"""

from dataclasses import dataclass

from garda.training.models import Topic

TOPIC_WORDS = {"modus": Topic.MODUS, "indikator": Topic.INDICATORS, "sop": Topic.SOP, "hukum": Topic.LAW}
MAX_CHOICES = 6


@dataclass(frozen=True)
class ParsedQuestion:
    text: str
    choices: list[str]
    answer: int
    topic: str


class BankError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _question_line(line: str, number: int, problems: list[str]) -> tuple[str, str]:
    topic = ""
    if line.startswith("["):
        end = line.find("]")
        word = line[1:end].strip().lower() if end > 0 else ""
        if end < 0 or word not in TOPIC_WORDS:
            names = ", ".join(TOPIC_WORDS)
            problems.append(f"baris {number}: topik dalam kurung siku harus salah satu dari: {names}")
        else:
            topic = TOPIC_WORDS[word]
        line = line[end + 1 :].strip() if end > 0 else line
    if line[:1] in "-*":
        problems.append(f"baris {number}: pertanyaan dulu, baru pilihan jawabannya")
    return line, topic


def parse(text: str) -> list[ParsedQuestion]:
    problems: list[str] = []
    questions: list[ParsedQuestion] = []
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append((number, line))
    for block in (b for b in blocks if b):
        first, head = block[0]
        question, topic = _question_line(head, first, problems)
        choices: list[str] = []
        right: list[int] = []
        for number, line in block[1:]:
            mark, choice = line[:1], line[1:].strip()
            if mark not in "-*" or not choice:
                problems.append(f"baris {number}: pilihan jawaban diawali '-' (salah) atau '*' (benar), lalu teksnya")
                continue
            if mark == "*":
                right.append(len(choices))
            choices.append(choice)
        if not 2 <= len(choices) <= MAX_CHOICES:
            problems.append(f"baris {first}: pertanyaan perlu 2 sampai {MAX_CHOICES} pilihan jawaban")
        if len(right) != 1:
            problems.append(f"baris {first}: tandai tepat satu jawaban benar dengan '*'")
        if len(question) < 5:
            problems.append(f"baris {first}: teks pertanyaan terlalu pendek")
        if not problems:
            questions.append(ParsedQuestion(question, choices, right[0], topic))
    if not questions and not problems:
        problems.append("bank soal kosong: tulis paling sedikit satu pertanyaan")
    if problems:
        raise BankError(problems)
    return questions
