"""Every code Garda stores, said in words: one table per kind of code, in Indonesian (the source strings) and English
(the catalogue), through Django's gettext like every other word of the interface.

Pages never print a stored code: templates use `{{ value|label:"purpose" }}` and `{{ code|country }}`
(`core/templatetags/vocabulary.py`), Python uses `label()`, and a sentence that needs both languages at once (the
screening explanations, stored with their parameters) uses `pair()`. A code without a label shows as itself in
brackets, so that a new code is visible and caught by the page tests rather than silently passed off as a word.
"""

from functools import lru_cache
from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from garda.core.roles import Role

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as Word
else:
    from django.utils.functional import Promise as Word

VOCABULARY: dict[str, dict[str, Word]] = {
    "purpose": {
        "tourism": _("wisata"),
        "umrah": _("umrah"),
        "hajj": _("haji"),
        "family_visit": _("kunjungan keluarga"),
        "work": _("bekerja"),
        "internship": _("magang"),
        "study": _("belajar"),
        "business": _("bisnis/dinas"),
        "medical": _("berobat"),
        "other": _("lainnya"),
        "general": _("semua tujuan"),
    },
    "risk": {"low": _("rendah"), "medium": _("sedang"), "high": _("tinggi")},
    "recommendation": {
        "proceed": _("lanjutkan proses"),
        "request_documents": _("minta dokumen tambahan"),
        "in_depth_interview": _("wawancara mendalam"),
        "postpone": _("tunda penerbitan"),
        "refuse": _("tolak permohonan"),
    },
    "outcome": {
        "proceed": _("lanjutkan proses"),
        "request_documents": _("minta dokumen tambahan"),
        "in_depth_interview": _("wawancara mendalam"),
        "propose_postponement": _("usulkan penundaan"),
        "propose_refusal": _("usulkan penolakan"),
        "proceed_unconfirmed": _("lanjutkan, menunggu konfirmasi Kepala Seksi"),
    },
    "category": {
        "non_procedural": _("dugaan PMI non-prosedural"),
        "inconsistency": _("data atau keterangan tidak sesuai"),
        "illegal_agent": _("agen atau perekrut ilegal"),
        "agency_report": _("laporan instansi mitra"),
        "prior_decision": _("keputusan sebelumnya"),
        "administrative": _("administratif"),
        "uncategorised": _("tanpa kategori"),
    },
    "decision": {
        "issued": _("diterbitkan"),
        "postponed": _("ditunda"),
        "refused": _("ditolak"),
        "cancelled": _("dibatalkan"),
        "withdrawn": _("ditarik"),
        "revoked": _("dicabut"),
        "suspended": _("ditangguhkan"),
    },
    "decision_kind": {
        "postponement": _("penundaan"),
        "refusal": _("penolakan"),
        "cancellation": _("pembatalan"),
        "withdrawal": _("penarikan"),
        "revocation": _("pencabutan"),
        "suspension": _("penangguhan"),
    },
    "document": {
        "ktp": _("KTP"),
        "kk": _("Kartu Keluarga"),
        "birth_certificate": _("akta kelahiran"),
        "diploma": _("ijazah"),
        "marriage_book": _("buku nikah"),
        "old_passport": _("paspor lama"),
        "recommendation_disnaker": _("rekomendasi Disnaker"),
        "id_pmi": _("ID PMI"),
        "recommendation_kemenag": _("rekomendasi Kemenag"),
        "travel_agent_letter": _("surat penyelenggara/biro perjalanan"),
        "guarantee_letter": _("surat jaminan"),
        "host_passport_copy": _("fotokopi paspor pihak yang dikunjungi"),
        "return_ticket": _("tiket pulang"),
        "hotel_booking": _("pemesanan hotel"),
        "employment_contract": _("kontrak kerja"),
        "work_visa": _("visa kerja"),
        "invitation_letter": _("surat undangan"),
        "study_admission": _("surat penerimaan studi"),
        "other": _("dokumen lain"),
    },
    "observation": {
        "cannot_explain_itinerary": _("tidak dapat menjelaskan rencana perjalanan"),
        "admits_work_intent": _("mengaku akan bekerja"),
        "answers_appear_coached": _("jawaban tampak diarahkan"),
        "companion_answers_for_applicant": _("pendamping menjawab untuk pemohon"),
        "does_not_know_host": _("tidak mengenal pihak yang dikunjungi"),
        "met_sponsor_online": _("mengenal sponsor lewat internet"),
        "fee_paid_to_recruiter": _("membayar biaya kepada perekrut"),
        "documents_held_by_third_party": _("dokumen dipegang pihak ketiga"),
        "other": _("catatan lain"),
    },
    "relation": {
        "parent": _("orang tua"),
        "spouse": _("suami/istri"),
        "child": _("anak"),
        "sibling": _("saudara kandung"),
        "relative": _("kerabat"),
        "friend": _("teman"),
        "employer": _("pemberi kerja"),
        "travel_agent": _("biro perjalanan/pemandu"),
        "agent": _("agen"),
        "other": _("lainnya"),
    },
    "funds_source": {
        "self": _("sendiri"),
        "family": _("keluarga"),
        "sponsor": _("sponsor"),
        "employer": _("pemberi kerja"),
        "agent": _("agen"),
        "unknown": _("tidak diketahui"),
    },
    "channel": {"m-paspor": _("M-Paspor"), "counter": _("loket"), "import": _("impor data")},
    "trigger": {
        "import": _("impor"),
        "counter": _("loket"),
        "rescreen": _("saring ulang"),
        "batch": _("penyaringan berkas"),
        "screen": _("penyaringan berkas"),
        "demo": _("data contoh"),
    },
    "match": {
        "application": _("keputusan terdahulu"),
        "companion_application": _("pendamping yang sama"),
        "phone_application": _("telepon yang sama"),
        "agency_report_subject": _("laporan instansi mitra"),
    },
    "report_category": {
        "suspected_victim": _("dugaan korban"),
        "suspected_recruiter": _("dugaan perekrut"),
        "illegal_company": _("perusahaan ilegal"),
        "scam_returnee": _("WNI dipulangkan dari online scam"),
        "exploitation_risk": _("risiko eksploitasi"),
        "other": _("lainnya"),
    },
    "report_role": {
        "victim": _("korban"),
        "recruiter": _("perekrut"),
        "companion": _("pendamping"),
        "company": _("perusahaan"),
        "other": _("pihak lain"),
    },
    "sex": {"M": _("laki-laki"), "F": _("perempuan")},
    "marital_status": {
        "single": _("belum kawin"),
        "married": _("kawin"),
        "divorced": _("cerai hidup"),
        "widowed": _("cerai mati"),
    },
    "education": {
        "none": _("tidak/belum sekolah"),
        "sd": _("SD"),
        "smp": _("SMP"),
        "sma": _("SMA/SMK"),
        "d1-d3": _("Diploma I–III"),
        "s1": _("S1/Diploma IV"),
        "s2": _("S2"),
        "s3": _("S3"),
    },
    "case_kind": {
        "postponement": _("penundaan"),
        "refusal": _("penolakan"),
        "cancellation": _("pembatalan"),
        "withdrawal": _("penarikan"),
        "revocation": _("pencabutan"),
        "suspension": _("penangguhan"),
    },
    "application_type": {
        "new": _("paspor baru"),
        "replacement": _("penggantian (habis berlaku)"),
        "lost": _("penggantian (hilang)"),
        "damaged": _("penggantian (rusak)"),
    },
    "office_kind": {"pusat": _("kantor pusat"), "kanwil": _("kantor wilayah"), "kanim": _("kantor imigrasi")},
    "discipline_level": {
        "ringan": _("hukuman disiplin ringan"),
        "sedang": _("hukuman disiplin sedang"),
        "berat": _("hukuman disiplin berat"),
    },
    "signal_metric": {
        "high_risk_clearance": _("melanjutkan permohonan berisiko tinggi"),
        "later_refused": _("meloloskan pemohon yang kemudian ditunda atau ditolak"),
        "contact_concentration": _("satu pendamping atau nomor pada banyak permohonan"),
        "out_of_hours": _("diproses di luar jam kerja"),
        "fast": _("diproses sangat cepat"),
        "reversed": _("usulan keputusan yang tidak disetujui atau dibatalkan"),
    },
    "inspection_scope": {
        "applications": _("permohonan yang diproses"),
        "decisions": _("keputusan penundaan dan pembatalan"),
        "cash": _("penanganan uang di loket"),
        "queue": _("keadilan antrean"),
    },
    "inspection_stratum": {
        "high_risk_clearance": _("risiko tinggi yang dilanjutkan"),
        "override": _("berbeda dari rekomendasi penyaringan"),
        "fast": _("diproses sangat cepat"),
        "other": _("lainnya"),
        "rejected": _("usulan yang tidak disetujui"),
        "cancellation": _("pembatalan"),
        "postponement": _("penundaan"),
        "day": _("hari kerja"),
    },
    "operator_kind": {
        "ppiu": _("PPIU (penyelenggara umrah)"),
        "pihk": _("PIHK (penyelenggara haji khusus)"),
        "tour": _("biro perjalanan wisata"),
    },
    "indicator": {
        "NP_MISSING_PURPOSE_DOCUMENTS": _("Dokumen wajib tujuan perjalanan tidak ada"),
        "NP_UNLICENSED_P3MI": _("Perusahaan penempatan tidak berizin"),
        "NP_P3MI_LICENCE_EXPIRED": _("Izin perusahaan penempatan habis"),
        "NP_JOB_SEEKER_PROFILE": _("Profil pencari kerja ke negara berisiko"),
        "NP_WORK_DOCUMENTS_UNDECLARED": _("Dokumen kerja di balik tujuan lain"),
        "NP_INTERVIEW_WORK_INTENT": _("Niat bekerja dalam wawancara"),
        "NP_INTERVIEW_WEAK_TRIP": _("Rencana perjalanan tidak meyakinkan"),
        "NP_MORATORIUM_WORK": _("Bekerja pada pengguna perseorangan di negara moratorium"),
        "INC_NIK_INVALID": _("NIK tidak sah"),
        "INC_NIK_BIRTH_DATE": _("Tanggal lahir tidak sesuai NIK"),
        "INC_NIK_SEX": _("Jenis kelamin tidak sesuai NIK"),
        "INC_WORK_DOCUMENTS_CONTRADICT_PURPOSE": _("Dokumen kerja bertentangan dengan tujuan"),
        "INC_DOCUMENT_MISMATCH": _("Data dokumen berbeda dengan formulir"),
        "INC_AGE_MANIPULATION": _("Dugaan pemalsuan umur"),
        "INC_PREVIOUS_PASSPORT_DENIED": _("Paspor sebelumnya tidak diakui"),
        "INC_INTERVIEW_CONTRADICTS_FORM": _("Keterangan wawancara berbeda dengan formulir"),
        "IA_COMPANION_REPORTED_RECRUITER": _("Pendamping tercatat sebagai perekrut"),
        "IA_SHARED_COMPANION": _("Pendamping yang sama untuk banyak keluarga"),
        "IA_SHARED_PHONE": _("Telepon yang sama untuk banyak keluarga"),
        "IA_UNLICENSED_PLACEMENT": _("Penempatan lewat perusahaan tanpa izin"),
        "IA_UNLICENSED_AGENT": _("Agen perseorangan atau tanpa izin"),
        "IA_REPORTED_COMPANY": _("Perusahaan dilaporkan instansi mitra"),
        "IA_INTERVIEW_THIRD_PARTY": _("Pihak ketiga mengendalikan pemohon"),
        "AR_SUBJECT_MATCH": _("Tercatat dalam laporan instansi mitra"),
        "AR_VICTIM_MATCH": _("Tercatat sebagai korban dalam laporan mitra"),
        "PD_ACTIVE_SUSPENSION": _("Penangguhan yang masih berlaku"),
        "PD_EARLIER_DECISION": _("Keputusan sebelumnya di kantor mana pun"),
    },
}
# Roles have one definition (core.roles); their words are read from there.
VOCABULARY["role"] = {role.value: role.label for role in Role}


def label(domain: str, code: object) -> str:
    """The word for a code in the active language; an unknown code in brackets (visible, never passed off)."""
    if code is None or code == "":
        return ""
    word = VOCABULARY.get(domain, {}).get(str(code))
    return str(word) if word is not None else f"[{code}]"


@lru_cache(maxsize=1024)
def pair(domain: str, code: object) -> tuple[str, str]:
    """(Indonesian, English) for sentences stored with both; the catalogues do not change while a process runs,
    so each pair is looked up once (switching languages twice per word showed in the batch's profile)."""
    with translation.override("id"):
        indonesian = label(domain, code)
    with translation.override("en"):
        english = label(domain, code)
    return indonesian, english


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    from garda.core.models import Country

    return {c: (i, e) for c, i, e in Country.objects.values_list("alpha2", "name_id", "name_en")}


def country(code: object) -> str:
    """A country's name in the active language (the code itself when the table does not know it)."""
    if not code:
        return ""
    names = _countries().get(str(code).upper())
    if names is None:
        return str(code)
    return names[1] if (translation.get_language() or "id").startswith("en") else names[0]


class Pairs:
    """A domain as a read-only table of (Indonesian, English) pairs, looked up when a sentence is built (never at
    import, when no catalogue is loaded yet); `extra` holds words that are not codes of the domain."""

    def __init__(self, domain: str, extra: dict[str, tuple[str, str]] | None = None) -> None:
        self.domain, self.extra = domain, extra or {}

    def get(self, code: str, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
        if code in VOCABULARY[self.domain]:
            return pair(self.domain, code)
        if code in self.extra:
            return self.extra[code]
        return default if default is not None else (code, code)

    def __getitem__(self, code: str) -> tuple[str, ...]:
        return self.get(code)

    def __contains__(self, code: object) -> bool:
        return code in VOCABULARY[self.domain] or code in self.extra
