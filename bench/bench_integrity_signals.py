"""Integrity signals over 1,000,000 processed applications and 200 officers (goal: ≤ 60 s), on SQLite.

Builds a database of its own: one office, 200 interviewers, a million applications each with its latest review
(a tenth screened high, most of those postponed), companions on a third of them, a few hundred adverse decisions;
three officers are planted — one who lets high-risk applications through, one who works at night, one who has the
same companion on many applications. Times `garda.oversight.integrity.flags` for the year and checks it finds
exactly the planted three.

    python bench/bench_integrity_signals.py [--applications N] [--officers N]
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--officers", type=int, default=200)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="garda-signals-"))
    os.environ["GARDA_DATA_DIR"] = str(work)
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'signals.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "garda.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from garda.core.actions import do_create_office
    from garda.core.models import User
    from garda.core.models.offices import OfficeKind, OfficeTimeZone
    from garda.core.roles import Role
    from garda.oversight.integrity import flags

    call_command("migrate", verbosity=0)
    office = do_create_office(
        acting_user=None, code="JAKSEL", name="Kanim Jakarta Selatan", kind=OfficeKind.KANIM,
        time_zone=OfficeTimeZone.WIB, address="Jakarta", region_code="317403", parent=None,
    )  # fmt: skip
    officers = User.objects.bulk_create(
        [
            User(username=f"wawancara{i}.jaksel", full_name=f"Petugas {i}", role=Role.INTERVIEWER, office=office)
            for i in range(options.officers)
        ]
    )
    ids = [u.pk for u in officers]
    lenient, night_owl, companion_man = ids[0], ids[1], ids[2]
    rng = random.Random(2026)
    start = datetime(2025, 1, 1, 1, 0, tzinfo=UTC)
    t0 = time.perf_counter()
    apps, reviews, contacts = [], [], []
    app_sql = (
        "INSERT INTO screening_application (id, record, record_hash, imported_at, updated_at, office_code, "
        "external_id, submitted_at, channel, applicant_name, applicant_nik, purpose, destination_country, "
        "decision_kind, own_decision, decided_at, risk_level, recommendation, alert, outcome) "
        "VALUES (%s, '{}', '', %s, %s, 'JAKSEL', %s, %s, '', %s, %s, 'tourism', '', %s, '{}', %s, %s, %s, '', %s)"
    )
    review_sql = (
        "INSERT INTO screening_review (application_id, officer_id, created_at, outcome, interview_notes, reason, "
        "risk_level, needs_confirmation, confirmation_reason) VALUES (%s, %s, %s, %s, '', 'Diperiksa.', %s, 0, '')"
    )
    contact_sql = (
        "INSERT INTO screening_contact (application_id, role, name_key, nik, phone, family, submitted_at) "
        "VALUES (%s, 'companion', %s, '', %s, '', %s)"
    )

    def flush() -> None:
        with connection.cursor() as cursor:
            cursor.executemany(app_sql, apps)
            cursor.executemany(review_sql, reviews)
            cursor.executemany(contact_sql, contacts)
        apps.clear(), reviews.clear(), contacts.clear()

    with transaction.atomic():
        for pk in range(1, options.applications + 1):
            officer = ids[pk % len(ids)]
            # Submitted on a working day between 08:00 and 15:00 WIB (01:00–08:00 UTC).
            day = start + timedelta(days=(pk * 365 // options.applications))
            while day.weekday() >= 5:
                day += timedelta(days=2)
            submitted = day + timedelta(seconds=rng.randrange(7 * 3600))
            high = rng.random() < 0.1
            if high:
                cleared = rng.random() < (0.6 if officer == lenient else 0.05)
            else:
                cleared = rng.random() < 0.97
            outcome = "proceed" if cleared else "propose_postponement"
            hour_shift = timedelta(hours=12) if officer == night_owl and rng.random() < 0.7 else timedelta(0)
            reviewed = submitted + timedelta(minutes=rng.randint(8, 90)) + hour_shift
            nik = f"3174{pk:012d}"
            adverse = rng.random() < 0.0005
            apps.append(
                (
                    pk, submitted, submitted, f"P{pk:08d}", submitted, f"PEMOHON {pk}", nik,
                    "postponed" if adverse else "", submitted + timedelta(days=30) if adverse else None,
                    "high" if high else "low", "postpone" if high else "proceed", outcome,
                )
            )  # fmt: skip
            reviews.append((pk, officer, reviewed, outcome, "high" if high else "low"))
            if rng.random() < 0.33:
                phone = "+6281200000001" if officer == companion_man and rng.random() < 0.2 else f"+62812{pk:08d}"
                contacts.append((pk, f"PENDAMPING {pk}", phone, submitted))
            if len(apps) >= 20_000:
                flush()
        flush()
    built = time.perf_counter() - t0
    print(f"built {options.applications:,} applications, {options.officers} officers in {built:.0f} s")
    t0 = time.perf_counter()
    found = flags(office, date(2025, 1, 1), date(2025, 12, 31))
    elapsed = time.perf_counter() - t0
    planted = {lenient: "high_risk_clearance", night_owl: "out_of_hours", companion_man: "contact_concentration"}
    got = {(f.officer_id, f.metric) for f in found}
    missed = [p for p in planted.items() if p not in got]
    extra = sorted(got - set(planted.items()))
    print(
        f"integrity signals over {options.applications:,} applications and {options.officers} officers: "
        f"{elapsed:.1f} s (goal <= 60 s); {len(found)} signals; planted found {3 - len(missed)}/3; "
        f"others {len(extra)}"
    )
    for officer_id, metric in extra[:10]:
        print(f"  other signal: officer {officer_id} {metric}")
    if missed or elapsed > 60:
        sys.exit(1)


if __name__ == "__main__":
    main()
