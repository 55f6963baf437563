"""Background tasks of decisions (run by `garda worker`)."""

from django.tasks import task

from garda.decisions.actions import do_lapse_postponements


@task()
def lapse_overdue_postponements() -> int:
    """Daily: postponements whose documents did not come within 30 days lapse (recorded, audited)."""
    return do_lapse_postponements()
