"""A referral as an HTCDS v2 record (IOM's Human Trafficking Case Data Standard, CC BY 4.0): the Person (prs_),
victim (vic_) or perpetrator (per_) context and Case (cas_) fields a receiving organisation needs, with Garda's local
extensions (x_garda_*) for the passport decision behind the referral and for online-scam exploitation, which HTCDS
files under IllicitActivities. The field names follow the HTCDS field reference; values outside its lists are
never invented: an unknown stays "Unknown"."""

from typing import Any

import phonenumbers

from garda.partners.models import PersonRole, Referral, ReferralStatus

GENDER = {"M": "Male", "F": "Female"}
CASE_STATUS = {
    ReferralStatus.IN_PROGRESS: "Active",
    ReferralStatus.ACCEPTED: "Active",
    ReferralStatus.REJECTED: "Closed",
    ReferralStatus.DONE: "ClosedReferred",
    ReferralStatus.REVOKED: "Closed",
}


def e164(phone: str) -> str:
    """Phone numbers in E.164 (HTCDS); an unparseable one is left out rather than guessed."""
    try:
        parsed = phonenumbers.parse(phone, "ID")
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _answer(value: Any) -> str:
    return "Yes" if value is True else "No" if value is False else "Unknown"


def record(referral: Referral) -> dict[str, Any]:
    person = referral.person or {}
    out: dict[str, Any] = {
        "cas_CaseId": referral.number,
        "cas_Status": CASE_STATUS[ReferralStatus(referral.status)],
        "cas_ReferringOrganisation": referral.office.name
        if referral.direction == "out"
        else referral.organisation.name,
        "cas_ReferredOrganisation": referral.organisation.name if referral.direction == "out" else referral.office.name,
        "cas_IncomingReferralDate": referral.created_at.date().isoformat(),
        "cas_ReasonForIncomingReferral": referral.reason,
        "prs_FullName": person.get("full_name", ""),
        "prs_Gender": GENDER.get(person.get("sex", ""), "Unknown"),
        "prs_Nationality": "ID",
        "prs_DateOfBirth": person.get("birth_date", ""),
        "prs_PhoneNumber": e164(person.get("phone", "")) if person.get("phone") else "",
        "prs_NationalIdentityNumber": person.get("nik", ""),
    }
    if referral.role == PersonRole.VICTIM:
        consent = referral.consent or {}
        out["vic_AgreementToManagePersonalData"] = _answer(consent.get("manage_personal_data"))
        out["vic_DestinationCountry"] = person.get("destination_country", "")
        if referral.online_scam:
            out["vic_TypeOfLabourExploitation"] = ["IllicitActivities"]
    else:
        out["per_RoleInProcess"] = ["RecruiterOrIntermediary"]
    out["x_garda_ConsentToReferral"] = _answer((referral.consent or {}).get("share_with_receiver"))
    out["x_garda_ConsentOverrideReason"] = referral.consent_override
    out["x_garda_OnlineScamExploitation"] = referral.online_scam
    out["x_garda_PassportDecision"] = person.get("passport_decision", {})
    return out
