"""The oversight part of the demo: a year (January–October 2025) of internal oversight at Kanim Jakarta Selatan.

- 900 applications processed by the office's eight interviewers, at office hours, screened by the real engine. Two
  interviewers stand out: one has the same "companion" (a broker's phone) on many of his applications, the other
  records outcomes in the evening (a late shift, which compliance finds documented).
- The integrity signals of the period: the broker pattern escalated into an investigation that reaches a
  disciplinary decree; the evening shift dismissed with its reason.
- Inspections: a Q1 periodic inspection of processed applications, reported, with a finding followed up and
  closed; a Q2 queue-fairness inspection in progress with an open finding; a surprise cash inspection planned for
  the coming weeks.
- An external report (Ombudsman) about a counter officer, examined, with its evidence file stored encrypted, and
  referred to the police; and a case closed as not proven by two signatures.
- A case whose direct superior was told five weeks ago and has not summoned (flagged, PP 94/2021 Pasal 28); the
  head of office's standing conflict-of-interest declaration about a relative on the counter staff.
"""

import random
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from garda.core.models import Office, User
from garda.core.workdays import add_working_days, working_days
from garda.oversight import actions
from garda.oversight.actions import investigations as procedure
from garda.oversight.actions.conflicts import do_declare_conflict
from garda.oversight.actions.evidence import do_add_evidence
from garda.oversight.actions.inspections import checklist
from garda.oversight.models import IntegritySignal, Outcome, SignalMetric, Source
from garda.screening import context as screening_context
from garda.screening.actions import do_record_review, result_row, save_screenings
from garda.screening.engine import screen
from garda.screening.imports import store_many
from garda.screening.models import Review
from garda.screening.rules import Subject
from garda.synthetic.demo.offices import DEMO_PASSWORD
from garda.synthetic.scenarios import Builder
from garda.whistle import actions as channel
from garda.whistle import api as sealing

WIB = ZoneInfo("Asia/Jakarta")
START, END = date(2025, 1, 2), date(2025, 10, 31)
BROKER = {"present": True, "full_name": "Hendra Gunawan", "phone": "+6281388800123", "relation": "friend"}
REASON = "Dokumen sesuai tujuan; keterangan pemohon konsisten dalam wawancara."
# A one-page PDF standing in for a bank transfer slip (synthetic, like everything in the demo).
TRANSFER_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _processed_year(rng: random.Random, interviewers: list[User]) -> None:
    broker_man, late_shift = interviewers[3], interviewers[5]
    b = Builder(rng.randrange(10**6), END)
    days = working_days(START, END)
    records, officers = [], []
    for i in range(900):
        officer = interviewers[i % len(interviewers)]
        day = days[i * len(days) // 900]
        at = f"{day.isoformat()}T{rng.randrange(8, 14):02d}:{rng.randrange(60):02d}:00+07:00"
        record = b.application(b.person(min_age=19), office="JAKSEL", submitted_at=at)
        record["id"] = f"JKS-2025-{i + 1:05d}"
        if officer == broker_man and rng.random() < 0.3:
            record["companion"] = dict(BROKER)
        records.append(record)
        officers.append(officer)
    stored = [app for _, app in store_many(records, source="demo")]
    ctx = screening_context.load()
    save_screenings([(app, result_row(app, screen(Subject(app.record, pk=app.pk), ctx), "demo")) for app in stored])
    for app, officer in zip(stored, officers, strict=True):
        app.refresh_from_db(fields=["risk_level", "recommendation", "submitted_at"])
        outcome = "proceed" if app.risk_level != "high" else "in_depth_interview"
        review = do_record_review(app, acting_user=officer, outcome=outcome, reason=REASON)
        local = timezone.localtime(app.submitted_at, WIB)
        if officer == late_shift and rng.random() < 0.6:
            when = local.replace(hour=rng.randrange(18, 21), minute=rng.randrange(60))
        else:
            when = local + timedelta(minutes=rng.randrange(25, 120))
        # The office's own time of the outcome, as an import of its history would carry it.
        Review.objects.filter(pk=review.pk).update(created_at=when)


def _signals(office: Office, compliance: User) -> None:
    for signal in actions.do_compute_signals(office, START, END, acting_user=compliance):
        if signal.metric == SignalMetric.CONTACT_CONCENTRATION:
            actions.do_escalate_signal(
                signal,
                acting_user=compliance,
                allegation="Satu pendamping dengan nomor yang sama pada banyak permohonan yang diproses petugas ini; "
                "diduga bekerja sama dengan calo.",
            )
        elif signal.metric == SignalMetric.OUT_OF_HOURS:
            actions.do_dismiss_signal(
                signal,
                acting_user=compliance,
                reason="Petugas bertugas pada layanan sore (surat tugas Kepala Kantor Maret–Oktober 2025).",
            )
            actions.do_confirm_dismissal(
                signal,
                acting_user=User.objects.get(username="investigator.pusat"),
                confirm=True,
                reason="Surat tugas layanan sore diperiksa; jadwal sesuai.",
            )


def _case_to_decree(compliance: User, head: User) -> None:
    signal = IntegritySignal.objects.filter(metric=SignalMetric.CONTACT_CONCENTRATION).first()
    if signal is None or signal.investigation is None:
        return
    case = signal.investigation
    today = timezone.localdate()
    procedure.do_inform_superior(
        case, acting_user=compliance, superior=User.objects.get(username="kasi.jaksel"), informed_on=today
    )
    procedure.do_summon(
        case, acting_user=compliance, examination_on=add_working_days(today, 7), place="Ruang Kepatuhan Internal"
    )
    procedure.do_record_examination(
        case,
        acting_user=compliance,
        examined_on=today,
        team="Kepala Seksi Lalu Lintas Keimigrasian\nInvestigator Kepatuhan Internal\nKepala Subbagian Kepegawaian",
        statement="Petugas menyatakan mengenal pendamping tersebut sebagai 'teman' yang sering mengantar pemohon.",
        findings="Pendamping yang sama pada 30 % permohonan petugas; tidak ada imbalan yang terbukti.",
    )
    procedure.do_report(
        case,
        acting_user=compliance,
        outcome=Outcome.PROVEN,
        offence="brokers",
        level="sedang",
        recommendation="Terbukti bekerja sama dengan perantara di luar prosedur; direkomendasikan hukuman sedang.",
    )
    procedure.do_decree(case, acting_user=head, sanction="allowance_cut_6", number="KEP-014/JAKSEL/KP/2025", on=today)


def _inspections(office: Office, compliance: User, owner: User, rng: random.Random) -> None:
    q1 = actions.do_plan_inspection(
        acting_user=compliance, office=office, kind="periodic", scope="applications",
        period_start=date(2025, 1, 2), period_end=date(2025, 3, 31), planned_for=date(2025, 4, 14),
        team="Tim Kepatuhan Internal Kanim Jakarta Selatan",
    )  # fmt: skip
    actions.do_draw_sample(q1, acting_user=compliance)
    questions = [q["code"] for q in checklist(q1.scope, q1.checklist_version)]
    items = list(q1.items.order_by("position"))
    for n, item in enumerate(items):
        answers = {code: "yes" for code in questions}
        note = ""
        if n == 4:
            answers["app_interview"] = "no"
            note = "Catatan wawancara hanya 'sesuai'; tujuan, penjamin dan kontak di negara tujuan tidak dicatat."
        actions.do_check_item(item, acting_user=compliance, answers=answers, note=note)
    finding = actions.do_record_finding(
        q1, acting_user=compliance, item=items[4], severity="medium",
        description="Catatan wawancara tidak memuat tujuan, penjamin dan kontak di negara tujuan.",
        evidence="Berkas sampel nomor 5 (catatan wawancara), dibandingkan dengan pedoman wawancara.",
        officer=items[4].officer, owner=owner,
    )  # fmt: skip
    actions.do_follow_up_finding(
        finding, acting_user=owner, note="Pengarahan ulang petugas wawancara; format catatan baku dipakai sejak Mei."
    )
    actions.do_close_finding(finding, acting_user=compliance, note="Diperiksa 10 berkas Juni: catatan sudah lengkap.")
    actions.do_report_inspection(
        q1, acting_user=compliance,
        conclusion="Satu penyimpangan pencatatan wawancara dari sampel; perbaikan format catatan telah dilakukan.",
    )  # fmt: skip
    q2 = actions.do_plan_inspection(
        acting_user=compliance, office=office, kind="periodic", scope="queue",
        period_start=date(2025, 4, 1), period_end=date(2025, 6, 30), planned_for=date(2025, 7, 7),
        team="Tim Kepatuhan Internal",
    )  # fmt: skip
    actions.do_draw_sample(q2, acting_user=compliance)
    actions.do_record_finding(
        q2, acting_user=compliance, severity="high",
        description="Seorang perantara menyerahkan 6 berkas sekaligus di loket 3 dan dilayani di luar nomor antrean.",
        evidence="Rekaman CCTV area antrean, hari sampel pertama, pukul 08.40–09.05.",
        owner=owner,
    )  # fmt: skip
    actions.do_plan_inspection(
        acting_user=compliance, office=office, kind="surprise", scope="cash",
        period_start=date(2025, 7, 1), period_end=date(2025, 10, 31), team="Tim Kepatuhan Internal",
    )  # fmt: skip


def _external_and_closed(office: Office, compliance: User, head: User, counter: User, interviewer: User) -> None:
    today = timezone.localdate()
    external = actions.do_open_investigation(
        acting_user=compliance, office=office, subject=counter, subject_description="",
        allegation="Laporan Ombudsman: pemohon diminta Rp1.500.000 untuk 'jalur cepat' di loket.",
        source=Source.EXTERNAL, source_ref="Ombudsman RI, laporan 0421/LM/2025",
    )  # fmt: skip
    procedure.do_summon(
        external, acting_user=compliance, examination_on=add_working_days(today, 7), place="Ruang Kepatuhan"
    )
    procedure.do_release_from_duties(
        external, acting_user=compliance, released=True, reason="Mencegah pengaruh terhadap saksi selama pemeriksaan."
    )
    procedure.do_record_examination(
        external, acting_user=compliance, examined_on=today,
        team="Investigator Kepatuhan Internal\nKepala Seksi\nKepala Subbagian Kepegawaian",
        statement="Petugas membantah; dua pemohon mengenali petugas dari foto.",
        findings="Keterangan dua pemohon dan bukti transfer ke rekening kerabat petugas.",
    )  # fmt: skip
    do_add_evidence(
        external, acting_user=compliance, private_key=channel.do_open_key_pair(compliance, DEMO_PASSWORD),
        uploads=[sealing.Upload("bukti-transfer-sintetis.pdf", "application/pdf", TRANSFER_PDF)],
        description="Bukti transfer Rp1.500.000 ke rekening kerabat petugas, diserahkan pemohon (sintetis).",
    )  # fmt: skip
    actions.do_refer(
        external, acting_user=compliance, agency="polri", crime="extortion",
        summary="Dugaan pemerasan terhadap pemohon paspor di loket, dengan bukti transfer.",
    )  # fmt: skip
    closed = actions.do_open_investigation(
        acting_user=compliance, office=office, subject=interviewer, subject_description="",
        allegation="Surat kaleng: petugas wawancara disebut meloloskan pemohon kenalannya.",
        source=Source.OTHER,
    )  # fmt: skip
    procedure.do_propose_close(
        closed, acting_user=compliance, outcome=Outcome.NOT_PROVEN,
        reason="Seluruh berkas petugas Januari–Maret diperiksa; tidak ada yang menyimpang dari SOP.",
    )  # fmt: skip
    procedure.do_confirm_close(
        closed, acting_user=head, confirm=True, reason="Setuju: tidak ada bukti; berkas diperiksa tim."
    )


def _silent_superior_and_a_declaration(office: Office, compliance: User, head: User, counters: list[User]) -> None:
    today = timezone.localdate()
    case = actions.do_open_investigation(
        acting_user=compliance, office=office, subject=counters[0], subject_description="",
        allegation="Temuan inspeksi antrean: pemohon yang diantar biro jasa dilayani lebih dahulu oleh petugas ini.",
        source=Source.OTHER,
    )  # fmt: skip
    procedure.do_inform_superior(
        case, acting_user=compliance, superior=User.objects.get(username="kasi.jaksel"),
        informed_on=today - timedelta(days=35),
    )  # fmt: skip
    do_declare_conflict(
        acting_user=head, concerning=counters[1], relation="family",
        note="Petugas loket ini adik ipar saya; kasus tentangnya diputus pejabat pusat.",
    )  # fmt: skip


def populate(rng: random.Random) -> None:
    office = Office.objects.get(code="JAKSEL")
    interviewers = list(User.objects.filter(office=office, role="wawancara").order_by("username"))
    compliance = User.objects.get(username="investigator.jaksel")
    head = User.objects.get(username="kakanim.jaksel")
    owner = User.objects.get(username="kasi.jaksel")
    counters = list(
        User.objects.filter(office=office, role="loket").exclude(username="loket.jaksel").order_by("username")
    )
    counter = counters[2]
    _processed_year(rng, interviewers)
    _signals(office, compliance)
    _case_to_decree(compliance, head)
    _inspections(office, compliance, owner, rng)
    _external_and_closed(office, compliance, head, counter, interviewers[1])
    _silent_superior_and_a_declaration(office, compliance, head, [counters[3], counters[4]])
