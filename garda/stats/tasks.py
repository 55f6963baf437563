"""Background tasks of statistics (run by `garda worker`)."""

from django.tasks import task


@task()
def make_report(report_id: int) -> int:
    """Make a periodic report someone asked for on the reports page."""
    from garda.stats.worker import make

    return make(report_id).size
