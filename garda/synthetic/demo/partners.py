"""The partnership part of the demo: the agreements of KP2MI, Polri, Kemlu, LPSK and the social services (synthetic
numbers and dates), a report KP2MI sent through the portal, and referrals both ways — a possible victim referred
to KP2MI and waiting for its answer, a suspected recruiter referred to the police and done, and a returnee Kemlu
referred to the office. The demo's `mitra.kp2mi`, `mitra.polri` and `mitra.kemlu` log in to the portal and find
their work there. No API client is made: `garda partners client add` prints a secret once, to whoever runs it."""

import random
from datetime import date

from garda.core.models import Office, Organisation, User
from garda.partners.actions import (
    do_answer_referral,
    do_receive_referral,
    do_record_referral_outcome,
    do_refer_person,
    do_submit_report,
)
from garda.partners.models import SCOPES
from garda.screening.models import Application

AGREEMENTS = {
    "KP2MI": ("PKS.01/KP2MI-IMI/III/2025", "UU 18/2017 Pasal 39; Perpres 49/2023", list(SCOPES), date(2027, 3, 31)),
    "POLRI": ("B/1123/IV/2025/Bareskrim", "UU 21/2007 Pasal 58; Perpres 49/2023", list(SCOPES), date(2027, 4, 30)),
    "KEMLU": ("PKS.07/PWNI-IMI/2025", "UU 37/1999; Perpres 49/2023", ["reports:read", "reports:write",
              "persons:status", "referrals:read", "referrals:write"], date(2026, 12, 31)),
    "LPSK": ("PKS.03/LPSK-IMI/2025", "UU 31/2014", ["referrals:read", "referrals:write"], date(2027, 6, 30)),
    "DINSOS": ("PKS.11/DINSOS-DKI-IMI/2025", "UU 21/2007 Pasal 51", ["referrals:read", "referrals:write"], None),
}  # fmt: skip
CONTACTS = {
    "KP2MI": ("Unit Pelindungan BP3MI DKI Jakarta", "Rina Marlina", "bp3mi-dki@demo.garda.invalid"),
    "POLRI": ("Subdit Renakta Ditreskrimum Polda Metro Jaya", "AKP Dimas Saputra", "renakta@demo.garda.invalid"),
    "KEMLU": ("Direktorat Pelindungan WNI", "Sari Wulandari", "pwni@demo.garda.invalid"),
    "LPSK": ("Biro Penelaahan Permohonan", "Yudi Prasetyo", "lpsk@demo.garda.invalid"),
    "DINSOS": ("Dinas Sosial Provinsi DKI Jakarta", "Ani Susanti", "dinsos-dki@demo.garda.invalid"),
}


def agreements() -> None:
    """Before the partner accounts exist (offices.populate calls this)."""
    for code, (number, basis, scope, expires) in AGREEMENTS.items():
        unit, contact, email = CONTACTS[code]
        Organisation.objects.filter(code=code).update(
            agreement_number=number,
            agreement_basis=basis,
            agreement_scope=scope,
            agreement_expires=expires,
            unit=unit,
            contact_name=contact,
            contact_email=email,
            contact_phone="021-5550000",
        )


def populate(rng: random.Random) -> None:
    jaksel = Office.objects.get(code="JAKSEL")
    kp2mi, polri, kemlu = (Organisation.objects.get(code=c) for c in ("KP2MI", "POLRI", "KEMLU"))
    do_submit_report(
        {
            "id": "BP3MI-DKI-2025-0107",
            "reference": "B.107/BP3MI.DKI/X/2025",
            "received_at": "2025-10-20T10:30:00+07:00",
            "category": "suspected_recruiter",
            "subjects": [{"role": "recruiter", "full_name": "Agus Salimin", "phone": "+6281299001122"}],
            "destination_country": "KH",
            "summary": "Perekrut menawarkan kerja 'admin' di Sihanoukville lewat visa kunjungan (sintetis).",
        },
        organisation=kp2mi,
        submitted_by="mitra.kp2mi",
    )
    interviewer = User.objects.get(username="wawancara.jaksel")
    kasi = User.objects.get(username="kasi.jaksel")
    high = list(Application.objects.filter(office_code="JAKSEL", risk_level="high").order_by("submitted_at")[:2])
    if len(high) == 2:
        victim, recruiter_seen = high
        do_refer_person(
            acting_user=interviewer, office=jaksel, organisation=kp2mi, role="victim",
            person={"full_name": victim.applicant_name, "nik": victim.applicant_nik,
                    "birth_date": victim.applicant_birth_date.isoformat() if victim.applicant_birth_date else "",
                    "destination_country": victim.destination_country},
            reason="Calon pekerja tanpa dokumen penempatan; mengaku ditawari kerja oleh kenalan di media sosial.",
            consent={"manage_personal_data": True, "share_with_receiver": True}, online_scam=True,
            application_ref=f"{victim.office_code}/{victim.external_id}",
        )  # fmt: skip
        to_police = do_refer_person(
            acting_user=kasi, office=jaksel, organisation=polri, role="recruiter",
            person={"full_name": "Hendra Gunawan", "phone": "+6281388800123"},
            reason="Pendamping yang sama pada beberapa pemohon ke Kamboja; diduga perekrut (sintetis).",
            consent={}, application_ref=f"{recruiter_seen.office_code}/{recruiter_seen.external_id}",
        )  # fmt: skip
        do_answer_referral(to_police, accept=True, reason="Diterima Subdit Renakta.", by="mitra.polri",
                           organisation=polri)  # fmt: skip
        do_record_referral_outcome(
            to_police, outcome="Laporan polisi LP/B/2211/X/2025 dibuat; penyelidikan berjalan (sintetis).",
            by="mitra.polri", organisation=polri,
        )  # fmt: skip
    do_receive_referral(
        organisation=kemlu, submitted_by="mitra.kemlu", office=jaksel, role="victim",
        person={"full_name": "Dewi Kartika", "sex": "F", "birth_date": "1999-04-12"},
        reason="WNI dipulangkan dari Myawaddy (penipuan daring) lewat KBRI Yangon; mohon perhatian bila mengajukan "
        "paspor lagi untuk tujuan kunjungan (sintetis).",
    )  # fmt: skip
