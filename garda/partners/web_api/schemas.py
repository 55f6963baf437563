"""The API's request and response shapes. A report is the interchange contract's (agency-report.schema.json): the
fields are declared for the documentation, unknown ones are kept, and the contract's own checker has the last word,
so the API and `garda import agency-reports` accept and store exactly the same records."""

from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from garda.core.models.organisations import REPORT_CODES

Role = Literal["victim", "recruiter", "companion", "company", "other"]
Category = Literal[
    "suspected_victim", "suspected_recruiter", "illegal_company", "scam_returnee", "exploitation_risk", "other"
]


class SubjectIn(Schema):
    model_config = ConfigDict(extra="allow")

    role: Role
    full_name: str = Field("", max_length=200)
    aliases: list[str] = []
    nik: str = Field("", max_length=32)
    # Optional values the contract constrains are left out unless given (an empty string is not a date).
    birth_date: str = Field(None, json_schema_extra={"format": "date"})  # type: ignore[assignment]
    sex: Literal["M", "F"] = Field(None)  # type: ignore[arg-type]
    phone: str = Field("", max_length=40)
    passport_number: str = Field("", max_length=32)
    organisation: str = Field("", max_length=200)


class ReportIn(Schema):
    model_config = ConfigDict(extra="allow")

    id: str = Field(..., min_length=1, max_length=64, description="Unik dalam instansi Anda.")
    agency: Literal["", *REPORT_CODES] = Field("", description="Boleh dikosongkan: kode instansi Anda.")  # type: ignore[valid-type]
    reference: str = Field("", max_length=200)
    received_at: str = Field(
        "",
        json_schema_extra={"anyOf": [{"format": "date-time"}, {"maxLength": 0}]},
        description="Kosong: saat diterima.",
    )
    category: Category
    subjects: list[SubjectIn] = Field(..., min_length=1)
    destination_country: str = Field(None, pattern="^[A-Z]{2}$")  # type: ignore[assignment]
    summary: str = Field("", max_length=20000)
    valid_until: str = Field(None, json_schema_extra={"format": "date"})  # type: ignore[assignment]


class ReportOut(Schema):
    id: str
    agency: str
    reference: str
    category: str
    received_at: str
    status: Literal["received", "matched", "used_in_decision"]
    matched_applications: int
    decisions: int


class PersonQuery(Schema):
    """A NIK, a passport number, or both."""

    model_config = ConfigDict(json_schema_extra={"anyOf": [{"required": ["nik"]}, {"required": ["passport_number"]}]})

    nik: str = Field(None, min_length=1, max_length=32, pattern=r"\S")  # type: ignore[assignment]
    passport_number: str = Field(None, min_length=1, max_length=32, pattern=r"\S")  # type: ignore[assignment]


class Contact(Schema):
    office_code: str
    office_name: str
    phone: str
    email: str


class PersonStatus(Schema):
    active: bool
    contact: Contact | None = None


# A reason or an outcome: at least ten letters that are not blanks (what the actions require).
TEXT = r"(\s*\S){10}"


class PersonIn(Schema):
    full_name: str = Field(..., min_length=1, max_length=200, pattern=r"\S")
    sex: Literal["M", "F", ""] = ""
    birth_date: str = Field(None, json_schema_extra={"format": "date"})  # type: ignore[assignment]
    nik: str = Field("", max_length=32)
    phone: str = Field("", max_length=40)
    destination_country: str = Field(None, pattern="^[A-Z]{2}$")  # type: ignore[assignment]


class ReferralIn(Schema):
    office_code: str = Field(..., min_length=1, max_length=32)
    role: Literal["victim", "recruiter"]
    person: PersonIn
    reason: str = Field(..., min_length=10, max_length=10000, pattern=TEXT)


class ReferralOut(Schema):
    number: str
    direction: Literal["out", "in"]
    office_code: str
    organisation: str
    role: str
    status: Literal["in_progress", "accepted", "rejected", "done", "revoked"]
    reason: str
    created_at: str
    answer_reason: str
    outcome: str
    person: dict[str, object]
    htcds: dict[str, object]
    packet_sha256: str
    signature: str


class AnswerIn(Schema):
    accept: bool
    reason: str = Field(..., min_length=10, max_length=10000, pattern=TEXT, description="Alasan atau catatan.")


class OutcomeIn(Schema):
    outcome: str = Field(..., min_length=10, max_length=10000, pattern=TEXT)


class CountRow(Schema):
    month: str
    category: str
    count: str = Field(..., description='Angka, atau "<11" bila kurang dari 11 (sel kecil disembunyikan).')


class Statistics(Schema):
    organisation: str
    rows: list[CountRow]


class PublicKey(Schema):
    algorithm: Literal["Ed25519"]
    public_key: str
