"""The PDF in the background: asking queues a render on the task worker, a page follows it,
the finished file is kept and served again while the content is unchanged, one render at a
time per collaboration and choices, retries after a failure, and housekeeping.

Rendering is stubbed (the real PDF is read in test_pdf.py); the stub counts renders."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db.models import F
from django.tasks import default_task_backend
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks_db.models import DBTaskResult

from collaborations.models import Role
from reports import files
from reports.content import Choices
from reports.models import ReportFile
from stages.models import Worksheet
from tests.conftest import EVERYONE
from tests.factories import make_collaboration, make_member, make_partner
from tests.reports.helpers import fill

pytestmark = pytest.mark.django_db

DUMMY = {
    "default": {
        "BACKEND": "django.tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "reports"],
    }
}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["reports"]}}


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The HTML of every PDF rendered, instead of rendering it."""
    documents: list[str] = []

    def render(html: str, fetcher=None, generated=None) -> bytes:
        documents.append(html)
        return f"%PDF-1.7 stub {len(documents)}".encode()

    monkeypatch.setattr(files, "render_pdf", render)
    return documents


def pdf_url(cast, query: str = "") -> str:
    return reverse("reports:pdf", args=[cast.collaboration.pk]) + query


def status_url(report_file: ReportFile) -> str:
    return reverse("reports:pdf-status", args=[report_file.collaboration_id, report_file.pk])


def download_url(report_file: ReportFile) -> str:
    return reverse("reports:pdf-download", args=[report_file.collaboration_id, report_file.pk])


def body(response) -> bytes:
    return response.getvalue()


def test_no_web_request_renders_a_pdf_with_the_database_worker(cast, renders):
    with override_settings(TASKS=DATABASE):
        response = cast.client("viewer").get(pdf_url(cast))
    report_file = ReportFile.objects.get()
    assert response.status_code == 302
    assert response["Location"] == status_url(report_file)
    assert renders == []
    assert report_file.status == ReportFile.Status.QUEUED
    task = DBTaskResult.objects.get()
    assert task.task_path == "reports.tasks.render_report_file"
    assert task.queue_name == "reports"
    assert task.args_kwargs == {"args": [report_file.pk], "kwargs": {}}


@override_settings(TASKS=DUMMY)
def test_the_status_page_follows_the_render_and_then_offers_the_download(cast, renders):
    client = cast.client("partner")
    response = client.get(pdf_url(cast, "?stage=design"), follow=True)
    report_file = ReportFile.objects.get()
    page = response.content.decode()
    assert response.redirect_chain == [(status_url(report_file), 302)]
    assert "Your PDF is waiting its turn to be made." in page
    # htmx asks again every two seconds; without JavaScript a plain link does the same.
    assert f'data-hx-get="{status_url(report_file)}"' in page
    assert 'data-hx-trigger="every 2s"' in page
    assert f'<a href="{status_url(report_file)}">Check again</a>' in page
    assert download_url(report_file) not in page
    assert client.get(download_url(report_file))["Location"] == status_url(report_file)

    assert files.make(report_file.pk) == "ready"
    partial = client.get(status_url(report_file), HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<div id="pdf-status"')
    assert "<html" not in partial
    assert "data-hx-trigger" not in partial
    assert download_url(report_file) in partial
    download = client.get(download_url(report_file))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == (
        'attachment; filename="riverside-youth-jobs-design-report.pdf"'
    )
    assert body(download) == b"%PDF-1.7 stub 1"
    # The second time the PDF itself comes at once, from the kept file.
    again = client.get(pdf_url(cast, "?stage=design"))
    assert again.status_code == 200
    assert body(again) == b"%PDF-1.7 stub 1"
    assert len(renders) == 1


@override_settings(TASKS=DUMMY)
def test_people_asking_at_once_share_one_render(cast, renders):
    default_task_backend.clear()
    for who in ("facilitator", "partner", "viewer", "viewer"):
        assert cast.client(who).get(pdf_url(cast, "?paper=a4")).status_code == 302
    assert ReportFile.objects.count() == 1
    assert len(default_task_backend.results) == 1


def test_the_kept_file_is_reused_until_the_content_changes(cast, renders):
    client = cast.client("viewer")
    assert body(client.get(pdf_url(cast, "?paper=a4"))) == b"%PDF-1.7 stub 1"
    assert body(client.get(pdf_url(cast, "?paper=a4"))) == b"%PDF-1.7 stub 1"
    assert len(renders) == 1
    # Other choices are another file.
    assert body(client.get(pdf_url(cast, "?paper=letter"))) == b"%PDF-1.7 stub 2"

    changes = [
        lambda: fill(cast.collaboration, {"share-discretion": Worksheet.Status.IN_PROGRESS}),
        lambda: Worksheet.objects.update(version=F("version") + 1),
        lambda: make_partner(cast.collaboration, name="Second Chance Bakery"),
        lambda: cast.collaboration.partners.filter(name="Second Chance Bakery").update(
            name="Second Chance Bakers"
        ),
        lambda: make_member(cast.collaboration, Role.FACILITATOR),
        lambda: cast.collaboration.save(),
    ]
    for number, change in enumerate(changes, start=3):
        change()
        assert body(client.get(pdf_url(cast, "?paper=a4"))) == f"%PDF-1.7 stub {number}".encode()
        assert body(client.get(pdf_url(cast, "?paper=a4"))) == f"%PDF-1.7 stub {number}".encode()
    assert len(renders) == 2 + len(changes)
    # A member who joins as a viewer changes nothing the report shows.
    make_member(cast.collaboration, Role.VIEWER)
    client.get(pdf_url(cast, "?paper=a4"))
    assert len(renders) == 2 + len(changes)


def test_a_kept_file_is_not_served_on_another_day(cast, renders, monkeypatch):
    """A report is dated and judges what is late by the day it is read: tomorrow's PDF says
    tomorrow, as the report page does, even when nothing else changed."""
    client = cast.client("viewer")
    today = timezone.localdate()
    client.get(pdf_url(cast, "?paper=a4"))
    assert len(renders) == 1
    tomorrow = today + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert body(client.get(pdf_url(cast, "?paper=a4"))) == b"%PDF-1.7 stub 2"
    assert len(renders) == 2
    dated = f"<dd>{date_format(tomorrow)}</dd>"
    page = client.get(reverse("reports:report", args=[cast.collaboration.pk])).content.decode()
    assert dated in page
    assert dated in renders[1]
    assert f"<dd>{date_format(today)}</dd>" in renders[0]


def test_one_render_at_a_time_per_collaboration_and_choices(cast, renders):
    key = files.options_key(Choices(paper="a4"), "en")
    running = ReportFile.objects.create(
        collaboration=cast.collaboration,
        options=key,
        fingerprint="older content",
        status=ReportFile.Status.RENDERING,
        started_at=timezone.now(),
    )
    waiting = ReportFile.objects.create(
        collaboration=cast.collaboration, options=key, fingerprint="newer content"
    )
    other_choices = ReportFile.objects.create(
        collaboration=cast.collaboration,
        options=files.options_key(Choices(paper="letter"), "en"),
        fingerprint="newer content",
    )
    assert files.make(waiting.pk) == "busy"
    waiting.refresh_from_db()
    assert waiting.status == ReportFile.Status.QUEUED
    assert files.make(other_choices.pk) == "ready"
    ReportFile.objects.filter(pk=running.pk).update(status=ReportFile.Status.READY)
    assert files.make(waiting.pk) == "ready"
    assert files.make(waiting.pk) == "not queued"
    assert len(renders) == 2


def test_a_failed_render_says_so_and_can_be_tried_again(cast, monkeypatch):
    def broken(html: str, fetcher=None, generated=None) -> bytes:
        raise RuntimeError("fonts missing")

    monkeypatch.setattr(files, "render_pdf", broken)
    client = cast.client("viewer")
    response = client.get(pdf_url(cast), follow=True)
    report_file = ReportFile.objects.get()
    assert report_file.status == ReportFile.Status.FAILED
    assert report_file.error == "RuntimeError: fonts missing"
    page = response.content.decode()
    assert "The PDF could not be made." in page
    assert "data-hx-trigger" not in page

    monkeypatch.setattr(files, "render_pdf", lambda html, **options: b"%PDF-1.7 fixed")
    retried = client.post(status_url(report_file), follow=True)
    assert "Your PDF is ready." in retried.content.decode()
    assert body(client.get(download_url(report_file))) == b"%PDF-1.7 fixed"


@override_settings(TASKS=DUMMY)
def test_a_render_lost_with_its_worker_can_be_tried_again(cast, renders):
    cast.client("viewer").get(pdf_url(cast))
    report_file = ReportFile.objects.get()
    client = cast.client("viewer")
    assert client.post(status_url(report_file)).status_code == 302
    assert ReportFile.objects.get().status == ReportFile.Status.QUEUED  # not lost: untouched
    ReportFile.objects.update(requested_at=timezone.now() - timedelta(hours=1))
    assert "Try again" in client.get(status_url(report_file)).content.decode()
    default_task_backend.clear()
    client.post(status_url(report_file))
    assert len(default_task_backend.results) == 1


def test_a_kept_file_that_vanished_from_storage_is_made_again(cast, renders):
    client = cast.client("viewer")
    client.get(pdf_url(cast))
    report_file = ReportFile.objects.get()
    report_file.file.storage.delete(report_file.file.name)
    assert body(client.get(pdf_url(cast))) == b"%PDF-1.7 stub 2"


@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_follow_and_download_a_pdf(cast, renders, who):
    cast.client("facilitator").get(pdf_url(cast))
    report_file = ReportFile.objects.get()
    for url in (status_url(report_file), download_url(report_file)):
        response = cast.client(who).get(url)
        if who == "anonymous":
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("account_login"))
        elif who == "outsider":
            assert response.status_code == 404
        else:
            assert response.status_code == 200
    retry = cast.client(who).post(status_url(report_file))
    assert retry.status_code == (404 if who == "outsider" else 302)


def test_another_collaborations_file_is_404_even_through_ones_own(cast, renders):
    other = make_collaboration()
    make_member(other, Role.FACILITATOR, cast.facilitator.user)
    cast.client("facilitator").get(reverse("reports:pdf", args=[other.pk]))
    theirs = ReportFile.objects.get(collaboration=other)
    client = cast.client("viewer")
    mine = cast.collaboration.pk
    for name in ("reports:pdf-status", "reports:pdf-download"):
        assert client.get(reverse(name, args=[mine, theirs.pk])).status_code == 404
        assert client.get(reverse(name, args=[mine, theirs.pk + 100])).status_code == 404
        assert client.get(reverse(name, args=[other.pk, theirs.pk])).status_code == 404


def _kept(cast, fingerprint: str, *, status="ready", finished_days_ago=0, used_days_ago=None):
    now = timezone.now()
    report_file = ReportFile(
        collaboration=cast.collaboration,
        options=files.options_key(Choices(), "en"),
        fingerprint=fingerprint,
        status=status,
        finished_at=now - timedelta(days=finished_days_ago),
        last_used_at=None if used_days_ago is None else now - timedelta(days=used_days_ago),
    )
    if status == "ready":
        report_file.file.save("report.pdf", ContentFile(b"%PDF"), save=False)
    report_file.save()
    return report_file


def test_housekeeping_deletes_old_files_and_marks_lost_renders(cast):
    fresh = _kept(cast, "current", finished_days_ago=3, used_days_ago=2)
    unused = _kept(cast, "unused", finished_days_ago=40, used_days_ago=31)
    never_used = _kept(cast, "never used", finished_days_ago=31)
    superseded = _kept(cast, "superseded", finished_days_ago=50, used_days_ago=1)
    failed = _kept(cast, "failed", status="failed", finished_days_ago=2)
    lost = _kept(cast, "lost", status="rendering")
    ReportFile.objects.filter(pk=lost.pk).update(started_at=timezone.now() - timedelta(hours=1))
    queued = _kept(cast, "queued", status="queued")
    storage = fresh.file.storage
    names = {f.pk: f.file.name for f in (fresh, unused, never_used, superseded)}

    output = io.StringIO()
    call_command("clean_report_files", "--days", "30", stdout=output)

    assert output.getvalue().strip() == (
        "Report files: 2 unused for 30 days, 1 superseded and 1 failed deleted; "
        "1 lost renders marked failed."
    )
    left = {f.pk: f.status for f in ReportFile.objects.all()}
    assert left == {fresh.pk: "ready", lost.pk: "failed", queued.pk: "queued"}
    assert storage.exists(names[fresh.pk])
    for pk in (unused.pk, never_used.pk, superseded.pk):
        assert not storage.exists(names[pk])
    assert failed.pk not in left


@override_settings(TASKS=DUMMY)
def test_the_download_gives_the_size_without_a_trailing_zero(cast, renders):
    """96,256 bytes read "94 KB", not "94.0 KB"; 1,258,291 bytes read "1.2 MB"."""
    client = cast.client("partner")
    client.get(pdf_url(cast))
    report_file = ReportFile.objects.get()
    files.make(report_file.pk)
    for size, shown in ((96_256, "94\xa0KB"), (1_258_291, "1.2\xa0MB")):
        ReportFile.objects.filter(pk=report_file.pk).update(size=size)
        page = client.get(status_url(report_file)).content.decode()
        assert f"Download the PDF ({shown})" in page
