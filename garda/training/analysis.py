"""Test scores and what they say: each participant's score, the session's pre- and post-test means, the gain
and the normalised gain (Hake: the share of what could be gained that was), and the item analysis of the post-test
— difficulty (the share who answered right) and discrimination (the share right among the best 27 % minus among the
weakest 27 %), the classical test theory a training unit reads."""

from dataclasses import dataclass
from statistics import mean
from typing import Any

GROUP = 0.27
SMALL = 10  # under this many post-tests, discrimination says little; the page says so


def score(answers: list[int | None], keys: list[int]) -> float:
    """Percent right; a blank counts as wrong."""
    if not keys:
        return 0.0
    right = sum(1 for chosen, key in zip(answers, keys, strict=False) if chosen == key)
    return round(100 * right / len(keys), 1)


@dataclass(frozen=True)
class Item:
    position: int
    text: str
    difficulty: float  # share right, 0..1
    discrimination: float  # -1..1

    @property
    def flag(self) -> str:
        if self.difficulty > 0.9:
            return "too_easy"
        if self.difficulty < 0.2:
            return "too_hard"
        if self.discrimination < 0.2:
            return "poor_discrimination"
        return ""


@dataclass(frozen=True)
class Results:
    pre_mean: float | None
    post_mean: float | None
    gain: float | None  # points
    normalised_gain: float | None  # 0..1 (can be negative)
    paired: int  # participants with both tests
    items: list[Item]
    small: bool


def results(questions: list[Any], enrolments: list[Any]) -> Results:
    keys = [q.answer for q in questions]
    pre = [e.pre_score for e in enrolments if e.pre_score is not None]
    post_taken = [e for e in enrolments if e.post_answers is not None]
    paired = [e for e in enrolments if e.pre_score is not None and e.post_score is not None]
    gain = normalised = None
    if paired:
        pre_paired, post_paired = mean(e.pre_score for e in paired), mean(e.post_score for e in paired)
        gain = round(post_paired - pre_paired, 1)
        normalised = round((post_paired - pre_paired) / (100 - pre_paired), 2) if pre_paired < 100 else None
    ranked = sorted(post_taken, key=lambda e: e.post_score or 0.0, reverse=True)
    size = max(1, round(len(ranked) * GROUP)) if ranked else 0
    upper, lower = ranked[:size], ranked[-size:] if size else []
    items = []
    for i, question in enumerate(questions):

        def right(group: list[Any], i: int = i, key: int = keys[i]) -> float:
            answered = [e.post_answers[i] if i < len(e.post_answers) else None for e in group]
            return sum(1 for a in answered if a == key) / len(group) if group else 0.0

        items.append(
            Item(
                position=question.position,
                text=question.text,
                difficulty=round(right(post_taken), 2),
                discrimination=round(right(upper) - right(lower), 2),
            )
        )
    return Results(
        pre_mean=round(mean(pre), 1) if pre else None,
        post_mean=round(mean(e.post_score for e in post_taken), 1) if post_taken else None,
        gain=gain,
        normalised_gain=normalised,
        paired=len(paired),
        items=items,
        small=len(post_taken) < SMALL,
    )
