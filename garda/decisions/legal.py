"""The legal bases a decision may cite, and how its letter states them.

The versioned reference list `legal_bases` is the only source: a decision keeps the codes it chose and the list
version in force when it was proposed, and its letter prints that version's wording (`citation`), so a later
revision never changes a letter already signed. An item marked `uncertain` has not been checked against the official
text by the national administrator; it cannot be cited until a revision of the list (an audited change) clears it.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from garda.core.models import ReferenceListRevision
from garda.core.reflists import current_revision
from garda.decisions.models import Kind

LIST = "legal_bases"
OBJECTION = "UU30-2014-P77"  # the objection route every letter states


@dataclass(frozen=True)
class Basis:
    code: str
    article: str
    title: str
    citation: str
    uncertain: bool
    applies_to: tuple[str, ...]

    def applies(self, kind: str) -> bool:
        return not self.applies_to or kind in self.applies_to


def _bases(revision: ReferenceListRevision) -> dict[str, Basis]:
    return {
        item["code"]: Basis(
            code=item["code"],
            article=item["article"],
            title=item["title_id"],
            citation=item.get("citation") or item["article"],
            uncertain=bool(item.get("uncertain")),
            applies_to=tuple(item.get("applies_to") or ()),
        )
        for item in revision.items
    }


def in_force() -> tuple[int, dict[str, Basis]]:
    revision = current_revision(LIST)
    return int(revision.version), _bases(revision)


def of_version(version: int) -> dict[str, Basis]:
    """The list as it stood at `version` (the one a decision was proposed under); the newest if it is gone."""
    revision = ReferenceListRevision.objects.filter(reference_list_id=LIST, version=version).first()
    return _bases(revision or current_revision(LIST))


def choices(kind: str | None = None) -> list[tuple[str, str]]:
    """Citable bases (verified, and for this kind when given), as the proposal form offers them."""
    _, bases = in_force()
    return [
        (b.code, f"{b.article} — {b.title}")
        for b in bases.values()
        if not b.uncertain and b.code != OBJECTION and (kind is None or b.applies(kind))
    ]


def awaiting_verification() -> list[Basis]:
    _, bases = in_force()
    return [b for b in bases.values() if b.uncertain]


def check(kind: str, codes: list[str]) -> int:
    """The chosen bases must be in the list in force, verified, and apply to this kind of decision; returns the
    version. Each refusal says which item and why."""
    version, bases = in_force()
    if not codes:
        raise ValidationError({"legal_bases": "pilih paling sedikit satu dasar hukum"})
    problems = []
    for code in codes:
        basis = bases.get(code)
        if basis is None:
            problems.append(f"{code}: tidak ada dalam daftar dasar hukum versi {version}")
        elif basis.uncertain:
            problems.append(
                f"{basis.article}: belum diverifikasi terhadap naskah resmi oleh administrator nasional, sehingga "
                "belum dapat dikutip dalam surat"
            )
        elif not basis.applies(kind):
            problems.append(f"{basis.article}: tidak berlaku untuk {Kind(kind).label.lower()}")
    if problems:
        raise ValidationError({"legal_bases": problems})
    return version


def citations(codes: list[str], version: int) -> tuple[list[str], str]:
    """The wording of the chosen bases and of the objection route, as the list stood at `version` (read once)."""
    bases = of_version(version)
    objection = bases.get(OBJECTION) or in_force()[1].get(OBJECTION)
    return (
        [bases[c].citation if c in bases else c for c in codes],
        objection.citation if objection is not None else "Pasal 77 Undang-Undang Nomor 30 Tahun 2014",
    )
