"""Training's public surface: the coverage figures the dashboards and periodic reports print."""

from garda.training.coverage import RoleCoverage, coverage

__all__ = ["RoleCoverage", "coverage"]
