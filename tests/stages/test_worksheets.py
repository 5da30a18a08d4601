"""The worksheet engine: every declared worksheet renders, saves, validates and reads back."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Role
from stages.models import Tool, Worksheet, WorksheetRevision
from stages.worksheets.declarations import DEFINITIONS, definition_for
from tests.factories import make_collaboration, make_member, make_partner
from tests.stages.worksheet_data import empty_post, form_post, refused_post

pytestmark = pytest.mark.django_db

ALL_TOOLS = list(DEFINITIONS)


def _url(cast, slug: str) -> str:
    return reverse("stages:worksheet", args=[cast.collaboration.pk, slug])


def _partners(cast) -> list[int]:
    second = make_partner(cast.collaboration, name="City Hall", sector="government")
    return [cast.partner.partner_id, second.pk]


def test_every_tool_has_a_declaration():
    assert set(DEFINITIONS) == set(Tool.objects.values_list("slug", flat=True))
    for definition in DEFINITIONS.values():
        assert len(definition.sections) >= 2
        for section in definition.sections:
            assert 3 <= len(section.prompts) <= 6


@pytest.mark.parametrize("slug", ALL_TOOLS)
def test_worksheet_renders_prompts_and_fields(cast, slug):
    definition = definition_for(slug)
    response = cast.client("partner").get(_url(cast, slug))
    assert response.status_code == 200
    page = response.content.decode()
    for section in definition.sections:
        assert str(section.title) in page
        for prompt in section.prompts:
            assert str(prompt).replace("'", "&#x27;") in page
    for spec in definition.fields:
        assert f'name="answers-{spec.name}"' in page
    for table in definition.tables:
        assert f'name="{table.name}-TOTAL_FORMS"' in page


@pytest.mark.parametrize("slug", ALL_TOOLS)
def test_worksheet_saves_and_reads_back(cast, slug):
    definition = definition_for(slug)
    data, expected = form_post(definition, _partners(cast), version=0)
    response = cast.client("partner").post(_url(cast, slug), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    sheet = Worksheet.objects.get(collaboration=cast.collaboration, tool__slug=slug)
    assert sheet.answers == expected
    assert sheet.status == Worksheet.Status.IN_PROGRESS
    assert sheet.version == 1
    assert sheet.updated_by == cast.partner.user
    page = cast.client("viewer").get(_url(cast, slug)).content.decode()
    for spec in definition.fields:
        if spec.kind in ("text", "long_text"):
            assert expected[spec.name].split("\n")[0] in page


def test_saved_rows_come_back_in_the_form_and_can_be_reordered_and_removed(cast):
    slug = "engage-potential-partners"
    client = cast.client("partner")
    data = empty_post(definition_for(slug), version=0)
    data.update({"stakeholders-TOTAL_FORMS": "2"})
    for index, name in enumerate(["School district", "Harbor Logistics"]):
        data.update(
            {
                f"stakeholders-{index}-id": "",
                f"stakeholders-{index}-organization": name,
                f"stakeholders-{index}-sector": "business",
                f"stakeholders-{index}-ORDER": str(index + 1),
            }
        )
    client.post(_url(cast, slug), data)
    sheet = Worksheet.objects.get(tool__slug=slug)
    rows = sheet.answers["stakeholders"]
    assert [r["organization"] for r in rows] == ["School district", "Harbor Logistics"]
    assert all(r["id"] for r in rows)
    page = client.get(_url(cast, slug)).content.decode()
    assert ">\nHarbor Logistics</textarea>" in page
    # Swap the two rows and remove the first.
    data = empty_post(definition_for(slug), version=1)
    data.update({"stakeholders-TOTAL_FORMS": "2", "stakeholders-INITIAL_FORMS": "2"})
    for index, row in enumerate(rows):
        data.update(
            {
                f"stakeholders-{index}-id": row["id"],
                f"stakeholders-{index}-organization": row["organization"],
                f"stakeholders-{index}-sector": "business",
                f"stakeholders-{index}-ORDER": str(2 - index),
            }
        )
    reordered = client.post(_url(cast, slug), data)
    assert reordered.status_code == 302
    sheet.refresh_from_db()
    assert [r["organization"] for r in sheet.answers["stakeholders"]] == [
        "Harbor Logistics",
        "School district",
    ]
    data["stakeholders-0-DELETE"] = "on"
    data["version"] = "2"
    client.post(_url(cast, slug), data)
    sheet.refresh_from_db()
    assert [r["organization"] for r in sheet.answers["stakeholders"]] == ["Harbor Logistics"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("stakeholders-0-influence", "7", "Select a valid choice"),
        ("stakeholders-0-organization", "x" * 201, "201 characters long; the limit is 200"),
        ("stakeholders-0-sector", "aliens", "Select a valid choice"),
    ],
)
def test_bad_table_values_are_explained_and_nothing_is_lost(cast, field, value, message):
    slug = "engage-potential-partners"
    data = empty_post(definition_for(slug), version=0)
    data.update(
        {
            "stakeholders-TOTAL_FORMS": "1",
            "stakeholders-0-organization": "Kept organization",
            "stakeholders-0-stake": "Kept stake",
            "answers-networks": "Kept networks text",
        }
    )
    data[field] = value
    response = cast.client("partner").post(_url(cast, slug), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert "Kept stake" in page
    assert "Kept networks text" in page
    assert not Worksheet.objects.exists()


def test_malformed_date_and_foreign_partner_are_refused(cast):
    slug = "demonstrate-competency"
    definition = definition_for(slug)
    foreign = make_partner(make_collaboration(), name="Elsewhere Inc")
    data, _expected = form_post(definition, [cast.partner.partner_id], version=0)
    data["commitments-0-due"] = "31/02/2026"
    data["commitments-0-partner"] = str(foreign.pk)
    response = cast.client("partner").post(_url(cast, slug), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Enter a valid date" in page
    assert "Select a valid choice" in page
    assert 'value="31/02/2026"' in page
    assert not Worksheet.objects.exists()


@pytest.mark.parametrize("version", ["", "abc", "5"])
def test_tampered_version_is_a_400(cast, version):
    data = empty_post(definition_for("tell-the-story"), version=0)
    data["version"] = version
    response = cast.client("partner").post(_url(cast, "tell-the-story"), data)
    assert response.status_code == 400
    assert not Worksheet.objects.exists()


def test_unknown_row_id_is_a_400(cast):
    slug = "engage-potential-partners"
    data = empty_post(definition_for(slug), version=0)
    data.update(
        {
            "stakeholders-TOTAL_FORMS": "1",
            "stakeholders-0-id": "abc123",
            "stakeholders-0-organization": "Someone",
        }
    )
    response = cast.client("partner").post(_url(cast, slug), data)
    assert response.status_code == 400
    assert not Worksheet.objects.exists()


def test_two_saves_of_every_answer_from_the_same_version_ask_for_each_answer(cast):
    slug = "share-a-vision-of-success"
    definition = definition_for(slug)
    partners = _partners(cast)
    mine, _ = form_post(definition, partners, version=0, text="Vision from the partner")
    theirs, expected = form_post(definition, partners, version=0, text="Vision from Dana")
    first = cast.client("facilitator").post(_url(cast, slug), theirs)
    second = cast.client("partner").post(_url(cast, slug), mine)
    assert first.status_code == 302
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else changed the same" in page
    assert "Vision from Dana" in page  # theirs, shown beside
    assert "Vision from the partner" in page  # mine, still in the form
    # Only the text answers and text cells differ; each gets its own chooser.
    text_fields = [f.name for f in definition.fields if f.kind in ("text", "long_text")]
    keys = [item["conflict"].key for item in second.context["conflicts"]]
    cells = {f"partner_success:new-partne:{column}" for column in ("success", "benefit")}
    assert set(keys) == {*text_fields, *cells}  # not the partner column: both chose the same
    assert 'name="version" value="1"' in page  # nothing of mine was left to save
    sheet = Worksheet.objects.get()
    assert sheet.answers == expected
    # Keeping mine for every contested answer is saving the form with those choices.
    mine["version"] = "1"
    mine.update({f"resolve:{key}": "mine" for key in keys})
    assert cast.client("partner").post(_url(cast, slug), mine).status_code == 302
    sheet.refresh_from_db()
    assert sheet.version == 2
    assert "Vision from the partner" in str(sheet.answers)


def test_a_draft_may_be_incomplete_but_review_needs_required_answers(cast):
    slug = "engage-potential-partners"
    client = cast.client("partner")
    draft = client.post(_url(cast, slug), empty_post(definition_for(slug), 0))
    assert draft.status_code == 302
    ready = client.post(_url(cast, slug), empty_post(definition_for(slug), 1, action="ready"))
    assert ready.status_code == 422
    page = ready.content.decode()
    assert "Answer this before asking for review." in page
    assert "Add at least 1 row before asking for review." in page
    assert Worksheet.objects.get().status == Worksheet.Status.IN_PROGRESS


def test_review_workflow(cast):
    slug = "tell-the-story"
    definition = definition_for(slug)
    data, _ = form_post(definition, _partners(cast), version=0, action="ready")
    assert cast.client("partner").post(_url(cast, slug), data).status_code == 302
    sheet = Worksheet.objects.get()
    assert sheet.status == Worksheet.Status.READY_FOR_REVIEW
    review = reverse("stages:worksheet-review", args=[cast.collaboration.pk, slug])
    # Partners cannot complete their own work; viewers cannot touch it.
    assert (
        cast.client("partner").post(review, {"decision": "complete", "version": 1}).status_code
        == 403
    )
    assert (
        cast.client("viewer").post(review, {"decision": "complete", "version": 1}).status_code
        == 403
    )
    assert (
        cast.client("outsider").post(review, {"decision": "complete", "version": 1}).status_code
        == 404
    )
    # Sending back needs a note.
    back = cast.client("facilitator").post(review, {"decision": "return", "version": 1})
    assert back.status_code == 422
    assert "Say what needs more work" in back.content.decode()
    cast.client("facilitator").post(
        review, {"decision": "return", "version": 1, "note": "Add the outcomes numbers."}
    )
    sheet.refresh_from_db()
    assert sheet.status == Worksheet.Status.IN_PROGRESS
    page = cast.client("partner").get(_url(cast, slug)).content.decode()
    assert "Add the outcomes numbers." in page
    cast.client("facilitator").post(review, {"decision": "complete", "version": 2})
    sheet.refresh_from_db()
    assert sheet.status == Worksheet.Status.COMPLETE


def test_viewer_and_outsider_cannot_save(cast):
    slug = "tell-the-story"
    data, _ = form_post(definition_for(slug), _partners(cast), version=0)
    assert cast.client("viewer").post(_url(cast, slug), data).status_code == 403
    assert cast.client("outsider").post(_url(cast, slug), data).status_code == 404
    assert cast.client("anonymous").post(_url(cast, slug), data).status_code == 302
    assert not Worksheet.objects.exists()


def test_viewer_reads_answers_without_a_form(cast):
    slug = "tell-the-story"
    data, _ = form_post(definition_for(slug), _partners(cast), version=0, text="Our story so far")
    cast.client("partner").post(_url(cast, slug), data)
    page = cast.client("viewer").get(_url(cast, slug)).content.decode()
    assert "Our story so far" in page
    assert 'id="worksheet-form"' not in page


def _older_than_the_fold_window() -> None:
    """Autosaves by one person in a row read as one revision; these are further apart."""
    WorksheetRevision.objects.update(created_at=timezone.now() - timedelta(minutes=11))


def test_history_records_every_save_and_restores_as_a_new_version(cast):
    slug = "tell-the-story"
    definition = definition_for(slug)
    client = cast.client("partner")
    partners = _partners(cast)
    first, first_answers = form_post(definition, partners, 0, text="First draft")
    client.post(_url(cast, slug), first)
    _older_than_the_fold_window()
    second, _ = form_post(definition, partners[:1], 1, text="Second draft")
    client.post(_url(cast, slug), second)
    assert list(WorksheetRevision.objects.values_list("version", flat=True)) == [2, 1]
    page = client.get(_url(cast, slug)).content.decode()
    assert "Version 2" in page and "Version 1" in page
    restore = reverse("stages:worksheet-restore", args=[cast.collaboration.pk, slug, 1])
    assert cast.client("viewer").post(restore, {"version": 2}).status_code == 403
    assert client.post(restore, {"version": 2}).status_code == 302
    sheet = Worksheet.objects.get()
    assert sheet.version == 3
    assert sheet.answers["process_story"] == first_answers["process_story"]


def test_saving_unchanged_answers_makes_no_new_version(cast):
    slug = "tell-the-story"
    data, _ = form_post(definition_for(slug), _partners(cast), version=0)
    client = cast.client("partner")
    client.post(_url(cast, slug), data)
    data["version"] = "1"
    client.post(_url(cast, slug), data)
    assert Worksheet.objects.get().version == 1


def test_htmx_save_answers_with_the_save_state_only(cast):
    slug = "tell-the-story"
    data, _ = form_post(definition_for(slug), _partners(cast), version=0)
    response = cast.client("partner").post(_url(cast, slug), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    page = response.content.decode()
    # The text inside the page's one save-state live region, which stays in place.
    assert page.strip().startswith('<input type="hidden" name="version"')
    assert "<form" not in page
    assert 'id="save-state"' not in page
    assert "Saved at" in page
    assert 'name="version" value="1"' in page


def test_user_text_is_escaped_in_worksheets(cast):
    slug = "tell-the-story"
    data, _ = form_post(
        definition_for(slug), _partners(cast), 0, text="<img src=x onerror=alert(1)>"
    )
    cast.client("partner").post(_url(cast, slug), data)
    page = cast.client("viewer").get(_url(cast, slug)).content.decode()
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_members_of_other_collaborations_see_nothing(cast):
    other = make_member(make_collaboration(), Role.FACILITATOR)
    from django.test import Client

    client = Client()
    client.force_login(other.user)
    assert client.get(_url(cast, "tell-the-story")).status_code == 404


def test_history_names_only_the_answers_that_changed(cast):
    slug = "tell-the-story"
    definition = definition_for(slug)
    client = cast.client("partner")
    data = empty_post(definition, version=0)
    data["answers-process_story"] = "How we worked together."
    client.post(_url(cast, slug), data)
    _older_than_the_fold_window()
    data.update({"version": "1", "answers-lessons": "Start with the employers."})
    client.post(_url(cast, slug), data)
    newest, first = client.get(_url(cast, slug)).context["revisions"]
    labels = {f.name: str(f.label) for f in definition.fields}
    assert first.changed == [labels["process_story"]]
    assert newest.changed == [labels["lessons"]]


def test_the_error_summary_links_every_problem_to_its_field(cast):
    """A cell scrolled out of sight in a wide table is one link away from the summary."""
    slug = "agree-on-measures-of-success"
    response = cast.client("partner").post(_url(cast, slug), refused_post(definition_for(slug), 0))
    assert response.status_code == 422
    page = response.content.decode()
    summary = page[page.index('class="alert alert-danger error-summary"') :]
    summary = summary[: summary.index("</div>")]
    targets = re.findall(r'<a href="#([^"]+)">', summary)
    assert len(targets) == response.context["forms"].error_count > 5
    for target in targets:
        assert f'id="{target}"' in page
    assert "Indicators: Baseline, row 1: " in summary
    assert 'href="#id_indicators-0-responsible"' in summary


def test_a_send_back_note_shows_with_the_status_until_the_next_review_step(cast):
    """Partners read why the worksheet came back where they read its status, not only at
    the foot of the history; once they mark it ready again, the note leaves the status."""
    slug = "tell-the-story"
    partners = _partners(cast)
    data, _ = form_post(definition_for(slug), partners, version=0, action="ready")
    cast.client("partner").post(_url(cast, slug), data)
    review = reverse("stages:worksheet-review", args=[cast.collaboration.pk, slug])
    cast.client("facilitator").post(
        review, {"decision": "return", "version": 1, "note": "Add the outcomes numbers."}
    )
    page = cast.client("partner").get(_url(cast, slug)).content.decode()
    status = page.split('id="worksheet-status"', 1)[1].split("</section>", 1)[0]
    assert "Sent back for more work by" in status
    assert "Add the outcomes numbers." in status
    data, _ = form_post(definition_for(slug), partners, version=2, action="ready")
    cast.client("partner").post(_url(cast, slug), data)
    page = cast.client("partner").get(_url(cast, slug)).content.decode()
    assert "Sent back for more work by" not in page
