"""The people around the application: partner reports' subjects (agency_report), recruiters, illegal companies,
unlicensed agents, and one companion or phone across several families (illegal_agent)."""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from garda.core.vocabulary import Pairs
from garda.identity.api import Person, Watched, WatchMatch, household_keys, prepare
from garda.intel.api import company_key
from garda.screening import lookups
from garda.screening.context import Context
from garda.screening.indicators import (
    OBSERVATION_LABELS,
    Indicator,
    labels,
)
from garda.screening.rules.base import (
    Subject,
    _d,
    exact_or_likely,
    match_evidence,
    other_families,
)

RECRUITER_ROLES = {"recruiter", "companion"}
RECRUITER_CATEGORIES = {"suspected_recruiter", "illegal_company"}


def _report_ref(match: WatchMatch) -> str:
    info = match.watched.info
    return f"{info['agency']}/{info['report']}" + (f" ({info['reference']})" if info.get("reference") else "")


def _live(match: WatchMatch, s: Subject) -> bool:
    valid_until = match.watched.info.get("valid_until")
    return valid_until is None or valid_until >= s.submitted.date()


def people_in_reports(s: Subject, ctx: Context) -> tuple[list[Indicator], list[dict[str, Any]]]:
    """The applicant, the companion and the host or sponsor against every partner report's subjects."""
    found: list[Indicator] = []
    matches: list[dict[str, Any]] = []
    for who, person, (who_id, who_en) in _people_around(s):
        best: dict[str, WatchMatch] = {}  # one subject may be indexed under several names (aliases)
        for match in exact_or_likely(person, ctx, kinds=("report_subject",), threshold=ctx.thresholds.of_interest):
            if match.watched.ref not in best or best[match.watched.ref].probability < match.probability:
                best[match.watched.ref] = match
        for match in best.values():
            info = match.watched.info
            live = _live(match, s)
            recruiter = info["role"] in RECRUITER_ROLES or (
                info["category"] in RECRUITER_CATEGORIES and info["role"] != "victim"
            )
            if who == "host" and not recruiter:
                continue  # a host who was once a victim is no finding about this trip
            # Matched by a phone while name, birth date or NIK say another person: for a victim, a relative on the
            # family phone (context, listed with the relatives). For a recruiter, his number on a stranger's form is
            # the finding (he is her contact: the classic sign of a recruit) — but she is not the report's subject,
            # and no indicator says she is. When the applicant is of his household by the report's own KK, parents
            # or address, or by his own earlier forms, the number is the family phone: context, like a victim's.
            another_person = _household_phone_only(person, match, ctx.thresholds.of_interest)
            if another_person and (not recruiter or (who == "applicant" and recruiters_household(s, match.watched))):
                continue
            matches.append(
                {"kind": "agency_report_subject", "id": match.watched.ref, "score": round(match.probability, 4)}
            )
            evidence = {
                "compared": who,
                **match_evidence(match),
                "report_category": info["category"],
                "subject_role": info["role"],
                "report_valid_until": _d(info["valid_until"]) if info["valid_until"] else None,
            }
            victim = info["role"] == "victim"
            if who != "host" and not another_person:
                # A victim (a Kemlu returnee, a rescued worker) who applies again needs an interview and protection,
                # not the treatment of a recruiter: medium, and the interview rather than a postponement.
                severity = "medium" if victim else ("high" if info["category"] != "other" else "medium")
                found.append(
                    Indicator(
                        "AR_VICTIM_MATCH" if victim else "AR_SUBJECT_MATCH",
                        severity if live else "low",
                        evidence,
                        {
                            "who": who_id,
                            "who_en": who_en,
                            "role": _ROLE_LABELS.get(info["role"], (info["role"],))[0],
                            "role_en": info["role"],
                            "agency": info["agency"],
                            "report": _report_ref(match),
                            "category": _CATEGORY_LABELS.get(info["category"], (info["category"],))[0],
                            "category_en": info["category"].replace("_", " "),
                            "how": match.how,
                            "how_en": match.how_en,
                        },
                    )
                )
            # The applicant's own phone being a recruiter's is the recruiter's contact written on the form.
            if recruiter and live and (who != "applicant" or person.phone == match.watched.person.phone):
                label = ("Telepon pemohon", "applicant's phone") if who == "applicant" else (who_id, who_en)
                found.append(
                    Indicator(
                        "IA_COMPANION_REPORTED_RECRUITER",
                        "high",
                        evidence,
                        {
                            "who": label[0],
                            "who_en": label[1],
                            "name": person.phone if who == "applicant" else (person.name.text if person.name else ""),
                            "role": _ROLE_LABELS.get(info["role"], (info["role"],))[0],  # the report's own word
                            "role_en": info["role"],
                            "report": _report_ref(match),
                            "how": match.how,
                            "how_en": match.how_en,
                        },
                        # The same report match as the agency-report indicator beside it: counted once.
                        counted=who == "host" or another_person,
                    )
                )
    return found, matches


def _household_phone_only(person: Person, match: WatchMatch, of_interest: float) -> bool:
    """Matched by a shared phone alone while the person's own fields (name, birth date, NIK, sex) say another
    person: a member of the same household on the family phone, which is no ground — unlike a recruiter's number
    on the form, which is the finding itself."""
    other = match.watched.person
    if match.probability >= of_interest or (person.nik and person.nik == other.nik):
        return False
    if person.other_id and person.other_id == other.other_id:
        return False
    return any(e.group == "person" and e.weight <= -3.0 for e in match.result.evidence)


_FAMILY_PARTS = {"KK": "same_kk", "PA": "same_parents", "AD": "same_address"}  # the strongest tie named


def _address_key(text: str | None) -> str:
    """An address as offices and the police key it alike: "Jl. Mawar No. 5 Rt 3/Rw 2" is "JL. MAWAR NO. 5 RT
    003/RW 002" (the person layer has already upper-cased it and dropped the punctuation)."""
    return " ".join((w.lstrip("0") or "0") if w.isdigit() else _STREET.get(w, w) for w in (text or "").split())


_STREET = {"JALAN": "JL", "GANG": "GG", "NOMOR": "NO", "NOMER": "NO"}


def recruiters_household(s: Subject, watched: Watched) -> str | None:
    """How the applicant belongs to the household of a report's subject, or None: the KK, the parents, or the
    mother and address the report gives for him, or a family key (KK, address, parents) his own earlier
    applications share with this one. A phone shared with no such tie is not a household."""
    ours, theirs = household_keys(s.person), household_keys(watched.person)
    for relation, key in ours.items():
        if theirs.get(relation) == key:
            return relation
    address = _address_key(s.person.address)
    if len(address) >= 12 and address == _address_key(watched.person.address):
        return "same_address"
    if not watched.person.nik:
        return None
    mine = set(s.family().split("|"))
    shared = {part[:2] for family in lookups.families_of_nik(watched.person.nik, before=s.submitted)
              for part in mine & set(family.split("|"))}  # fmt: skip
    return next((relation for prefix, relation in _FAMILY_PARTS.items() if prefix in shared), None)


def _people_around(s: Subject) -> list[tuple[str, Person, tuple[str, str]]]:
    people: list[tuple[str, Person, tuple[str, str]]] = [("applicant", s.person, ("Pemohon", "applicant"))]
    if (companion := s.companion_person()) is not None:
        people.append(("companion", companion, ("Pendamping", "companion")))
    host = s.travel.get("host") or {}
    if isinstance(host, dict) and (host.get("full_name") or host.get("phone")):
        person = prepare({"id": f"{s.ref}#host", "full_name": host.get("full_name"), "phone": host.get("phone")})
        people.append(("host", person, ("Penjamin/pihak yang dikunjungi", "host or sponsor")))
    return people


_ROLE_LABELS = Pairs("report_role")
_CATEGORY_LABELS = Pairs("report_category")


def reported_companies(s: Subject, ctx: Context) -> list[Indicator]:
    found = []
    names = {
        "travel.placement_company.name": (s.travel.get("placement_company") or {}).get("name"),
        "travel.employer.name": (s.travel.get("employer") or {}).get("name"),
        "companion.organisation": s.companion.get("organisation"),
    }
    for path, name in names.items():
        key = company_key(str(name or ""))
        for ref, category in ctx.reported_companies.get(key, []) if key else []:
            found.append(
                Indicator(
                    "IA_REPORTED_COMPANY",
                    "high",
                    {"compared": path, "value": name, "with": f"agency report {ref}", "report_category": category},
                    {"company": name, "report": ref},
                )
            )
    return found


def unlicensed_agent(s: Subject, ctx: Context) -> list[Indicator]:
    c = s.companion
    if c.get("relation") != "agent":
        return []
    organisation = str(c.get("organisation") or "").strip()
    if organisation and (not ctx.registry or ctx.licensed(organisation) is not None):
        return []  # a licensed P3MI's staff (or no registry to judge by)
    return [
        Indicator(
            "IA_UNLICENSED_AGENT",
            "high" if organisation else "medium",
            {
                "compared": "companion.organisation",
                "value": organisation or None,
                "with": f"P3MI registry snapshot {ctx.versions.get('p3mi_snapshot')}",
                "relation": "agent",
            },
            {"organisation": organisation or "perorangan (calo)", "organisation_en": organisation or "an individual"},
        )
    ]


def organised_group(s: Subject, ctx: Context) -> bool:
    """The companion is the guide of an organised group, who travels with many families by trade: a pilgrim with
    the Kemenag recommendation and the organiser's letter (umrah, hajj), or any traveller with a return ticket whose
    guide or letter comes from a licensed operator (reference list `tour_operators`) or who carries the operator's
    letter. A church pilgrimage to Israel or a temple tour to India is explained this way, like an umrah group; an
    operator named in a partner report explains nothing."""
    c = s.companion
    if c.get("relation") != "travel_agent":
        return False
    docs = s.document_types()
    if s.purpose in {"umrah", "hajj"} and {"travel_agent_letter", "recommendation_kemenag"} <= docs:
        return True
    letters = [d for d in s.documents if d.get("type") == "travel_agent_letter"]
    names = [str(c.get("organisation") or ""), *(str(d.get("issuer") or "") for d in letters)]
    if any(company_key(n) in ctx.reported_companies for n in names if company_key(n)):
        return False
    returning = s.travel.get("return_ticket") is True or "return_ticket" in docs
    licensed = any(ctx.tour_operator(n) for n in names if n) or any(
        ctx.tour_operator(number=str(d.get("number") or "")) for d in letters if d.get("number")
    )
    return returning and (licensed or bool(letters))


def shared_contacts(s: Subject, ctx: Context) -> tuple[list[Indicator], list[dict[str, Any]]]:
    """The same companion, or the same phone, on applications of other families within the window, anywhere."""
    found: list[Indicator] = []
    matches: list[dict[str, Any]] = []
    own_family = s.family()
    companion = s.companion_person()
    if companion is not None and organised_group(s, ctx):
        companion = None
    name_key = companion.name.key if companion and companion.name and len(companion.name.tokens) >= 2 else ""
    phone = s.person.phone
    # The applicant's phone and the companion's, against every phone of the other applications: an agent often
    # gives his own number as the applicant's contact, on one form, and comes along as companion on the next.
    phones = {
        p: field
        for p, field in ((companion.phone if companion else None, "companion.phone"), (phone, "applicant.phone"))
        if p
    }
    window = ctx.thresholds.window_days
    rows = lookups.contacts_in_window(
        start=s.submitted - timedelta(days=window),
        end=s.submitted + timedelta(days=window),
        exclude_application=s.pk,
        nik=companion.nik or "" if companion else "",
        phones=tuple(phones),
        name_key=name_key,
    )
    companion_refs: set[str] = set()
    if companion is not None:
        hits = _companion_hits(companion, name_key, rows, office=str(s.record["office"]))
        n_families = other_families(own_family, [family for family, _, _ in hits])
        if n_families >= ctx.thresholds.other_families:
            companion_refs = {ref for _, ref, _ in hits}
            found.append(
                Indicator(
                    "IA_SHARED_COMPANION",
                    "high" if n_families >= 2 * ctx.thresholds.other_families else "medium",
                    {
                        "compared": "companion",
                        "value": {k: s.companion.get(k) for k in ("full_name", "nik", "phone") if s.companion.get(k)},
                        "with": f"companions of applications within {window} days",
                        "matched": [{"application": ref, "by": by} for _, ref, by in hits[:20]],
                        "other_families": n_families,
                    },
                    {
                        "name": s.companion.get("full_name") or s.companion.get("phone") or s.companion.get("nik"),
                        "count": len({ref for _, ref, _ in hits}),
                        "families": n_families,
                        "days": window,
                        "offices": ", ".join(sorted({ref.split("/")[0] for _, ref, _ in hits})),
                    },
                )
            )
            matches.extend({"kind": "companion_application", "id": ref, "score": 1.0} for _, ref, _ in hits[:20])
    if phones:
        same_phone = [
            (family, f"{office}/{external}", p) for _, family, office, external, _, p, _ in rows if p in phones
        ]
        n_families = other_families(own_family, [family for family, _, _ in same_phone])
        refs = sorted({ref for _, ref, _ in same_phone})
        # Not again when the same companion already said it all.
        if n_families >= ctx.thresholds.other_families and not set(refs) <= companion_refs:
            shared = sorted({p for _, _, p in same_phone})
            found.append(
                Indicator(
                    "IA_SHARED_PHONE",
                    "high" if n_families >= 2 * ctx.thresholds.other_families else "medium",
                    {
                        "compared": ", ".join(phones[p] for p in shared),
                        "value": shared[0] if len(shared) == 1 else shared,
                        "with": f"phones of applications within {window} days",
                        "matched": refs[:20],
                        "other_families": n_families,
                    },
                    {
                        "phone": ", ".join(shared),
                        "count": len(refs),
                        "families": n_families,
                        "days": window,
                    },
                )
            )
            matches.extend({"kind": "phone_application", "id": ref, "score": 1.0} for ref in refs[:20])
    return found, matches


def _companion_hits(
    companion: Person, name_key: str, rows: Sequence[tuple[str, ...]], *, office: str
) -> list[tuple[str, str, str]]:
    """(family, application ref, matched by) for the companion contacts that are the same person: an equal NIK or
    phone anywhere, or the same name (two words at least, neither NIK nor phone contradicting) at the same office
    — across the country a common name is many people."""
    hits = []
    for role, family, office_code, external, nik, phone, key in rows:
        if role != "companion":
            continue
        if companion.nik and nik == companion.nik:
            by = "nik"
        elif companion.phone and phone == companion.phone:
            by = "phone"
        elif not name_key or key != name_key or office_code != office:
            continue
        elif (companion.nik and nik and nik != companion.nik) or (
            companion.phone and phone and phone != companion.phone
        ):
            continue  # the same name, but another person's number
        else:
            by = "name"
        hits.append((family, f"{office_code}/{external}", by))
    return hits


def interview_third_party(s: Subject, ctx: Context) -> list[Indicator]:
    signs = ("companion_answers_for_applicant", "documents_held_by_third_party", "fee_paid_to_recruiter")
    found = [o for o in s.interview.get("observations") or [] if o in signs]
    if not found:
        return []
    text_id, text_en = labels(OBSERVATION_LABELS, found)
    severity = "medium" if found == ["companion_answers_for_applicant"] else "high"
    return [
        Indicator(
            "IA_INTERVIEW_THIRD_PARTY",
            severity,
            {"compared": "interview.observations", "value": found},
            {"observations": text_id, "observations_en": text_en},
        )
    ]


# --- prior_decision -----------------------------------------------------------------------------------------------
