from garda.core.models.audit import AuditEvent
from garda.core.models.offices import Office
from garda.core.models.organisations import Organisation, OrganisationKind
from garda.core.models.reference import Country, ReferenceList, ReferenceListRevision, Region
from garda.core.models.users import RoleGrant, RoleGrantStatus, User

__all__ = [
    "AuditEvent",
    "Country",
    "Office",
    "Organisation",
    "OrganisationKind",
    "ReferenceList",
    "ReferenceListRevision",
    "Region",
    "RoleGrant",
    "RoleGrantStatus",
    "User",
]
