"""The decisions part of the demo: Kanim Jakarta Selatan's figure from the seed article — 32 postponement or
cancellation requests from January to September 2025 for suspected non-procedural migrant workers and related
grounds — each on a synthetic application screened by the real engine, proposed on what the screening found
(its categories and facts), examined, checked and approved through the real steps (interviewer → Kepala Seksi →
Kepala Kantor). All four grounds of the office are represented; a cancellation has its BAP before the decision."""

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from garda.core.models import User
from garda.decisions.actions import do_decide, do_propose, do_record_examination, do_review
from garda.decisions.models import Kind
from garda.intel.imports import store_report
from garda.screening import context as screening_context
from garda.screening.actions import screen_application
from garda.screening.imports import store_many
from garda.screening.indicators import explain
from garda.synthetic.scenarios import KINDS, Builder

WIB = ZoneInfo("Asia/Jakarta")
PER_MONTH_2025 = [3, 4, 3, 4, 4, 3, 4, 3, 4]  # January–September: 32
GROUNDS = ("non_procedural", "inconsistency", "illegal_agent", "agency_report")
# Scenario kinds of each ground that need no more context than the demo gives (reports and history they make).
SCENARIOS = [
    "np_interview_admits_work",
    "ia_companion_reported_recruiter",
    "inc_document_other_name",
    "ar_victim_by_nik",
    "np_work_documents_as_tourist",
    "ia_unlicensed_agent",
    "inc_interview_destination",
    "ar_companion_reported",
    "np_family_visit_without_guarantee",
    "ia_shared_companion",
    "np_umrah_without_kemenag",
    "np_scam_country_offer",
]
# What the interview added to the screening, by the first ground found: the maker's own words.
CONFIRMED = {
    "non_procedural": "Dalam wawancara pemohon tidak dapat menjelaskan rencana perjalanan sesuai tujuan yang "
    "dinyatakan dan mengakui ditawari pekerjaan di negara tujuan.",
    "inconsistency": "Pemohon tidak dapat menjelaskan perbedaan antara keterangan pada formulir, dokumen dan "
    "jawaban wawancara.",
    "illegal_agent": "Pemohon membenarkan bahwa keberangkatannya diurus dan dibiayai pihak lain yang tidak memiliki "
    "izin penempatan.",
    "agency_report": "Pemohon membenarkan keadaan yang disebut dalam laporan instansi terkait; perlu pelindungan.",
}
DOCUMENTS = {
    "non_procedural": ["recommendation_disnaker", "return_ticket"],
    "inconsistency": ["birth_certificate", "kk"],
    "illegal_agent": ["travel_agent_letter"],
    "agency_report": ["guarantee_letter"],
}


def populate(rng: random.Random) -> None:
    users = {
        u.username: u for u in User.objects.filter(username__in=["wawancara.jaksel", "kasi.jaksel", "kakanim.jaksel"])
    }
    if len(users) < 3:
        return
    maker, checker, approver = users["wawancara.jaksel"], users["kasi.jaksel"], users["kakanim.jaksel"]
    serial = 800_000  # numbers of their own, apart from the screening demo's
    slot = 0
    for month, count in enumerate(PER_MONTH_2025, start=1):
        b = Builder(rng.randrange(10**6), date(2025, month, 25))
        b.serial = serial
        made = 0
        while made < count:
            KINDS[SCENARIOS[slot % len(SCENARIOS)]](b)
            slot += 1
            for report in b.world.reports:
                store_report(report, source="demo")
            store_many(b.world.history, source="demo")
            b.world.reports, b.world.history = [], []
            (_kind, _expected, record) = b.world.cases.pop()
            record["office"] = "JAKSEL"
            record["id"] = f"JKS-2025-{b.next_id('D')[2:]}"
            [(_, app)] = store_many([record], source="demo")
            screening_context.forget()
            screening, _result = screen_application(app, screening_context.load(), trigger="demo")
            found = [i for i in screening.indicators if i.get("counted", True) and i["category"] in GROUNDS]
            if not found:
                continue  # the screening saw nothing to decide on: no proposal
            _decide(app, found, maker, checker, approver, rng)
            made += 1
        serial = b.serial


def _decide(app, found, maker: User, checker: User, approver: User, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    categories = sorted({i["category"] for i in found}, key=GROUNDS.index)
    first = categories[0]
    submitted = app.submitted_at.astimezone(WIB)
    cancellation = "inconsistency" in categories and rng.random() < 0.5
    bases = ["PEMBATALAN-B"] if cancellation else ["SE-IMI-0277-2017"]
    if not cancellation and "inconsistency" in categories:
        bases.append("PERMEN8-2014-P4")
    if not cancellation and {"illegal_agent", "non_procedural"} & set(categories):
        bases.append("UU18-2017-P49")
    case = do_propose(
        app,
        acting_user=maker,
        kind=Kind.CANCELLATION if cancellation else Kind.POSTPONEMENT,
        categories=categories,
        findings=CONFIRMED[first],
        legal_bases=bases,
        indicators=[i["code"] for i in found],
        facts=[{"code": i["code"], "text": explain(i["code"], i.get("params", {}), "id")} for i in found],
        documents_requested=[] if cancellation else DOCUMENTS[first],
        at=submitted + timedelta(hours=1),
    )
    if cancellation:
        do_record_examination(
            case,
            acting_user=maker,
            statement="Pemohon menerangkan bahwa data pada formulir diisi oleh pihak yang mengurus keberangkatannya.",
            findings=CONFIRMED[first],
            at=submitted + timedelta(hours=2),
        )
    do_review(
        case,
        acting_user=checker,
        forward=True,
        reason="Temuan penyaringan dan hasil wawancara saling menguatkan; diteruskan.",
        at=submitted + timedelta(hours=3),
    )
    do_decide(
        case,
        acting_user=approver,
        approve=True,
        reason="Disetujui sesuai temuan dan dasar hukum yang diusulkan.",
        at=min(submitted + timedelta(days=1), datetime(2025, 9, 30, 15, tzinfo=WIB)),
    )
