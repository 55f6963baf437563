"""Background work of the channel (run by `garda worker`): copies of attachments without their metadata."""

from django.tasks import task

from garda.whistle.cleaning import clean_pending


@task()
def clean_attachments(report_id: int) -> dict[str, int]:
    """Clean the report's files that wait for it, each in a child process under resource limits."""
    return clean_pending(report_id)
