"""The decisions part of the demo: Kanim Jakarta Selatan's figure from the seed article — 32 postponement or
cancellation requests from January to September 2025 for suspected non-procedural migrant workers — each carried
through the real steps (interviewer → Kepala Seksi → Kepala Kantor) on a synthetic application."""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from garda.core.models import User
from garda.decisions.actions import do_decide, do_propose, do_review
from garda.decisions.models import Kind
from garda.screening.actions import store_many
from garda.screening.scenarios import Builder

WIB = ZoneInfo("Asia/Jakarta")
PER_MONTH_2025 = [3, 4, 3, 4, 4, 3, 4, 3, 4]  # January–September: 32
FINDINGS = [
    "Mengaku wisata ke Malaysia tetapi tidak dapat menjelaskan rencana perjalanan; tiket dibelikan sponsor.",
    "Pendamping bukan keluarga dan menjawab pertanyaan untuk pemohon; pemohon mengaku ditawari kerja.",
    "Tujuan umrah tanpa rekomendasi Kemenag; pemohon menyebut akan bekerja sebagai asisten rumah tangga.",
    "Kunjungan keluarga tanpa surat jaminan; pemohon tidak mengenal pihak yang dikunjungi.",
    "Membawa kontrak kerja dari perusahaan yang tidak terdaftar sebagai P3MI.",
]


def populate(rng: random.Random) -> None:
    users = {
        u.username: u for u in User.objects.filter(username__in=["wawancara.jaksel", "kasi.jaksel", "kakanim.jaksel"])
    }
    if len(users) < 3:
        return
    maker, checker, approver = users["wawancara.jaksel"], users["kasi.jaksel"], users["kakanim.jaksel"]
    b = Builder(rng.randrange(10**6), datetime(2025, 10, 1).date())
    b.serial = 800_000  # numbers of their own, apart from the screening demo's
    for month, count in enumerate(PER_MONTH_2025, start=1):
        for _ in range(count):
            day = rng.randrange(1, 26)
            submitted = datetime(2025, month, day, rng.randrange(8, 14), rng.randrange(60), tzinfo=WIB)
            person = b.person() | {"occupation": rng.choice(["BELUM/TIDAK BEKERJA", "MENGURUS RUMAH TANGGA"])}
            record = b.application(
                person,
                office="JAKSEL",
                purpose=rng.choice(["tourism", "umrah", "family_visit"]),
                destination=rng.choice(["MY", "SA", "HK", "KH"]),
                submitted_at=submitted.isoformat(),
            )
            record["id"] = f"JKS-2025-{b.next_id('D')[2:]}"
            [(_, app)] = store_many([record], source="demo")
            cancellation = rng.random() < 0.2
            kind = Kind.CANCELLATION if cancellation else Kind.POSTPONEMENT
            categories = ["non_procedural", *rng.sample(["inconsistency", "illegal_agent"], rng.randrange(0, 2))]
            case = do_propose(
                app,
                acting_user=maker,
                kind=kind,
                categories=categories,
                findings=rng.choice(FINDINGS),
                legal_bases=["PEMBATALAN-B", "UU21-2007-P1"] if cancellation else ["SE-IMI-0277-2017", "UU6-2011-P31"],
                documents_requested=[] if cancellation else ["guarantee_letter", "recommendation_disnaker"],
                passport_number=f"E{rng.randrange(10**6, 10**7)}" if cancellation else "",
                at=submitted + timedelta(hours=1),
            )
            do_review(
                case,
                acting_user=checker,
                forward=True,
                reason="Indikasi PMI non-prosedural cukup kuat.",
                at=submitted + timedelta(hours=3),
            )
            do_decide(
                case,
                acting_user=approver,
                approve=True,
                reason="Disetujui untuk mencegah TPPO.",
                at=submitted + timedelta(days=1),
            )
