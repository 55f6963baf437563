"""Inspections: planning (the seed committed), drawing the sample (the seed revealed), checking each file against
the checklist, recording findings, following them up until an inspector closes them, and the report."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.access import has_capability, offices_in_scope
from garda.core.models import Office, User
from garda.core.numbering import next_number
from garda.core.reasons import required_reason
from garda.core.reflists import current_items, current_revision, items_of_version, parameters
from garda.core.roles import Capability
from garda.core.workdays import add_working_days, working_days
from garda.oversight import sampling
from garda.oversight.access import may_close_finding, may_follow_up, may_inspect
from garda.oversight.models import (
    Finding,
    FindingStatus,
    FindingUpdate,
    Inspection,
    InspectionItem,
    InspectionKind,
    InspectionScope,
    InspectionStatus,
    ItemResult,
    Severity,
)
from garda.oversight.populations import Unit, population

CHECKLISTS = "inspection_checklists"
PARAMETERS = "inspection_parameters"
ANSWERS = ("yes", "no", "na")
DEFAULTS = {
    "confidence_percent": 95,
    "tolerable_percent": 5,
    "expected_percent": 0,
    "fast_processing_minutes": 5,
    "surprise_window_working_days": 20,
}


def settings_in_force() -> dict[str, int]:
    return DEFAULTS | parameters(PARAMETERS)


def checklist(scope: str, version: int | None = None) -> list[dict[str, Any]]:
    """The questions for one scope, from the version the inspection was planned under (the current one if None)."""
    items = current_items(CHECKLISTS) if version is None else items_of_version(CHECKLISTS, version)
    return [q for q in items if q.get("scope") == scope]


def _audit(action: str, obj: Any, actor: User, summary: str, after: Any = None, before: Any = None) -> None:
    # Unscoped: the office inspected must not read its coming inspection, or its sample, in its own trail.
    audit.record(action, actor=actor, obj=obj, summary=summary, before=before, after=after, unscoped=True)


def _percent(value: Any, name: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except ArithmeticError as exc:
        raise ValidationError({name: "harus berupa angka persen"}) from exc
    if not Decimal(0) <= number < Decimal(100):
        raise ValidationError({name: "harus di antara 0 dan 100 persen"})
    return number


def do_plan_inspection(
    *,
    acting_user: User,
    office: Office,
    kind: str,
    scope: str,
    period_start: date,
    period_end: date,
    planned_for: date | None = None,
    team: str = "",
    confidence: Any = None,
    tolerable: Any = None,
    expected: Any = None,
    today: date | None = None,
) -> Inspection:
    """A periodic inspection is dated by its planner; a surprise one by its seed, among the working days of the
    coming weeks, so that nobody chooses the day and nobody at the office learns it from the plan."""
    if not has_capability(acting_user, Capability.INSPECTIONS):
        raise PermissionDenied
    if not offices_in_scope(acting_user).filter(pk=office.pk).exists():
        raise PermissionDenied
    if kind not in InspectionKind.values:
        raise ValidationError({"kind": "jenis inspeksi tidak dikenal"})
    if scope not in InspectionScope.values:
        raise ValidationError({"scope": "yang diperiksa tidak dikenal"})
    if period_start > period_end:
        raise ValidationError({"period_end": "akhir periode sebelum awalnya"})
    today = today or timezone.localdate()
    defaults = settings_in_force()
    conf = _percent(confidence if confidence is not None else defaults["confidence_percent"], "confidence")
    tol = _percent(tolerable if tolerable is not None else defaults["tolerable_percent"], "tolerable")
    exp = _percent(expected if expected is not None else defaults["expected_percent"], "expected")
    try:
        size = sampling.sample_size(float(conf) / 100, float(tol) / 100, float(exp) / 100)
    except ValueError as exc:
        raise ValidationError({"tolerable": str(exc)}) from exc
    if not checklist(scope):
        raise ValidationError({"scope": "daftar periksa untuk yang diperiksa ini belum ada"})
    seed = sampling.new_seed()
    if kind == InspectionKind.SURPRISE:
        window = working_days(
            today + timedelta(days=1), add_working_days(today, defaults["surprise_window_working_days"])
        )
        planned_for = sampling.surprise_day(seed, window)
    elif planned_for is None:
        raise ValidationError({"planned_for": "tanggal inspeksi berkala wajib diisi"})
    with transaction.atomic():
        now = timezone.now()
        inspection = Inspection.objects.create(
            number=next_number(Inspection.objects.all(), "number", f"INS-{now.year}-", 4),
            office=office,
            kind=kind,
            scope=scope,
            period_start=period_start,
            period_end=period_end,
            planned_for=planned_for,
            lead=acting_user,
            team=team.strip()[:300],
            confidence=conf,
            tolerable=tol,
            expected=exp,
            sample_size=size,
            seed=seed,
            seed_sha256=sampling.commitment(seed),
            checklist_version=current_revision(CHECKLISTS).version,
            created_by=acting_user,
            created_at=now,
        )
        _audit(
            "inspection.plan",
            inspection,
            acting_user,
            f"Inspeksi {inspection.number} direncanakan",
            {"kind": kind, "scope": scope, "seed_sha256": inspection.seed_sha256, "sample_size": size},
        )
    return inspection


def _weights() -> dict[str, float]:
    values = settings_in_force()
    return {
        key.removeprefix("weight_"): max(1, value) / 1.0 for key, value in values.items() if key.startswith("weight_")
    }


def _strata(units: list[Unit]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for unit in units:
        grouped.setdefault(unit.stratum, []).append(unit.key)
    return grouped


@dataclass(frozen=True)
class Draw:
    units: list[Unit]
    size: int
    shares: dict[str, int]
    chosen: list[sampling.Drawn]
    digest: str


def _compute_draw(inspection: Inspection) -> Draw:
    units = population(
        inspection.scope,
        inspection.office,
        inspection.period_start,
        inspection.period_end,
        fast_minutes=settings_in_force()["fast_processing_minutes"],
    )
    grouped = _strata(units)
    size = sampling.sample_size(
        float(inspection.confidence) / 100,
        float(inspection.tolerable) / 100,
        float(inspection.expected) / 100,
        population=len(units),
    )
    shares = sampling.allocate(size, {s: len(k) for s, k in grouped.items()}, _weights())
    chosen = sampling.draw(inspection.seed, grouped, shares)
    return Draw(units, size, shares, chosen, sampling.population_digest(grouped))


def do_draw_sample(inspection: Inspection, *, acting_user: User, today: date | None = None) -> Inspection:
    """The sample, drawn by the seed from the population as it is now, on or after the inspection's day."""
    if not may_inspect(acting_user, inspection):
        raise PermissionDenied
    if inspection.status != InspectionStatus.PLANNED:
        raise ValidationError({"status": "sampel inspeksi ini sudah ditarik"})
    today = today or timezone.localdate()
    if inspection.kind == InspectionKind.SURPRISE and today < inspection.planned_for:
        raise ValidationError({"planned_for": "sampel inspeksi mendadak ditarik pada hari inspeksi"})
    drawn = _compute_draw(inspection)
    if not drawn.chosen:
        raise ValidationError({"scope": "tidak ada berkas pada periode ini untuk diperiksa"})
    by_key = {u.key: u for u in drawn.units}
    grouped = _strata(drawn.units)
    weights = _weights()
    with transaction.atomic():
        InspectionItem.objects.bulk_create(
            [
                InspectionItem(
                    inspection=inspection,
                    position=i,
                    stratum=d.stratum,
                    key=d.key,
                    label=by_key[d.key].label,
                    officer_id=by_key[d.key].officer_id,
                )
                for i, d in enumerate(drawn.chosen, start=1)
            ]
        )
        inspection.sample_size = len(drawn.chosen)
        inspection.population_size = len(drawn.units)
        inspection.population_sha256 = drawn.digest
        inspection.strata = {
            s: {"size": len(keys), "weight": weights.get(s, 1.0), "drawn": drawn.shares.get(s, 0)}
            for s, keys in sorted(grouped.items())
        }
        inspection.status = InspectionStatus.SAMPLED
        inspection.sampled_at = timezone.now()
        inspection.save(
            update_fields=["sample_size", "population_size", "population_sha256", "strata", "status", "sampled_at"]
        )
        _audit(
            "inspection.sample",
            inspection,
            acting_user,
            f"Sampel inspeksi {inspection.number} ditarik: {len(drawn.chosen)} dari {len(drawn.units)}",
            {"seed": inspection.seed, "population_sha256": drawn.digest, "strata": inspection.strata},
        )
    return inspection


def verify_sample(inspection: Inspection) -> bool:
    """Anybody with the inspection can check it: the seed matches what was committed at planning, and the seed
    draws exactly these files from the population (while the period's files are as they were)."""
    if sampling.commitment(inspection.seed) != inspection.seed_sha256 or inspection.status == InspectionStatus.PLANNED:
        return False
    drawn = _compute_draw(inspection)
    stored = sorted((i.stratum, i.key) for i in inspection.items.all())
    return drawn.digest == inspection.population_sha256 and sorted((d.stratum, d.key) for d in drawn.chosen) == stored


def do_check_item(item: InspectionItem, *, acting_user: User, answers: dict[str, str], note: str) -> InspectionItem:
    inspection = item.inspection
    if not may_inspect(acting_user, inspection):
        raise PermissionDenied
    if inspection.status != InspectionStatus.SAMPLED:
        raise ValidationError({"answers": "inspeksi ini tidak sedang berjalan"})
    questions = checklist(inspection.scope, inspection.checklist_version)
    missing = [q["code"] for q in questions if answers.get(q["code"]) not in ANSWERS]
    if missing:
        raise ValidationError({"answers": f"jawab setiap pertanyaan daftar periksa ({', '.join(missing)})"})
    deviation = any(answers[q["code"]] == "no" for q in questions)
    if deviation:
        note = required_reason(note, "note")
    with transaction.atomic():
        before = {"result": item.result, "answers": item.answers}
        item.answers = {q["code"]: answers[q["code"]] for q in questions}
        item.result = ItemResult.DEVIATION if deviation else ItemResult.COMPLIANT
        item.note = note.strip()
        item.checked_by, item.checked_at = acting_user, timezone.now()
        item.save(update_fields=["answers", "result", "note", "checked_by", "checked_at"])
        _audit(
            "inspection.item_checked",
            inspection,
            acting_user,
            f"Berkas {item.position} inspeksi {inspection.number}: {item.get_result_display()}",
            {"result": item.result, "answers": item.answers},
            before=before,
        )
    return item


def due_days(severity: str) -> int:
    return settings_in_force().get(f"finding_due_days_{severity}", 30)


def do_record_finding(
    inspection: Inspection,
    *,
    acting_user: User,
    severity: str,
    description: str,
    evidence: str,
    owner: User,
    officer: User | None = None,
    item: InspectionItem | None = None,
    due: date | None = None,
) -> Finding:
    if not may_inspect(acting_user, inspection):
        raise PermissionDenied
    if inspection.status == InspectionStatus.PLANNED:
        raise ValidationError({"description": "tarik sampel lebih dahulu"})
    if severity not in Severity.values:
        raise ValidationError({"severity": "tingkat temuan tidak dikenal"})
    if item is not None and item.inspection_id != inspection.pk:
        raise ValidationError({"item": "berkas ini bukan bagian inspeksi tersebut"})
    description = required_reason(description, "description")
    evidence = required_reason(evidence, "evidence")
    if owner.office_id != inspection.office_id or not has_capability(owner, Capability.FINDINGS_FOLLOW_UP):
        raise ValidationError({"owner": "penanggung jawab harus pejabat kantor yang diinspeksi"})
    if officer is not None and officer.pk == owner.pk:
        raise ValidationError({"owner": "petugas yang bersangkutan tidak menindaklanjuti temuannya sendiri"})
    today = timezone.localdate()
    due = due or add_working_days(today, due_days(severity))
    if due < today:
        raise ValidationError({"due": "batas waktu sudah lewat"})
    with transaction.atomic():
        now = timezone.now()
        finding = Finding.objects.create(
            number=next_number(Finding.objects.all(), "number", f"TMN-{now.year}-", 4),
            inspection=inspection,
            item=item,
            severity=severity,
            officer=officer,
            description=description,
            evidence=evidence,
            owner=owner,
            due=due,
            recorded_by=acting_user,
            recorded_at=now,
        )
        _audit(
            "inspection.finding",
            finding,
            acting_user,
            f"Temuan {finding.number} ({finding.get_severity_display()}) pada inspeksi {inspection.number}",
            {"owner": owner.username, "due": due.isoformat()},
        )
    return finding


def do_follow_up_finding(finding: Finding, *, acting_user: User, note: str) -> FindingUpdate:
    if not may_follow_up(acting_user, finding):
        raise PermissionDenied
    if finding.status != FindingStatus.OPEN:
        raise ValidationError({"note": "temuan ini sudah ditutup"})
    note = required_reason(note, "note")
    with transaction.atomic():
        update = FindingUpdate.objects.create(finding=finding, note=note, by=acting_user, at=timezone.now())
        _audit("inspection.finding_follow_up", finding, acting_user, f"Tindak lanjut temuan {finding.number}")
    return update


def do_close_finding(finding: Finding, *, acting_user: User, note: str) -> Finding:
    """An inspector closes a finding once its owner has reported what was done; never the owner."""
    if not may_close_finding(acting_user, finding):
        raise PermissionDenied
    if finding.status != FindingStatus.OPEN:
        raise ValidationError({"note": "temuan ini sudah ditutup"})
    if not finding.updates.filter(by=finding.owner).exists():
        raise ValidationError({"note": "penanggung jawab belum melaporkan tindak lanjut"})
    note = required_reason(note, "note")
    with transaction.atomic():
        finding.status = FindingStatus.CLOSED
        finding.closed_by, finding.closed_at, finding.closing_note = acting_user, timezone.now(), note
        finding.save(update_fields=["status", "closed_by", "closed_at", "closing_note"])
        _audit("inspection.finding_closed", finding, acting_user, f"Temuan {finding.number} ditutup")
    return finding


@dataclass(frozen=True)
class Result:
    checked: int
    deviations: int
    rate: float
    upper_limit: float  # at the inspection's confidence
    effective: bool  # the upper limit is within the tolerable rate


def result(inspection: Inspection) -> Result:
    items = list(inspection.items.values_list("result", flat=True))
    checked = sum(1 for r in items if r != ItemResult.PENDING)
    deviations = sum(1 for r in items if r == ItemResult.DEVIATION)
    limit = sampling.upper_deviation_limit(deviations, checked, float(inspection.confidence) / 100) if checked else 1.0
    return Result(
        checked, deviations, deviations / checked if checked else 0.0, limit, limit <= float(inspection.tolerable) / 100
    )


def do_report_inspection(inspection: Inspection, *, acting_user: User, conclusion: str) -> Inspection:
    if not may_inspect(acting_user, inspection):
        raise PermissionDenied
    if inspection.status != InspectionStatus.SAMPLED:
        raise ValidationError({"conclusion": "inspeksi ini tidak sedang berjalan"})
    if inspection.items.filter(result=ItemResult.PENDING).exists():
        raise ValidationError({"conclusion": "masih ada berkas sampel yang belum diperiksa"})
    conclusion = required_reason(conclusion, "conclusion")
    outcome = result(inspection)
    with transaction.atomic():
        inspection.conclusion = conclusion
        inspection.status = InspectionStatus.REPORTED
        inspection.reported_at = timezone.now()
        inspection.save(update_fields=["conclusion", "status", "reported_at"])
        _audit(
            "inspection.report",
            inspection,
            acting_user,
            f"Laporan inspeksi {inspection.number}: {outcome.deviations} penyimpangan dari {outcome.checked} berkas",
            {
                "deviations": outcome.deviations,
                "checked": outcome.checked,
                "upper_limit": round(outcome.upper_limit, 4),
            },
        )
    return inspection
