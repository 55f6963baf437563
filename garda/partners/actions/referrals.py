"""Referrals both ways, in the Primero lifecycle: created in progress; the receiving side accepts or rejects with a
reason; an accepted referral is done once its outcome is recorded; the sender may revoke it while it is open. A
referral out carries the person's consent (the HTCDS consent questions) or the reason it goes without, and a
signed packet (HTCDS record + referral, SHA-256, Ed25519)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.access import has_capability
from garda.core.models import Office, Organisation, User
from garda.core.numbering import next_number
from garda.core.reasons import required_reason
from garda.core.roles import Capability
from garda.partners import htcds, signing
from garda.partners.access import referral_partners
from garda.partners.models import Direction, PersonRole, Referral, ReferralStatus

PERSON_FIELDS = ("full_name", "sex", "birth_date", "nik", "phone", "destination_country")
OPEN = (ReferralStatus.IN_PROGRESS, ReferralStatus.ACCEPTED)


def _number(now: Any) -> str:
    return next_number(Referral.objects.all(), "number", f"RJK-{now.year}-", 5)


def _audit(action: str, referral: Referral, actor: str, summary: str, after: dict[str, Any] | None = None) -> None:
    audit.record(
        f"referral.{action}",
        actor_username=actor,
        office=referral.office,
        obj=referral,
        summary=f"{referral.number}: {summary}",
        after=after,
    )


def _person(person: dict[str, Any]) -> dict[str, Any]:
    kept = {k: str(person.get(k) or "").strip() for k in PERSON_FIELDS if person.get(k)}
    if "passport_decision" in person:
        kept["passport_decision"] = person["passport_decision"]
    if not kept.get("full_name") and not kept.get("nik"):
        raise ValidationError({"person": "nama atau NIK orang yang dirujuk wajib ada"})
    return kept


def _consent(consent: dict[str, Any], override: str) -> tuple[dict[str, Any], str]:
    """Both HTCDS questions answered yes, or a reason to refer without (a child, an imminent danger, a suspect)."""
    answers: dict[str, Any] = {
        k: consent.get(k) for k in ("manage_personal_data", "share_with_receiver") if k in consent
    }
    override = (override or "").strip()
    if not (answers.get("manage_personal_data") is True and answers.get("share_with_receiver") is True):
        if len(override) < 10:
            raise ValidationError(
                {"consent_override": "tanpa persetujuan orang itu atas kedua pertanyaan, tulis alasan rujukan tetap "
                 "dikirim (paling sedikit 10 huruf)"}
            )  # fmt: skip
    return answers, override


def do_refer_person(
    *,
    acting_user: User,
    office: Office,
    organisation: Organisation,
    role: str,
    person: dict[str, Any],
    reason: str,
    consent: dict[str, Any],
    consent_override: str = "",
    online_scam: bool = False,
    application_ref: str = "",
) -> Referral:
    """A referral out: a possible victim to KP2MI, LPSK, social services or a shelter; a suspected recruiter to the
    police. Sealed and signed at once, so what the partner receives is what was sent."""
    if not has_capability(acting_user, Capability.REFERRALS):
        raise PermissionDenied
    if not referral_partners().filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": "instansi ini tidak menerima rujukan atau perjanjiannya tidak berlaku"})
    if role not in PersonRole.values:
        raise ValidationError({"role": "pilih calon korban atau terduga perekrut"})
    reason = required_reason(reason)
    answers, override = _consent(consent, consent_override) if role == PersonRole.VICTIM else (consent, "")
    if role == PersonRole.RECRUITER and not override:
        override = "Terduga pelaku: persetujuan tidak diminta (penegakan hukum)."
    now = timezone.now()
    with transaction.atomic():
        referral = Referral.objects.create(
            number=_number(now),
            direction=Direction.OUT,
            office=office,
            organisation=organisation,
            application_ref=application_ref[:80],
            role=role,
            person=_person(person),
            reason=reason,
            consent=answers,
            consent_override=override,
            online_scam=online_scam,
            created_at=now,
            created_by=acting_user.username,
        )
        referral.packet = {"referral": referral.number, "htcds": htcds.record(referral), "sent_at": now.isoformat()}
        referral.packet_sha256, referral.signature = signing.seal(referral.packet)
        referral.save(update_fields=["packet", "packet_sha256", "signature"])
        _audit(
            "create",
            referral,
            acting_user.username,
            f"dirujuk kepada {organisation.code}",
            {"organisation": organisation.code, "role": role, "sha256": referral.packet_sha256},
        )
    return referral


def do_receive_referral(
    *,
    organisation: Organisation,
    submitted_by: str,
    office: Office,
    role: str,
    person: dict[str, Any],
    reason: str,
) -> Referral:
    """A referral in: a partner refers a person to the office (a returnee who must not travel again on a visit visa,
    a recruiter using the office's counters). The office answers it."""
    if not organisation.agreement_in_force():
        raise PermissionDenied
    if role not in PersonRole.values:
        raise ValidationError({"role": "peran harus victim atau recruiter"})
    reason = required_reason(reason)
    now = timezone.now()
    with transaction.atomic():
        referral = Referral.objects.create(
            number=_number(now),
            direction=Direction.IN,
            office=office,
            organisation=organisation,
            role=role,
            person=_person(person),
            reason=reason,
            created_at=now,
            created_by=submitted_by,
        )
        _audit("receive", referral, submitted_by, f"rujukan dari {organisation.code}", {"role": role})
    return referral


def _receiver_check(referral: Referral, *, organisation: Organisation | None, user: User | None) -> None:
    """The receiving side acts: the partner for a referral out, office staff for a referral in."""
    if referral.direction == Direction.OUT:
        if organisation is None or organisation.pk != referral.organisation_id:
            raise PermissionDenied
    elif user is None or not has_capability(user, Capability.REFERRALS):
        raise PermissionDenied


def do_answer_referral(
    referral: Referral,
    *,
    accept: bool,
    reason: str,
    by: str,
    organisation: Organisation | None = None,
    user: User | None = None,
) -> Referral:
    _receiver_check(referral, organisation=organisation, user=user)
    if referral.status != ReferralStatus.IN_PROGRESS:
        raise ValidationError({"reason": "rujukan ini sudah dijawab atau ditutup"})
    reason = required_reason(reason) if not accept else (reason or "").strip()
    with transaction.atomic():
        referral.status = ReferralStatus.ACCEPTED if accept else ReferralStatus.REJECTED
        referral.answered_at, referral.answered_by, referral.answer_reason = timezone.now(), by, reason
        if not accept:
            referral.closed_at = referral.answered_at
        referral.save(update_fields=["status", "answered_at", "answered_by", "answer_reason", "closed_at"])
        _audit("answer", referral, by, "diterima" if accept else "ditolak", {"accept": accept, "reason": reason})
    return referral


def do_record_referral_outcome(
    referral: Referral,
    *,
    outcome: str,
    by: str,
    organisation: Organisation | None = None,
    user: User | None = None,
) -> Referral:
    _receiver_check(referral, organisation=organisation, user=user)
    if referral.status != ReferralStatus.ACCEPTED:
        raise ValidationError({"outcome": "hasil dicatat setelah rujukan diterima"})
    outcome = required_reason(outcome, "outcome")
    with transaction.atomic():
        referral.status, referral.outcome, referral.closed_at = ReferralStatus.DONE, outcome, timezone.now()
        referral.save(update_fields=["status", "outcome", "closed_at"])
        _audit("outcome", referral, by, "selesai", {"outcome": outcome})
    return referral


def do_revoke_referral(
    referral: Referral, *, reason: str, by: str, organisation: Organisation | None = None, user: User | None = None
) -> Referral:
    """The sender withdraws an open referral (the person withdrew consent, the facts changed)."""
    if referral.direction == Direction.OUT:
        if user is None or not has_capability(user, Capability.REFERRALS):
            raise PermissionDenied
    elif organisation is None or organisation.pk != referral.organisation_id:
        raise PermissionDenied
    if referral.status not in OPEN:
        raise ValidationError({"reason": "hanya rujukan yang masih terbuka dapat dicabut"})
    reason = required_reason(reason)
    with transaction.atomic():
        referral.status, referral.closed_at, referral.answer_reason = ReferralStatus.REVOKED, timezone.now(), reason
        referral.save(update_fields=["status", "closed_at", "answer_reason"])
        _audit("revoke", referral, by, "dicabut", {"reason": reason})
    return referral
