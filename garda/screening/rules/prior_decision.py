"""Earlier decisions on the same person — found by identity, not only by NIK — at any office."""

from typing import Any

from garda.identity.api import RELATIONS
from garda.screening.context import Context
from garda.screening.indicators import (
    DECISION_LABELS,
    Indicator,
)
from garda.screening.rules.base import Subject, _d, exact_or_likely, match_evidence
from garda.screening.rules.people import recruiters_household


def prior_decisions(s: Subject, ctx: Context) -> tuple[list[Indicator], list[dict[str, Any]]]:
    found: list[Indicator] = []
    matches: list[dict[str, Any]] = []
    for match in exact_or_likely(s.person, ctx, kinds=("decision",), threshold=ctx.thresholds.of_interest):
        info = match.watched.info
        if match.watched.ref == s.ref:
            continue
        decided = info["decided_at"]
        # Only what was decided before this application (or on an earlier application).
        if info["submitted_at"] >= s.submitted and (decided is None or decided >= s.submitted):
            continue
        if match.probability < ctx.thresholds.of_interest and not (
            s.person.nik and s.person.nik == match.watched.person.nik
        ):
            continue  # a shared phone alone does not make an earlier decision this person's
        matches.append({"kind": "application", "id": match.watched.ref, "score": round(match.probability, 4)})
        evidence = {
            "compared": "applicant",
            **match_evidence(match),
            "decision": info["kind"],
            "decided_at": decided.isoformat() if decided else None,
            "categories": info["categories"],
        }
        until = info["until"]
        if info["kind"] == "suspended" and (until is None or until >= s.submitted.date()):
            evidence["until"] = _d(until) if until else None
            found.append(
                Indicator(
                    "PD_ACTIVE_SUSPENSION",
                    "high",
                    evidence,
                    {
                        "office": info["office"],
                        "until": _d(until) if until else "-",
                        "how": match.how,
                        "how_en": match.how_en,
                    },
                )
            )
            continue
        kind_id, kind_en = DECISION_LABELS.get(info["kind"], (info["kind"], info["kind"]))
        severity = "medium" if info["kind"] in {"postponed", "suspended"} else "high"
        if set(info["categories"] or []) == {"administrative"}:
            severity = "low"  # postponed or refused for an incomplete file: worth knowing, no indication of TPPO
        found.append(
            Indicator(
                "PD_EARLIER_DECISION",
                severity,
                evidence,
                {
                    "kind": kind_id,
                    "kind_en": kind_en,
                    "office": info["office"],
                    "date": decided.date().isoformat() if decided else "-",
                    "how": match.how,
                    "how_en": match.how_en,
                },
            )
        )
    return found, matches


def relatives_of_interest(s: Subject, ctx: Context) -> list[dict[str, Any]]:
    """Members of the applicant's family with an adverse decision or named in a partner report: context for the
    officer ("a member of the same KK was refused at CIREBON"), with no category, no score and no recommendation.
    A relative's record is never a ground; the person themself is found by the matcher, not here."""
    found: list[dict[str, Any]] = []
    for relative in ctx.watch.relatives(s.person, same_person_below=ctx.thresholds.of_interest):
        watched = relative.watched
        if watched.ref == s.ref:
            continue
        info = watched.info
        relation, label_id, label_en = relative.relation, relative.label_id, relative.label_en
        if watched.kind == "report_subject" and info["role"] in {"recruiter", "companion", "company"}:
            # A recruiter's number on a stranger's form is a finding of its own (people_in_reports); a member of
            # his household is told of here, as context, however the two were found.
            tie = relation if relation != "same_phone" else recruiters_household(s, watched)
            if tie is None:
                continue
            if tie != relation:
                relation, (label_id, label_en) = tie, RELATIONS[tie]
        entry: dict[str, Any] = {
            "kind": "application" if watched.kind == "decision" else "agency_report_subject",
            "id": watched.ref,
            "relation": relation,
            "relation_id": label_id,
            "relation_en": label_en,
        }
        if watched.kind == "decision":
            decided = info["decided_at"]
            if info["submitted_at"] >= s.submitted and (decided is None or decided >= s.submitted):
                continue  # only what was known before this application
            entry.update(
                office=info["office"], decision=info["kind"], decided_at=decided.isoformat() if decided else None
            )
        else:
            entry.update(agency=info["agency"], report=info["report"], role=info["role"])
        found.append(entry)
    return found


# --- the rule set -------------------------------------------------------------------------------------------------
