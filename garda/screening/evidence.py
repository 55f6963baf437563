"""An indicator's evidence as a table the officer reads in the page's language.

Results store evidence as the rules wrote it (stable keys, field paths and codes, in English, for the contract and
for audit). The page shows it as words: "NIK pemohon" rather than `applicant.nik`, "surat jaminan" rather than
`guarantee_letter`, "97 %" rather than `0.9731`, and lists and nested records as text rather than JSON.
"""

import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from garda.core.vocabulary import VOCABULARY, label

KEYS = {
    "compared": gettext_lazy("Yang diperiksa"),
    "value": gettext_lazy("Isi"),
    "with": gettext_lazy("Dibandingkan dengan"),
    "other": gettext_lazy("Isi pembanding"),
    "purpose": gettext_lazy("Tujuan"),
    "presented": gettext_lazy("Dokumen yang diajukan"),
    "missing": gettext_lazy("Dokumen yang kurang"),
    "requirements": gettext_lazy("Persyaratan dalam daftar"),
    "version": gettext_lazy("Versi daftar"),
    "signals": gettext_lazy("Tanda"),
    "points": gettext_lazy("Poin"),
    "registry_entry": gettext_lazy("Data dalam daftar P3MI"),
    "matched": gettext_lazy("Yang cocok"),
    "other_families": gettext_lazy("Keluarga lain"),
    "record": gettext_lazy("Catatan"),
    "score": gettext_lazy("Kemungkinan orang yang sama"),
    "agreed": gettext_lazy("Data yang sama"),
    "disagreed": gettext_lazy("Data yang berbeda"),
    "household_not_counted": gettext_lazy("Data keluarga yang sama (tidak dihitung)"),
    "report_category": gettext_lazy("Kategori laporan"),
    "subject_role": gettext_lazy("Peran dalam laporan"),
    "report_valid_until": gettext_lazy("Laporan berlaku sampai"),
    "relation": gettext_lazy("Hubungan"),
    "employer": gettext_lazy("Pemberi kerja"),
    "notes_set_aside": gettext_lazy("Kata dalam catatan yang tidak dibaca sebagai niat"),
    "decision": gettext_lazy("Keputusan"),
    "decided_at": gettext_lazy("Tanggal keputusan"),
    "office": gettext_lazy("Kantor"),
    "kind": gettext_lazy("Jenis"),
    "until": gettext_lazy("Berlaku sampai"),
    "document": gettext_lazy("Dokumen"),
    "expected": gettext_lazy("Seharusnya"),
    "decoded": gettext_lazy("Menurut NIK"),
}
FIELDS = {
    "applicant": gettext_lazy("pemohon"),
    "applicant.nik": gettext_lazy("NIK pemohon"),
    "applicant.nik[6:8]": gettext_lazy("tanggal lahir dalam NIK"),
    "applicant.nik[6:12]": gettext_lazy("tanggal lahir dalam NIK"),
    "applicant.birth_date": gettext_lazy("tanggal lahir pemohon"),
    "applicant.sex": gettext_lazy("jenis kelamin pemohon"),
    "applicant.phone": gettext_lazy("telepon pemohon"),
    "applicant.occupation": gettext_lazy("pekerjaan pemohon"),
    "applicant.has_previous_passport": gettext_lazy("pernah memiliki paspor"),
    "applicant.previous_passport_number": gettext_lazy("nomor paspor lama"),
    "application_type": gettext_lazy("jenis permohonan"),
    "companion": gettext_lazy("pendamping"),
    "companion.phone": gettext_lazy("telepon pendamping"),
    "companion.organisation": gettext_lazy("organisasi pendamping"),
    "companion.relation": gettext_lazy("hubungan pendamping"),
    "host": gettext_lazy("pihak yang dikunjungi"),
    "interview": gettext_lazy("wawancara"),
    "interview.observations": gettext_lazy("pengamatan pewawancara"),
    "interview.stated_purpose": gettext_lazy("tujuan menurut wawancara"),
    "interview.stated_destination_country": gettext_lazy("negara tujuan menurut wawancara"),
    "documents[].type": gettext_lazy("jenis dokumen"),
    "travel.purpose": gettext_lazy("tujuan perjalanan di formulir"),
    "travel.destination_country": gettext_lazy("negara tujuan"),
    "travel.return_ticket": gettext_lazy("tiket pulang"),
    "travel.funds_source": gettext_lazy("sumber biaya"),
    "travel.placement_company": gettext_lazy("perusahaan penempatan"),
    "travel.placement_company.name": gettext_lazy("nama perusahaan penempatan"),
    "travel.employer.name": gettext_lazy("nama pemberi kerja"),
    "travel.host": gettext_lazy("pihak yang dikunjungi di formulir"),
    "stated_purpose": gettext_lazy("tujuan yang disebut"),
    "observations": gettext_lazy("pengamatan"),
    "notes_words": gettext_lazy("kata dalam catatan"),
    "name": gettext_lazy("nama"),
    "license_number": gettext_lazy("nomor izin"),
    "valid_until": gettext_lazy("berlaku sampai"),
    "full_name": gettext_lazy("nama"),
    "birth_date": gettext_lazy("tanggal lahir"),
    "birth_place": gettext_lazy("tempat lahir"),
    "mother_name": gettext_lazy("nama ibu"),
    "father_name": gettext_lazy("nama ayah"),
    "kk_number": gettext_lazy("nomor KK"),
    "other_id": gettext_lazy("nomor paspor"),
    "address": gettext_lazy("alamat"),
    "phone": gettext_lazy("telepon"),
    "sex": gettext_lazy("jenis kelamin"),
    "nik": gettext_lazy("NIK"),
    "application": gettext_lazy("permohonan"),
    "by": gettext_lazy("cocok menurut"),
    "pmi_destinations": gettext_lazy("negara penempatan PMI"),
    "moratorium_middle_east": gettext_lazy("negara moratorium Timur Tengah"),
    "scam_compound_countries": gettext_lazy("negara online scam"),
}
WHY_SET_ASIDE = {
    "negated": gettext_lazy("disangkal"),
    "unrelated": gettext_lazy("bukan tentang bekerja"),
    "someone_else": gettext_lazy("pekerjaan orang lain"),
    "past": gettext_lazy("masa lalu"),
    "present_job": gettext_lazy("pekerjaan saat ini di Indonesia"),
    "weak": gettext_lazy("tanpa niat atau tempat"),
    "question": gettext_lazy("pertanyaan tanpa jawaban"),
}
# Code tables a value may come from, tried in this order for a plain code.
_DOMAINS = ("purpose", "document", "observation", "relation", "funds_source", "decision", "report_category")
_DOCUMENT_AT = re.compile(r"^documents\[(\d+)\]\.(\w+)$")
_WITH = [
    (re.compile(r"^P3MI registry snapshot (\S+)$"), gettext_lazy("daftar P3MI berizin (salinan %(0)s)")),
    (
        re.compile(r"^phones of applications within (\d+) days$"),
        gettext_lazy("telepon permohonan lain dalam %(0)s hari"),
    ),
    (
        re.compile(r"^companions of applications within (\d+) days$"),
        gettext_lazy("pendamping permohonan lain dalam %(0)s hari"),
    ),
    (re.compile(r"^agency report (\S+)$"), gettext_lazy("laporan instansi mitra %(0)s")),
    (re.compile(r"^reference list (\S+)$"), gettext_lazy("daftar rujukan %(0)s")),
    (re.compile(r"^earlier applications of the same person$"), gettext_lazy("permohonan terdahulu orang yang sama")),
]


def field(path: str) -> str:
    if path in FIELDS:
        return str(FIELDS[path])
    if m := _DOCUMENT_AT.match(path):
        what = FIELDS.get(m.group(2), m.group(2))
        return _("%(field)s pada dokumen ke-%(n)d") % {"field": what, "n": int(m.group(1)) + 1}
    if path.startswith("travel.") or path.startswith("applicant.") or path.startswith("interview."):
        return str(FIELDS.get(path.split(".", 1)[1], path))
    return ""


def text(value: Any, key: str = "") -> str:
    """One value as words."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("ya") if value else _("tidak")
    if key == "score" and isinstance(value, int | float):
        return f"{round(float(value) * 100)} %"
    if isinstance(value, list):
        return ", ".join(text(v, key) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{field(str(k)) or KEYS.get(str(k), k)}: {text(v, str(k))}" for k, v in value.items())
    if not isinstance(value, str):
        return str(value)
    if key == "notes_set_aside" and ": " in value:
        word, why = value.split(": ", 1)
        return f"{word} ({WHY_SET_ASIDE.get(why, why)})"
    if "|" in value and all(v in VOCABULARY["document"] for v in value.split("|")):
        return _(" atau ").join(label("document", v) for v in value.split("|"))
    if key in {"compared", "with", "agreed", "disagreed", "household_not_counted", "by"} or "." in value:
        if words := field(value):
            return words
    for pattern, template in _WITH:
        if m := pattern.match(value):
            return str(template) % {str(i): g for i, g in enumerate(m.groups())}
    if key == "subject_role":
        return label("report_role", value)
    for domain in _DOMAINS:
        if value in VOCABULARY[domain]:
            return label(domain, value)
    return value


def rows(evidence: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) rows of one indicator's evidence, in the active language."""
    out = []
    for key, value in evidence.items():
        name = KEYS.get(key)
        out.append((str(name) if name is not None else field(key) or key.replace("_", " "), text(value, key)))
    return out
