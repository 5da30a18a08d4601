"""Worksheets in a real browser: autosave, tables, two people saving at once, the same work
with JavaScript turned off, and an axe audit of every kind of worksheet page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from collaborations.models import Role, Sector
from stages import services
from stages.models import Comment, Measurement, SignOff, Tool, Worksheet
from tests.factories import make_member, make_partner, make_user

# Autosave fires 1.2 s after the last keystroke, then waits for the server.
AUTOSAVE = 10_000


def saved(cast, slug: str) -> Worksheet:
    return Worksheet.objects.get(collaboration=cast.collaboration, tool__slug=slug)


def expect_autosaved(page: Page, version: int) -> None:
    """Wait for the autosave that takes the worksheet to `version`."""
    state = page.locator("#save-state")
    expect(state.locator('input[name="version"]')).to_have_value(str(version), timeout=AUTOSAVE)
    expect(state).to_contain_text("Saved at", timeout=AUTOSAVE)


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    """Browser contexts made by `open_as`, closed at the end of the test."""
    made: list[BrowserContext] = []
    yield made
    for context in made:
        context.close()


@pytest.fixture
def open_as(browser: Browser, sign_in, contexts, live_server):
    """A page in a fresh browser context signed in as `user`, at `path`."""

    def open_as(user, path: str, **context_options) -> Page:
        context = browser.new_context(**context_options)
        contexts.append(context)
        sign_in(context, user)
        page = context.new_page()
        response = page.goto(live_server.url + path)
        assert response is not None
        assert response.ok, f"{response.status} for {response.url}"
        return page

    return open_as


def tool_path(cast, slug: str) -> str:
    return f"/collaborations/{cast.collaboration.pk}/tools/{slug}/"


# 1. Autosave


def test_autosave_saves_typed_text_without_a_click(open_as, cast):
    page = open_as(cast.partner.user, tool_path(cast, "tell-the-story"))
    story = "We met in the library basement.\nEvery Tuesday for a year."
    page.locator("#worksheet-form textarea").first.fill(story)

    expect(page.locator("#save-state")).to_contain_text("Saved at", timeout=AUTOSAVE)
    sheet = saved(cast, "tell-the-story")
    assert sheet.version == 1
    assert sheet.answers["process_story"] == story
    assert sheet.updated_by == cast.partner.user

    page.reload()
    expect(page.get_by_role("textbox", name="The process story", exact=True)).to_have_value(story)
    expect(page.locator("#save-state")).to_contain_text("Last saved")


def test_the_save_state_is_one_live_region_that_says_unsaved_once_per_burst(open_as, cast):
    """Screen readers announce changes inside a live region that stays; the region is never
    replaced, and "Unsaved changes" is set once while typing, not at every keystroke."""
    page = open_as(cast.partner.user, tool_path(cast, "tell-the-story"))
    page.evaluate(
        """() => {
            const region = document.getElementById("save-state");
            window.liveRegion = region;
            window.said = [];
            new MutationObserver(() => window.said.push(region.textContent.trim()))
                .observe(region, { childList: true, subtree: true, characterData: true });
        }"""
    )
    page.locator("#worksheet-form textarea").first.press_sequentially("Tuesdays", delay=40)
    expect(page.locator("#save-state")).to_contain_text("Saved at", timeout=AUTOSAVE)
    said = page.evaluate("window.said")
    assert said.count("Unsaved changes…") == 1, said
    assert page.evaluate('window.liveRegion === document.getElementById("save-state")')
    assert page.evaluate("window.liveRegion.isConnected")
    page.locator("#worksheet-form textarea").first.press_sequentially(" too", delay=40)
    expect(page.locator("#save-state")).to_contain_text("Unsaved changes…")
    assert page.evaluate("window.said").count("Unsaved changes…") == 2


def test_on_a_phone_each_row_is_a_card_of_labelled_fields(open_as, cast):
    page = open_as(
        cast.partner.user,
        tool_path(cast, "engage-potential-partners"),
        viewport={"width": 390, "height": 800},
    )
    table = page.locator(".worksheet-table").first
    label = table.locator("label.cell-label", has_text="Organization").first
    expect(label).to_be_visible()
    field = table.get_by_label("Organization, row 1")
    # The label sits above its field, both within the screen's width.
    assert label.bounding_box()["y"] < field.bounding_box()["y"]
    assert field.bounding_box()["x"] + field.bounding_box()["width"] <= 390
    page.set_viewport_size({"width": 1280, "height": 800})
    # Beside a wide table the label is for screen readers only.
    assert label.bounding_box()["width"] <= 1
    expect(table.locator("th", has_text="Organization")).to_be_visible()


def test_autosave_twice_with_an_added_row_keeps_one_copy_of_each_row(open_as, cast):
    page = open_as(cast.partner.user, tool_path(cast, "engage-potential-partners"))
    table = page.locator('fieldset[data-prefix="stakeholders"]')
    rows = table.locator("tbody.rows > tr")
    # The blank row is always there; the button adds a second one.
    expect(rows).to_have_count(1)
    table.get_by_label("Organization, row 1").fill("Workforce Alliance")
    table.get_by_label("Sector, row 1").select_option("nonprofit")
    add_row = table.get_by_role("button", name="Add a row")
    expect(add_row).to_be_visible()
    add_row.click()
    expect(rows).to_have_count(2)
    expect(table.get_by_label("Organization, row 2")).to_be_focused()
    table.get_by_label("Organization, row 2").fill("City Hall")
    table.get_by_label("Sector, row 2").select_option("government")
    expect_autosaved(page, 1)
    first = saved(cast, "engage-potential-partners")
    assert [(r["organization"], r["sector"]) for r in first.answers["stakeholders"]] == [
        ("Workforce Alliance", "nonprofit"),
        ("City Hall", "government"),
    ]

    # More typing: a second autosave sends the same rows again, with the same ids.
    table.get_by_label("Stake in the issue, row 2").fill("Runs the summer jobs program")
    page.get_by_role("textbox", name="Existing networks and efforts", exact=True).fill(
        "The Youth Council"
    )
    expect_autosaved(page, 2)

    second = saved(cast, "engage-potential-partners")
    assert second.version == 2
    stakeholders = second.answers["stakeholders"]
    assert [(r["organization"], r["sector"], r["stake"]) for r in stakeholders] == [
        ("Workforce Alliance", "nonprofit", ""),
        ("City Hall", "government", "Runs the summer jobs program"),
    ]
    assert [r["id"] for r in stakeholders] == [r["id"] for r in first.answers["stakeholders"]]
    assert len({r["id"] for r in stakeholders}) == 2
    assert second.answers["networks"] == "The Youth Council"

    page.reload()
    expect(rows).to_have_count(3)  # the two saved rows and a blank one
    expect(table.get_by_label("Organization, row 2")).to_have_value("City Hall")
    expect(table.get_by_label("Organization, row 3")).to_have_value("")


# 2. Two people saving the same worksheet


VISION = "share-a-vision-of-success"


def vision_box(page: Page, label: str = "Vision statement"):
    return page.get_by_role("textbox", name=label, exact=True)


def test_two_people_editing_different_answers_both_keep_their_work(open_as, cast):
    """A and B open the vision worksheet from the same version; A's text is autosaved first,
    then B, on the older page, changes another answer: no conflict, and B's page shows A's."""
    path = tool_path(cast, VISION)
    first = open_as(cast.partner.user, path)
    second = open_as(cast.facilitator.user, path)
    vision_box(first).fill("Every teenager has a summer job.")
    expect_autosaved(first, 1)

    vision_box(second, "Priorities").fill("Transport first, then mentoring.")
    expect_autosaved(second, 2)
    expect(second.locator("#save-state")).to_contain_text(
        "Merged with part@example.org's changes: Vision statement."
    )
    expect(second.locator(".conflict")).to_have_count(0)
    # The merged form shows A's answer beside B's, and B's next save keeps both.
    expect(vision_box(second)).to_have_value("Every teenager has a summer job.")
    expect(vision_box(second, "Priorities")).to_have_value("Transport first, then mentoring.")
    vision_box(second, "Goals").fill("Two hundred placements.")
    expect_autosaved(second, 3)
    answers = saved(cast, VISION).answers
    assert answers["vision"] == "Every teenager has a summer job."
    assert answers["priorities"] == "Transport first, then mentoring."
    assert answers["goals"] == "Two hundred placements."


def test_two_people_adding_rows_from_the_same_page_load_keep_both_rows(open_as, cast):
    slug = "engage-potential-partners"
    first = open_as(cast.partner.user, tool_path(cast, slug))
    second = open_as(cast.facilitator.user, tool_path(cast, slug))
    first.get_by_label("Organization, row 1").fill("Workforce Alliance")
    expect_autosaved(first, 1)
    second.get_by_label("Organization, row 1").fill("City Hall")
    expect_autosaved(second, 2)
    expect(second.locator(".conflict")).to_have_count(0)
    rows = saved(cast, slug).answers["stakeholders"]
    assert [r["organization"] for r in rows] == ["Workforce Alliance", "City Hall"]
    # B's form now holds both rows, so B's next change touches neither of A's.
    expect(second.get_by_label("Organization, row 1")).to_have_value("Workforce Alliance")
    expect(second.get_by_label("Organization, row 2")).to_have_value("City Hall")
    second.get_by_label("Stake in the issue, row 2").fill("Permits")
    expect_autosaved(second, 3)
    rows = saved(cast, slug).answers["stakeholders"]
    assert [(r["organization"], r["stake"]) for r in rows] == [
        ("Workforce Alliance", ""),
        ("City Hall", "Permits"),
    ]


def test_without_javascript_different_answers_merge_too(open_as, cast):
    path = tool_path(cast, VISION)
    first = open_as(cast.partner.user, path, java_script_enabled=False)
    second = open_as(cast.facilitator.user, path, java_script_enabled=False)
    vision_box(first).fill("Every teenager has a summer job.")
    first.get_by_role("button", name="Save", exact=True).click()
    expect(first.locator(".messages")).to_contain_text("Saved.")
    vision_box(second, "Ideal outcomes").fill("Employers come back every year.")
    second.get_by_role("button", name="Save", exact=True).click()
    expect(second.locator(".messages")).to_contain_text(
        "Merged with part@example.org's changes: Vision statement."
    )
    expect(vision_box(second)).to_have_value("Every teenager has a summer job.")
    expect(vision_box(second, "Ideal outcomes")).to_have_value("Employers come back every year.")


def test_presence_shows_who_else_is_here_and_offers_their_saved_answers(open_as, cast):
    path = tool_path(cast, VISION)
    first = open_as(cast.partner.user, path)
    second = open_as(cast.facilitator.user, path)
    # Shown from the start to the one who came second, and by the heartbeat to the first.
    expect(second.locator("#presence")).to_contain_text("part@example.org")
    expect(first.locator("#presence")).to_contain_text(
        "fac@example.org is also on this page.", timeout=30_000
    )
    vision_box(first).fill("Every teenager has a summer job.")
    expect_autosaved(first, 1)
    notice = second.locator("#presence .presence-saved")
    expect(notice).to_contain_text("part@example.org saved", timeout=30_000)
    expect(notice).to_contain_text("Vision statement")
    expect(vision_box(second)).to_have_value("")  # nothing changes until asked
    notice.get_by_role("button", name="Update the answers you are not editing").click()
    expect(vision_box(second)).to_have_value("Every teenager has a summer job.", timeout=AUTOSAVE)
    expect(second.locator(".conflict")).to_have_count(0)
    expect(notice).to_have_count(0)
    vision_box(second, "Goals").fill("Two hundred placements.")
    expect_autosaved(second, 2)
    answers = saved(cast, VISION).answers
    assert answers["vision"] == "Every teenager has a summer job."
    assert answers["goals"] == "Two hundred placements."


@pytest.fixture
def conflicting_pages(open_as, cast) -> tuple[Page, Page]:
    """A (a partner) and B (a facilitator) both open the vision worksheet at version 0; A's
    text is autosaved first, then B types over the same answer and another one, and gets
    the conflict view for the contested answer alone."""
    path = tool_path(cast, VISION)
    mine = open_as(cast.partner.user, path)
    theirs = open_as(cast.facilitator.user, path)
    vision_box(mine).fill("Every teenager has a summer job.")
    expect_autosaved(mine, 1)

    vision_box(theirs, "Priorities").fill("Transport first.")
    vision_box(theirs).fill("Half the teenagers work by 2027.")
    conflict = theirs.locator(".conflict")
    expect(conflict).to_be_visible(timeout=AUTOSAVE)
    expect(conflict).to_contain_text("Someone else changed the same answer")
    items = conflict.locator(".conflict-item")
    expect(items).to_have_count(1)
    expect(items.first.locator("legend")).to_have_text("Vision statement")
    expect(items.first.locator(".theirs")).to_contain_text("Every teenager has a summer job.")
    expect(items.first.locator(".mine")).to_contain_text("Half the teenagers work by 2027.")
    # What B typed is still in the form; B's other answer is saved already.
    expect(vision_box(theirs)).to_have_value("Half the teenagers work by 2027.")
    expect(vision_box(theirs, "Priorities")).to_have_value("Transport first.")
    expect(theirs.locator('#save-state input[name="version"]')).to_have_value("2")
    sheet = saved(cast, VISION)
    assert (sheet.version, sheet.answers["priorities"]) == (2, "Transport first.")
    assert sheet.answers["vision"] == "Every teenager has a summer job."
    return mine, theirs


def hold_first_save(page, path: str, box, text: str):
    """Types `text` in `box` and holds the autosave it starts on its way: returns the request,
    to be let go (`continue_()`) when the test has done what happens meanwhile."""
    held = []

    def hold(route):
        if route.request.method == "POST" and not held:  # the first autosave waits
            held.append(route)
        else:
            route.continue_()

    page.route(f"**{path}", hold)
    box.fill(text)
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1
    return held[0]


def test_what_is_typed_while_a_save_meets_a_conflict_stays_in_the_conflict_view(open_as, cast):
    """A's vision is saved; B, on the older page, writes another vision and goes on to the
    priorities while that save is on its way. The conflict view that comes back still holds
    the priorities B typed meanwhile, and B's choice saves them too."""
    path = tool_path(cast, VISION)
    mine = open_as(cast.partner.user, path)
    theirs = open_as(cast.facilitator.user, path)
    vision_box(mine).fill("Every teenager has a summer job.")
    expect_autosaved(mine, 1)

    save = hold_first_save(theirs, path, vision_box(theirs), "Half the teenagers work by 2027.")
    vision_box(theirs, "Priorities").fill("Transport first.")
    save.continue_()

    conflict = theirs.locator(".conflict")
    expect(conflict).to_be_visible(timeout=AUTOSAVE)
    expect(vision_box(theirs)).to_have_value("Half the teenagers work by 2027.")
    expect(vision_box(theirs, "Priorities")).to_have_value("Transport first.")
    theirs.get_by_role("radio", name="Take theirs").check()
    theirs.get_by_role("button", name="Save my choices").click()
    expect(theirs.locator(".conflict")).to_have_count(0)
    answers = saved(cast, VISION).answers
    assert answers["vision"] == "Every teenager has a summer job."
    assert answers["priorities"] == "Transport first."


def test_what_is_typed_while_a_save_merges_survives_a_presence_update_meanwhile(open_as, cast):
    """A saves the goals; B, on the older page, writes the vision and goes on to the priorities
    while that save is on its way, and the line saying who is here is renewed meanwhile. The
    merged form that comes back holds A's goals and B's priorities, and saves them."""
    path = tool_path(cast, VISION)
    mine = open_as(cast.partner.user, path)
    theirs = open_as(cast.facilitator.user, path)
    vision_box(mine, "Goals").fill("Two hundred placements.")
    expect_autosaved(mine, 1)

    save = hold_first_save(theirs, path, vision_box(theirs), "Every teenager has a summer job.")
    vision_box(theirs, "Priorities").fill("Transport first.")
    # The heartbeat's request, made now rather than in twenty seconds.
    theirs.evaluate(
        """() => window.htmx.ajax("POST", document.getElementById("presence").dataset.hxPost,
        {source: "#presence", target: "#presence", swap: "outerHTML"})"""
    )
    expect(theirs.locator("#presence .presence-saved")).to_be_visible(timeout=AUTOSAVE)
    save.continue_()

    expect_autosaved(theirs, 3)
    expect(vision_box(theirs, "Goals")).to_have_value("Two hundred placements.")
    expect(vision_box(theirs, "Priorities")).to_have_value("Transport first.")
    answers = saved(cast, VISION).answers
    assert answers["vision"] == "Every teenager has a summer job."
    assert answers["goals"] == "Two hundred placements."
    assert answers["priorities"] == "Transport first."


def test_conflict_keep_mine_keeps_my_answer_and_their_others(conflicting_pages, cast):
    _, page = conflicting_pages
    page.get_by_role("radio", name="Keep mine").check()
    page.get_by_role("button", name="Save my choices").click()

    expect(page.locator(".messages")).to_contain_text("Saved.")
    expect(page.locator(".conflict")).to_have_count(0)
    expect(vision_box(page)).to_have_value("Half the teenagers work by 2027.")
    sheet = saved(cast, VISION)
    assert sheet.version == 3
    assert sheet.answers["vision"] == "Half the teenagers work by 2027."
    assert sheet.answers["priorities"] == "Transport first."
    assert sheet.updated_by == cast.facilitator.user


def test_conflict_take_theirs_keeps_their_answer_and_my_others(conflicting_pages, cast):
    _, page = conflicting_pages
    page.get_by_role("radio", name="Take theirs").check()
    page.get_by_role("button", name="Save my choices").click()

    expect(page.locator(".conflict")).to_have_count(0)
    expect(vision_box(page)).to_have_value("Every teenager has a summer job.")
    sheet = saved(cast, VISION)
    assert sheet.answers["vision"] == "Every teenager has a summer job."
    assert sheet.answers["priorities"] == "Transport first."


def test_conflict_combined_text_is_saved(conflicting_pages, cast):
    _, page = conflicting_pages
    combined = page.get_by_label("Combined text (edit it, then choose it above)")
    expect(combined).to_have_value(
        "Half the teenagers work by 2027.\n\nEvery teenager has a summer job."
    )
    combined.fill("Every teenager has a summer job; half of them by 2027.")
    page.get_by_role("radio", name="Keep the combined text below").check()
    page.get_by_role("button", name="Save my choices").click()

    expect(page.locator(".conflict")).to_have_count(0)
    sheet = saved(cast, VISION)
    assert sheet.answers["vision"] == "Every teenager has a summer job; half of them by 2027."
    assert sheet.answers["priorities"] == "Transport first."


# 3. Without JavaScript


def test_without_javascript_save_and_ready_for_review(open_as, cast):
    slug = "define-the-intent-of-the-evaluation"
    page = open_as(cast.partner.user, tool_path(cast, slug), java_script_enabled=False)
    expect(page.get_by_role("button", name="Add a row")).to_be_hidden()
    intent = page.get_by_role("textbox", name="Agreed intent", exact=True)
    intent.fill("Learn whether the summer jobs lead to second jobs.")
    table = page.locator('fieldset[data-prefix="intents"]')
    table.get_by_label("Partner, row 1").select_option(label="Workforce Alliance")
    table.get_by_label("Purpose, row 1").select_option("outcomes")
    table.get_by_label("Why, row 1").fill("Our funder asks for it.")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messages")).to_contain_text("Saved.")
    expect(intent).to_have_value("Learn whether the summer jobs lead to second jobs.")
    expect(table.get_by_label("Partner, row 1")).to_have_value(str(cast.partner.partner.pk))
    expect(table.get_by_label("Purpose, row 1")).to_have_value("outcomes")
    expect(table.get_by_label("Why, row 1")).to_have_value("Our funder asks for it.")
    expect(table.get_by_label("Why, row 2")).to_have_value("")  # the blank row
    sheet = saved(cast, slug)
    assert sheet.version == 1
    assert sheet.answers["agreed_intent"] == "Learn whether the summer jobs lead to second jobs."
    assert [(r["partner"], r["purpose"], r["why"]) for r in sheet.answers["intents"]] == [
        (cast.partner.partner.pk, "outcomes", "Our funder asks for it.")
    ]

    # Asking for review with a required answer ("Evaluation questions") missing.
    page.get_by_role("textbox", name="Method", exact=True).fill("Surveys at 6 and 12 months.")
    page.get_by_role("button", name="Save and mark ready for review").click()

    expect(page.get_by_role("alert").filter(has_text="Please correct")).to_be_visible()
    questions = page.get_by_role("textbox", name="Evaluation questions", exact=True)
    expect(questions).to_have_value("")
    # Once beside the field, and once as a link to it in the summary.
    error = page.locator("#worksheet-form .invalid-feedback", has_text="Answer this before")
    expect(error).to_have_count(1)
    expect(
        page.locator(".error-summary").get_by_role(
            "link", name="Evaluation questions: Answer this before asking for review."
        )
    ).to_have_attribute("href", "#id_answers-questions")
    # The message sits with the field it is about.
    field_group = page.locator("#div_id_answers-questions")
    expect(field_group).to_contain_text("Answer this before asking for review.")
    expect(page.get_by_role("textbox", name="Method", exact=True)).to_have_value(
        "Surveys at 6 and 12 months."
    )
    expect(intent).to_have_value("Learn whether the summer jobs lead to second jobs.")
    expect(table.get_by_label("Why, row 1")).to_have_value("Our funder asks for it.")
    sheet = saved(cast, slug)
    assert sheet.version == 1
    assert sheet.status == Worksheet.Status.IN_PROGRESS
    assert sheet.answers["method"] == ""


def test_without_javascript_an_invalid_date_is_refused(open_as, cast):
    slug = "demonstrate-competency"
    page = open_as(cast.partner.user, tool_path(cast, slug), java_script_enabled=False)
    table = page.locator('fieldset[data-prefix="commitments"]')
    table.get_by_label("Commitment, row 1").fill("Host 20 interns")
    due = table.get_by_label("Due date, row 1")
    # A browser without a date picker shows a plain text box, where anything can be typed.
    due.evaluate("input => { input.type = 'text'; }")
    due.fill("31/02/2026")
    page.get_by_role("textbox", name="Capacity gaps", exact=True).fill(
        "No one to supervise on Fridays."
    )
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("alert").filter(has_text="Please correct")).to_be_visible()
    row = table.locator("tbody.rows > tr").first
    expect(row).to_contain_text("Enter a valid date.")
    expect(table.get_by_label("Commitment, row 1")).to_have_value("Host 20 interns")
    expect(page.get_by_role("textbox", name="Capacity gaps", exact=True)).to_have_value(
        "No one to supervise on Fridays."
    )
    assert not Worksheet.objects.filter(collaboration=cast.collaboration, tool__slug=slug).exists()


# 4. Accessibility


def audit(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


# Every worksheet, with its errors showing, is audited at two widths in test_accessibility.py.


def test_read_only_worksheet_has_no_axe_violations(open_as, cast):
    slug = "engage-potential-partners"
    services.worksheet_save(
        worksheet=Worksheet.for_tool(cast.collaboration, Tool.objects.get(slug=slug)),
        answers={
            "stakeholders": [
                {
                    "id": "new-0123456789ab",
                    "organization": "City Hall",
                    "sector": Sector.GOVERNMENT,
                    "stake": "Runs the summer jobs program",
                    "influence": 5,
                    "interest": 3,
                    "closeness": "",
                    "status": "contacted",
                }
            ],
            "networks": "The Youth Council.\nThe Chamber of Commerce.",
            "alignment": "",
        },
        user=cast.partner.user,
        version=0,
    )
    page = open_as(cast.viewer.user, tool_path(cast, slug))
    expect(page.locator("#worksheet-form")).to_have_count(0)
    expect(page.get_by_role("main")).to_contain_text("Runs the summer jobs program")
    expect(page.get_by_role("main")).to_contain_text("The Chamber of Commerce.")
    audit(page)


def test_conflict_view_has_no_axe_violations(open_as, cast):
    slug = "share-a-vision-of-success"
    page = open_as(cast.partner.user, tool_path(cast, slug))
    # Someone else saves while the page is open.
    services.worksheet_save(
        worksheet=Worksheet.for_tool(cast.collaboration, Tool.objects.get(slug=slug)),
        answers={"vision": "Every teenager has a summer job.", "partner_success": []},
        user=cast.facilitator.user,
        version=0,
    )
    page.get_by_role("textbox", name="Vision statement", exact=True).fill(
        "Half the teenagers work by 2027."
    )
    expect(page.locator(".conflict")).to_be_visible(timeout=AUTOSAVE)
    expect(page.locator(".conflict")).to_contain_text("Every teenager has a summer job.")
    audit(page)


@pytest.mark.parametrize("who", ["partner", "facilitator"])
def test_sign_off_worksheet_with_a_sign_off_and_a_comment_has_no_axe_violations(open_as, cast, who):
    slug = "share-a-vision-of-success"
    tool = Tool.objects.get(slug=slug)
    other = make_partner(cast.collaboration, name="City Hall", sector=Sector.GOVERNMENT)
    make_member(cast.collaboration, Role.PARTNER, make_user(), partner=other)
    SignOff.objects.create(
        collaboration=cast.collaboration,
        tool=tool,
        partner=cast.partner.partner,
        position=SignOff.Position.RESERVATIONS,
        note="Only if the jobs are paid.",
        user=cast.partner.user,
    )
    Comment.objects.create(
        collaboration=cast.collaboration,
        tool=tool,
        author=cast.facilitator.user,
        body="Could the vision name the neighborhood?",
    )
    page = open_as(getattr(cast, who).user, tool_path(cast, slug))
    sign_off = page.locator("#sign-off")
    expect(sign_off).to_contain_text("Agrees with reservations")
    expect(sign_off).to_contain_text("Only if the jobs are paid.")
    expect(sign_off).to_contain_text("Not yet")
    expect(page.locator("#comments")).to_contain_text("Could the vision name the neighborhood?")
    audit(page)


@pytest.mark.parametrize("measured", [False, True], ids=["no-measurement", "measured"])
def test_indicator_page_has_no_axe_violations(open_as, cast, measured):
    slug = "agree-on-measures-of-success"
    tool = Tool.objects.get(slug=slug)
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=tool,
        status=Worksheet.Status.IN_PROGRESS,
        version=1,
        answers={
            "indicators": [
                {"id": "i1", "name": "Jobs", "unit": "people", "baseline": 10, "target": 50}
            ]
        },
    )
    if measured:
        Measurement.objects.create(
            collaboration=cast.collaboration,
            tool=tool,
            table="indicators",
            row_id="i1",
            date="2026-03-01",
            value=30,
            note="Spring count",
            user=cast.partner.user,
        )
    page = open_as(cast.partner.user, f"{tool_path(cast, slug)}tables/indicators/rows/i1/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jobs")
    audit(page)
    if measured:
        page.get_by_role("link", name="Correct").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Correct a measurement")
        audit(page)


# 5. Character counts


def test_pasting_past_the_limit_keeps_every_character_and_says_by_how_much(open_as, cast):
    page = open_as(cast.partner.user, tool_path(cast, "share-a-vision-of-success"))
    field = page.get_by_role("textbox", name="Vision statement", exact=True)
    text = "All of it " * 510  # 5,100 characters against a limit of 5,000
    field.fill(text)
    expect(field).to_have_value(text)
    count = page.locator(".char-count").first
    expect(count).to_have_text("You have 100 characters too many")
    audit(page)
    field.fill("Short.")
    expect(count).to_have_text("You have 4994 characters remaining")


def test_a_table_cell_shows_its_count_near_the_limit(open_as, cast):
    page = open_as(cast.partner.user, tool_path(cast, "engage-potential-partners"))
    cell = page.locator('[name="stakeholders-0-organization"]')
    cell.fill("City Hall")
    expect(page.locator("td .char-count")).to_have_count(0)
    cell.fill("x" * 230)
    expect(cell).to_have_value("x" * 230)
    expect(page.locator("td .char-count").first).to_have_text("You have 30 characters too many")
