"""The channel's part of the demo: keys for the demo handlers (under the printed demo password) and a handful of
synthetic reports at Kanim Jakarta Selatan in every status, one about staff, one with the reporter's identity, with
messages both ways. The receipts are printed nowhere: a demo reporter makes a new report to see that side."""

import random
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from garda.core.models import Office, User
from garda.synthetic.demo.offices import DEMO_PASSWORD
from garda.whistle import actions
from garda.whistle.models import Report, Status, Topic

HANDLERS = ["kabid.jaksel", "analis.jaksel", "investigator.jaksel", "investigator.pusat", "kustodian.jaksel"]

REPORTS = [
    (
        Topic.RECRUITMENT,
        "Tetangga saya direkrut lewat grup Facebook untuk kerja di Kamboja sebagai admin, gaji 15 juta. "
        "Disuruh bilang mau wisata ke Thailand waktu wawancara paspor.",
        "Kel. Pela Mampang",
        "minggu lalu",
        "Perekrut bernama Rudi, WA 0813-5555-0192",
        "",
        20,
        Status.INVESTIGATING,
        ["Terima kasih. Apakah tetangga Anda sudah mengajukan paspor?", "Sudah, minggu ini ke Kanim Jakarta Selatan."],
    ),
    (
        Topic.ILLEGAL_AGENT,
        "Ada kantor di ruko yang menampung calon pekerja rumah tangga ke Arab Saudi, tanpa papan "
        "nama. Mereka mengurus paspor dengan tujuan umrah.",
        "Ruko Jl. Warung Buncit",
        "",
        "PT Bina Karya Mandiri (tidak terdaftar?)",
        "",
        9,
        Status.VERIFIED,
        ["Laporan Anda sudah kami verifikasi dan diteruskan."],
    ),
    (
        Topic.STAFF,
        "Di loket wawancara ada petugas yang minta uang 2 juta agar pemohon tidak ditanya macam-macam.",
        "Kanim Jakarta Selatan, lantai 2",
        "Senin pagi",
        "",
        "Pak Yusuf (loket 4)",
        5,
        Status.RECEIVED,
        [],
    ),
    (
        Topic.EXTORTION,
        "Calo di depan kantor memaksa membayar 500 ribu untuk nomor antrean.",
        "Depan gerbang",
        "setiap pagi",
        "Dua orang pria, motor hitam",
        "",
        40,
        Status.CLOSED,
        ["Sudah kami tindak lanjuti bersama kepolisian. Terima kasih."],
    ),
    (
        Topic.RECRUITMENT,
        "Adik saya dijanjikan kerja di pabrik Malaysia, tapi visanya visa kunjungan.",
        "",
        "",
        "Sponsor: Bu Ani, 0821-7777-3311",
        "",
        1,
        Status.RECEIVED,
        [],
    ),
]


def populate(rng: random.Random) -> None:
    for username in HANDLERS:
        user = User.objects.filter(username=username).first()
        if user is not None:
            actions.do_open_key_pair(user, DEMO_PASSWORD)
    _recovery_keys()
    jaksel = Office.objects.get(code="JAKSEL")
    kabid = User.objects.get(username="kabid.jaksel")
    investigator = User.objects.get(username="investigator.jaksel")
    now = timezone.now()
    for i, (topic, what, where, when, people, officer, days_ago, status, replies) in enumerate(REPORTS):
        report, _receipt = actions.do_submit_report(
            actions.Submission(
                office=jaksel,
                topic=topic,
                what=what,
                where=where,
                when=when,
                people=people,
                officer=officer,
                identity_name="Sri Wahyuni (sintetis)" if i == 1 else "",
                identity_contact="0857-0000-1234 (sintetis)" if i == 1 else "",
            )
        )
        # Back-dated so the queue shows deadlines met, due and overdue (demo data only).
        Report.objects.filter(pk=report.pk).update(
            received_at=now - timedelta(days=days_ago, hours=rng.randrange(1, 8))
        )
        report.refresh_from_db()
        handler = investigator if report.unit == "compliance" else kabid
        private_key = actions.do_open_key_pair(handler, DEMO_PASSWORD)
        report_key = actions.report_key_for_user(report, handler, private_key)
        if report_key is None:
            continue
        for j, text in enumerate(replies):
            if j % 2 == 0:
                actions.do_reply(report, report_key, acting_user=handler, text=text)
            else:
                actions.do_reporter_message(report, report_key, text, [])
        steps = [Status.VERIFIED, Status.INVESTIGATING, Status.CLOSED]
        for step in steps[: [Status.RECEIVED, *steps].index(status)]:
            actions.do_set_status(
                report,
                acting_user=handler,
                status=step,
                outcome="criminal" if step == Status.CLOSED else "",
                note="Diteruskan ke Polres Metro Jakarta Selatan" if step == Status.CLOSED else "",
            )
        if report.close_proposed_by_id is not None and report.status != Status.CLOSED:
            # A report handled by internal compliance closes with a second signature (national compliance).
            actions.do_confirm_close(
                report,
                acting_user=User.objects.get(username="investigator.pusat"),
                confirm=True,
                reason="Penerusan ke kepolisian diperiksa; laporan dapat ditutup.",
            )


def _recovery_keys() -> None:
    """The national recovery key and JAKSEL's, so every office on the public form delivers (`garda check
    --deploy`). In a real office the private halves are printed for their holders; the demo's are written to the
    data directory (readable by its owner only), as synthetic as everything else here."""
    lines = []
    for code, holder in (("DITJEN", "Kustodian pusat (demo)"), ("JAKSEL", "Kustodian Kanim Jakarta Selatan (demo)")):
        office = Office.objects.filter(code=code).first()
        if office is None:
            continue
        _, private_text = actions.do_create_recovery_key(office, holder)
        lines.append(f"{code} — {holder}:\n{private_text}\n")
    (Path(settings.DATA_DIR) / "demo-recovery-keys.txt").write_text("\n".join(lines), encoding="utf-8")
