"""What screening compares an application with, loaded once per batch (or per process at the counter, reloaded
when it changed): the reference lists in force, the licensed P3MI registry, and the persons of interest — every
subject of a partner report and every person with an adverse decision at any office — in an in-memory blocking
index. Those are few (the national postponement rate is about 0.05%), so they are matched without a query; the
history of ordinary applications stays in the database and is queried by exact keys."""

import secrets
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from garda.contracts import applicant_person
from garda.core.reflists import current_revision
from garda.identity.api import (
    FSModel,
    Watched,
    WatchIndex,
    current_model,
    forget_cached,
    index_total,
    name_count,
    prepare,
)
from garda.intel.api import (
    AgencyReport,
    P3MICompany,
    ReportSubject,
    company_key,
    current_registry,
    licence_key,
    registry_companies,
    reported_subjects,
)
from garda.screening.models import Application, ContextStamp
from garda.screening.notes import NoteReader, default_groups, reader
from garda.screening.rulebook import Requirement, Thresholds, requirement, thresholds

ADVERSE = ("postponed", "refused", "cancelled", "withdrawn", "revoked", "suspended")
STAMP = "screening"


@dataclass
class Context:
    generation: int
    model: FSModel
    pmi_destinations: frozenset[str]
    moratorium: frozenset[str]
    scam_countries: frozenset[str]
    required_documents: dict[str, list[Requirement]]
    registry: dict[str, P3MICompany]  # company key → licensed company
    registry_numbers: dict[str, P3MICompany]  # licence number → company
    reported_companies: dict[str, list[tuple[str, str]]]  # company key → (report ref, category)
    watch: WatchIndex
    versions: dict[str, Any] = field(default_factory=dict)
    seen_decisions: set[int] = field(default_factory=set)
    thresholds: Thresholds = field(default_factory=Thresholds)
    notes: NoteReader = field(default_factory=reader)
    tour_operators: dict[str, dict[str, Any]] = field(default_factory=dict)  # name key or licence → operator

    def add_decision(self, app: Application) -> None:
        """An adverse decision stored during a batch joins the index at once."""
        if app.decision_kind in ADVERSE and app.pk not in self.seen_decisions:
            self.seen_decisions.add(app.pk)
            self.watch.add(_decision_watch(app))

    def licensed(self, name: str = "", number: str = "") -> P3MICompany | None:
        if number and (company := self.registry_numbers.get(licence_key(number))):
            return company
        return self.registry.get(company_key(name)) if name else None

    def tour_operator(self, name: str = "", number: str = "") -> dict[str, Any] | None:
        """The licensed tour or pilgrimage operator of this name or licence number, if it is in the list."""
        for key in (licence_key(number) if number else "", company_key(name) if name else ""):
            if key and key in self.tour_operators:
                return self.tour_operators[key]
        return None


def _list_items(key: str, versions: dict[str, Any]) -> list[Any] | None:
    """The items of the list's version in force (None when the list is missing), noting the version used."""
    try:
        revision = current_revision(key)
    except LookupError:
        return None
    versions[key] = revision.version
    items: list[Any] = revision.items
    return items


def _country_set(key: str, versions: dict[str, Any]) -> frozenset[str]:
    return frozenset(item["country"] for item in _list_items(key, versions) or [])


def _required_documents(versions: dict[str, Any]) -> dict[str, list[Requirement]]:
    # Every code was checked when the revision was saved (rulebook.check_required_documents); a code that still
    # maps to no document type (a list from before that check) is an error to see, not a rule to skip.
    return {
        item["purpose"]: [requirement(d) for d in item.get("documents", [])]
        for item in _list_items("required_documents_by_purpose", versions) or []
    }


def _tour_operators(versions: dict[str, Any], today: date) -> dict[str, dict[str, Any]]:
    operators: dict[str, dict[str, Any]] = {}
    for item in _list_items("tour_operators", versions) or []:
        until = item.get("valid_until")
        if until and date.fromisoformat(until) < today:
            continue  # a licence no longer in force explains nothing
        for name in (item.get("name", ""), *item.get("aliases", [])):
            if company_key(name):
                operators[company_key(name)] = item
        if item.get("code"):
            operators[licence_key(item["code"])] = item
    return operators


def _thresholds(versions: dict[str, Any]) -> Thresholds:
    items = _list_items("screening_thresholds", versions) or []
    return thresholds({i["code"]: int(i["value"]) for i in items if isinstance(i.get("value"), int)})


def _note_reader(versions: dict[str, Any]) -> NoteReader:
    items = _list_items("interview_note_words", versions)
    groups = default_groups() if items is None else {i["code"]: list(i["words"]) for i in items}
    return reader(groups)


def _decision_watch(app: Application) -> Watched:
    applicant = app.record.get("applicant", {})
    decision = app.record.get("decision", {})
    person = prepare(
        {
            "id": f"{app.office_code}/{app.external_id}",
            **applicant_person(applicant),
            "other_id": decision.get("passport_number"),
        }
    )
    return Watched(
        person,
        "decision",
        f"{app.office_code}/{app.external_id}",
        {
            "application_pk": app.pk,
            "office": app.office_code,
            "kind": app.decision_kind,
            "decided_at": app.decided_at,
            "submitted_at": app.submitted_at,
            "until": app.suspended_until,
            "categories": decision.get("categories", []),
        },
    )


def _subject_watch(subject: ReportSubject, raw: dict[str, Any], report: AgencyReport) -> Watched:
    ref = f"{report.agency}/{report.external_id}#{subject.position + 1}"
    person = prepare(
        {
            "id": ref,
            "full_name": raw.get("full_name"),
            "birth_date": raw.get("birth_date"),
            "sex": raw.get("sex"),
            "nik": raw.get("nik"),
            "phone": raw.get("phone"),
            "other_id": raw.get("passport_number"),
            "kk_number": raw.get("kk_number"),
            "father_name": raw.get("father_name"),
            "mother_name": raw.get("mother_name"),
            "address": _address_text(raw.get("address")),
        }
    )
    return Watched(
        person,
        "report_subject",
        ref,
        {
            "report_pk": report.pk,
            "agency": report.agency,
            "report": report.external_id,
            "reference": report.reference,
            "category": report.category,
            "role": subject.role,
            "received_at": report.received_at.date().isoformat(),
            "valid_until": report.valid_until,
            "aliases": raw.get("aliases", []),
        },
    )


def _address_text(value: Any) -> str | None:
    """A report subject's address as partners write it: a line of text, or the contract's {"text": ...}."""
    if isinstance(value, dict):
        value = value.get("text")
    return str(value) if value else None


def generation() -> int:
    value = ContextStamp.objects.filter(name=STAMP).values_list("generation", flat=True).first()
    return int(value or 0)


def move_stamp() -> None:
    """Screening context changed: every process's cached context reloads at its next use."""
    # A random stamp, not a counter: a counter starts again at 1 after a restore (or a test database flush) and
    # would make a process believe its old context is current.
    stamp = secrets.randbits(62) or 1
    if not ContextStamp.objects.filter(name=STAMP).update(generation=stamp):
        ContextStamp.objects.update_or_create(name=STAMP, defaults={"generation": stamp})


def load(*, today: date | None = None) -> Context:
    forget_cached()  # the newest match model and the index size, read now and not from a minute ago
    versions: dict[str, Any] = {}
    model = current_model()
    versions["match_model"] = getattr(model, "version", "") or "default"
    registry: dict[str, P3MICompany] = {}
    numbers: dict[str, P3MICompany] = {}
    snapshot = current_registry()
    if snapshot is not None:
        versions["p3mi_snapshot"] = snapshot.pk
        for company in registry_companies(snapshot):
            registry[company.name_key] = company
            if company.license_number:
                numbers[licence_key(company.license_number)] = company
    watch = WatchIndex(model, name_count, index_total())
    reported: dict[str, list[tuple[str, str]]] = defaultdict(list)
    today = today or date.today()
    for report, subject, data in reported_subjects():
        ref = f"{report.agency}/{report.external_id}"
        for name in (subject.organisation, subject.full_name if subject.role == "company" else ""):
            if name and company_key(name):
                reported[company_key(name)].append((ref, report.category))
        if subject.role != "company" and (subject.full_name or subject.nik or subject.phone):
            watch.add(_subject_watch(subject, data, report))
            for alias in data.get("aliases") or []:  # a recruiter's other names are the same person
                if isinstance(alias, str) and alias.strip():
                    watch.add(_subject_watch(subject, data | {"full_name": alias}, report))
    context = Context(
        generation=generation(),
        model=model,
        pmi_destinations=_country_set("pmi_destinations", versions),
        moratorium=_country_set("moratorium_middle_east", versions),
        scam_countries=_country_set("scam_compound_countries", versions),
        required_documents=_required_documents(versions),
        registry=registry,
        registry_numbers=numbers,
        reported_companies=dict(reported),
        watch=watch,
        versions=versions,
        thresholds=_thresholds(versions),
        notes=_note_reader(versions),
        tour_operators=_tour_operators(versions, today),
    )
    for app in Application.objects.filter(decision_kind__in=ADVERSE).only(
        "pk", "office_code", "external_id", "record", "decision_kind", "decided_at", "submitted_at", "suspended_until"
    ):
        context.add_decision(app)
    return context


_lock = threading.Lock()
_cached: Context | None = None
_cached_at: datetime | None = None


def cached() -> Context:
    """The context for one application at a time (the counter, re-screening): reloaded when the stamp moved, or
    after five minutes (reference lists are revised rarely and do not bump the stamp)."""
    global _cached, _cached_at
    now = datetime.now()
    with _lock:
        stale = (
            _cached is None
            or _cached_at is None
            or (now - _cached_at).total_seconds() > 300
            or _cached.generation != generation()
        )
        if stale:
            _cached, _cached_at = load(), now
        assert _cached is not None
        return _cached


def forget() -> None:
    global _cached
    with _lock:
        _cached = None
