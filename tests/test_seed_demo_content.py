"""The demo collaboration's worksheets: seed_demo fills sixteen of the seventeen with content
that the worksheet forms accept unchanged, in a mix of statuses, and only once."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.html import escape

from collaborations.models import Collaboration
from demo.content import demo_answers
from demo.management.commands.seed_demo import COLLABORATION
from stages import services
from stages.models import Worksheet, WorksheetRevision
from stages.worksheets.declarations import DEFINITIONS, definition_for
from stages.worksheets.display import display
from stages.worksheets.forms import WorksheetForms, is_empty
from stages.worksheets.schema import Definition, Field, Kind

pytestmark = pytest.mark.django_db

COMPLETE = Worksheet.Status.COMPLETE
READY = Worksheet.Status.READY_FOR_REVIEW
IN_PROGRESS = Worksheet.Status.IN_PROGRESS

EXPECTED_STATUSES = {
    # Diagnosis: done.
    "engage-potential-partners": COMPLETE,
    "share-a-vision-of-success": COMPLETE,
    "assess-the-history": COMPLETE,
    "account-for-resources": COMPLETE,
    "establish-transparency-of-viewpoints": COMPLETE,
    # Design: mostly done, two waiting for review.
    "build-a-common-fact-base": COMPLETE,
    "agree-on-measures-of-success": COMPLETE,
    "commit-to-information-sharing": READY,
    "share-discretion": COMPLETE,
    "establish-a-governance-structure": COMPLETE,
    "identify-a-manager": READY,
    # Implementation: under way, one waiting for review.
    "communicate-interdependency": IN_PROGRESS,
    "demonstrate-competency": READY,
    "manage-expectations": IN_PROGRESS,
    "recruit-a-sponsor-or-champion": IN_PROGRESS,
    # Assessment: begun; "tell-the-story" not started, so it has no worksheet.
    "define-the-intent-of-the-evaluation": IN_PROGRESS,
}
SLUGS = list(EXPECTED_STATUSES)
ROW_ID = re.compile(r"[a-z0-9-]{1,40}")


def _seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(settings) -> Collaboration:
    settings.DEBUG = True
    _seed()
    return Collaboration.objects.get(name=COLLABORATION["name"])


def _worksheets(collaboration: Collaboration) -> dict[str, Worksheet]:
    sheets = Worksheet.objects.filter(collaboration=collaboration).select_related("tool")
    return {sheet.tool.slug: sheet for sheet in sheets}


def _posted(spec: Field, value):
    """A stored value as the worksheet page would post it back."""
    if spec.kind == Kind.PARTNERS:
        return [str(v) for v in value]
    if spec.kind in (Kind.SCALE, Kind.NUMBER, Kind.MONEY, Kind.PARTNER):
        return str(value)
    return value


def _post(definition: Definition, answers: dict) -> dict:
    """The form data that saving the worksheet unchanged would post."""
    data = {f"answers-{spec.name}": _posted(spec, answers[spec.name]) for spec in definition.fields}
    for table in definition.tables:
        rows = answers[table.name]
        data[f"{table.name}-TOTAL_FORMS"] = str(len(rows))
        data[f"{table.name}-INITIAL_FORMS"] = str(len(rows))
        for index, row in enumerate(rows):
            prefix = f"{table.name}-{index}"
            data[f"{prefix}-id"] = row["id"]
            data[f"{prefix}-ORDER"] = str(index + 1)
            for column in table.columns:
                data[f"{prefix}-{column.name}"] = _posted(column, row[column.name])
    return data


def test_demo_content_covers_every_tool(demo):
    partners = {p.name: p for p in demo.partners.all()}
    content = demo_answers(partners)
    assert set(content) == set(DEFINITIONS)
    assert content["tell-the-story"] == (Worksheet.Status.NOT_STARTED, {})


def test_sixteen_worksheets_in_a_mix_of_statuses(demo):
    sheets = _worksheets(demo)
    assert {slug: sheet.status for slug, sheet in sheets.items()} == EXPECTED_STATUSES
    assert "tell-the-story" not in sheets


def test_worksheets_are_written_by_the_partner_and_moved_on_by_the_facilitator(demo):
    users = {u.email: u for u in get_user_model().objects.all()}
    for slug, sheet in _worksheets(demo).items():
        revisions = list(sheet.revisions.order_by("version"))
        first = revisions[0]
        assert (first.version, first.status, first.user) == (
            1,
            IN_PROGRESS,
            users["partner@example.org"],
        ), slug
        if sheet.status == IN_PROGRESS:
            assert len(revisions) == 1, slug
        else:
            assert len(revisions) == 2, slug
            assert revisions[1].user == users["facilitator@example.org"], slug
        assert sheet.version == revisions[-1].version
        assert revisions[-1].answers == sheet.answers


def test_every_field_is_answered_and_every_table_has_rows(demo):
    for slug, sheet in _worksheets(demo).items():
        definition = definition_for(slug)
        answers = sheet.answers
        names = {spec.name for spec in definition.fields} | {t.name for t in definition.tables}
        assert set(answers) == names, slug
        for spec in definition.fields:
            assert not is_empty(answers[spec.name]), (slug, spec.name)
        for table in definition.tables:
            rows = answers[table.name]
            assert 2 <= len(rows) <= 6, (slug, table.name)
            ids = [row["id"] for row in rows]
            assert len(set(ids)) == len(ids), (slug, table.name)
            for row in rows:
                assert ROW_ID.fullmatch(row["id"]), row["id"]
                assert not row["id"].startswith("new-"), row["id"]
                assert set(row) == {"id", *(c.name for c in table.columns)}, (slug, row["id"])
                for column in table.columns:
                    assert not is_empty(row[column.name]), (slug, row["id"], column.name)


@pytest.mark.parametrize("slug", SLUGS)
def test_answers_pass_through_the_worksheet_forms_unchanged(demo, slug):
    sheet = _worksheets(demo)[slug]
    definition = definition_for(slug)
    partners = list(demo.partners.order_by("name"))
    blank = WorksheetForms(definition, sheet.answers, partners)
    forms = blank.bind(_post(definition, sheet.answers))
    assert forms.is_valid(), forms.answers_form.errors or {
        name: formset.errors for name, formset in forms.tables.items()
    }
    assert forms.check_ready_for_review()
    assert forms.answers() == sheet.answers
    assert not forms.unknown_rows(sheet.answers)


@pytest.mark.parametrize("slug", SLUGS)
def test_worksheet_page_shows_the_saved_answers(demo, client, slug):
    sheet = _worksheets(demo)[slug]
    definition = definition_for(slug)
    names = {p.pk: p.name for p in demo.partners.all()}
    client.force_login(get_user_model().objects.get(email="partner@example.org"))
    response = client.get(f"/collaborations/{demo.pk}/tools/{slug}/")
    assert response.status_code == 200
    content = response.content.decode()
    for table in definition.tables:
        first_row = sheet.answers[table.name][0]
        column = table.columns[0]
        text = display(column, first_row[column.name], names)
        assert text
        assert escape(text) in content, (slug, table.name, text)
        assert f'value="{first_row["id"]}"' in content, (slug, table.name)


def test_running_again_changes_no_worksheet(settings):
    settings.DEBUG = True
    assert "Demo worksheets filled: 16" in _seed()
    collaboration = Collaboration.objects.get(name=COLLABORATION["name"])
    before = {
        slug: (sheet.version, sheet.status, sheet.answers)
        for slug, sheet in _worksheets(collaboration).items()
    }
    revisions = WorksheetRevision.objects.count()
    assert "Demo worksheets filled: 0" in _seed()
    after = {
        slug: (sheet.version, sheet.status, sheet.answers)
        for slug, sheet in _worksheets(collaboration).items()
    }
    assert after == before
    assert WorksheetRevision.objects.count() == revisions


def test_running_again_keeps_what_partners_have_since_written(demo):
    sheet = _worksheets(demo)["manage-expectations"]
    partner = get_user_model().objects.get(email="partner@example.org")
    edited = {**sheet.answers, "patience": "Rewritten by the partners."}
    sheet = services.worksheet_save(
        worksheet=sheet, answers=edited, user=partner, version=sheet.version
    ).worksheet
    _seed()
    sheet.refresh_from_db()
    assert sheet.answers["patience"] == "Rewritten by the partners."
    assert Worksheet.objects.filter(collaboration=demo).count() == 16
