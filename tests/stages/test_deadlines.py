"""One deadline status, decided in `stages.deadlines` and shown alike by the dashboard, the
portfolio, the worksheet and the report; and one current stage, shown alike by the
dashboard, the portfolio and its CSV."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from dashboards.progress import StageProgress, current_stage
from stages.deadlines import deadline_status, late_counts, with_late
from stages.models import Stage, Tool, Worksheet
from stages.services import worksheet_save
from stages.worksheets.declarations import definition_for
from tests.factories import make_collaboration

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)
COMMITMENTS = definition_for("demonstrate-competency").table("commitments")
MILESTONES = definition_for("manage-expectations").table("milestones")


def _days(n: int) -> str:
    return (TODAY + datetime.timedelta(days=n)).isoformat()


@pytest.mark.parametrize(
    ("table", "status", "due", "late", "text"),
    [
        (COMMITMENTS, "on_track", -1, True, "Late: was on track"),
        (COMMITMENTS, "on_track", 0, False, "On track"),
        (COMMITMENTS, "late", 90, True, "Late"),
        (COMMITMENTS, "done", -30, False, "Done"),
        (COMMITMENTS, "dropped", -30, False, "Dropped"),
        (COMMITMENTS, "", -1, True, "Late"),
        (COMMITMENTS, "", 5, False, "No status yet"),
        (MILESTONES, "planned", -2, True, "Late: was planned"),
        (MILESTONES, "moved", -2, True, "Late: was moved"),
        (MILESTONES, "reached", -2, False, "Reached"),
        (MILESTONES, "missed", -2, False, "Missed"),
    ],
)
def test_a_promise_is_late_when_due_and_not_done_or_dropped(table, status, due, late, text):
    standing = deadline_status(table, {"status": status, "due": _days(due)}, TODAY)
    assert (standing.late, standing.text) == (late, text)


def test_a_promise_without_a_date_is_late_only_when_it_says_so():
    assert not deadline_status(COMMITMENTS, {"status": "on_track"}, TODAY).late
    assert deadline_status(COMMITMENTS, {"status": "late"}, TODAY).late


# Text that is not a day, or not one in ISO form, and values no form writes.
MALFORMED_DUES = ["2026-02-30", "2026-6-1", "2026-06-14T10:00", "soon", 20260101, ["2026-01-01"]]
MALFORMED_STATUSES = [5, ["late"], {"late": True}, "LATE"]


def _every_kind_of_row(table) -> list:
    statuses = ["", "late", "unknown", *(value for value, _label in table.column("status").choices)]
    dues = [None, "", *(_days(n) for n in (-400, -30, -1, 0, 1, 30))]
    rows = [{"status": s, "due": d} for s in statuses for d in dues]
    rows += [{"status": s, "due": d} for s in ["", "late", *MALFORMED_STATUSES] for d in dues]
    rows += [{"status": s, "due": d} for s in ["", "late", "done"] for d in MALFORMED_DUES]
    return [*rows, {}, {"due": _days(-3)}, {"status": None, "due": _days(-3)}, {"due": 20260101}]


def test_malformed_rows_read_as_no_status_and_no_date():
    assert not deadline_status(COMMITMENTS, {"status": "", "due": "2026-02-30"}, TODAY).late
    assert deadline_status(COMMITMENTS, {"status": ["x"], "due": _days(-1)}, TODAY).late
    assert deadline_status(COMMITMENTS, {"status": 5}, TODAY).text == "No status yet"


DAYS = [TODAY + datetime.timedelta(days=n) for n in (-500, -31, -30, -1, 0, 1, 400)]


def test_the_database_counts_late_rows_as_each_rows_status_says():
    """The portfolio has the database count late rows from what each worksheet keeps of its
    answers; every kind of row, and answers that are not lists of rows, count as
    `deadline_status` decides, on any day."""
    counted, empty, odd = make_collaboration(), make_collaboration(), make_collaboration()
    expected = dict.fromkeys(DAYS, 0)
    for table, slug in (
        (COMMITMENTS, "demonstrate-competency"),
        (MILESTONES, "manage-expectations"),
    ):
        rows = _every_kind_of_row(table)
        for day in DAYS:
            expected[day] += sum(deadline_status(table, row, day).late for row in rows)
        tool = Tool.objects.get(slug=slug)
        # Values that are not rows, among them, are no promises.
        others = ["not a row", 5, None, [rows[0]]]
        Worksheet.objects.create(
            collaboration=counted, tool=tool, answers={table.name: [*rows, *others]}
        )
        Worksheet.objects.create(collaboration=empty, tool=tool, answers={table.name: []})
        Worksheet.objects.create(collaboration=odd, tool=tool, answers={table.name: {"a": 1}})
    assert 0 < expected[TODAY] < 2 * len(rows)
    assert len(set(expected.values())) > 3  # the days tell the rows apart
    ids = [counted.pk, empty.pk, odd.pk]
    for day in DAYS:
        assert late_counts(ids, day) == {counted.pk: expected[day]}, day
        # The flag, from the index alone, by the same rule.
        assert with_late(ids, day) == {counted.pk}, day
    assert late_counts([empty.pk], TODAY) == late_counts([], TODAY) == {}
    assert with_late([empty.pk, odd.pk], TODAY) == with_late([], TODAY) == set()


def test_a_worksheet_keeps_its_deadlines_however_its_answers_are_written(cast):
    """Saved, written by the save service (an update), saved with named fields, or made in
    bulk: the worksheet's deadlines follow its answers."""
    tool = Tool.objects.get(slug="demonstrate-competency")
    user = cast.facilitator.user

    def late() -> int:
        return late_counts([cast.collaboration.pk], TODAY).get(cast.collaboration.pk, 0)

    def rows(*dues: int) -> dict:
        return {"commitments": [{"id": f"c{n}", "due": _days(n)} for n in dues]}

    saved = worksheet_save(
        worksheet=Worksheet(collaboration=cast.collaboration, tool=tool),
        answers=rows(-2, -1, 3),
        user=user,
        version=0,
    ).worksheet
    assert late() == 2
    sheet = Worksheet.objects.get(pk=saved.pk)
    assert sheet.deadlines == [_days(-2), _days(-1), _days(3)]
    assert sheet.earliest_deadline == TODAY - datetime.timedelta(days=2)
    worksheet_save(worksheet=sheet, answers=rows(5), user=user, version=sheet.version)
    assert late() == 0
    sheet.answers = rows(-9)
    sheet.save(update_fields=["answers"])
    assert late() == 1
    sheet.refresh_from_db()
    assert sheet.earliest_deadline == TODAY - datetime.timedelta(days=9)
    Worksheet.objects.all().delete()
    Worksheet.objects.bulk_create(
        [Worksheet(collaboration=cast.collaboration, tool=tool, answers=rows(-1)).keep_deadlines()]
    )
    assert late() == 1


def _one_line(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_dashboard_portfolio_worksheet_and_report_show_one_status(cast):
    today = timezone.localdate()
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug="demonstrate-competency"),
        status=Worksheet.Status.IN_PROGRESS,
        answers={
            "commitments": [
                {"id": "c1", "commitment": "Host 10 interns", "partner": cast.partner.partner_id,
                 "due": (today - datetime.timedelta(days=3)).isoformat(), "status": "on_track"}
            ]
        },
        version=1,
    )  # fmt: skip
    client = cast.client("facilitator")
    pages = {
        "dashboard": reverse("collaboration", args=[cast.collaboration.pk]),
        "report": reverse("reports:report", args=[cast.collaboration.pk]),
    }
    for name, url in pages.items():
        text = _one_line(client.get(url).content.decode())
        assert "Late: was on track" in text, name
        assert "Late On track" not in text, name
    portfolio = client.get(reverse("portfolio"))
    [row] = portfolio.context["rows"]
    assert row.late == 1
    # The viewer reads the worksheet as the report does.
    viewer_page = _one_line(
        cast.client("viewer")
        .get(reverse("stages:worksheet", args=[cast.collaboration.pk, "demonstrate-competency"]))
        .content.decode()
    )
    assert "Late: was on track" in viewer_page


def _progress(*complete: int) -> list[StageProgress]:
    stages = list(Stage.objects.order_by("number"))
    return [
        StageProgress(stage, 4, {Worksheet.Status.COMPLETE: done})
        for stage, done in zip(stages, complete, strict=True)
    ]


def test_current_stage_is_the_earliest_not_complete():
    assert current_stage(_progress(4, 1, 0, 0)).slug == "design"
    # Work begun further on does not move it.
    assert current_stage(_progress(3, 4, 4, 0)).slug == "diagnosis"
    assert current_stage(_progress(4, 4, 4, 4)) is None


def test_dashboard_portfolio_and_csv_agree_on_the_current_stage(cast):
    # One design tool in progress, diagnosis untouched (6% complete-like case).
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug="demonstrate-competency"),
        status=Worksheet.Status.COMPLETE,
    )
    client = cast.client("facilitator")
    dashboard = _one_line(
        client.get(reverse("collaboration", args=[cast.collaboration.pk])).content.decode()
    )
    assert "Current stage 1 Diagnosis" in dashboard
    [row] = client.get(reverse("portfolio")).context["rows"]
    assert row.current_stage.slug == "diagnosis"
    body = list(
        csv.reader(
            io.StringIO(b"".join(client.get(reverse("portfolio-csv")).streaming_content).decode())
        )
    )
    assert dict(zip(body[0], body[1], strict=True))["Current stage"] == "Diagnosis"


def test_a_finished_collaboration_says_all_stages_complete(cast):
    for tool in Tool.objects.all():
        Worksheet.objects.create(
            collaboration=cast.collaboration, tool=tool, status=Worksheet.Status.COMPLETE
        )
    client = cast.client("facilitator")
    assert (
        "All stages complete"
        in client.get(reverse("collaboration", args=[cast.collaboration.pk])).content.decode()
    )
    assert "All stages complete" in client.get(reverse("portfolio")).content.decode()
    body = list(
        csv.reader(
            io.StringIO(b"".join(client.get(reverse("portfolio-csv")).streaming_content).decode())
        )
    )
    assert dict(zip(body[0], body[1], strict=True))["Current stage"] == "All stages complete"
