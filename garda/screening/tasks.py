"""Background tasks of screening (run by `garda worker`)."""

from django.tasks import task

from garda.screening.actions import do_rescreen_pending


@task()
def rescreen_pending_applications() -> dict[str, int]:
    """New context arrived (a partner report, a decision at another office, a new P3MI registry): screen the
    pending applications again and alert the offices where something new fired."""
    return do_rescreen_pending()
