"""What members see on the collaboration list, dashboard, stage and worksheet pages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Role
from stages.models import Stage, Tool, Worksheet
from tests.factories import make_collaboration, make_member

pytestmark = pytest.mark.django_db

TOOL = "engage-potential-partners"


def test_landing_page_shows_the_toolkit_to_visitors(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Create an account" in page
    for tool in Tool.objects.all():
        assert tool.name in page


def test_landing_sends_signed_in_people_to_their_collaborations(cast):
    response = cast.client("partner").get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("collaboration-list")


def test_collaboration_list_shows_only_my_collaborations_with_progress(cast):
    other = make_collaboration(name="Somebody Else's Effort")
    make_member(other, Role.FACILITATOR)
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug="engage-potential-partners"),
        status=Worksheet.Status.COMPLETE,
    )
    response = cast.client("viewer").get(reverse("collaboration-list"))
    page = response.content.decode()
    assert cast.collaboration.name in page
    assert "Somebody Else" not in page
    assert "1 of 5 complete" in page


def test_collaboration_list_explains_what_to_do_when_empty(cast):
    response = cast.client("outsider").get(reverse("collaboration-list"))
    assert "You are not part of a collaboration yet" in response.content.decode()


def test_archived_collaborations_are_listed_apart(cast):
    cast.collaboration.archived_at = timezone.now()
    cast.collaboration.save()
    response = cast.client("partner").get(reverse("collaboration-list"))
    assert response.context["archived"][0][0].collaboration == cast.collaboration
    assert response.context["active"] == []


def _section(page: str, labelled_by: str) -> str:
    """The dashboard's own section labelled by `labelled_by`, without the site navigation that
    links to every stage on every page."""
    start = page.index(f'aria-labelledby="{labelled_by}"')
    return page[start : page.index("</section>", start)]


def test_dashboard_shows_four_stages_and_seventeen_tools(cast):
    response = cast.client("partner").get(reverse("collaboration", args=[cast.collaboration.pk]))
    page = response.content.decode()
    for stage in Stage.objects.all():
        card = _section(page, f"stage-{stage.slug}")
        assert stage.question in card
        assert reverse("dashboards:stage", args=[cast.collaboration.pk, stage.slug]) in card
    all_tools = _section(page, "all-tools")
    for tool in Tool.objects.all():
        assert reverse("stages:worksheet", args=[cast.collaboration.pk, tool.slug]) in all_tools
    assert len(response.context["tools"]) == 17


def test_dashboard_counts_progress_per_stage(cast):
    tools = Tool.objects.filter(stage__slug="design").order_by("number")
    Worksheet.objects.create(
        collaboration=cast.collaboration, tool=tools[0], status=Worksheet.Status.COMPLETE
    )
    Worksheet.objects.create(
        collaboration=cast.collaboration, tool=tools[1], status=Worksheet.Status.READY_FOR_REVIEW
    )
    Worksheet.objects.create(
        collaboration=cast.collaboration, tool=tools[2], status=Worksheet.Status.IN_PROGRESS
    )
    response = cast.client("viewer").get(reverse("collaboration", args=[cast.collaboration.pk]))
    design = next(p for p in response.context["progress"] if p.stage.slug == "design")
    assert (design.tools, design.complete, design.in_progress, design.not_started) == (6, 1, 2, 3)
    assert "1 of 6 complete, 2 in progress" in response.content.decode()


def test_dashboard_actions_follow_the_role(cast):
    url = reverse("collaboration", args=[cast.collaboration.pk])
    edit = reverse("collaborations:edit", args=[cast.collaboration.pk])
    assert edit in cast.client("facilitator").get(url).content.decode()
    assert edit not in cast.client("partner").get(url).content.decode()
    assert edit not in cast.client("viewer").get(url).content.decode()


def test_stage_page_shows_question_summary_and_its_tools(cast):
    stage = Stage.objects.get(slug="implementation")
    response = cast.client("partner").get(
        reverse("dashboards:stage", args=[cast.collaboration.pk, stage.slug])
    )
    page = response.content.decode()
    assert stage.question in page
    assert stage.summary in page
    for tool in Tool.objects.all():
        if tool.stage_id == stage.pk:
            assert tool.name in page
            assert tool.definition in page
        else:
            assert reverse("stages:worksheet", args=[cast.collaboration.pk, tool.slug]) not in page


@pytest.mark.parametrize(
    "slug",
    [
        t
        for t in [
            "engage-potential-partners",
            "share-discretion",
            "manage-expectations",
            "tell-the-story",
        ]
    ],
)
def test_worksheet_page_shows_definition_why_and_stage_question(cast, slug):
    tool = Tool.objects.select_related("stage").get(slug=slug)
    response = cast.client("viewer").get(
        reverse("stages:worksheet", args=[cast.collaboration.pk, slug])
    )
    page = response.content.decode()
    assert tool.name in page
    assert tool.definition in page
    assert tool.why_it_matters in page
    assert tool.stage.question in page
    assert "Not started" in page


def test_about_the_tool_is_open_on_a_first_visit_and_folded_after(cast):
    client = cast.client("partner")
    first = client.get(reverse("stages:worksheet", args=[cast.collaboration.pk, TOOL])).content
    page = first.decode()
    assert '<details class="tool-panel card card-body" open>' in page
    # Before the form in the page, so a phone reaches it before the whole worksheet.
    assert page.index('id="about-tool"') < page.index('id="worksheet-form"')
    again = client.get(reverse("stages:worksheet", args=[cast.collaboration.pk, TOOL])).content
    assert '<details class="tool-panel card card-body">' in again.decode()
    other = reverse("stages:worksheet", args=[cast.collaboration.pk, "assess-the-history"])
    assert '<details class="tool-panel card card-body" open>' in client.get(other).content.decode()
    # Each person has their own first visit.
    viewer = cast.client("viewer").get(
        reverse("stages:worksheet", args=[cast.collaboration.pk, TOOL])
    )
    assert '<details class="tool-panel card card-body" open>' in viewer.content.decode()


def test_worksheet_page_shows_status_and_who_changed_it_last(cast):
    user = cast.partner.user
    user.first_name, user.last_name = "Luis", "Ortega"
    user.save()
    tool = Tool.objects.get(slug="account-for-resources")
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=tool,
        status=Worksheet.Status.READY_FOR_REVIEW,
        version=3,
        updated_by=user,
        updated_at=timezone.now(),
    )
    response = cast.client("facilitator").get(
        reverse("stages:worksheet", args=[cast.collaboration.pk, tool.slug])
    )
    page = response.content.decode()
    assert "Ready for review" in page
    assert "Luis Ortega" in page


def test_worksheet_record_is_one_per_collaboration_and_tool(cast):
    from django.db import IntegrityError, transaction

    tool = Tool.objects.first()
    Worksheet.objects.create(collaboration=cast.collaboration, tool=tool)
    with pytest.raises(IntegrityError), transaction.atomic():
        Worksheet.objects.create(collaboration=cast.collaboration, tool=tool)


def test_collaboration_header_links_every_stage(cast):
    response = cast.client("viewer").get(
        reverse("collaborations:partners", args=[cast.collaboration.pk])
    )
    page = response.content.decode()
    for stage in Stage.objects.all():
        assert reverse("dashboards:stage", args=[cast.collaboration.pk, stage.slug]) in page


def test_user_text_is_escaped(cast):
    cast.collaboration.name = "<script>alert('x')</script>"
    cast.collaboration.save()
    response = cast.client("viewer").get(reverse("collaboration", args=[cast.collaboration.pk]))
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
