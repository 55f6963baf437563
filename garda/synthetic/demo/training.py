"""The training part of the demo: the office's anti-trafficking courses for each staff group and for village
residents, with their question banks; eighteen months of sessions with pre- and post-tests (each participant's
answers drawn from their ability and the item's difficulty, so the item analysis has something to find), and the
certificates they earned — some now due for a refresher, some officers never trained, as in a real office."""

import random
from datetime import date

from garda.core.models import Office, User
from garda.training.actions import (
    Participant,
    do_close_session,
    do_create_course,
    do_enrol,
    do_plan_session,
    do_record_answers,
    do_record_attendance,
)
from garda.training.bank import parse
from garda.training.models import Course, Session

BANK = """[modus] Tawaran kerja mana yang paling patut dicurigai?
- Pabrik di Taiwan lewat P3MI berizin, kontrak dibaca di Disnaker
* Admin online di Kamboja, gaji 20 juta, tanpa syarat keahlian
- Perawat rumah sakit di Jepang lewat program G to G

[modus] Rute yang sering dipakai ke kompleks penipuan daring adalah
* Terbang ke Bangkok, lalu dibawa lewat darat ke Kamboja atau Myanmar
- Terbang langsung ke Seoul dengan visa kerja EPS
- Berangkat umrah dengan PPIU berizin

[indikator] Pemohon mengaku wisata ke Malaysia tetapi membawa kontrak kerja. Apa langkah petugas loket?
- Menolak permohonan saat itu juga
* Meneruskan ke wawancara mendalam dan mencatat temuannya
- Meminta pemohon mengganti tujuan menjadi kunjungan keluarga

[indikator] Manakah yang BUKAN indikator kuat keberangkatan non-prosedural?
- Dokumen diurus dan dibiayai pihak ketiga
- Paspor akan dipegang perekrut
* Saudara kandung pemohon pernah ditunda permohonannya

[sop] Siapa yang memutus penundaan penerbitan paspor?
- Petugas wawancara
- Kepala Seksi
* Kepala Kantor, setelah usulan diperiksa

[hukum] Penempatan PMI pada pengguna perseorangan di Arab Saudi
* dihentikan oleh Kepmenaker 260/2015
- diizinkan bila lewat sponsor
- diizinkan dengan visa umrah

[hukum] Keterangan tidak benar untuk memperoleh paspor dapat berakibat
- teguran lisan saja
* pembatalan paspor dan penangguhan 6 bulan sampai 2 tahun
- tidak ada akibat hukum
"""
CURRICULUM = [
    {"topic": "modus", "title": "Modus perekrutan dan penipuan daring", "hours": 2},
    {"topic": "indicators", "title": "Indikator di loket dan wawancara", "hours": 2},
    {"topic": "sop", "title": "SOP penundaan dan keputusan", "hours": 1.5},
    {"topic": "law", "title": "UU 21/2007, UU 18/2017, UU 6/2011", "hours": 1},
]
COURSES = [
    ("TPPO-LAYANAN-1", "Deteksi dini TPPO di loket dan wawancara", ["loket", "wawancara"], 12),
    ("TPPO-KEPUTUSAN-1", "Keputusan penundaan dan pembatalan yang sah", ["kasi", "kakanim"], 24),
    ("TPPO-INTEL-1", "Analisis jaringan perekrut", ["kabid_intel", "analis"], 12),
    ("KEPATUHAN-1", "Integritas dan pemeriksaan internal", ["investigator"], 24),
]
# Each item's difficulty before and after training (chance of a right answer for an average participant).
ITEMS = [(0.5, 0.9), (0.3, 0.8), (0.4, 0.85), (0.2, 0.6), (0.5, 0.8), (0.35, 0.95), (0.45, 0.75)]


def _answers(rng: random.Random, ability: float, phase: int, keys: list[int]) -> list[int | None]:
    chosen: list[int | None] = []
    for (pre, post), key in zip(ITEMS, keys, strict=True):
        chance = min(0.98, max(0.05, (pre, post)[phase] + ability))
        chosen.append(key if rng.random() < chance else (key + 1) % 3)
    return chosen


def _session(
    rng: random.Random, course: Course, office: Office, head: User, held_on: date, people: list[User]
) -> Session:
    session = do_plan_session(
        acting_user=head, course=course, office=office, held_on=held_on, place="Aula Kanim Jakarta Selatan",
        trainer=f"{head.full_name}; narasumber Bareskrim Polri",
    )  # fmt: skip
    enrolments = do_enrol(session, acting_user=head, users=people, participants=[])
    keys = list(course.questions.values_list("answer", flat=True))
    present = set()
    for enrolment in enrolments:
        ability = rng.uniform(-0.2, 0.15)
        do_record_answers(enrolment, acting_user=head, phase="pre", answers=_answers(rng, ability, 0, keys))
        if rng.random() < 0.92:
            present.add(enrolment.pk)
            do_record_answers(enrolment, acting_user=head, phase="post", answers=_answers(rng, ability, 1, keys))
    do_record_attendance(session, acting_user=head, present=present)
    do_close_session(session, acting_user=head, certified_on=held_on)
    return session


def populate(rng: random.Random) -> None:
    office = Office.objects.get(code="JAKSEL")
    head = User.objects.get(username="kasi.jaksel")
    questions = parse(BANK)
    staff = list(User.objects.filter(office=office, is_active=True).exclude(role="mitra").order_by("username"))
    for code, title, roles, months in COURSES:
        course = do_create_course(
            acting_user=head,
            fields={"code": code, "title": title, "audience": "staff", "roles": roles, "curriculum": CURRICULUM,
                    "refresher_months": months, "pass_mark": 70},
            questions=questions,
        )  # fmt: skip
        trainees = [u for u in staff if u.role in roles]
        rng.shuffle(trainees)
        # Most trained 14 months ago (some now due), a few last month, the rest never.
        cut = max(1, len(trainees) * 6 // 10)
        _session(rng, course, office, head, date(2025, 9, 16), trainees[:cut])
        if len(trainees) > cut + 1:
            _session(rng, course, office, head, date(2026, 10, 20), trainees[cut : cut + max(1, len(trainees) // 5)])
    village = do_create_course(
        acting_user=head,
        fields={"code": "DESA-AMAN-1", "title": "Bekerja ke luar negeri dengan aman", "audience": "public",
                "roles": [], "public_group": "village", "curriculum": CURRICULUM[:2], "refresher_months": 0,
                "pass_mark": 60},
        questions=questions[:3],
    )  # fmt: skip
    session = do_plan_session(
        acting_user=head, course=village, office=office, held_on=date(2025, 8, 28), place="Kantor Kecamatan Tebet",
        trainer="Tim PIMPASA Kanim Jakarta Selatan",
    )  # fmt: skip
    names = [
        ("Siti Rohmah", "F"),
        ("Dewi Anggraini", "F"),
        ("Ahmad Fauzi", "M"),
        ("Nur Halimah", "F"),
        ("Joko Susilo", "M"),
    ]
    enrolments = do_enrol(session, acting_user=head, users=[], participants=[Participant(n, s) for n, s in names])
    keys = list(village.questions.values_list("answer", flat=True))
    for enrolment in enrolments:
        do_record_answers(enrolment, acting_user=head, phase="pre", answers=[None, keys[1], None])
        do_record_answers(enrolment, acting_user=head, phase="post", answers=list(keys))
    do_record_attendance(session, acting_user=head, present={e.pk for e in enrolments})
    do_close_session(session, acting_user=head, certified_on=date(2025, 8, 28))
