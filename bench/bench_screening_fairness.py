"""Screening on realistic applications not drawn from the rules' generator, and its fairness, through the real
command line (`garda import p3mi`, `garda screen`, `garda stats fairness`).

The applications come from bench/realistic_applications.py (households, PMI-sending provinces, guided groups,
relatives working abroad, offices keying differently, held-out interview notes). Printed:
- recall per category on the risky applications, false alarms (a clean application with any indicator) and the
  share of clean applications rated low — goals: recall >= 0.95, false alarms <= 1 %, low >= 97 %;
- the flag rate of clean applications by province group, sex and age band with 95 % intervals, from
  `garda stats fairness`, and the gap PMI-sending − other (goal <= 1 point);
- beside it, the baseline a profile of who people are would give: the rate at which the same clean applications
  match "no paid work or a first passport, to a PMI placement country" — the gap a demographic rule would make.

    python bench/bench_screening_fairness.py [--households 1500] [--seed 11]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from realistic_applications import day_of_intake

GARDA = str(Path(sys.executable).parent / "garda")
PLACEMENT = {"MY", "SA", "HK", "TW", "SG", "AE", "KR", "JP", "QA", "KW", "OM", "BN"}
NO_WORK = ("MENGURUS RUMAH TANGGA", "BELUM/TIDAK BEKERJA", "PETANI/PEKEBUN", "BURUH HARIAN LEPAS")


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([GARDA, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"garda {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return done


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--show", type=int, default=5)
    options = parser.parse_args()
    apps, p3mi, reports, history = day_of_intake(options.seed, clean_households=options.households)
    work = Path(tempfile.mkdtemp(prefix="garda-fairness-"))
    env = {**os.environ, "GARDA_DATA_DIR": str(work), "DATABASE_URL": f"sqlite:///{work / 'fair.sqlite3'}"}
    labels = {a["id"]: (a.pop("_label"), a.pop("_group")) for a in apps}
    untied = {a["id"] for a in apps if a.pop("_untied", False)}
    (work / "cases.jsonl").write_text("".join(json.dumps(a) + "\n" for a in apps), encoding="utf-8")
    (work / "p3mi.csv").write_text(
        "name,license_number,valid_until,address,province\n"
        + "".join(f"{c['name']},{c['license_number']},{c['valid_until']},JAKARTA,DKI JAKARTA\n" for c in p3mi),
        encoding="utf-8",
    )
    run(["migrate", "-v0"], env)
    (work / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    run(["import", "p3mi", str(work / "p3mi.csv")], env)
    run(["import", "agency-reports", str(work / "reports.jsonl")], env)
    (work / "history.jsonl").write_text("".join(json.dumps(a) + "\n" for a in history), encoding="utf-8")
    run(["import", "applications", str(work / "history.jsonl")], env)
    run(["screen", str(work / "cases.jsonl"), "--output", str(work / "results.jsonl")], env)
    results = {
        r["application_id"]: r
        for r in map(json.loads, (work / "results.jsonl").read_text(encoding="utf-8").splitlines())
        if "application_id" in r
    }
    by_id = {a["id"]: a for a in apps}
    clean = [i for i, (label, _) in labels.items() if not label]
    risky = [i for i, (label, _) in labels.items() if label]
    hits: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    missed: dict[str, list[str]] = defaultdict(list)
    for i in risky:
        fired = {ind["category"] for ind in results[i]["indicators"]}
        for category in labels[i][0]:
            wanted[category] += 1
            if category in fired:
                hits[category] += 1
            else:
                missed[category].append(i)
    false_alarms = [i for i in clean if results[i]["indicators"]]
    relatives = [i for i in clean if labels[i][1] == "relative_of_reported"]
    relatives_flagged = [i for i in relatives if results[i]["indicators"]]
    relatives_listed = sum(1 for i in relatives if results[i].get("relatives"))
    victims = [i for i in risky if labels[i][1] == "victim"]
    victims_postponed = [i for i in victims if results[i]["recommendation"] in ("postpone", "refuse")]
    low = sum(1 for i in clean if results[i]["risk_level"] == "low")
    print(
        f"realistic intake (seed {options.seed}): {len(clean)} clean, {len(risky)} risky; data not from the rules' generator"
    )
    for category in sorted(wanted):
        print(
            f"  recall {category:<16} {hits[category] / wanted[category]:.3f}  ({hits[category]}/{wanted[category]})  goal >= 0.95"
        )
    print(
        f"  false alarms on clean: {len(false_alarms)}/{len(clean)} = {100 * len(false_alarms) / len(clean):.2f} %  goal <= 1 %"
    )
    print(f"  clean rated low: {low}/{len(clean)} = {100 * low / len(clean):.2f} %  goal >= 97 %")
    print(
        f"  relatives of reported victims and recruiters flagged: {len(relatives_flagged)}/{len(relatives)} "
        f"(listed as family context: {relatives_listed}); victims applying again sent to postpone or refuse: "
        f"{len(victims_postponed)}/{len(victims)} (goal 0: an interview and protection)"
    )
    alike = [i for i in relatives_flagged if i in untied]
    print(
        f"  of them, tied to the recruiter's household by nothing but the phone (no KK or address in the report, no "
        f"form of his own): {len(alike)}/{len(untied)} flagged — indistinguishable, by the data, from a recruit who "
        f"gives his number"
    )
    codes = Counter(ind["code"] for i in false_alarms for ind in results[i]["indicators"])
    if codes:
        print("  false-alarm indicators:", ", ".join(f"{c} {n}" for c, n in codes.most_common()))
        for i in false_alarms[: options.show]:
            print(
                "   ",
                i,
                [ind["code"] for ind in results[i]["indicators"]],
                json.dumps(by_id[i].get("interview", {}))[:160],
            )
    for category, ids in missed.items():
        for i in ids[: options.show]:
            print(f"   missed {category}: {i} {json.dumps(by_id[i]['travel'])[:160]}")

    days = sorted(a["submitted_at"][:10] for a in apps)
    done = run(["stats", "fairness", "--office", "JAKSEL", "--from", days[0], "--to", days[-1], "--json"], env)
    stats = json.loads(done.stdout)
    print(f"fairness (garda stats fairness): {stats['clean_applications']} clean applications ended clean")
    for dimension, rows in stats["groups"].items():
        for row in rows:
            print(
                f"  {dimension:<15} {row['group']:<12} n={row['clean']:>5} flagged {100 * row['rate']:5.2f} % "
                f"[{100 * row['ci_low']:.2f}–{100 * row['ci_high']:.2f}]"
            )
    gap = stats["gaps_points"]["province_group"]
    print(f"  gap PMI-sending − other: {gap:+.2f} points (goal <= 1)")
    # The baseline: what a profile of who people are would flag among the same clean applications.
    profile: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i in clean:
        a = by_id[i]
        who = a["applicant"].get("occupation") in NO_WORK or a.get("application_type") == "new"
        match = who and a["travel"].get("destination_country") in PLACEMENT
        profile[labels[i][1]][0] += match
        profile[labels[i][1]][1] += 1
    rates = {g: 100 * k / n for g, (k, n) in profile.items()}
    print(
        "  baseline, a demographic profile (no paid work or first passport, to a placement country): "
        + ", ".join(f"{g} {r:.1f} %" for g, r in sorted(rates.items()))
        + f"; gap {rates.get('pmi_sending', 0) - rates.get('other', 0):+.1f} points"
    )


if __name__ == "__main__":
    main()
