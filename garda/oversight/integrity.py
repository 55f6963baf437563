"""Integrity signals, computed: per officer, each rate against the pooled rate of the peers of the same office and
role, with Wilson 95 % intervals and minimum sample sizes, so that a small number or a busy week flags nobody.

An officer is flagged on a measure when the lower end of their interval lies above the upper end of the peers'
— the rates differ beyond what chance explains — and both have at least the minimum count. With 200 officers and
six measures, chance alone would flag somebody every period, so the officer's interval is widened for the number of
officers compared (Bonferroni: one-sided 2.5 % shared among them; z = 2.58 for five officers, 3.66 for 200). The
thresholds are the editable list `integrity_parameters`.
"""

from dataclasses import dataclass
from datetime import date
from statistics import NormalDist

from garda.core.models import Office, User
from garda.core.reflists import parameters
from garda.core.statistics import wilson
from garda.decisions import api as decisions
from garda.oversight.models import SignalMetric
from garda.screening import api as screening

PARAMETERS = "integrity_parameters"
DEFAULTS = {
    "min_reviews": 30,
    "min_high_risk": 10,
    "min_proposals": 8,
    "min_contact_applications": 5,
    "fast_processing_minutes": 5,
    "day_start_hour": 7,
    "day_end_hour": 17,
}


@dataclass(frozen=True)
class Flag:
    officer_id: int
    role: str
    metric: str
    count: int
    base: int
    lower: float
    upper: float
    peer_count: int
    peer_base: int
    peer_upper: float
    peers: int
    detail: str = ""


@dataclass(frozen=True)
class Measure:
    officer_id: int
    count: int
    base: int
    detail: str = ""


def z_for(officers: int) -> float:
    """The z of a one-sided 2.5 % error shared among `officers` comparisons."""
    return NormalDist().inv_cdf(1 - 0.025 / max(1, officers))


def settings_in_force() -> dict[str, int]:
    return DEFAULTS | parameters(PARAMETERS)


def _mask(contact: str) -> str:
    """A companion's phone or name, shown partly: enough for compliance to look it up, not to spread it."""
    if len(contact) <= 4:
        return "…"
    return f"{contact[:3]}…{contact[-3:]}"


def measures(office: Office, start: date, end: date) -> dict[str, list[Measure]]:
    limits = settings_in_force()
    activity = screening.officer_activity(
        office.code,
        start,
        end,
        time_zone=office.time_zone,
        fast_minutes=limits["fast_processing_minutes"],
        day_start=limits["day_start_hour"],
        day_end=limits["day_end_hour"],
    )
    out: dict[str, list[Measure]] = {m: [] for m in SignalMetric.values}
    for a in activity.values():
        out[SignalMetric.HIGH_RISK_CLEARANCE].append(Measure(a.officer_id, a.high_risk_cleared, a.high_risk))
        out[SignalMetric.LATER_REFUSED].append(Measure(a.officer_id, a.proceeded_later_refused, a.proceeded))
        out[SignalMetric.OUT_OF_HOURS].append(Measure(a.officer_id, a.out_of_hours, a.reviews))
        out[SignalMetric.FAST].append(Measure(a.officer_id, a.fast, a.reviews))
        out[SignalMetric.CONTACT_CONCENTRATION].append(
            Measure(a.officer_id, a.top_contact_count, a.reviews, _mask(a.top_contact) if a.top_contact else "")
        )
    for officer_id, (decided, reversed_) in decisions.proposals_by_officer(office.pk, start, end).items():
        out[SignalMetric.REVERSED].append(Measure(officer_id, reversed_, decided))
    return out


def _minimum(metric: str, limits: dict[str, int]) -> int:
    if metric == SignalMetric.HIGH_RISK_CLEARANCE:
        return limits["min_high_risk"]
    if metric == SignalMetric.REVERSED:
        return limits["min_proposals"]
    return limits["min_reviews"]


def flags(office: Office, start: date, end: date) -> list[Flag]:
    """The officers whose rate on a measure is above their peers' beyond chance."""
    limits = settings_in_force()
    found: list[Flag] = []
    by_metric = measures(office, start, end)
    officers = {m.officer_id for rows in by_metric.values() for m in rows}
    roles = dict(User.objects.filter(pk__in=officers).values_list("pk", "role"))
    for metric, rows in by_metric.items():
        minimum = _minimum(metric, limits)
        for row in rows:
            if row.base < minimum:
                continue
            if metric == SignalMetric.CONTACT_CONCENTRATION and row.count < limits["min_contact_applications"]:
                continue
            peers = [
                p
                for p in rows
                if p.officer_id != row.officer_id and roles.get(p.officer_id) == roles.get(row.officer_id)
            ]
            peer_count, peer_base = sum(p.count for p in peers), sum(p.base for p in peers)
            if peer_base < minimum:
                continue  # no baseline to compare with: no signal, whatever the rate
            lower, upper = wilson(row.count, row.base, z_for(len(peers) + 1))
            _, peer_upper = wilson(peer_count, peer_base)
            if lower > peer_upper:
                found.append(
                    Flag(
                        row.officer_id,
                        roles.get(row.officer_id, ""),
                        metric,
                        row.count,
                        row.base,
                        lower,
                        upper,
                        peer_count,
                        peer_base,
                        peer_upper,
                        len(peers),
                        row.detail,
                    )
                )
    return found
