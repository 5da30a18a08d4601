"""Background tasks of the report: making its PDF on the worker's `reports` queue."""

from __future__ import annotations

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from reports import files

# How long a render waits before trying again while another render of the same
# collaboration and choices is running.
BUSY_RETRY = timedelta(seconds=3)


@task(queue_name="reports")
def render_report_file(report_file_id: int) -> str:
    outcome = files.make(report_file_id)
    # A backend that cannot defer (running tasks at once) never meets a busy render: renders
    # there run one after the other.
    if outcome == "busy" and render_report_file.get_backend().supports_defer:
        later = render_report_file.using(run_after=timezone.now() + BUSY_RETRY)
        later.enqueue(report_file_id)
    return outcome
