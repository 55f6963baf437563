"""Inconsistent data or statements: the NIK against the form, the documents against the form (a real difference,
not a spelling variant), age manipulation, a first passport claimed by someone who held one, the interview
against the form."""

import re
from datetime import date
from typing import Any

from garda.identity.api import same_persons
from garda.identity.names import name_or_none
from garda.identity.nik import InvalidNumber, parse_nik
from garda.screening import lookups
from garda.screening.context import Context
from garda.screening.indicators import (
    DOCUMENT_LABELS,
    FIELD_LABELS,
    PURPOSE_LABELS,
    Indicator,
)
from garda.screening.rules.base import (
    ADULT,
    Subject,
    age_on,
    same_name,
)
from garda.screening.statements import country_said, purpose_said


def nik_checks(s: Subject, ctx: Context) -> list[Indicator]:
    raw = str(s.applicant.get("nik") or "")
    try:
        nik = parse_nik(raw, today=s.submitted.date())
    except InvalidNumber as exc:
        return [
            Indicator(
                "INC_NIK_INVALID",
                "medium",
                {"compared": "applicant.nik", "value": raw, "problems": [p.code for p in exc.problems]},
                {
                    "nik": raw,
                    "problems": "; ".join(p.message_id for p in exc.problems),
                    "problems_en": "; ".join(p.message_en for p in exc.problems),
                },
            )
        ]
    found: list[Indicator] = []
    stated = s.birth_date
    # The NIK carries two digits of the year: compare day, month and those digits, not the guessed century.
    if (nik.birth_date.day, nik.birth_date.month, nik.birth_date.year % 100) != (
        stated.day,
        stated.month,
        stated.year % 100,
    ):
        found.append(
            Indicator(
                "INC_NIK_BIRTH_DATE",
                "medium",
                {
                    "compared": "applicant.nik[6:12]",
                    "value": nik.value[6:12],
                    "decoded": nik.birth_date.isoformat(),
                    "with": "applicant.birth_date",
                    "other": stated.isoformat(),
                },
                {"nik_value": nik.birth_date.strftime("%d-%m-%Y"), "form_value": stated.strftime("%d-%m-%Y")},
            )
        )
        found.extend(_minor(s, nik.birth_date, "NIK", ("NIK", "NIK")))
    sex = s.applicant.get("sex")
    if sex and nik.sex != sex:
        found.append(
            Indicator(
                "INC_NIK_SEX",
                "medium",
                {"compared": "applicant.nik[6:8]", "decoded": nik.sex, "with": "applicant.sex", "other": sex},
                {"nik_value": nik.sex, "form_value": sex},
            )
        )
    return found


def _minor(s: Subject, other_birth: date, where: str, label: tuple[str, str]) -> list[Indicator]:
    """A document (or the NIK) that makes an applicant who says they are adult a minor: age manipulation."""
    day = s.submitted.date()
    real, stated = age_on(other_birth, day), age_on(s.birth_date, day)
    if real >= ADULT or stated < ADULT:
        return []
    return [
        Indicator(
            "INC_AGE_MANIPULATION",
            "high",
            {
                "compared": "applicant.birth_date",
                "value": s.birth_date.isoformat(),
                "with": where,
                "other": other_birth.isoformat(),
                "age_stated": stated,
                "age_on_document": real,
            },
            {"source": label[0], "source_en": label[1], "real_age": real, "form_age": stated},
        )
    ]


_DOC_FIELDS = ("full_name", "birth_date", "nik", "sex", "father_name", "mother_name")
# Documents that name another person by design (domain brief §4.2a): the host's passport copy, the guarantee or
# invitation letter of the family abroad. They are held against the host, guarantor or inviter named on the form,
# never against the applicant; a travel agent's letter names its organiser, which the form does not state.
HOST_DOCUMENTS = frozenset({"host_passport_copy", "guarantee_letter", "invitation_letter"})
OTHERS_DOCUMENTS = HOST_DOCUMENTS | {"travel_agent_letter"}


def _form_person(s: Subject, kind: str) -> dict[str, Any]:
    """Whom the form says a document is about: the applicant, or the host/guarantor/inviter."""
    if kind in HOST_DOCUMENTS:
        host = s.travel.get("host")
        return {"full_name": host.get("full_name")} if isinstance(host, dict) else {}
    return {} if kind in OTHERS_DOCUMENTS else s.applicant


def document_checks(s: Subject, ctx: Context) -> list[Indicator]:
    found: list[Indicator] = []
    minors: dict[str, Indicator] = {}
    for index, doc in enumerate(s.documents):
        kind = str(doc.get("type"))
        doc_id, doc_en = DOCUMENT_LABELS.get(kind, (kind, kind))
        about = _form_person(s, kind)
        whose = "travel.host" if kind in HOST_DOCUMENTS else "applicant"
        for name in _DOC_FIELDS:
            value, form = doc.get(name), about.get(name)
            if not value or not form or _agrees(name, str(value), str(form)):
                continue
            field_id, field_en = FIELD_LABELS[name]
            found.append(
                Indicator(
                    "INC_DOCUMENT_MISMATCH",
                    "medium",
                    {
                        "compared": f"documents[{index}].{name}",
                        "document": kind,
                        "value": value,
                        "with": f"{whose}.{name}",
                        "other": form,
                    },
                    {
                        "field_label": field_id,
                        "field_label_en": field_en,
                        "document": doc_id,
                        "document_en": doc_en,
                        "document_value": value,
                        "form_value": form,
                    },
                )
            )
            if name == "birth_date" and whose == "applicant":
                for indicator in _minor(s, date.fromisoformat(str(value)), f"documents[{index}]", (doc_id, doc_en)):
                    minors.setdefault(indicator.code, indicator)
    return found + list(minors.values())


def _agrees(name: str, value: str, form: str) -> bool:
    if name in {"full_name", "father_name", "mother_name"}:
        return same_name(name_or_none(value), name_or_none(form))
    if name == "nik":
        return re.sub(r"\D", "", value) == re.sub(r"\D", "", form)
    return value.strip().upper() == form.strip().upper()


def previous_passport(s: Subject, ctx: Context) -> list[Indicator]:
    if s.record.get("application_type", "new") != "new" or s.applicant.get("has_previous_passport"):
        return []
    if s.applicant.get("previous_passport_number"):
        return [
            Indicator(
                "INC_PREVIOUS_PASSPORT_DENIED",
                "medium",
                {
                    "compared": "applicant.has_previous_passport",
                    "value": False,
                    "with": "applicant.previous_passport_number",
                    "other": s.applicant["previous_passport_number"],
                },
                {
                    "found": "nomor paspor lama tercantum di formulir",
                    "found_en": "the form gives an old passport number",
                },
            )
        ]
    if "old_passport" in s.document_types():
        return [
            Indicator(
                "INC_PREVIOUS_PASSPORT_DENIED",
                "medium",
                {
                    "compared": "applicant.has_previous_passport",
                    "value": False,
                    "with": "documents[].type",
                    "other": "old_passport",
                },
                {"found": "paspor lama ikut diajukan", "found_en": "an old passport was presented"},
            )
        ]
    earlier = passports_held(s, ctx)
    if not earlier:
        return []
    first = earlier[0]
    return [
        Indicator(
            "INC_PREVIOUS_PASSPORT_DENIED",
            "medium",
            {
                "compared": "applicant.has_previous_passport",
                "value": s.applicant.get("has_previous_passport", False),
                "with": "earlier applications of the same person",
                "matched": earlier,
            },
            {
                "found": f"paspor pernah diterbitkan oleh {first['office']} ({first['id']})",
                "found_en": f"a passport was issued by {first['office']} ({first['id']})",
            },
        )
    ]


def passports_held(s: Subject, ctx: Context) -> list[dict[str, Any]]:
    """Earlier applications of the same person (by identity, not only NIK) on which a passport was issued. A
    relative's passport is not this person's: the identity model keeps the household out of the judgment."""
    same_refs = same_persons(
        s.person,
        source="applicant",
        model=ctx.model,
        name_tf=ctx.watch.name_tf(s.person),
        threshold=ctx.thresholds.same_person,
        exclude_ref=f"{s.record['office']}:{s.record['id']}",
    )
    same: dict[tuple[str, str], float] = {}
    for ref, probability in same_refs.items():
        office, _, external = ref.partition(":")  # source_ref is "OFFICE:ID"
        same[(office, external)] = probability
    held = [
        {
            "kind": "application",
            "office": office,
            "id": external,
            "decision": kind,
            "decided_at": decided.isoformat() if decided else None,
            "score": round(same[(office, external)], 4),
        }
        for office, external, kind, decided in lookups.applications_by_refs(
            set(same), kinds=("issued", "cancelled", "withdrawn", "revoked"), before=s.submitted
        )
    ]
    held.sort(key=lambda h: float(h["score"] or 0), reverse=True)
    return held


def interview_contradicts_form(s: Subject, ctx: Context) -> list[Indicator]:
    found = []
    for name, said, stated, form in (
        ("purpose", s.interview.get("stated_purpose"), purpose_said(s.interview.get("stated_purpose")), s.purpose),
        (
            "destination_country",
            s.interview.get("stated_destination_country"),
            country_said(s.interview.get("stated_destination_country")),
            s.travel.get("destination_country"),
        ),
    ):
        # What cannot be read as one purpose or one country is not claimed to contradict the form.
        if not stated or not form or stated == form:
            continue
        field_id, field_en = FIELD_LABELS[name]
        shown_id, shown_en = str(stated), str(form)
        if name == "purpose":
            shown_id = PURPOSE_LABELS.get(str(stated), (str(stated),))[0]
        found.append(
            Indicator(
                "INC_INTERVIEW_CONTRADICTS_FORM",
                "medium",
                {
                    "compared": f"interview.stated_{name}",
                    "value": said,
                    "read_as": stated,
                    "with": f"travel.{name}",
                    "other": form,
                },
                {
                    "field_label": field_id,
                    "field_label_en": field_en,
                    "interview_value": shown_id,
                    "interview_value_en": shown_en if name != "purpose" else str(stated),
                    "form_value": form,
                },
            )
        )
    return found
