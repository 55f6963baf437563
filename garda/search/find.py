"""Find anyone: one query (a NIK, a phone, an application or letter number, a passport number, or a name with a
birth year) across every date and every office the user may see, through the person index, so that a respelt name
or the same person under another NIK is found too. Results are grouped by person — never two people merged: a
different NIK, or a different birth date, is a different person — each with their applications, decision cases and
partner reports."""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q
from rapidfuzz import fuzz

from garda.core.models import User
from garda.decisions.api import Case, cases_in_scope
from garda.identity.api import find_candidates, prepare
from garda.identity.api import indexed_persons as persons_under
from garda.intel.api import AgencyReport
from garda.screening.api import Application, applications_in_scope

NAME_SCORE = 85  # order-blind similarity of normalised names, for a name searched with its birth year
SAME_PERSON = 0.9  # the person index's probability above which another record is the same person
MAX_PERSONS = 20

_NIK = re.compile(r"^\d{16}$")
_PHONE = re.compile(r"^(?:\+?62|0)8\d{7,12}$")
_PASSPORT = re.compile(r"^[A-Z]{1,2}\d{6,8}$")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


@dataclass
class PersonHit:
    name: str
    birth_date: date | None
    niks: set[str] = field(default_factory=set)
    refs: set[tuple[str, str]] = field(default_factory=set)  # (source, source_ref) in the person index
    applications: list[Application] = field(default_factory=list)  # their own
    accompanied: list[Application] = field(default_factory=list)  # another's, naming them as companion
    cases: list[Case] = field(default_factory=list)
    reports: list[AgencyReport] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.applications or self.accompanied or self.cases or self.reports)


@dataclass
class Found:
    query: str
    kind: str  # nik, phone, number, passport, name
    persons: list[PersonHit]
    problem: str = ""


def kind_of(query: str) -> str:
    compact = re.sub(r"[\s.-]", "", query)
    if _NIK.match(compact):
        return "nik"
    if _PHONE.match(compact):
        return "phone"
    if _PASSPORT.match(compact.upper()):
        return "passport"
    if any(c.isdigit() for c in query) and not _YEAR.fullmatch(query.split()[-1] if query.split() else ""):
        return "number"
    return "name"


def _seed_rows(kind: str, query: str) -> list[Any]:
    """The index rows the query names directly."""
    compact = re.sub(r"[\s.-]", "", query)
    if kind == "nik":
        return list(persons_under(nik=compact))
    if kind == "phone":
        person = prepare({"id": "query", "phone": compact})
        return list(persons_under(phone=person.phone)) if person.phone else []
    if kind == "passport":
        return list(persons_under(other_id=compact.upper()))
    if kind == "name":
        year = _YEAR.search(query)
        text = _YEAR.sub(" ", query).strip()
        person = prepare({"id": "query", "full_name": text})
        if person.name is None:
            return []
        if year is None:
            return list(persons_under(name_key=person.name.key))
        born = int(year.group(1))
        rows = persons_under(birth_year=born)
        wanted = person.name.text
        return [r for r in rows if r.full_name and _similar(wanted, r.full_name) >= NAME_SCORE]
    return []


def _similar(wanted: str, name: str) -> float:
    other = prepare({"id": "row", "full_name": name}).name
    return float(fuzz.token_sort_ratio(wanted, other.text)) if other else 0.0


def _same_persons(rows: list[Any]) -> list[Any]:
    """The rows, and the records the person index takes for the same persons (respellings, other NIKs)."""
    seen = {(r.source, r.source_ref): r for r in rows}
    for row in rows[:MAX_PERSONS]:
        record = {
            "full_name": row.full_name,
            "birth_date": row.birth_date.isoformat() if row.birth_date else "",
            "nik": row.nik,
            "phone": row.phone,
            "sex": row.sex,
            "mother_name": row.mother_name,
        }
        for candidate in find_candidates(record, limit=10, min_probability=SAME_PERSON):
            seen.setdefault((candidate.person.source, candidate.person.source_ref), candidate.person)
    return list(seen.values())


def _group(rows: list[Any]) -> list[PersonHit]:
    """One person per NIK; a record without a NIK joins the person of the same normalised name and birth date."""
    people: dict[tuple[str, ...], PersonHit] = {}
    by_name: dict[tuple[str, date | None], PersonHit] = {}
    for row in sorted(rows, key=lambda r: (not r.nik, r.source, r.source_ref)):
        name_key = (row.name_key, row.birth_date)
        hit = people.get(("nik", row.nik)) if row.nik else by_name.get(name_key)
        if hit is None:
            hit = PersonHit(name=row.full_name, birth_date=row.birth_date)
            people[("nik", row.nik) if row.nik else ("name", row.name_key, str(row.birth_date))] = hit
        hit.refs.add((row.source, row.source_ref))
        if row.nik:
            hit.niks.add(row.nik)
        by_name.setdefault(name_key, hit)
    return list(people.values())


def _attach(user: User, persons: list[PersonHit], kind: str, query: str) -> None:
    """Applications, cases and reports of every person, each a fixed number of queries for the whole page."""
    app_refs = {ref for p in persons for source, ref in p.refs if source in ("applicant", "companion")}
    wanted = Q(pk__in=[])
    for ref in app_refs:
        office, _sep, external = ref.partition(":")
        wanted |= Q(office_code=office, external_id=external)
    if kind == "number":
        # As typed, in capitals or in small letters: exact values the number's index answers (`iexact` reads
        # every application).
        number = query.split("/")[-1].split(":")[-1].strip()
        wanted |= Q(external_id__in=sorted({number, number.upper(), number.lower()}))
    apps = {f"{a.office_code}:{a.external_id}": a for a in applications_in_scope(user).filter(wanted)}
    report_keys = {tuple(ref.split(":")[:2]) for p in persons for source, ref in p.refs if source == "report_subject"}
    reports = AgencyReport.objects.filter(_or([Q(agency=a, external_id=e) for a, e in report_keys]))
    reports_by_key = {(r.agency, r.external_id): r for r in reports}
    niks = {n for p in persons for n in p.niks}
    case_filter = Q(application__in=list(apps.values())) | Q(subject_nik__in=niks)
    if kind == "passport":
        case_filter |= Q(passport_number__iexact=re.sub(r"[\s.-]", "", query))
    cases = list(cases_in_scope(user).filter(case_filter).select_related("office", "application"))
    for person in persons:
        # A person named in another's application (its companion) is not its applicant: listed apart, and the
        # decisions on that application are not theirs.
        person.applications = _newest_first(apps, person.refs, "applicant")
        person.accompanied = _newest_first(apps, person.refs, "companion")
        keys = {tuple(ref.split(":")[:2]) for source, ref in person.refs if source == "report_subject"}
        person.reports = [reports_by_key[k] for k in sorted(keys) if k in reports_by_key]
        mine = {a.pk for a in person.applications}
        person.cases = [
            c for c in cases if c.application_id in mine or (c.subject_nik and c.subject_nik in person.niks)
        ]
    if kind == "number":
        known = {a.pk for p in persons for a in p.applications}
        for app in apps.values():
            if app.pk not in known:
                hit = PersonHit(name=app.applicant_name, birth_date=app.applicant_birth_date, applications=[app])
                hit.cases = [c for c in cases if c.application_id == app.pk]
                persons.append(hit)


def _newest_first(apps: dict[str, Application], refs: set[tuple[str, str]], source: str) -> list[Application]:
    found = (apps[ref] for kind, ref in refs if kind == source and ref in apps)
    return sorted(found, key=lambda a: a.submitted_at, reverse=True)


def _or(filters: list[Q]) -> Q:
    combined = Q(pk__in=[])
    for f in filters:
        combined |= f
    return combined


def find(user: User, query: str) -> Found:
    query = " ".join(query.split())[:120]
    if len(query) < 3:
        return Found(query, "", [], problem="short")
    kind = kind_of(query)
    rows = _seed_rows(kind, query)
    persons = _group(_same_persons(rows)) if rows else []
    _attach(user, persons, kind, query)
    shown = [p for p in persons if not p.empty][:MAX_PERSONS]
    return Found(query, kind, shown)
