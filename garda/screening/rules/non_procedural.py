"""Non-procedural departure: the purpose's required documents (SE IMI-0277.GR.02.06/2017), the P3MI registry, a
job-seeker's profile towards placement, moratorium or scam-compound countries, work documents or work intent
behind another purpose."""

import re
from typing import Any

from garda.screening.context import Context
from garda.screening.indicators import (
    DOCUMENT_LABELS,
    OBSERVATION_LABELS,
    PURPOSE_LABELS,
    Indicator,
    labels,
)
from garda.screening.rulebook import Requirement
from garda.screening.rules.base import (
    NO_WORK,
    NOT_WORK_PURPOSES,
    Subject,
    _d,
)
from garda.screening.statements import purpose_said


def missing_purpose_documents(s: Subject, ctx: Context) -> list[Indicator]:
    required = ctx.required_documents.get(s.purpose, [])
    missing: list[Requirement] = []
    for r in required:
        # Two codes met by the same document (the ID PMI shows the medical check) are one thing to bring.
        if not r.met_by(s.documents) and all(m.accepts != r.accepts for m in missing):
            missing.append(r)
    if not missing:
        return []
    # Labels of the contract's document types; a requirement met by any of several documents reads "A atau B".
    missing_id = "; ".join(" atau ".join(DOCUMENT_LABELS.get(a, (a, a))[0] for a in r.accepts) for r in missing)
    missing_en = "; ".join(" or ".join(DOCUMENT_LABELS.get(a, (a, a))[1] for a in r.accepts) for r in missing)
    purpose_id, purpose_en = PURPOSE_LABELS.get(s.purpose, (s.purpose, s.purpose))
    # A placement (work, or an internship abroad) without the manpower authority's papers is the non-procedural
    # departure the circular is about; other purposes wait for documents.
    severity = "high" if s.purpose in {"work", "internship"} else "medium"
    return [
        Indicator(
            "NP_MISSING_PURPOSE_DOCUMENTS",
            severity,
            {
                "compared": "documents[].type",
                "with": "reference list required_documents_by_purpose",
                "version": ctx.versions.get("required_documents_by_purpose"),
                "purpose": s.purpose,
                "presented": sorted(s.document_types()),
                # Contract document types; alternatives as "guarantee_letter|invitation_letter".
                "missing": ["|".join(r.accepts) for r in missing],
                "requirements": [r.code for r in missing],
            },
            {"purpose": purpose_id, "purpose_en": purpose_en, "missing": missing_id, "missing_en": missing_en},
        )
    ]


def placement_company(s: Subject, ctx: Context) -> list[Indicator]:
    company = s.travel.get("placement_company") or {}
    name, number = str(company.get("name") or ""), str(company.get("license_number") or "")
    if s.purpose not in {"work", "internship"} or not (name or number) or not ctx.registry:
        return []
    licensed = ctx.licensed(name, number)
    evidence: dict[str, Any] = {
        "compared": "travel.placement_company",
        "value": {"name": name, "license_number": number},
        "with": f"P3MI registry snapshot {ctx.versions.get('p3mi_snapshot')}",
    }
    if licensed is None:
        return _and_illegal_agent(Indicator("NP_UNLICENSED_P3MI", "high", evidence, {"company": name or number}))
    evidence["registry_entry"] = {
        "name": licensed.name,
        "license_number": licensed.license_number,
        "valid_until": _d(licensed.valid_until) if licensed.valid_until else None,
    }
    if licensed.valid_until is not None and licensed.valid_until < s.submitted.date():
        return _and_illegal_agent(
            Indicator(
                "NP_P3MI_LICENCE_EXPIRED",
                "high",
                evidence,
                {"company": licensed.name, "valid_until": licensed.valid_until.isoformat()},
            )
        )
    return []


def _and_illegal_agent(finding: Indicator) -> list[Indicator]:
    """A company without a licence in force is an illegal agent too (the office's third ground, "menggunakan agen
    ilegal"): the same finding under both grounds, counted once in the score."""
    company = finding.params.get("company", "")
    return [
        finding,
        Indicator("IA_UNLICENSED_PLACEMENT", finding.severity, finding.evidence, {"company": company}, False),
    ]


BEHAVIOURAL = {"no_return_ticket", "funded_by_third_party", "agent_companion"}
_SIGNALS = {
    "agent_companion": ("didampingi agen", "accompanied by an agent"),
    "no_work": ("tidak bekerja", "no work"),
    "first_passport": ("paspor pertama", "first passport"),
    "no_return_ticket": ("tanpa tiket pulang", "no return ticket"),
    "funded_by_third_party": (
        "dibiayai pihak lain (sponsor, agen atau pemberi kerja)",
        "funded by someone else (a sponsor, an agent or an employer)",
    ),
}


def job_seeker_profile(s: Subject, ctx: Context) -> list[Indicator]:
    if s.purpose in {"work", "study", "medical"}:
        return []
    if s.purpose in {"umrah", "hajj"} and {"recommendation_kemenag", "travel_agent_letter"} <= s.document_types():
        return []  # a pilgrim with the Kemenag recommendation and the organiser's letter travels procedurally
    if s.purpose == "internship" and "recommendation_disnaker" in s.document_types():
        return []  # an intern placed through the manpower authorities' recommendation, as the reference list asks
    country = str(s.travel.get("destination_country") or "")
    lists = [
        (name, pair)
        for name, members, pair in (
            ("pmi_destinations", ctx.pmi_destinations, ("negara penempatan PMI", "PMI placement country")),
            ("moratorium_middle_east", ctx.moratorium, ("negara moratorium", "moratorium country")),
            ("scam_compound_countries", ctx.scam_countries, ("negara online scam", "online-scam country")),
        )
        if country in members
    ]
    if not lists:
        return []
    signals: dict[str, int] = {}
    occupation = str(s.applicant.get("occupation") or "").upper()
    if NO_WORK.search(occupation):
        signals["no_work"] = 1
    if s.record.get("application_type", "new") == "new" and not s.applicant.get("has_previous_passport"):
        signals["first_passport"] = 1
    if s.travel.get("return_ticket") is False:
        signals["no_return_ticket"] = 1
    # Someone else pays: the strongest sign of a recruited trip. Not an employer paying for a business trip, which
    # is how business travel is paid.
    third_parties = {"sponsor", "agent"} if s.purpose == "business" else {"sponsor", "agent", "employer"}
    if s.travel.get("funds_source") in third_parties:
        signals["funded_by_third_party"] = 2
    if s.companion.get("relation") == "agent":
        signals["agent_companion"] = 2
    # Who the applicant is (no paid work, a first passport) never makes the profile, nor its severity: only what
    # the applicant does counts — a one-way ticket, someone else paying, an agent along. Those signs are shown
    # with the rest for the officer, but a clean housewife from a PMI-sending province is not flagged more often
    # than anyone else (`garda stats fairness`, bench_screening_fairness.py).
    acts = sum(n for name, n in signals.items() if name in BEHAVIOURAL)
    if acts < ctx.thresholds.job_seeker_points:
        return []
    severity = "high" if acts >= ctx.thresholds.job_seeker_high_points else "medium"
    signals_id, signals_en = labels(_SIGNALS, list(signals))
    return [
        Indicator(
            "NP_JOB_SEEKER_PROFILE",
            severity,
            {
                "compared": "travel.destination_country",
                "value": country,
                "with": [name for name, _ in lists],
                "signals": {
                    "applicant.occupation": occupation or None,
                    "application_type": s.record.get("application_type", "new"),
                    "applicant.has_previous_passport": s.applicant.get("has_previous_passport"),
                    "travel.return_ticket": s.travel.get("return_ticket"),
                    "travel.funds_source": s.travel.get("funds_source"),
                    "companion.relation": s.companion.get("relation"),
                },
                "points": acts,
            },
            {
                "country": country,
                "lists": ", ".join(pair[0] for _, pair in lists),
                "lists_en": ", ".join(pair[1] for _, pair in lists),
                "signals": signals_id,
                "signals_en": signals_en,
            },
        )
    ]


def work_documents_undeclared(s: Subject, ctx: Context) -> list[Indicator]:
    """Work documents, an employer or a placement company behind a purpose that is not work."""
    if s.purpose not in NOT_WORK_PURPOSES:
        return []
    found = sorted(s.document_types() & {"employment_contract", "work_visa"})
    employer = (s.travel.get("employer") or {}).get("name")
    company = (s.travel.get("placement_company") or {}).get("name")
    if employer and s.purpose != "business":
        found.append("employer")
    if company:
        found.append("placement_company")
    if not found:
        return []
    docs_id, docs_en = labels(DOCUMENT_LABELS, found)
    purpose_id, purpose_en = PURPOSE_LABELS.get(s.purpose, (s.purpose, s.purpose))
    evidence = {"compared": "documents[].type", "value": found, "with": "travel.purpose", "other": s.purpose}
    params = {"documents": docs_id, "documents_en": docs_en, "purpose": purpose_id, "purpose_en": purpose_en}
    # The applicant's own papers contradict the purpose she states: an inconsistency as well, the same finding
    # counted once in the score.
    return [
        Indicator("NP_WORK_DOCUMENTS_UNDECLARED", "high", evidence, params),
        Indicator("INC_WORK_DOCUMENTS_CONTRADICT_PURPOSE", "high", evidence, params, False),
    ]


def interview_work_intent(s: Subject, ctx: Context) -> list[Indicator]:
    if s.purpose in {"work", "internship"} or not s.interview:
        return []
    observations = s.interview.get("observations") or []
    stated = s.interview.get("stated_purpose")
    reading = ctx.notes.read(str(s.interview.get("notes") or ""))
    if "admits_work_intent" not in observations and purpose_said(stated) != "work" and not reading.intent:
        return []
    purpose_id, purpose_en = PURPOSE_LABELS.get(s.purpose, (s.purpose, s.purpose))
    return [
        Indicator(
            "NP_INTERVIEW_WORK_INTENT",
            "high",
            {
                "compared": "interview",
                "value": {"stated_purpose": stated, "observations": observations, "notes_words": reading.intent},
                "with": "travel.purpose",
                "other": s.purpose,
                "notes_set_aside": [f"{word}: {why}" for word, why in reading.set_aside],
            },
            {"purpose": purpose_id, "purpose_en": purpose_en},
        )
    ]


WEAK_TRIP = ("cannot_explain_itinerary", "does_not_know_host", "answers_appear_coached", "met_sponsor_online")


def interview_weak_trip(s: Subject, ctx: Context) -> list[Indicator]:
    found = [o for o in s.interview.get("observations") or [] if o in WEAK_TRIP]
    if not found:
        return []
    text_id, text_en = labels(OBSERVATION_LABELS, found)
    return [
        Indicator(
            "NP_INTERVIEW_WEAK_TRIP",
            "high" if len(found) >= 2 else "medium",
            {"compared": "interview.observations", "value": found},
            {"observations": text_id, "observations_en": text_en},
        )
    ]


_COMPANY_FORM = re.compile(r"\b(PT|CV|LTD|LLC|CO|COMPANY|CORP|EST|ESTABLISHMENT|GROUP|SDN|BHD|INC|HOSPITAL|HOTEL)\b")


def moratorium_work(s: Subject, ctx: Context) -> list[Indicator]:
    country = str(s.travel.get("destination_country") or "")
    employer = str((s.travel.get("employer") or {}).get("name") or "")
    # The moratorium bans placement with individual users (households); a company employer is not covered.
    if s.purpose != "work" or country not in ctx.moratorium or not employer:
        return []
    if _COMPANY_FORM.search(re.sub(r"[^A-Z ]", " ", employer.upper())):
        return []
    return [
        Indicator(
            "NP_MORATORIUM_WORK",
            "medium",
            {
                "compared": "travel.destination_country",
                "value": country,
                "with": "moratorium_middle_east",
                "employer": employer,
            },
            {"country": country},
        )
    ]


# --- inconsistency ------------------------------------------------------------------------------------------------
