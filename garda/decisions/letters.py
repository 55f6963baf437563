"""Letters of a decision case: numbered per office and year, with a verification code and its QR code, rendered as
PDF (WeasyPrint) in Indonesian as an official letter (tata naskah dinas): letterhead, Nomor/Sifat/Lampiran/Hal, the
addressee, the grounds in words, the facts found, the legal basis cited as article text, the objection route and
its period, what happens to the fee, the signature block, tembusan.

The approver reads the same letter as a draft (`render_draft`) before approving; nothing in it is the approver's
internal note, and no internal code is printed."""

import base64
import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import dateformat, timezone, translation

from garda.core.models import Office, User
from garda.decisions import deadlines, legal
from garda.decisions.models import Case, Cutting, Examination, Kind, Letter, LetterKind
from garda.screening.api import document_label

LETTERS_FOR = {
    Kind.POSTPONEMENT: [LetterKind.POSTPONEMENT_NOTICE],
    Kind.REFUSAL: [LetterKind.REFUSAL_NOTICE],
    Kind.CANCELLATION: [LetterKind.DECISION_NOTICE],
    Kind.WITHDRAWAL: [LetterKind.DECISION_NOTICE],
    Kind.REVOCATION: [LetterKind.DECISION_NOTICE],
    Kind.SUSPENSION: [LetterKind.DECISION_NOTICE],
}
# "Hal" of each notice, by the decision it carries.
SUBJECTS = {
    Kind.POSTPONEMENT: "Pemberitahuan Penundaan Penerbitan Paspor",
    Kind.REFUSAL: "Pemberitahuan Penolakan Permohonan Paspor",
    Kind.CANCELLATION: "Pemberitahuan Pembatalan Paspor",
    Kind.WITHDRAWAL: "Pemberitahuan Penarikan Paspor",
    Kind.REVOCATION: "Pemberitahuan Pencabutan Paspor",
    Kind.SUSPENSION: "Pemberitahuan Penangguhan Penerbitan Paspor",
}
# The four grounds of the office and the other two, as a sentence of the letter ("... karena <ground>").
GROUNDS = {
    "non_procedural": "terdapat dugaan bahwa Saudara akan bekerja di luar negeri tidak melalui prosedur penempatan "
    "Pekerja Migran Indonesia yang sah (non-prosedural)",
    "inconsistency": "data atau keterangan yang Saudara sampaikan tidak sesuai satu dengan yang lain atau dengan "
    "dokumen yang diperlihatkan",
    "illegal_agent": "terdapat petunjuk bahwa Saudara direkrut, dibiayai atau didampingi oleh pihak yang tidak "
    "memiliki izin penempatan Pekerja Migran Indonesia (agen ilegal)",
    "agency_report": "terdapat laporan dari instansi terkait yang menunjukkan potensi eksploitasi terhadap Saudara",
    "prior_decision": "terdapat keputusan keimigrasian terdahulu atas diri Saudara yang masih berlaku",
    "administrative": "persyaratan administratif permohonan belum terpenuhi",
}


def normalise_code(text: str) -> str:
    plain = "".join(ch for ch in text.upper() if ch.isalnum()).translate(str.maketrans("ILO", "110"))
    return f"{plain[:4]}-{plain[4:8]}-{plain[8:12]}" if len(plain) == 12 else ""


def verify_url(code: str = "") -> str:
    base = f"{settings.PUBLIC_URL}/verifikasi/"
    return f"{base}?kode={code}" if code else base


def _logo() -> str:
    path = Path(settings.LETTER_LOGO) if settings.LETTER_LOGO else None
    if path is None or not path.is_file():
        return ""
    kind = mimetypes.guess_type(path.name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"


@dataclass
class Draft:
    """A letter not issued yet, as the checker and the approver read it before the decision."""

    case: Case
    kind: str
    office: Office
    issued_at: datetime
    number: str = "…… (diberi nomor saat disetujui)"
    verification_code: str = ""

    def get_kind_display(self) -> str:
        return str(LetterKind(self.kind).label)


def context(letter: Letter | Draft, *, signer: User | None, draft: bool) -> dict[str, Any]:
    case = letter.case
    application = case.application
    record = application.record if application is not None else {}
    applicant = record.get("applicant") or {}
    periods = deadlines.current()
    issued = timezone.localtime(letter.issued_at)
    office = letter.office
    categories = [c for c in case.categories if c in GROUNDS]
    cited, objection = legal.citations(case.legal_bases, case.legal_list_version)
    return {
        "letter": letter,
        "draft": draft,
        "case": case,
        "kind": case.kind,
        "office": office,
        "parent": office.parent,
        "city": office.city,
        "logo": _logo(),
        "application": application,
        "submitted": timezone.localtime(application.submitted_at) if application is not None else None,
        "salutation": {"M": "Sdr.", "F": "Sdri."}.get(str(applicant.get("sex")), "Sdr./Sdri."),
        "address": (applicant.get("address") or {}).get("text", ""),
        "subject": SUBJECTS[Kind(case.kind)],
        "grounds": _joined([GROUNDS[c] for c in categories]),
        "verdict": _verdict(case),
        "facts": [plain_fact(f["text"]) for f in case.facts],
        "citations": cited,
        "objection_citation": objection,
        "documents": [document_label(d) for d in case.documents_requested],
        "periods": periods,
        "issued": issued,
        "signer": signer,
        "examination": Examination.objects.filter(case=case).select_related("examined_by").first(),
        "cutting": Cutting.objects.filter(case=case).select_related("cut_by").first(),
        "protection": bool({"non_procedural", "illegal_agent", "agency_report"} & set(case.categories)),
        "verify_url": verify_url(),
        "qr": segno.make(verify_url(letter.verification_code), error="m").svg_data_uri(scale=3)
        if letter.verification_code
        else "",
    }


_SCORE = re.compile(r";?\s*p=\d+(?:\.\d+)?")


def plain_fact(text: str) -> str:
    """A screening finding as a letter states it: without the matcher's probability ("; p=0.97")."""
    return _SCORE.sub("", text).replace("()", "").strip()


def _joined(parts: list[str]) -> str:
    """ "a; b, serta c" — the grounds as one clause."""
    if len(parts) <= 1:
        return "".join(parts)
    return "; ".join(parts[:-1]) + ", serta " + parts[-1]


def _verdict(case: Case) -> str:
    passport = f"paspor nomor {case.passport_number}" if case.passport_number else "paspor"
    until = dateformat.format(case.suspension_until, "j F Y") if case.suspension_until else ""
    return {
        Kind.POSTPONEMENT: "penerbitan paspor Saudara ditunda",
        Kind.REFUSAL: "permohonan paspor Saudara ditolak",
        Kind.CANCELLATION: f"{passport} atas nama Saudara dibatalkan"
        if case.passport_number
        else "penerbitan paspor atas permohonan Saudara dibatalkan",
        Kind.WITHDRAWAL: f"{passport} atas nama Saudara ditarik",
        Kind.REVOCATION: f"{passport} atas nama Saudara dicabut",
        Kind.SUSPENSION: f"penerbitan paspor baru bagi Saudara ditangguhkan sampai dengan tanggal {until}",
    }[Kind(case.kind)]


def render_html(letter: Letter | Draft, *, signer: User | None, draft: bool = False) -> str:
    """The letter in Indonesian whatever the reader's language: it is an official document."""
    with translation.override("id"):
        return render_to_string("decisions/letter.html", context(letter, signer=signer, draft=draft))


def render_pdf(letter: Letter) -> bytes:
    from weasyprint import HTML

    # A berita acara is signed by those who did what it records; a notice by the Kepala Kantor who decided.
    own = letter.kind in (LetterKind.BAP, LetterKind.CANCELLATION_RECORD)
    signer = letter.issued_by if own else letter.case.decided_by or letter.issued_by
    return bytes(HTML(string=render_html(letter, signer=signer)).write_pdf())


def render_draft(case: Case, kind: str, *, signer: User | None) -> bytes:
    from weasyprint import HTML

    draft = Draft(case=case, kind=kind, office=case.office, issued_at=timezone.now())
    return bytes(HTML(string=render_html(draft, signer=signer, draft=True)).write_pdf())
