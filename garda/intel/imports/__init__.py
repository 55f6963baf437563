"""Importers of intelligence: partner agency reports (`garda import agency-reports`) and the P3MI registry
(`garda import p3mi`). Each stores what is valid, names what is not, and tells screening its context changed."""

from garda.intel.imports.agency_reports import import_agency_reports, store_report
from garda.intel.imports.p3mi import import_p3mi

__all__ = ["import_agency_reports", "import_p3mi", "store_report"]
