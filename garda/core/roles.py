"""Roles as a Kantor Imigrasi is organised, and what each may do.

A capability is checked by `garda.core.access`; the table below is the one place that says who may do what,
so a reviewer can read the separation of duties at a glance.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COUNTER = "loket", _("Petugas loket")
    INTERVIEWER = "wawancara", _("Petugas wawancara")
    KASI = "kasi", _("Kepala Seksi")
    KABID_INTEL = "kabid_intel", _("Kepala Bidang Intelijen dan Penindakan")
    KAKANIM = "kakanim", _("Kepala Kantor")
    INVESTIGATOR = "investigator", _("Investigator kepatuhan internal")
    ANALYST = "analis", _("Analis")
    ADMIN = "admin", _("Administrator sistem")
    PARTNER = "mitra", _("Pengguna instansi mitra")
    CUSTODIAN = "kustodian", _("Kustodian identitas pelapor")


class Capability(StrEnum):
    AUDIT_VIEW = "audit.view"
    USERS_MANAGE = "users.manage"
    OFFICES_VIEW = "offices.view"
    OFFICES_MANAGE = "offices.manage"
    REFERENCE_VIEW = "reference.view"
    REFERENCE_EDIT = "reference.edit"
    SCREENING_VIEW = "screening.view"
    SCREENING_INTAKE = "screening.intake"
    SCREENING_REVIEW = "screening.review"
    SCREENING_CONFIRM_CLEARANCE = "screening.confirm_clearance"
    REPORTS_ENTER = "reports.enter"
    DECISIONS_PROPOSE = "decisions.propose"
    DECISIONS_REVIEW = "decisions.review"
    DECISIONS_DECIDE = "decisions.decide"
    WHISTLE_HANDLE = "whistle.handle"
    WHISTLE_CUSTODIAN = "whistle.custodian"
    INVESTIGATIONS = "oversight.investigations"
    INSPECTIONS = "oversight.inspections"
    FINDINGS_FOLLOW_UP = "oversight.findings"
    DISCIPLINE_DECIDE = "oversight.discipline"
    ROLES_APPROVE = "roles.approve"
    PARTNER_PORTAL = "partners.portal"
    REFERRALS = "partners.referrals"
    ORGANISATIONS_MANAGE = "partners.organisations"
    OUTREACH = "outreach.record"
    TRAINING_MANAGE = "training.manage"
    TRAINING_COVERAGE = "training.coverage"


_STAFF = frozenset(Role) - {Role.PARTNER}

CAPABILITIES: dict[Capability, frozenset[Role]] = {
    # The audit trail is read by those who answer for the office and those who investigate it.
    Capability.AUDIT_VIEW: frozenset({Role.KAKANIM, Role.INVESTIGATOR, Role.ADMIN}),
    Capability.USERS_MANAGE: frozenset({Role.ADMIN}),
    Capability.OFFICES_VIEW: _STAFF,
    # Offices are national structure: only an administrator of the national office (checked in access).
    Capability.OFFICES_MANAGE: frozenset({Role.ADMIN}),
    Capability.REFERENCE_VIEW: _STAFF,
    # Only an administrator of the national office may revise national lists (checked in access).
    Capability.REFERENCE_EDIT: frozenset({Role.ADMIN}),
    # Applications are read by those who serve, decide on and analyse them; not by partners or administrators.
    Capability.SCREENING_VIEW: frozenset(
        {Role.COUNTER, Role.INTERVIEWER, Role.KASI, Role.KABID_INTEL, Role.KAKANIM, Role.ANALYST}
    ),
    Capability.SCREENING_INTAKE: frozenset({Role.COUNTER, Role.INTERVIEWER}),
    # The interview outcome is the interviewer's; the Kepala Seksi may record it too.
    Capability.SCREENING_REVIEW: frozenset({Role.INTERVIEWER, Role.KASI}),
    # Clearing a high-risk application takes two: the officer records "proceed", a Kepala Seksi (or the Kepala
    # Bidang Intelijen, or the Kepala Kantor) who is not that officer confirms it (screening.work).
    Capability.SCREENING_CONFIRM_CLEARANCE: frozenset({Role.KASI, Role.KABID_INTEL, Role.KAKANIM}),
    # Partner reports are entered by the intelligence section.
    Capability.REPORTS_ENTER: frozenset({Role.KABID_INTEL, Role.ANALYST}),
    # Maker → checker → approver (domain brief §1.8): the interviewer proposes, the Kepala Seksi (or the Kepala
    # Bidang Intelijen) checks, the Kepala Kantor decides. Nobody does two steps of one case (actions, database).
    Capability.DECISIONS_PROPOSE: frozenset({Role.INTERVIEWER, Role.KASI}),
    Capability.DECISIONS_REVIEW: frozenset({Role.KASI, Role.KABID_INTEL}),
    Capability.DECISIONS_DECIDE: frozenset({Role.KAKANIM}),
    # Whistleblowing reports are read by internal compliance (reports about staff) and the intelligence section
    # (everything else); which of them may open a given report is decided by its routing and its sealed keys.
    Capability.WHISTLE_HANDLE: frozenset({Role.INVESTIGATOR, Role.KABID_INTEL, Role.ANALYST}),
    # The custodian approves, or refuses, a handler's request to learn a reporter's identity; reads no report.
    Capability.WHISTLE_CUSTODIAN: frozenset({Role.CUSTODIAN}),
    Capability.INVESTIGATIONS: frozenset({Role.INVESTIGATOR}),
    # Inspections are planned and carried out by internal compliance; the office's heads remedy what they find
    # (the owner of a finding), and only the findings they own.
    Capability.INSPECTIONS: frozenset({Role.INVESTIGATOR}),
    Capability.FINDINGS_FOLLOW_UP: frozenset({Role.KASI, Role.KABID_INTEL, Role.KAKANIM, Role.INVESTIGATOR}),
    # The disciplinary decree is the authorised official's (the head of office, or a national official: the
    # `discipline_authority` list says for which levels); the head also co-signs the close of a case.
    Capability.DISCIPLINE_DECIDE: frozenset({Role.KAKANIM, Role.INVESTIGATOR}),
    # A privileged role is granted by two people: the administrator asks, the head of the user's office (or a
    # national administrator: checked in access) approves — never the one who asked.
    Capability.ROLES_APPROVE: frozenset({Role.KAKANIM, Role.ADMIN}),
    # A partner's user works in the partner portal, for their own organisation only (partners.access).
    Capability.PARTNER_PORTAL: frozenset({Role.PARTNER}),
    # Referring a person to a partner (a possible victim to KP2MI, LPSK, social services or a shelter; a suspected
    # recruiter to the police), and answering a partner's referral, is for those who meet or assess applicants.
    Capability.REFERRALS: frozenset({Role.INTERVIEWER, Role.KASI, Role.KABID_INTEL, Role.ANALYST}),
    # Partner organisations and their agreements are national data: an administrator of the national office.
    Capability.ORGANISATIONS_MANAGE: frozenset({Role.ADMIN}),
    # Program Desa Binaan is run by the intelligence section with speakers from document services (the PIMPASA
    # officers); the head of office follows its reach and signs its yearly report.
    Capability.OUTREACH: frozenset({Role.INTERVIEWER, Role.KASI, Role.KABID_INTEL, Role.KAKANIM, Role.ANALYST}),
    # Training is organised by the section heads and internal compliance (its own courses); every officer takes
    # tests and downloads their own certificates without a capability. The heads read who is due for a refresher.
    Capability.TRAINING_MANAGE: frozenset({Role.KASI, Role.KABID_INTEL, Role.KAKANIM, Role.INVESTIGATOR}),
    Capability.TRAINING_COVERAGE: frozenset({Role.KASI, Role.KABID_INTEL, Role.KAKANIM}),
}

# Roles that decide, investigate, hold the channel's keys or administer: an office administrator alone could
# otherwise make a maker, a checker and an approver, or an investigator, and log in as each.
PRIVILEGED_ROLES = frozenset(
    {
        Role.INTERVIEWER,
        Role.KASI,
        Role.KABID_INTEL,
        Role.KAKANIM,
        Role.INVESTIGATOR,
        Role.ANALYST,
        Role.ADMIN,
        Role.CUSTODIAN,
    }
)


def role_has(role: str, capability: Capability) -> bool:
    return role in CAPABILITIES[capability]
