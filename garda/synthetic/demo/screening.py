"""The screening part of the demo: the licensed P3MI registry and tour operators, partner reports, two years of
history from five offices, and today's queue at Kanim Jakarta Selatan — mostly clean applications, a few of each
kind of indication — all screened, with one high flag cleared by the interviewer and waiting for the Kasi.
Synthetic, from the labelled scenario builder the tests and benchmarks use."""

import random
import tempfile
from pathlib import Path

from django.utils import timezone

from garda.core.actions import do_revise_reference_list
from garda.core.models import ReferenceList, User
from garda.intel.imports import import_p3mi, store_report
from garda.screening import context as screening_context
from garda.screening.actions import do_record_review, result_row, save_screenings
from garda.screening.engine import screen
from garda.screening.imports import store_many
from garda.screening.models import Application
from garda.screening.rules import Subject
from garda.synthetic.scenarios import KINDS, TOUR_OPERATORS, Builder, build

QUEUE_CLEAN = 50
QUEUE_FLAGGED_KINDS = [
    k
    for k in sorted(KINDS)
    if not k.startswith(("clean_", "namesake", "old_", "renewal", "spelling", "reported_elsewhere"))
]


def populate(rng: random.Random) -> None:
    today = timezone.localdate()
    world = build(per_kind=0, seed=rng.randrange(10**6), background=0, today=today)
    b = Builder(rng.randrange(10**6), today)
    b.world.p3mi = world.p3mi
    b.companies = [c for c in world.p3mi if not c["valid_until"] or c["valid_until"] >= today.isoformat()]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p3mi-siskop2mi.csv"
        path.write_text(world.p3mi_csv(), encoding="utf-8")
        import_p3mi(path)
    do_revise_reference_list(
        ReferenceList.objects.get(key="tour_operators"),
        acting_user=User.objects.get(username="admin.pusat"),
        items=[{**o, "valid_until": f"{today.year + 3}-12-31", "aliases": []} for o in TOUR_OPERATORS],
        note="Data demo: biro perjalanan berizin (sintetis).",
        source="demo",
        effective_from=today,
    )
    for _ in range(600):  # the offices' ordinary history: passports issued
        b.history_of(b.person(), "issued")
    queue_kinds = ["clean_tourist"] * QUEUE_CLEAN + [
        "clean_family_companion",
        "clean_umrah_group",
        "clean_church_pilgrimage",
        # Relatives of persons with decisions: shown on their page as family context, with nothing flagged.
        "clean_sibling_of_refused",
        "clean_junior_of_suspended",
        "namesake_of_reported",
        "old_district_code",
        "renewal_declared",
        *rng.sample(QUEUE_FLAGGED_KINDS, 14),
    ]
    for kind in queue_kinds:
        KINDS[kind](b)
    for report in b.world.reports:
        store_report(report, source="demo")
    for app in b.world.history:
        # JAKSEL's own decisions of 2025 are the seed article's figure (the decisions demo): the synthetic
        # history puts its adverse decisions at a neighbouring office instead.
        if app["office"] == "JAKSEL" and (app.get("decision") or {}).get("kind", "issued") != "issued":
            app["office"] = "JAKTIM"
    store_many(b.world.history, source="demo")
    queue = []
    for _kind, _expected, app in b.world.cases:
        app["office"] = "JAKSEL"
        app["submitted_at"] = f"{today.isoformat()}T{rng.randrange(8, 15):02d}:{rng.randrange(60):02d}:00+07:00"
        app["id"] = app["id"].replace(app["id"][:3], "JKS", 1)
        queue.append(app)
    stored = [app for _, app in store_many(queue, source="demo")]
    ctx = screening_context.load()
    save_screenings([(app, result_row(app, screen(Subject(app.record, pk=app.pk), ctx), "demo")) for app in stored])
    _clearance_waiting(stored)


def _clearance_waiting(stored: list[Application]) -> None:
    """The interviewer cleared one high flag after the interview; the Kasi's confirmation is pending (his queue's
    "menunggu konfirmasi" filter and the application page show it)."""
    high = Application.objects.filter(pk__in=[a.pk for a in stored], risk_level="high").order_by("pk").first()
    if high is not None:
        do_record_review(
            high,
            acting_user=User.objects.get(username="wawancara.jaksel"),
            outcome="proceed",
            reason="Wawancara mendalam: pemohon menunjukkan surat undangan keluarga dan tiket pulang; "
            "kecocokan nomor telepon dijelaskan oleh pemohon.",
        )
