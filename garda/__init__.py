"""Garda: TPPO and non-procedural migrant-worker prevention at passport issuance."""

__version__ = "0.1.0"
