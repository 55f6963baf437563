"""A training session through the pages: a course with its curriculum and question bank (a bad bank refused line by
line), a session planned, staff and public enrolled, an officer's own pre- and post-test, a paper test keyed by the
trainer, attendance, the close that issues certificates to those present who passed, the certificate as PDF and on
the public verification page; and the coverage the head of office reads per role."""

import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from garda.conftest import make_user
from garda.core.models import Office, User
from garda.core.roles import Role
from garda.training.models import Course, Enrolment, Session

BANK = """[modus] Tawaran kerja mana yang paling patut dicurigai?
- Pabrik di Taiwan lewat P3MI berizin
* Admin online di Kamboja, gaji 20 juta, tanpa syarat

[indikator] Pemohon mengaku wisata tetapi membawa kontrak kerja. Apa tindakan loket?
* Meneruskan ke wawancara mendalam
- Menolak permohonan saat itu juga

[hukum] Apa dasar pembatalan paspor karena keterangan tidak benar?
- UU 21/2007 Pasal 1
* Permenkumham 8/2014 jo. 18/2022, pembatalan huruf b
"""


def _course_post(**extra: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": "tppo-loket-1",
        "title": "Deteksi dini TPPO di loket",
        "audience": "staff",
        "roles": ["loket", "wawancara"],
        "curriculum": "modus | Modus perekrutan | 2\nindikator | Indikator di loket | 1,5\nsop | SOP penundaan | 1",
        "refresher_months": "12",
        "pass_mark": "60",
        "bank": BANK,
    }
    data.update(extra)
    return data


@pytest.fixture
def course(personas: dict[str, User], login_as: Callable[[User], Client]) -> Course:
    assert login_as(personas["kasi"]).post("/pelatihan/kursus/baru/", _course_post()).status_code == 302
    return Course.objects.get()


def test_a_bad_course_is_refused_line_by_line(personas: dict[str, User], login_as: Callable[[User], Client]) -> None:
    client = login_as(personas["kasi"])
    bad = client.post(
        "/pelatihan/kursus/baru/",
        _course_post(
            curriculum="modus | Modus | dua jam", bank="[modus] Soal tanpa jawaban benar?\n- a\n- b", roles=[]
        ),
    )
    page = bad.content.decode()
    assert bad.status_code == 400
    assert "baris 1: jam harus angka" in page and "baris 1: tandai tepat satu jawaban benar" in page
    assert "Pilih peran yang wajib" in page and "Soal tanpa jawaban benar?" in page
    assert not Course.objects.exists()


def test_a_session_from_enrolment_to_a_verified_certificate(
    course: Course, personas: dict[str, User], offices: dict[str, Office], login_as: Callable[[User], Client]
) -> None:
    from pypdf import PdfReader

    kasi, counter, interviewer = personas["kasi"], personas["counter"], personas["interviewer"]
    trainer = login_as(kasi)
    held_on = timezone.localdate() - timedelta(days=1)
    trainer.post(
        f"/pelatihan/kursus/{course.code}/",
        {"held_on": held_on.isoformat(), "place": "Aula Kanim Jaksel", "trainer": "Kasi Intelijen"},
    )
    session = Session.objects.get()
    url = f"/pelatihan/sesi/{session.number}/"
    bad = trainer.post(url + "peserta/", {"participants": "Budi\nSari; P"})
    assert bad.status_code == 400 and "baris 1: tulis nama; L atau P" in bad.content.decode()
    trainer.post(url + "peserta/", {"users": [counter.pk, interviewer.pk], "participants": "Sari Dewi; P"})
    assert session.enrolments.count() == 3

    officer = login_as(counter)
    assert "Kerjakan tes awal" in officer.get("/pelatihan/").content.decode()
    officer.post(url + "tes/pre/", {"q1": "0", "q2": "0", "q3": "0"})  # one of three right
    officer.post(url + "tes/post/", {"q1": "1", "q2": "0", "q3": "1"})  # all right
    again = officer.post(url + "tes/post/", {"q1": "0", "q2": "1", "q3": "0"})
    mine = Enrolment.objects.get(user=counter)
    assert (mine.pre_score, mine.post_score) == (33.3, 100.0) and "sudah Anda kerjakan" in again.content.decode()

    sari = Enrolment.objects.get(name="Sari Dewi")
    trainer = login_as(kasi)  # one test client: each login_as switches who is signed in
    wrong = trainer.post(url + "jawaban/", {"enrolment": sari.pk, "phase": "post", "letters": "BAZ"})
    assert wrong.status_code == 400 and "soal 3: &#x27;Z&#x27; bukan pilihan" in wrong.content.decode()
    trainer.post(url + "jawaban/", {"enrolment": sari.pk, "phase": "pre", "letters": "A-A"})
    trainer.post(url + "jawaban/", {"enrolment": sari.pk, "phase": "post", "letters": "BAB"})
    keyed_interviewer = Enrolment.objects.get(user=interviewer)
    trainer.post(url + "jawaban/", {"enrolment": keyed_interviewer.pk, "phase": "post", "letters": "AAA"})  # 33: fails
    trainer.post(url + "kehadiran/", {"present": [mine.pk, sari.pk, keyed_interviewer.pk]})
    page = trainer.get(url).content.decode()
    assert "Analisis butir soal tes akhir" in page and "kenaikan" in page
    trainer.post(url + "tutup/")

    certified = {e.name: e.certificate_code for e in session.enrolments.all()}
    assert certified[counter.full_name] and certified["Sari Dewi"] and certified[interviewer.full_name] is None
    code = certified[counter.full_name]
    assert code is not None
    officer = login_as(counter)
    pdf = officer.get(f"/pelatihan/sertifikat/{code}.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split())
    assert counter.full_name in text and code in text and "Deteksi dini TPPO di loket" in text
    stranger = make_user(offices["JAKTIM"], Role.KASI, "kasi.jaktim")
    assert login_as(stranger).get(f"/pelatihan/sertifikat/{code}.pdf").status_code == 403

    typed = code.replace("-", "").lower().replace("0", "o")  # as typed from paper
    verified = Client().get("/publik/sertifikat/", {"kode": typed}).content.decode()
    assert "Sertifikat sah" in verified and counter.full_name in verified
    assert Client().get("/publik/sertifikat/", {"kode": "AAAA-BBBB-CCCC"}).status_code == 404
    closed = login_as(kasi).post(url + "kehadiran/", {"present": []})
    assert closed.status_code == 400 and "sudah ditutup" in closed.content.decode()


def test_coverage_per_role_and_who_is_due(
    course: Course,
    personas: dict[str, User],
    offices: dict[str, Office],
    login_as: Callable[[User], Client],
    django_assert_max_num_queries: Any,
) -> None:
    jaksel = offices["JAKSEL"]
    today = timezone.localdate()
    old = Session.objects.create(
        number="PLT-2024-0001",
        course=course,
        office=jaksel,
        held_on=today - timedelta(days=500),
        place="-",
        trainer="-",
    )
    recent = Session.objects.create(
        number="PLT-2026-0099", course=course, office=jaksel, held_on=today - timedelta(days=30), place="-", trainer="-"
    )
    Enrolment.objects.create(
        session=old, user=personas["counter"], name="loket", certificate_code="OLD0-0000-0001",
        certified_on=today - timedelta(days=500),
    )  # fmt: skip
    Enrolment.objects.create(
        session=recent, user=personas["interviewer"], name="wawancara", certificate_code="NEW0-0000-0001",
        certified_on=today - timedelta(days=30),
    )  # fmt: skip
    head = login_as(personas["kakanim"])
    with django_assert_max_num_queries(25) as few:
        page = head.get("/pelatihan/cakupan/").content.decode()
    queries = len(few)
    assert "Perlu dijadwalkan" in page and "TPPO-LOKET-1: berlaku sampai" in page  # the counter officer is due
    for n in range(5):
        make_user(jaksel, Role.COUNTER, f"loket.baru{n}")
    with django_assert_max_num_queries(queries):
        page = head.get("/pelatihan/cakupan/").content.decode()
    assert "belum pernah" in page
    assert login_as(personas["counter"]).get("/pelatihan/cakupan/").status_code == 403


def test_lists_keep_their_query_count_as_they_grow(
    course: Course,
    personas: dict[str, User],
    offices: dict[str, Office],
    login_as: Callable[[User], Client],
    django_assert_max_num_queries: Any,
) -> None:
    from garda.training.actions import Participant, do_enrol, do_plan_session

    kasi = personas["kasi"]
    session = do_plan_session(
        acting_user=kasi, course=course, office=offices["JAKSEL"], held_on=timezone.localdate(), place="-", trainer="-"
    )
    do_enrol(session, acting_user=kasi, users=[personas["counter"]], participants=[Participant("Sari Dewi", "F")])
    client = login_as(kasi)
    counts = []
    for _round in range(2):
        with django_assert_max_num_queries(40) as index:
            client.get("/pelatihan/")
        n_index = len(index)
        with django_assert_max_num_queries(40) as page:
            client.get(f"/pelatihan/sesi/{session.number}/")
        counts.append((n_index, len(page)))
        more = do_plan_session(
            acting_user=kasi, course=course, office=offices["JAKSEL"], held_on=timezone.localdate(), place="-",
            trainer="-",
        )  # fmt: skip
        do_enrol(more, acting_user=kasi, users=[], participants=[Participant(f"Warga {i}", "M") for i in range(5)])
        do_enrol(session, acting_user=kasi, users=[], participants=[Participant(f"Peserta {i}", "F") for i in range(5)])
    assert counts[0] == counts[1]
