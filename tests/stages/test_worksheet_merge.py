"""Saves from the same page load merge: answer by answer, row by row, cell by cell; only the
same answer changed on both sides asks the person to choose, for that answer alone."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Role
from stages.models import RevisionKind, Worksheet, WorksheetRevision
from stages.worksheets.declarations import definition_for
from stages.worksheets.merge import merge, resolve
from tests.factories import make_member
from tests.stages.worksheet_data import answers_post

pytestmark = pytest.mark.django_db

VISION = "share-a-vision-of-success"
MAP = "engage-potential-partners"


def _url(cast, slug: str = VISION) -> str:
    return reverse("stages:worksheet", args=[cast.collaboration.pk, slug])


def _named(cast) -> None:
    for membership, first, last in [
        (cast.facilitator, "Maria", "Lopez"),
        (cast.partner, "Kofi", "Mensah"),
    ]:
        membership.user.first_name, membership.user.last_name = first, last
        membership.user.save()


def _save(client, cast, answers: dict, version: int, slug: str = VISION, **extra):
    data = answers_post(definition_for(slug), answers, version)
    data.update(extra)
    return client.post(_url(cast, slug), data)


def _sheet(slug: str = VISION) -> Worksheet:
    return Worksheet.objects.get(tool__slug=slug)


VISION_BASE = {
    "vision": "Every teenager has a summer job.",
    "goals": "Two hundred placements.",
    "ideal_outcomes": "Employers return every year.",
    "priorities": "Transport first.",
}


@pytest.fixture
def vision(cast):
    """The vision worksheet saved once by the facilitator (version 1)."""
    _named(cast)
    assert _save(cast.client("facilitator"), cast, VISION_BASE, 0).status_code == 302
    return _sheet()


# The merge itself, on stored answers.


def _stake(row_id: str, organization: str, **cells) -> dict:
    row = {
        "id": row_id,
        "organization": organization,
        "sector": "business",
        "stake": "",
        "influence": None,
        "interest": None,
        "closeness": "",
        "status": "",
    }
    return {**row, **cells}


def test_merge_takes_each_side_change_and_reports_what_came_from_theirs():
    definition = definition_for(VISION)
    base = dict(VISION_BASE)
    theirs = {**base, "ideal_outcomes": "Employers and schools return."}
    mine = {**base, "priorities": "Transport, then mentoring."}
    merged = merge(definition, base, theirs, mine)
    assert merged.conflicts == []
    assert merged.answers["ideal_outcomes"] == "Employers and schools return."
    assert merged.answers["priorities"] == "Transport, then mentoring."
    assert merged.taken == ["Ideal outcomes"]


def test_merge_of_the_same_answer_is_one_conflict_holding_theirs_or_mine():
    definition = definition_for(VISION)
    base = dict(VISION_BASE)
    theirs = {**base, "goals": "Theirs.", "vision": "Their vision."}
    mine = {**base, "goals": "Mine.", "priorities": "My priorities."}
    merged = merge(definition, base, theirs, mine)
    assert [c.key for c in merged.conflicts] == ["goals"]
    assert (merged.conflicts[0].mine, merged.conflicts[0].theirs) == ("Mine.", "Theirs.")
    assert merged.answers["goals"] == "Theirs."
    assert merged.answers["vision"] == "Their vision."
    assert merged.answers["priorities"] == "My priorities."
    preferred = merge(definition, base, theirs, mine, prefer_mine=True)
    assert preferred.answers["goals"] == "Mine."
    assert preferred.answers["vision"] == "Their vision."


def test_merge_of_table_rows_by_id_and_cells():
    definition = definition_for(MAP)
    a, b, c = _stake("r-a", "Alpha"), _stake("r-b", "Beta"), _stake("r-c", "Gamma")
    base = {"stakeholders": [a, b, c]}
    theirs = {
        "stakeholders": [
            {**a, "influence": 4},  # they change a cell
            b,
            _stake("r-t", "Theirs added"),  # they add a row after b
            # they remove c, which I leave alone
        ]
    }
    mine = {
        "stakeholders": [
            {**b, "stake": "Jobs"},  # I move b first and change another cell
            {**a, "interest": 2},  # and a different cell of a
            c,
            _stake("new-m", "Mine added"),
        ]
    }
    merged = merge(definition, base, theirs, mine)
    assert merged.conflicts == []
    rows = merged.answers["stakeholders"]
    assert [r["organization"] for r in rows] == ["Beta", "Theirs added", "Alpha", "Mine added"]
    alpha = next(r for r in rows if r["id"] == "r-a")
    assert (alpha["influence"], alpha["interest"]) == (4, 2)
    assert next(r for r in rows if r["id"] == "r-b")["stake"] == "Jobs"
    assert merged.taken == ["3 rows of Stakeholder map"]


def test_merge_of_a_row_changed_on_one_side_and_removed_on_the_other_is_a_conflict():
    definition = definition_for(MAP)
    a, b = _stake("r-a", "Alpha"), _stake("r-b", "Beta")
    base = {"stakeholders": [a, b]}
    theirs = {"stakeholders": [{**a, "stake": "Theirs"}, b]}
    mine = {"stakeholders": [{**b, "stake": "Mine"}]}  # I removed a, changed b
    merged = merge(definition, base, theirs, mine)
    assert [c.key for c in merged.conflicts] == ["stakeholders:r-a"]
    assert [r["id"] for r in merged.answers["stakeholders"]] == ["r-a", "r-b"]
    assert merged.answers["stakeholders"][1]["stake"] == "Mine"
    preferred = merge(definition, base, theirs, mine, prefer_mine=True)
    assert [r["id"] for r in preferred.answers["stakeholders"]] == ["r-b"]
    # The same cell changed on both sides is a conflict on that cell alone.
    mine = {"stakeholders": [{**a, "stake": "Mine", "influence": 1}, b]}
    merged = merge(definition, base, theirs, mine)
    assert [c.key for c in merged.conflicts] == ["stakeholders:r-a:stake"]
    assert merged.answers["stakeholders"][0]["influence"] == 1


def test_merge_of_partner_checkboxes_is_partner_by_partner():
    definition = definition_for("establish-a-governance-structure")
    table = next(t for t in definition.tables if any(c.kind == "partners" for c in t.columns))
    column = next(c.name for c in table.columns if c.kind == "partners")
    row = {"id": "r-1", **{c.name: None for c in table.columns}}
    base = {table.name: [{**row, column: [1, 2]}]}
    theirs = {table.name: [{**row, column: [1, 2, 3]}]}  # they tick 3
    mine = {table.name: [{**row, column: [2]}]}  # I untick 1
    merged = merge(definition, base, theirs, mine)
    assert merged.conflicts == []
    assert merged.answers[table.name][0][column] == [2, 3]


def test_resolve_applies_choices_for_answers_cells_and_rows():
    definition = definition_for(MAP)
    a, b = _stake("r-a", "Alpha", stake="Theirs"), _stake("r-b", "Beta")
    base = {"networks": "Theirs", "stakeholders": [a, b]}
    mine = {"networks": "Mine", "stakeholders": [{**a, "stake": "Mine"}]}
    resolved = resolve(
        definition,
        base,
        mine,
        {"networks": ("combined", "Both"), "stakeholders:r-a:stake": "theirs"},
    )
    assert resolved["networks"] == "Both"
    assert resolved["stakeholders"][0]["stake"] == "Theirs"
    resolved = resolve(definition, base, mine, {"stakeholders:r-b": "theirs"})
    assert [r["id"] for r in resolved["stakeholders"]] == ["r-a", "r-b"]


# Through the worksheet page.


def test_different_answers_from_the_same_page_load_both_kept_with_no_conflict(cast, vision):
    maria = _save(
        cast.client("facilitator"),
        cast,
        {**VISION_BASE, "ideal_outcomes": "Employers and schools return every year."},
        1,
    )
    assert maria.status_code == 302
    kofi_client = cast.client("partner")
    kofi = _save(kofi_client, cast, {**VISION_BASE, "priorities": "Transport, then pay."}, 1)
    assert kofi.status_code == 302
    sheet = _sheet()
    assert sheet.version == 3
    assert sheet.answers["ideal_outcomes"] == "Employers and schools return every year."
    assert sheet.answers["priorities"] == "Transport, then pay."
    page = kofi_client.get(kofi.url).content.decode()
    assert "Merged with Maria Lopez&#x27;s changes: Ideal outcomes." in page
    merge_revision = sheet.revisions.get(version=3)
    assert merge_revision.kind == RevisionKind.MERGED
    assert list(merge_revision.merged_with.all()) == [cast.facilitator.user]
    assert "Kofi Mensah merged with the changes of Maria Lopez" in page


def test_rows_added_by_two_people_from_the_same_page_load_are_both_kept(cast):
    base = {"stakeholders": [_stake("new-a", "Alpha")]}
    assert _save(cast.client("facilitator"), cast, base, 0, slug=MAP).status_code == 302
    theirs = {"stakeholders": [*base["stakeholders"], _stake("new-one", "School district")]}
    mine = {"stakeholders": [*base["stakeholders"], _stake("new-two", "Harbor Logistics")]}
    assert _save(cast.client("facilitator"), cast, theirs, 1, slug=MAP).status_code == 302
    assert _save(cast.client("partner"), cast, mine, 1, slug=MAP).status_code == 302
    rows = _sheet(MAP).answers["stakeholders"]
    assert [r["organization"] for r in rows] == ["Alpha", "School district", "Harbor Logistics"]


def test_a_row_removed_by_one_person_while_another_edits_it_asks_which_to_keep(cast):
    """Maria removes a row of the stakeholder map while Kofi, on the page loaded before,
    writes in that row: Kofi's save shows the conflict page with his row and her removal to
    choose from, the rest of his changes saved; keeping his brings the row back with what he
    wrote."""
    alpha, beta = _stake("new-a", "Alpha"), _stake("new-b", "Beta")
    base = {"stakeholders": [alpha, beta]}
    maria = cast.client("facilitator")
    assert _save(maria, cast, base, 0, slug=MAP).status_code == 302
    assert _save(maria, cast, {"stakeholders": [beta]}, 1, slug=MAP).status_code == 302
    kofi = cast.client("partner")
    mine = {"stakeholders": [{**alpha, "stake": "Summer jobs"}, {**beta, "influence": 3}]}
    response = _save(kofi, cast, mine, 1, slug=MAP)
    assert response.status_code == 409
    assert [item["conflict"].key for item in response.context["conflicts"]] == [
        "stakeholders:new-a"
    ]
    assert "Summer jobs" in response.content.decode()
    rows = _sheet(MAP).answers["stakeholders"]
    assert [(r["organization"], r["influence"]) for r in rows] == [("Beta", 3)]
    shown = response.context["forms"].tables["stakeholders"].initial
    assert [row["organization"] for row in shown] == ["Alpha", "Beta"]
    keep = _save(kofi, cast, mine, 3, slug=MAP, **{"resolve:stakeholders:new-a": "mine"})
    assert keep.status_code == 302
    rows = _sheet(MAP).answers["stakeholders"]
    assert [(r["organization"], r["stake"]) for r in rows] == [
        ("Alpha", "Summer jobs"),
        ("Beta", ""),
    ]


def test_rows_moved_by_someone_else_come_back_with_an_autosave_and_stay_moved(cast):
    """Maria moves the last row of the stakeholder map to the top while Kofi writes in
    another row: Kofi's autosave hands him the whole form again, in Maria's order and saying
    so, and his next autosave keeps her order."""
    rows = [_stake("new-a", "Alpha"), _stake("new-b", "Beta"), _stake("new-c", "Gamma")]
    alpha, beta, gamma = rows
    maria = cast.client("facilitator")
    assert _save(maria, cast, {"stakeholders": rows}, 0, slug=MAP).status_code == 302
    assert _save(maria, cast, {"stakeholders": [gamma, alpha, beta]}, 1, slug=MAP).status_code == (
        302
    )
    kofi = cast.client("partner")
    typed = {"stakeholders": [alpha, {**beta, "stake": "Jobs"}, gamma]}
    data = answers_post(definition_for(MAP), typed, 1)
    response = kofi.post(_url(cast, MAP), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#worksheet-form"
    assert "1 row of Stakeholder map" in response.content.decode()
    shown = response.context["forms"].tables["stakeholders"].initial
    assert [row["organization"] for row in shown] == ["Gamma", "Alpha", "Beta"]
    # The next autosave posts the form as it was handed back.
    more = {"stakeholders": [gamma, alpha, {**beta, "stake": "Jobs and training"}]}
    data = answers_post(definition_for(MAP), more, 3)
    assert kofi.post(_url(cast, MAP), data, headers={"HX-Request": "true"}).status_code == 200
    saved = _sheet(MAP).answers["stakeholders"]
    assert [(r["organization"], r["stake"]) for r in saved] == [
        ("Gamma", ""),
        ("Alpha", ""),
        ("Beta", "Jobs and training"),
    ]


def test_the_same_answer_asks_for_that_answer_alone_and_saves_the_rest(cast, vision):
    _save(cast.client("facilitator"), cast, {**VISION_BASE, "goals": "Maria's goals."}, 1)
    kofi = cast.client("partner")
    response = _save(
        kofi, cast, {**VISION_BASE, "goals": "Kofi's goals.", "priorities": "Kofi's priorities."}, 1
    )
    assert response.status_code == 409
    page = response.content.decode()
    conflicts = response.context["conflicts"]
    assert [item["conflict"].key for item in conflicts] == ["goals"]
    assert 'name="resolve:goals"' in page
    assert "Maria&#x27;s goals." in page and "Kofi&#x27;s goals." in page
    assert "Theirs (Maria Lopez)" in page
    assert "Maria Lopez saved while you were editing." in page
    # Kofi's other change is merged and saved already; the contested answer holds Maria's.
    sheet = _sheet()
    assert sheet.version == 3
    assert sheet.answers["priorities"] == "Kofi's priorities."
    assert sheet.answers["goals"] == "Maria's goals."
    assert 'name="version" value="3"' in page
    # The form holds Kofi's version of the contested answer; nothing else can be chosen.
    assert response.context["forms"].answers_form.initial["goals"] == "Kofi's goals."
    assert set(re.findall(r'name="resolve:([^"]+)"', page)) == {"goals"}
    # Taking theirs keeps Maria's; combining saves the combined text.
    form = {**sheet.answers, "goals": "Kofi's goals."}
    assert _save(kofi, cast, form, 3, **{"resolve:goals": "theirs"}).status_code == 302
    assert _sheet().answers["goals"] == "Maria's goals."
    assert _sheet().version == 3
    combined = {"resolve:goals": "combined", "combined:goals": "Maria's and Kofi's goals."}
    assert _save(kofi, cast, form, 3, **combined).status_code == 302
    assert _sheet().answers["goals"] == "Maria's and Kofi's goals."
    assert _sheet().answers["priorities"] == "Kofi's priorities."


def test_keeping_mine_on_the_conflict_page_keeps_everyone_elses_answers(cast, vision):
    _save(
        cast.client("facilitator"),
        cast,
        {**VISION_BASE, "goals": "Maria's goals.", "vision": "Maria's vision."},
        1,
    )
    kofi = cast.client("partner")
    conflict = _save(kofi, cast, {**VISION_BASE, "goals": "Kofi's goals."}, 1)
    assert conflict.status_code == 409
    # What the conflict page posts back: its form as shown, with "keep mine" chosen.
    shown = conflict.context["forms"].answers_form.initial
    response = _save(kofi, cast, dict(shown), 2, **{"resolve:goals": "mine"})
    assert response.status_code == 302
    answers = _sheet().answers
    assert answers["goals"] == "Kofi's goals."
    assert answers["vision"] == "Maria's vision."


def test_an_autosave_that_merges_sends_the_whole_form_back_with_the_news(cast, vision):
    _save(cast.client("facilitator"), cast, {**VISION_BASE, "vision": "Maria's vision."}, 1)
    data = answers_post(definition_for(VISION), {**VISION_BASE, "goals": "Kofi's goals."}, 1)
    response = cast.client("partner").post(_url(cast), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#worksheet-form"
    page = response.content.decode()
    assert page.lstrip().startswith("<form")
    assert "Maria&#x27;s vision." in page and "Kofi&#x27;s goals." in page
    assert "Merged with Maria Lopez&#x27;s changes: Vision statement." in page
    assert 'name="version" value="3"' in page


def test_a_restore_keeps_answers_changed_since_by_someone_else(cast, vision):
    maria = cast.client("facilitator")
    _save(maria, cast, {**VISION_BASE, "goals": "Second goals."}, 1)  # version 2
    # Kofi loads version 2 and restores version 1; meanwhile Maria changes the vision.
    _save(maria, cast, {**VISION_BASE, "goals": "Second goals.", "vision": "New vision."}, 2)
    restore = reverse("stages:worksheet-restore", args=[cast.collaboration.pk, VISION, 1])
    response = cast.client("partner").post(restore, {"version": 2}, follow=True)
    assert response.status_code == 200
    sheet = _sheet()
    assert sheet.answers["goals"] == VISION_BASE["goals"]
    assert sheet.answers["vision"] == "New vision."
    assert sheet.revisions.get(version=sheet.version).kind == RevisionKind.RESTORED
    # Restoring over an answer someone changed since leaves theirs and says so.
    _save(maria, cast, {**sheet.answers, "goals": "Maria again."}, sheet.version)
    restore = reverse("stages:worksheet-restore", args=[cast.collaboration.pk, VISION, 2])
    response = cast.client("partner").post(restore, {"version": sheet.version}, follow=True)
    assert "Left as they are" in response.content.decode()
    assert _sheet().answers["goals"] == "Maria again."


def test_a_review_decision_keeps_answers_saved_since_and_refuses_a_changed_status(cast, vision):
    review = reverse("stages:worksheet-review", args=[cast.collaboration.pk, VISION])
    _save(cast.client("partner"), cast, {**VISION_BASE, "goals": "Kofi's goals."}, 1)
    maria = cast.client("facilitator")
    response = maria.post(review, {"decision": "complete", "version": 1}, follow=True)
    assert "Merged with Kofi Mensah&#x27;s changes: Goals." in response.content.decode()
    sheet = _sheet()
    assert (sheet.status, sheet.answers["goals"]) == ("complete", "Kofi's goals.")
    assert sheet.revisions.get(version=3).kind == RevisionKind.COMPLETED
    # Someone reopens it; a decision made on the page loaded before is refused.
    maria.post(review, {"decision": "return", "version": 3, "note": "One more look."})
    assert _sheet().revisions.get(version=4).kind == RevisionKind.REOPENED
    response = maria.post(review, {"decision": "complete", "version": 3}, follow=True)
    assert "changed this worksheet&#x27;s status" in response.content.decode()
    assert _sheet().status == "in_progress"


def test_a_refused_review_decision_keeps_the_note_typed_for_it(cast, vision):
    """Two facilitators review the same worksheet: the second one's send-back, made on the
    page loaded before the first one marked it complete, is refused with the reason beside the
    note, and the note written comes back in the form, ready to send again."""
    review = reverse("stages:worksheet-review", args=[cast.collaboration.pk, VISION])
    other = make_member(cast.collaboration, Role.FACILITATOR)
    client = cast.client("facilitator")
    assert client.post(review, {"decision": "complete", "version": 1}).status_code == 302
    second = Client()
    second.force_login(other.user)
    note = "Section two still names only one goal; add the other two."
    response = second.post(review, {"decision": "return", "version": 1, "note": note})
    assert response.status_code == 409
    page = response.content.decode()
    form = page.split('id="review-heading"')[1]
    assert note in form
    assert "changed this worksheet&#x27;s status" in form
    assert 'name="version" value="2"' in form
    assert _sheet().status == "complete"
    # Sent again from the page as shown, the decision is taken.
    assert second.post(review, {"decision": "return", "version": 2, "note": note}).status_code == (
        302
    )
    assert _sheet().status == "in_progress"


def test_every_kind_of_revision_is_recorded_and_shown_on_the_dashboard(cast, vision):
    review = reverse("stages:worksheet-review", args=[cast.collaboration.pk, VISION])
    kofi, maria = cast.client("partner"), cast.client("facilitator")
    _save(kofi, cast, {**VISION_BASE, "goals": "More goals."}, 1, action="ready")
    maria.post(review, {"decision": "return", "version": 2, "note": "Add numbers."})
    maria.post(review, {"decision": "complete", "version": 3})
    restore = reverse("stages:worksheet-restore", args=[cast.collaboration.pk, VISION, 1])
    kofi.post(restore, {"version": 4})
    kinds = list(WorksheetRevision.objects.order_by("version").values_list("kind", flat=True))
    assert kinds == ["saved", "marked_ready", "sent_back", "completed", "restored"]
    dashboard = maria.get(reverse("collaboration", args=[cast.collaboration.pk]))
    page = dashboard.content.decode()
    for shown in ["restored", "completed", "sent back", "marked ready for review"]:
        assert shown in page
    assert "reviewed" not in page


def test_one_persons_autosaves_within_ten_minutes_read_as_one_revision(cast, vision):
    maria = cast.client("facilitator")
    for version, goals in enumerate(["G1", "G2", "G3"], start=1):
        _save(maria, cast, {**VISION_BASE, "goals": goals}, version)
    page = maria.get(_url(cast))
    shown = [r.version for r in page.context["revisions"]]
    assert shown == [4]
    assert page.context["revisions"][0].changed == [
        "Vision statement",
        "Goals",
        "Ideal outcomes",
        "Priorities",
    ]
    # Every version stays a merge base.
    assert WorksheetRevision.objects.count() == 4
    # Ten minutes later, or another person, or a status change: a new revision.
    WorksheetRevision.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    _save(maria, cast, {**VISION_BASE, "goals": "G4"}, 4)
    _save(cast.client("partner"), cast, {**VISION_BASE, "goals": "G5"}, 5)
    _save(cast.client("partner"), cast, {**VISION_BASE, "goals": "G5"}, 6, action="ready")
    shown = [r.version for r in maria.get(_url(cast)).context["revisions"]]
    assert shown == [7, 6, 5, 4]


def test_revisions_saved_before_kinds_were_recorded_get_theirs(cast, vision):
    from importlib import import_module

    from django.apps import apps

    infer_kinds = import_module("stages.migrations.0006_revision_kind").infer_kinds
    user = cast.facilitator.user
    for version, status, note in [
        (2, "ready_for_review", ""),
        (3, "in_progress", "Add numbers."),
        (4, "ready_for_review", ""),
        (5, "complete", ""),
        (6, "in_progress", "One more look."),
        (7, "in_progress", "Restored version 1."),
        (8, "in_progress", ""),
    ]:
        WorksheetRevision.objects.create(
            worksheet=vision, version=version, status=status, note=note, user=user
        )
    infer_kinds(apps, None)
    kinds = list(WorksheetRevision.objects.order_by("version").values_list("kind", flat=True))
    assert kinds == [
        "saved",
        "marked_ready",
        "sent_back",
        "marked_ready",
        "completed",
        "reopened",
        "restored",
        "saved",
    ]
