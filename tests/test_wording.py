"""Wording that reads right in English: counts through plural forms ("1 open barrier"), and
no doubled full stop after a time ("1:26 p.m.", never "1:26 p.m..")."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from stages.models import Comment, Tool, Worksheet, WorksheetRevision
from stages.worksheets.declarations import definition_for
from stages.worksheets.forms import WorksheetForms
from support.models import Barrier, ResourceLead
from tests.stages.worksheet_data import empty_post, form_post
from tests.support.factories import make_activity, make_barrier, make_lead

pytestmark = pytest.mark.django_db

AFTERNOON = datetime.datetime(2026, 5, 4, 13, 26, tzinfo=datetime.UTC)


def _text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_one_open_lead_and_one_open_barrier_are_singular(cast):
    collaboration = cast.collaboration
    make_activity(collaboration)
    make_lead(collaboration, status=ResourceLead.Status.REQUESTED)
    make_barrier(collaboration, status=Barrier.Status.OPEN)
    page = _text(cast.client("viewer").get(reverse("collaboration", args=[collaboration.pk])))
    assert "1 open resource lead " in page and "1 open barrier " in page
    assert "1 open barriers" not in page
    make_barrier(collaboration, what="Zoning", status=Barrier.Status.IN_PROGRESS)
    page = _text(cast.client("viewer").get(reverse("collaboration", args=[collaboration.pk])))
    assert "2 open barriers" in page


def _afternoon_work(cast, slug: str) -> Worksheet:
    tool = Tool.objects.get(slug=slug)
    sheet = Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=tool,
        status=Worksheet.Status.IN_PROGRESS,
        version=1,
        answers={"vision": "Every young person in work or school"},
        updated_by=cast.partner.user,
        updated_at=AFTERNOON,
    )
    revision = WorksheetRevision.objects.create(
        worksheet=sheet, version=1, status=sheet.status, user=cast.partner.user, answers={}
    )
    WorksheetRevision.objects.filter(pk=revision.pk).update(created_at=AFTERNOON)
    comment = Comment.objects.create(
        collaboration=cast.collaboration, tool=tool, author=cast.partner.user, body="Agreed"
    )
    Comment.objects.filter(pk=comment.pk).update(created_at=AFTERNOON)
    return sheet


def test_times_end_sentences_with_one_full_stop(cast):
    slug = "share-a-vision-of-success"
    _afternoon_work(cast, slug)
    cid = cast.collaboration.pk
    pages = [
        reverse("stages:worksheet", args=[cid, slug]),
        reverse("collaboration", args=[cid]),
        reverse("dashboards:stage", args=[cid, "diagnosis"]),
    ]
    for url in pages:
        page = _text(cast.client("facilitator").get(url))
        assert "1:26 p.m." in page, url
        assert not re.search(r"[ap]\.m\. ?\.", page), url


def test_the_autosave_state_ends_its_time_once(cast):
    slug = "share-a-vision-of-success"
    sheet = _afternoon_work(cast, slug)
    url = reverse("stages:worksheet", args=[cast.collaboration.pk, slug])
    data, _ = form_post(definition_for(slug), [cast.partner.partner_id], version=sheet.version)
    with mock.patch.object(timezone, "now", return_value=AFTERNOON):
        response = cast.client("partner").post(url, data, headers={"HX-Request": "true"})
    state = _text(response)
    assert "Saved at 1:26 p.m." in state
    assert not re.search(r"[ap]\.m\. ?\.", state)


def test_a_table_needing_two_rows_asks_for_two_rows():
    definition = definition_for("engage-potential-partners")
    table = replace(definition.tables[0], required_rows=2)
    sections = tuple(
        replace(s, parts=tuple(table if p.name == table.name else p for p in s.parts))
        for s in definition.sections
    )
    two = replace(definition, sections=sections)
    forms = WorksheetForms(two, {}, []).bind(empty_post(two, 0, action="ready"))
    assert forms.is_valid()
    assert not forms.check_ready_for_review()
    errors = [str(e) for e in forms.tables[table.name].non_form_errors()]
    assert "Add at least 2 rows before asking for review." in errors
