"""From indicators to a result: the score, the risk level and the recommendation — all derived from what fired,
so the officer can see why. Screening advises; the officer decides."""

from dataclasses import dataclass, field
from typing import Any

from garda.screening.context import Context
from garda.screening.indicators import RECOMMENDATIONS, RULES_VERSION, Indicator, explain
from garda.screening.rules import LINKING_RULES, SIMPLE_RULES, Subject, relatives_of_interest

SEVERITY_WEIGHT = {"low": 10, "medium": 25, "high": 45}
SEVERITY_ORDER = {"low": 0, "medium": 1, "high": 2}
HIGH_SCORE, MEDIUM_SCORE = 70, 30


@dataclass
class Result:
    risk_level: str
    score: int
    recommendation: str
    indicators: list[Indicator]
    matches: list[dict[str, Any]] = field(default_factory=list)
    # Relatives with records (context only: never an indicator, never in the score or the recommendation).
    relatives: list[dict[str, Any]] = field(default_factory=list)
    rules_version: str = RULES_VERSION
    context: dict[str, Any] = field(default_factory=dict)

    def stored_indicators(self) -> list[dict[str, Any]]:
        return [
            {
                "code": i.code,
                "category": i.category,
                "severity": i.severity,
                "evidence": i.evidence,
                "params": i.params,
                **({} if i.counted else {"counted": False}),
            }
            for i in self.indicators
        ]


def screen(subject: Subject, ctx: Context) -> Result:
    indicators: list[Indicator] = []
    matches: list[dict[str, Any]] = []
    for rule in SIMPLE_RULES:
        indicators.extend(rule(subject, ctx))
    for linking in LINKING_RULES:
        found, linked = linking(subject, ctx)
        indicators.extend(found)
        matches.extend(linked)
    indicators.sort(key=lambda i: (-SEVERITY_ORDER[i.severity], i.category, i.code))
    result = assess(indicators, matches, ctx)
    result.relatives = relatives_of_interest(subject, ctx)
    return result


def assess(indicators: list[Indicator], matches: list[dict[str, Any]], ctx: Context | None = None) -> Result:
    """Score = the chance that at least one indicator holds, treating each severity as a weight; the risk level
    follows the strongest indicator or the score; the recommendation is the strongest any indicator asks for."""
    remaining = 1.0
    for indicator in indicators:
        if indicator.counted:  # one finding under two grounds counts once
            remaining *= 1.0 - SEVERITY_WEIGHT[indicator.severity] / 100.0
    score = round(100 * (1.0 - remaining))
    strongest = max((SEVERITY_ORDER[i.severity] for i in indicators), default=-1)
    if strongest == 2 or score >= HIGH_SCORE:
        risk = "high"
    elif strongest == 1 or score >= MEDIUM_SCORE:
        risk = "medium"
    else:
        risk = "low"
    wanted = [RECOMMENDATIONS.index(i.rule.recommends) for i in indicators]
    level = max(wanted, default=0)
    if risk == "high":
        level = max(level, RECOMMENDATIONS.index("postpone"))
    elif risk == "medium":
        level = max(level, RECOMMENDATIONS.index("request_documents"))
    unique: dict[tuple[str, str], dict[str, Any]] = {}
    for match in matches:
        key = (match["kind"], match["id"])
        if key not in unique or unique[key]["score"] < match["score"]:
            unique[key] = match
    return Result(
        risk_level=risk,
        score=score,
        recommendation=RECOMMENDATIONS[level],
        indicators=indicators,
        matches=list(unique.values()),
        context=dict(ctx.versions) if ctx else {},
    )


def as_contract(
    *,
    line: int,
    application_id: str,
    office: str,
    risk_level: str,
    score: int,
    recommendation: str,
    indicators: list[dict[str, Any]],
    matches: list[dict[str, Any]],
    rules_version: str,
    language: str = "id",
    relatives: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One line of screening-result.schema.json (with the optional `relatives`: family members with records,
    context only, when there are any)."""
    result: dict[str, Any] = {
        "line": line,
        "application_id": application_id,
        "office": office,
        "risk_level": risk_level,
        "score": score,
        "recommendation": recommendation,
        "indicators": [
            {
                "code": i["code"],
                "category": i["category"],
                "severity": i["severity"],
                "evidence": i["evidence"],
                "explanation": explain(i["code"], i.get("params", {}), language),
            }
            for i in indicators
        ],
        "matches": matches,
        "rules_version": rules_version,
    }
    if relatives:
        result["relatives"] = [
            {k: v for k, v in r.items() if k not in {"relation_id", "relation_en"}}
            | {"relation_label": r["relation_id"] if language == "id" else r["relation_en"]}
            for r in relatives
        ]
    return result
