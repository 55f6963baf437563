"""The fostered-village part of the demo: the seven kelurahan of Kecamatan Tebet in Jakarta Selatan, where the office
held its Program Desa Binaan socialisation at the kecamatan office on 28 August 2025 (the seed article), each with a
PIMPASA officer; a year of socialisation events with attendance by sex and age band, photos (stripped of the GPS
position they were taken with), follow-ups open and done; and early warnings from village contacts that entered
intelligence as the office's own reports. Names and numbers are synthetic."""

import io
import random
from datetime import date, timedelta

from garda.core.models import Office, Region, User
from garda.outreach.actions import (
    NewPhoto,
    do_add_follow_up,
    do_add_village,
    do_complete_follow_up,
    do_record_event,
    do_record_warning,
)
from garda.outreach.models import AgeBand, Sex, Topic, Village

TEBET = "317401"
STARTED = date(2025, 8, 28)
TITLES = [
    "Sosialisasi pencegahan TPPO dan PMI non-prosedural",
    "Penyuluhan jalur resmi bekerja ke luar negeri",
    "Waspada lowongan kerja online scam",
    "Sosialisasi persyaratan paspor dan wawancara",
]
PLACES = ["Balai warga RW 0{n}", "Aula kantor kelurahan", "Masjid jami' RW 0{n}", "Posyandu RW 0{n}"]
WARNINGS = [
    (
        "recruiter_seen",
        "neighbourhood",
        "Ketua RT melihat seorang perekrut menawarkan kerja 'admin' di Kamboja kepada pemuda RW 04, gaji 18 juta, "
        "berangkat lewat Bangkok (sintetis).",
        [{"role": "recruiter", "full_name": "Dedi Kurniawan", "phone": "+6281377001234"}],
        "KH",
    ),
    (
        "family_asking",
        "cadre",
        "Kader posyandu: seorang ibu menanyakan tawaran kerja pengasuh di Arab Saudi untuk putrinya lewat sponsor, "
        "biaya dipotong gaji (sintetis).",
        [{"role": "victim", "full_name": "Nur Aisyah", "sex": "F"}, {"role": "recruiter", "full_name": "Haji Rohim"}],
        "SA",
    ),
    (
        "company_active",
        "village_head",
        "Lurah menerima brosur perusahaan yang tidak terdaftar sebagai P3MI, merekrut untuk pabrik di Malaysia "
        "dengan uang pendaftaran (sintetis).",
        [{"role": "company", "organisation": "PT Cahaya Karya Global"}],
        "MY",
    ),
]


def _photo(rng: random.Random) -> bytes:
    """A synthetic picture carrying a GPS position and a camera name, as a phone's photo would."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 400), (rng.randint(180, 230), rng.randint(180, 230), rng.randint(150, 200)))
    draw = ImageDraw.Draw(image)
    for row in range(3):
        for seat in range(8):
            x, y = 40 + seat * 72, 190 + row * 60
            draw.ellipse((x, y, x + 36, y + 36), fill=(90, 70, 60))
    draw.rectangle((220, 40, 420, 120), fill=(30, 60, 120))
    exif = Image.Exif()
    exif[0x010F] = "Kamera Ponsel"
    exif[0x8825] = {1: "S", 2: (6.0, 13.0, 58.0), 3: "E", 4: (106.0, 51.0, 12.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=80)
    return out.getvalue()


def _attendance(rng: random.Random, size: int) -> dict[tuple[str, str], int]:
    weights = {AgeBand.UNDER_18: 1, AgeBand.FROM_18: 4, AgeBand.FROM_36: 3, AgeBand.OVER_55: 1}
    cells: dict[tuple[str, str], int] = {}
    for sex, share in ((Sex.FEMALE, 0.6), (Sex.MALE, 0.4)):
        for band, weight in weights.items():
            cells[(sex, band)] = round(size * share * weight / 9 * rng.uniform(0.7, 1.3))
    return cells


def populate(rng: random.Random) -> None:
    office = Office.objects.get(code="JAKSEL")
    head = User.objects.get(username="kabid.jaksel")
    staff = list(User.objects.filter(office=office, role__in=["analis", "wawancara"]).order_by("username"))
    dokim = [u for u in staff if u.role == "wawancara"]
    kelurahan = Region.objects.filter(parent_code=TEBET, level="village").order_by("code")
    villages: list[Village] = []
    for i, region in enumerate(kelurahan):
        villages.append(
            do_add_village(
                acting_user=head,
                office=office,
                region_code=region.code,
                officer=staff[i % len(staff)],
                joined_on=STARTED,
            )
        )
    first = do_record_event(
        acting_user=head,
        village=villages[0],
        held_on=STARTED,
        place="Kantor Kecamatan Tebet",
        title="Sosialisasi Program Desa Binaan dan pencegahan TPPO",
        speakers=[
            {"name": head.full_name, "unit": "intel"},
            {"name": dokim[0].full_name, "unit": "dokim"},
            {"name": "Camat Tebet", "unit": "other"},
        ],
        topics=[Topic.MODUS, Topic.OFFICIAL_ROUTE, Topic.PROCEDURE, Topic.REPORTING],
        attendance=_attendance(rng, 86),
        notes="Dihadiri lurah se-Kecamatan Tebet, ketua RW dan kader PKK.",
        photos=[NewPhoto(_photo(rng), "image/jpeg", "Pemaparan modus perekrutan"), NewPhoto(_photo(rng), "image/jpeg")],
    )
    do_add_follow_up(
        first,
        acting_user=head,
        action="Membentuk kontak warga di tiap kelurahan untuk peringatan dini",
        due_on=STARTED + timedelta(days=30),
        assigned_to=head,
    )
    do_complete_follow_up(
        first.follow_ups.get(),
        acting_user=head,
        done_on=STARTED + timedelta(days=26),
        outcome="Tujuh kontak kelurahan ditunjuk; nomor pengaduan dibagikan lewat grup RW.",
    )
    day = STARTED + timedelta(days=21)
    for n in range(14):
        village = villages[(n + 1) % len(villages)]
        event = do_record_event(
            acting_user=village.officer,
            village=village,
            held_on=day,
            place=PLACES[n % len(PLACES)].format(n=1 + n % 9),
            title=TITLES[n % len(TITLES)],
            speakers=[
                {"name": village.officer.full_name, "unit": "intel" if village.officer.role == "analis" else "dokim"}
            ],
            topics=rng.sample([t.value for t in Topic], 3),
            attendance=_attendance(rng, rng.randint(18, 55)),
        )
        if n % 4 == 1:
            due = day + timedelta(days=21)
            follow_up = do_add_follow_up(
                event,
                acting_user=village.officer,
                action="Kunjungan rumah kepada keluarga yang menanyakan tawaran kerja",
                due_on=due,
                assigned_to=village.officer,
            )
            if due < date(2026, 10, 1):
                do_complete_follow_up(
                    follow_up,
                    acting_user=village.officer,
                    done_on=due,
                    outcome="Keluarga diberi penjelasan jalur resmi.",
                )
        day += timedelta(days=rng.randint(20, 32))
    for i, (kind, contact, summary, subjects, country) in enumerate(WARNINGS):
        village = villages[(2 * i + 1) % len(villages)]
        do_record_warning(
            acting_user=village.officer,
            village=village,
            received_on=date(2025, 10, 6) + timedelta(days=97 * i),
            kind=kind,
            contact_role=contact,
            summary=summary,
            subjects=subjects,
            destination_country=country,
        )
