"""Decisions' public surface: what statistics (and next oversight, partners and the public statistics) may use.
The models named here are read models: others count and list them, and change them only through decisions'
actions."""

from garda.decisions.models import DECIDED, Case, Kind, Status

__all__ = ["DECIDED", "Case", "Kind", "Status"]
