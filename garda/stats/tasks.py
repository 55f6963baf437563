"""Background tasks of statistics (run by `garda worker`)."""

from django.tasks import task


@task()
def make_report(report_id: int) -> int:
    """Make a periodic report someone asked for on the reports page."""
    from garda.stats.worker import make

    return make(report_id).size


@task()
def refresh_aggregates() -> int:
    """Bring the monthly counts up to date after a large import (garda.stats.aggregates); returns 1 when done."""
    from garda.stats.aggregates import bring_up_to_date

    return int(bring_up_to_date())
