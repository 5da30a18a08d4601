"""The toolkit's stages and tools as a process keeps them (`stages.catalog`)."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.urls import reverse

from stages import catalog
from stages.models import Stage, Tool

pytestmark = pytest.mark.django_db

SLUG = "share-discretion"


def test_a_tool_edited_in_this_process_is_shown_at_once(cast):
    tool = Tool.objects.get(slug=SLUG)
    tool.name = "Share decisions"
    tool.save()  # as the admin saves it
    page = cast.client("partner").get(
        reverse("stages:worksheet", args=[cast.collaboration.pk, SLUG])
    )
    assert "Share decisions" in page.content.decode()
    assert catalog.tool(SLUG).name == "Share decisions"


def test_a_change_made_by_another_process_is_read_once_what_is_kept_is_old(monkeypatch):
    assert catalog.tool(SLUG).name == "Share Discretion"
    # Another process's change: no signal reaches this one.
    Stage.objects.filter(slug="design").update(name="Planning")
    Tool.objects.filter(slug=SLUG).update(name="Share decisions")
    assert catalog.tool(SLUG).name == "Share Discretion"
    now = catalog.time.monotonic()
    monkeypatch.setattr(catalog.time, "monotonic", lambda: now + catalog.KEPT_FOR)
    assert catalog.tool(SLUG).name == "Share decisions"
    assert catalog.tool(SLUG).stage.name == "Planning"
    assert [s.name for s in catalog.stages()][1] == "Planning"


def test_each_caller_gets_its_own_copies():
    first = catalog.tool(SLUG)
    first.name = "Changed by one page"
    first.stage.name = "Changed too"
    tools = catalog.tools()
    tools[0].stage.name = "Changed by another"
    assert catalog.tool(SLUG).name == "Share Discretion"
    assert catalog.tool(SLUG).stage.name == Tool.objects.get(slug=SLUG).stage.name
    assert catalog.stages()[0].name == Stage.objects.order_by("number")[0].name


def test_tools_come_in_order_with_their_stages_and_neighbours():
    tools = catalog.tools()
    assert [t.number for t in tools] == list(range(1, 18))
    assert all(t.stage.pk == t.stage_id for t in tools)
    first, last = tools[0], tools[-1]
    assert catalog.neighbours(first)[0] is None
    assert catalog.neighbours(first)[1].slug == tools[1].slug
    assert catalog.neighbours(last) == (catalog.neighbours(last)[0], None)
    assert catalog.neighbours(last)[0].slug == tools[-2].slug
    with pytest.raises(Http404):
        catalog.tool("no-such-tool")


def test_pages_name_a_stage_alike_until_another_process_change_is_read(cast):
    """The menu, the stage page and the report read the stages from the same place: none
    shows a name the others do not."""
    Stage.objects.filter(slug="design").update(name="Planning")  # another process's change
    client = cast.client("facilitator")
    for url in (
        reverse("dashboards:stage", args=[cast.collaboration.pk, "design"]),
        reverse("reports:report", args=[cast.collaboration.pk]),
        reverse("collaboration", args=[cast.collaboration.pk]),
    ):
        page = client.get(url).content.decode()
        assert "Design" in page and "Planning" not in page, url


def test_stages_by_slug_and_their_tools_counted():
    assert catalog.stage("design").name == "Design"
    assert catalog.tool_counts() == {stage.pk: stage.tools.count() for stage in Stage.objects.all()}
    with pytest.raises(Http404):
        catalog.stage("no-such-stage")
