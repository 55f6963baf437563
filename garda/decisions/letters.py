"""Letters of a decided case: numbered per office and year, with a verification code, rendered as PDF
(WeasyPrint) in Indonesian with the office letterhead and the signature block of the Kepala Kantor."""

import secrets
from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation

from garda.core.models import Office, User
from garda.decisions import deadlines
from garda.decisions.models import Case, Kind, Letter, LetterKind
from garda.screening.indicators import DOCUMENT_LABELS

LETTERS_FOR = {
    Kind.POSTPONEMENT: [LetterKind.POSTPONEMENT_NOTICE],
    Kind.REFUSAL: [LetterKind.REFUSAL_NOTICE],
    Kind.CANCELLATION: [LetterKind.BAP, LetterKind.CANCELLATION_RECORD],
    Kind.WITHDRAWAL: [LetterKind.DECISION_NOTICE],
    Kind.REVOCATION: [LetterKind.DECISION_NOTICE],
    Kind.SUSPENSION: [LetterKind.DECISION_NOTICE],
}
# Crockford's alphabet: no I, L, O or U to misread when typed from paper.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))  # 60 bits
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(text: str) -> str:
    plain = "".join(ch for ch in text.upper() if ch.isalnum()).translate(str.maketrans("ILO", "110"))
    return f"{plain[:4]}-{plain[4:8]}-{plain[8:12]}" if len(plain) == 12 else ""


def issue_letters(case: Case, *, issued_by: User, at: datetime) -> list[Letter]:
    """Called inside the approval's transaction; the office row is locked so numbers never collide."""
    office = Office.objects.select_for_update().get(pk=case.office_id)
    year = timezone.localtime(at).year
    letters = []
    for kind in LETTERS_FOR[Kind(case.kind)]:
        last = Letter.objects.filter(office=office, year=year).order_by("-sequence").values_list("sequence", flat=True)
        sequence = (last.first() or 0) + 1
        letters.append(
            Letter.objects.create(
                case=case,
                office=office,
                kind=kind,
                year=year,
                sequence=sequence,
                number=f"W.IMI.{office.code}-GR.01.01-{sequence:04d}/{year}",
                verification_code=new_code(),
                issued_at=at,
                issued_by=issued_by,
            )
        )
    return letters


def render_pdf(letter: Letter, *, verify_url: str) -> bytes:
    """The letter in Indonesian whatever the reader's language: it is an official document."""
    from weasyprint import HTML

    case = letter.case
    with translation.override("id"):
        html = render_to_string(
            "decisions/letter.html",
            {
                "letter": letter,
                "case": case,
                "office": letter.office,
                "application": case.application,
                "documents": [DOCUMENT_LABELS.get(d, (d, d))[0] for d in case.documents_requested],
                "approver": case.decided_by,
                "verify_url": verify_url,
                "postponement_days": deadlines.current().postponement_days,
                "issued": timezone.localtime(letter.issued_at),
            },
        )
    return bytes(HTML(string=html).write_pdf())
