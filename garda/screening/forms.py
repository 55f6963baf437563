"""Forms of the screening pages: the queue's filters, the counter intake (which becomes a contract record), and
the interview outcome."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from garda.core.forms import DateInput
from garda.core.models import Country
from garda.core.vocabulary import VOCABULARY
from garda.identity.nik import InvalidNumber, parse_nik
from garda.screening.models import REVIEW_OUTCOMES

RISKS = [("", _("Semua")), ("high", _("Tinggi")), ("medium", _("Sedang")), ("low", _("Rendah"))]
PURPOSES = [
    ("tourism", _("Wisata")),
    ("umrah", _("Umrah")),
    ("hajj", _("Haji khusus")),
    ("family_visit", _("Kunjungan keluarga")),
    ("work", _("Bekerja")),
    ("internship", _("Magang")),
    ("study", _("Belajar")),
    ("business", _("Bisnis")),
    ("medical", _("Berobat")),
    ("other", _("Lainnya")),
]
DOCUMENTS = [
    ("ktp", _("KTP")),
    ("kk", _("Kartu Keluarga")),
    ("birth_certificate", _("Akta kelahiran")),
    ("diploma", _("Ijazah")),
    ("marriage_book", _("Buku nikah")),
    ("old_passport", _("Paspor lama")),
    ("recommendation_disnaker", _("Rekomendasi Disnaker")),
    ("id_pmi", _("ID PMI")),
    ("recommendation_kemenag", _("Rekomendasi Kemenag")),
    ("travel_agent_letter", _("Surat penyelenggara/biro perjalanan")),
    ("guarantee_letter", _("Surat jaminan")),
    ("host_passport_copy", _("Fotokopi paspor keluarga yang dikunjungi")),
    ("return_ticket", _("Tiket pulang")),
    ("hotel_booking", _("Pemesanan hotel")),
    ("employment_contract", _("Kontrak kerja")),
    ("work_visa", _("Visa kerja")),
    ("invitation_letter", _("Surat undangan")),
    ("study_admission", _("Surat penerimaan studi")),
]
OBSERVATIONS = [
    ("cannot_explain_itinerary", _("Tidak dapat menjelaskan rencana perjalanan")),
    ("admits_work_intent", _("Mengaku akan bekerja")),
    ("answers_appear_coached", _("Jawaban tampak diarahkan")),
    ("companion_answers_for_applicant", _("Pendamping menjawab untuk pemohon")),
    ("does_not_know_host", _("Tidak mengenal pihak yang dikunjungi")),
    ("met_sponsor_online", _("Mengenal sponsor lewat internet")),
    ("fee_paid_to_recruiter", _("Membayar biaya kepada perekrut")),
    ("documents_held_by_third_party", _("Dokumen dipegang pihak ketiga")),
]
RELATIONS = [
    ("", _("—")),
    ("parent", _("Orang tua")),
    ("spouse", _("Suami/istri")),
    ("child", _("Anak")),
    ("sibling", _("Saudara kandung")),
    ("relative", _("Kerabat")),
    ("friend", _("Teman")),
    ("employer", _("Pemberi kerja")),
    ("travel_agent", _("Biro perjalanan")),
    ("agent", _("Agen/perekrut")),
    ("other", _("Lainnya")),
]
FUNDS = [
    ("", _("—")),
    ("self", _("Sendiri")),
    ("family", _("Keluarga")),
    ("sponsor", _("Sponsor")),
    ("employer", _("Pemberi kerja")),
    ("agent", _("Agen")),
    ("unknown", _("Tidak diketahui")),
]
OUTCOME_LABELS = {code: capfirst(word) for code, word in VOCABULARY["outcome"].items()}


class QueueFilterForm(forms.Form):
    day = forms.DateField(label=_("Tanggal"), required=False, widget=DateInput())
    risk = forms.ChoiceField(label=_("Risiko"), choices=RISKS, required=False)
    alert = forms.BooleanField(label=_("Hanya yang berindikasi baru"), required=False)
    awaiting = forms.BooleanField(label=_("Menunggu konfirmasi Kepala Seksi (semua tanggal)"), required=False)
    q = forms.CharField(label=_("Cari nama, NIK atau nomor"), required=False, max_length=100)


class ClearanceForm(forms.Form):
    """The second officer's word on a cleared high flag."""

    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[("confirm", _("Konfirmasi: permohonan dilanjutkan")), ("refuse", _("Tolak: periksa kembali"))],
    )
    reason = forms.CharField(
        label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, min_length=10
    )


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Hasil"), choices=[(o, OUTCOME_LABELS[o]) for o in REVIEW_OUTCOMES])
    reason = forms.CharField(
        label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, min_length=10
    )
    interview_notes = forms.CharField(
        label=_("Catatan wawancara"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, required=False
    )


def _countries() -> list[tuple[str, str]]:
    return [("", "—"), *((c.alpha2, f"{c.alpha2} — {c.name}") for c in Country.objects.order_by("alpha2"))]


class CounterForm(forms.Form):
    """What the counter officer keys in as the applicant is served; becomes one contract record."""

    # Applicant
    nik = forms.CharField(label=_("NIK"), max_length=20)
    kk_number = forms.CharField(label=_("Nomor KK"), max_length=20, required=False)
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=200)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=[("M", _("Laki-laki")), ("F", _("Perempuan"))])
    birth_date = forms.DateField(label=_("Tanggal lahir"), widget=DateInput())
    birth_place = forms.CharField(label=_("Tempat lahir"), max_length=100)
    occupation = forms.CharField(label=_("Pekerjaan (sesuai KTP)"), max_length=100, required=False)
    address = forms.CharField(label=_("Alamat"), max_length=300, required=False)
    phone = forms.CharField(label=_("Telepon"), max_length=30, required=False)
    father_name = forms.CharField(label=_("Nama ayah"), max_length=200, required=False)
    mother_name = forms.CharField(label=_("Nama ibu"), max_length=200, required=False)
    application_type = forms.ChoiceField(
        label=_("Jenis permohonan"),
        choices=[("new", _("Baru")), ("replacement", _("Penggantian")), ("lost", _("Hilang")), ("damaged", _("Rusak"))],
    )
    has_previous_passport = forms.BooleanField(label=_("Pernah memiliki paspor"), required=False)
    # Documents presented, and what was keyed in from them
    documents = forms.MultipleChoiceField(
        label=_("Dokumen yang diajukan"), choices=DOCUMENTS, widget=forms.CheckboxSelectMultiple, required=False
    )
    ktp_full_name = forms.CharField(label=_("Nama pada KTP"), max_length=200, required=False)
    kk_full_name = forms.CharField(label=_("Nama pada KK"), max_length=200, required=False)
    civil_full_name = forms.CharField(label=_("Nama pada akta kelahiran/ijazah"), max_length=200, required=False)
    civil_birth_date = forms.DateField(
        label=_("Tanggal lahir pada akta kelahiran/ijazah"),
        required=False,
        widget=DateInput(),
    )
    civil_mother_name = forms.CharField(label=_("Nama ibu pada akta kelahiran"), max_length=200, required=False)
    # Travel
    purpose = forms.ChoiceField(label=_("Tujuan perjalanan"), choices=PURPOSES)
    destination_country = forms.ChoiceField(label=_("Negara tujuan"), choices=[], required=False)
    return_ticket = forms.BooleanField(label=_("Memiliki tiket pulang"), required=False)
    funds_source = forms.ChoiceField(label=_("Sumber biaya"), choices=FUNDS, required=False)
    employer_name = forms.CharField(label=_("Pemberi kerja di luar negeri"), max_length=200, required=False)
    placement_company = forms.CharField(label=_("Perusahaan penempatan (P3MI)"), max_length=200, required=False)
    placement_license = forms.CharField(label=_("Nomor SIP3MI"), max_length=100, required=False)
    # Companion
    companion_name = forms.CharField(label=_("Nama pendamping"), max_length=200, required=False)
    companion_nik = forms.CharField(label=_("NIK pendamping"), max_length=20, required=False)
    companion_phone = forms.CharField(label=_("Telepon pendamping"), max_length=30, required=False)
    companion_relation = forms.ChoiceField(label=_("Hubungan pendamping"), choices=RELATIONS, required=False)
    companion_organisation = forms.CharField(label=_("Organisasi pendamping"), max_length=200, required=False)
    # Interview
    stated_purpose = forms.ChoiceField(
        label=_("Tujuan menurut wawancara"), choices=[("", "—"), *PURPOSES], required=False
    )
    stated_destination = forms.ChoiceField(label=_("Negara tujuan menurut wawancara"), choices=[], required=False)
    observations = forms.MultipleChoiceField(
        label=_("Pengamatan wawancara"), choices=OBSERVATIONS, widget=forms.CheckboxSelectMultiple, required=False
    )
    interview_notes = forms.CharField(
        label=_("Catatan wawancara"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, required=False
    )

    FIELDSETS: list[tuple[Any, list[str]]] = [
        (
            _("Pemohon"),
            [
                "nik",
                "kk_number",
                "full_name",
                "sex",
                "birth_date",
                "birth_place",
                "occupation",
                "address",
                "phone",
                "father_name",
                "mother_name",
                "application_type",
                "has_previous_passport",
            ],
        ),
        (
            _("Dokumen"),
            [
                "documents",
                "ktp_full_name",
                "kk_full_name",
                "civil_full_name",
                "civil_birth_date",
                "civil_mother_name",
            ],
        ),
        (
            _("Perjalanan"),
            [
                "purpose",
                "destination_country",
                "return_ticket",
                "funds_source",
                "employer_name",
                "placement_company",
                "placement_license",
            ],
        ),
        (
            _("Pendamping"),
            ["companion_name", "companion_nik", "companion_phone", "companion_relation", "companion_organisation"],
        ),
        (_("Wawancara"), ["stated_purpose", "stated_destination", "observations", "interview_notes"]),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        countries = _countries()
        self.fields["destination_country"].choices = countries  # type: ignore[attr-defined]
        self.fields["stated_destination"].choices = countries  # type: ignore[attr-defined]

    def fieldsets(self) -> list[tuple[Any, list[Any]]]:
        return [(title, [self[name] for name in names]) for title, names in self.FIELDSETS]

    def clean_nik(self) -> str:
        raw = "".join(ch for ch in self.cleaned_data["nik"] if ch.isdigit())
        if len(raw) != 16:
            raise forms.ValidationError(_("NIK harus 16 angka."))
        try:
            parse_nik(raw)
        except InvalidNumber as exc:
            # A NIK that does not decode is kept and flagged by screening; the officer is told at once.
            self.nik_warning = "; ".join(p.message_id for p in exc.problems)
        return raw

    def clean_birth_date(self) -> date:
        born: date = self.cleaned_data["birth_date"]
        if born > timezone.localdate():
            raise forms.ValidationError(_("Tanggal lahir belum terjadi."))
        return born

    def to_record(self, *, office_code: str, external_id: str) -> dict[str, Any]:
        """The contract record (application.schema.json) of what was keyed in."""
        d = self.cleaned_data
        applicant: dict[str, Any] = {
            "nik": d["nik"],
            "full_name": d["full_name"].strip().upper(),
            "sex": d["sex"],
            "birth_date": d["birth_date"].isoformat(),
            "birth_place": d["birth_place"].strip().upper(),
            "has_previous_passport": d["has_previous_passport"],
        }
        for name in ("kk_number", "occupation", "phone", "father_name", "mother_name"):
            if d.get(name):
                applicant[name] = d[name].strip().upper() if name.endswith("name") else d[name].strip()
        if d.get("address"):
            applicant["address"] = {"text": d["address"].strip()}
        documents: list[dict[str, Any]] = []
        for kind in d["documents"]:
            doc: dict[str, Any] = {"type": kind}
            if kind == "ktp":
                doc |= {"nik": d["nik"]} | ({"full_name": d["ktp_full_name"].upper()} if d["ktp_full_name"] else {})
            elif kind == "kk":
                doc |= ({"number": d["kk_number"]} if d["kk_number"] else {}) | (
                    {"full_name": d["kk_full_name"].upper()} if d["kk_full_name"] else {}
                )
            elif kind in {"birth_certificate", "diploma"}:
                if d["civil_full_name"]:
                    doc["full_name"] = d["civil_full_name"].upper()
                if d["civil_birth_date"]:
                    doc["birth_date"] = d["civil_birth_date"].isoformat()
                if d["civil_mother_name"] and kind == "birth_certificate":
                    doc["mother_name"] = d["civil_mother_name"].upper()
            documents.append(doc)
        travel: dict[str, Any] = {"purpose": d["purpose"], "return_ticket": d["return_ticket"]}
        if d.get("destination_country"):
            travel["destination_country"] = d["destination_country"]
        if d.get("funds_source"):
            travel["funds_source"] = d["funds_source"]
        if d.get("employer_name"):
            travel["employer"] = {"name": d["employer_name"]}
        if d.get("placement_company") or d.get("placement_license"):
            travel["placement_company"] = {
                "name": d["placement_company"],
                **({"license_number": d["placement_license"]} if d["placement_license"] else {}),
            }
        record: dict[str, Any] = {
            "id": external_id,
            "office": office_code,
            "submitted_at": timezone.localtime().isoformat(timespec="seconds"),
            "channel": "counter",
            "application_type": d["application_type"],
            "applicant": applicant,
            "documents": documents,
            "travel": travel,
        }
        companion = {
            "full_name": d["companion_name"].strip().upper(),
            "nik": d["companion_nik"].strip(),
            "phone": d["companion_phone"].strip(),
            "relation": d["companion_relation"],
            "organisation": d["companion_organisation"].strip(),
        }
        companion = {k: v for k, v in companion.items() if v}
        if companion:
            record["companion"] = {"present": True, **companion}
        interview: dict[str, Any] = {}
        if d.get("stated_purpose"):
            interview["stated_purpose"] = d["stated_purpose"]
        if d.get("stated_destination"):
            interview["stated_destination_country"] = d["stated_destination"]
        if d.get("observations"):
            interview["observations"] = list(d["observations"])
        if d.get("interview_notes"):
            interview["notes"] = d["interview_notes"]
        if interview:
            record["interview"] = {"conducted": True, **interview}
        return record
