"""An axe audit of every kind of page, each as the person who would see it."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from stages.worksheets.declarations import definition_for
from tests.page_types import PAGE_TYPES, PageType, Site, make_site
from tests.stages.worksheet_data import answers_post, sample


@pytest.fixture
def site() -> Site:
    return make_site()


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 720}


def open_page(page: Page, base: str, site: Site, page_type: PageType) -> None:
    """Open the page; for a page shown after a post (a refused or contested save), post as
    the page's own form would, and show the answer in place of the page."""
    response = page.goto(base + page_type.url(site))
    assert response is not None
    assert response.ok, f"{response.status} for {response.url}"
    if page_type.post is None:
        return
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    answer = page.request.post(
        base + page_type.post_url(site),
        data=urlencode({**page_type.post(site), "csrfmiddlewaretoken": token}, doseq=True),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": response.url},
        max_redirects=0,
    )
    assert answer.status == page_type.status, (page_type.name, answer.status)
    page.set_content(answer.text())


# WCAG 2.2's target size (2.5.8) is off in axe by default; the audit turns it on.
AUDIT = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def violations(page: Page) -> list[str]:
    results = Axe().run(page, options=AUDIT)
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:5])}"
        for v in results.response["violations"]
    ]


SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"


def audit(
    browser: Browser,
    base: str,
    sign_in,
    site: Site,
    page_types: list[PageType],
    locale: str | None = None,
    each=None,
) -> tuple[dict[str, list[str]], list[str]]:
    """Each of `page_types` at 1280 and at 320 px: axe's violations by page and width, and the
    pages that scroll sideways at 320 px (WCAG 1.4.10). One browser context per person, in
    `locale` when given, every page visited once; `each(page)` checks more on each page."""
    contexts = {}
    found: dict[str, list[str]] = {}
    wide: list[str] = []
    try:
        for page_type in page_types:
            if page_type.who not in contexts:
                options = {"locale": locale} if locale else {}
                contexts[page_type.who] = context = browser.new_context(viewport=DESKTOP, **options)
                if page_type.who != "anonymous":
                    sign_in(context, getattr(site, page_type.who))
            page = contexts[page_type.who].new_page()
            open_page(page, base, site, page_type)
            if each is not None:
                each(page)
            for name, size in (("1280", DESKTOP), ("320", PHONE)):
                page.set_viewport_size(size)
                if problems := violations(page):
                    found[f"{page_type.name} at {name} px"] = problems
            if page.evaluate(SCROLLS_SIDEWAYS):
                width = page.evaluate("document.documentElement.scrollWidth")
                wide.append(f"{page_type.name}: {width} px wide at 320 px")
            page.close()
    finally:
        for context in contexts.values():
            context.close()
    return found, wide


def test_every_kind_of_page_passes_axe_at_1280_and_320_pixels_and_never_scrolls_sideways(
    live_server, browser: Browser, sign_in, site: Site
):
    """Each kind of page (tests/page_types.py: every worksheet with its errors showing, the
    conflict view, lists, forms with errors), audited on a laptop and at 320 px (a phone, or
    400% zoom), where nothing may make the page scroll sideways (WCAG 1.4.10)."""
    found, wide = audit(browser, live_server.url, sign_in, site, PAGE_TYPES)
    assert not found, "\n".join(f"{where}: {p}" for where, ps in found.items() for p in ps)
    assert not wide, wide


def test_the_audit_flags_a_page_with_known_faults(live_server, browser: Browser, sign_in, site):
    """The same audit, on the dashboard with three faults put in: a control with no name, an
    image with no text alternative and a link with no text. An audit that
    passed this page would prove nothing about the others."""
    context = browser.new_context()
    try:
        sign_in(context, site.facilitator)
        page = context.new_page()
        page.goto(f"{live_server.url}/collaborations/{site.ids['c']}/")
        clean = Axe().run(page)
        assert clean.violations_count == 0, clean.generate_report()
        page.evaluate(
            """() => {
                const main = document.querySelector("main");
                main.insertAdjacentHTML("afterbegin",
                    '<button type="button"></button><img src="/static/favicon.svg">' +
                    '<a href="/"></a>');
            }"""
        )
        results = Axe().run(page)
        flagged = {violation["id"] for violation in results.response["violations"]}
        assert {"button-name", "image-alt", "link-name"} <= flagged
    finally:
        context.close()


def test_the_width_check_flags_hidden_labels_escaping_a_scrolling_table(
    live_server, browser: Browser, sign_in, site
):
    """The fault that made pages scroll sideways, put back: a scrolling table box that does
    not contain its visually hidden (absolutely positioned) labels."""
    context = browser.new_context(viewport=PHONE)
    try:
        sign_in(context, site.facilitator)
        page = context.new_page()
        page.goto(f"{live_server.url}/collaborations/{site.ids['c']}/members/")
        assert not page.evaluate(SCROLLS_SIDEWAYS)
        page.evaluate(
            """() => { for (const box of document.querySelectorAll(".table-responsive"))
                box.style.position = "static"; }"""
        )
        assert page.evaluate(SCROLLS_SIDEWAYS)
    finally:
        context.close()


ERROR_PAGES = [
    pytest.param("anonymous", "/no-such-page/", 404, id="not-found-anonymous"),
    pytest.param("facilitator", "/collaborations/999999/", 404, id="not-found-member"),
    pytest.param("viewer", "/collaborations/{c}/edit/", 403, id="forbidden"),
    pytest.param("anonymous", "/invitations/not-a-real-token/", 404, id="invitation-unknown"),
    pytest.param("anonymous", "/test/crash/", 500, id="server-error"),
    pytest.param("facilitator", "/test/database-gone/", 503, id="database-unavailable"),
]


@pytest.mark.urls("tests.operations_urls")
@pytest.mark.parametrize(("who", "path", "status"), ERROR_PAGES)
def test_error_page_has_no_axe_violations(
    live_server, browser: Browser, sign_in, site: Site, who, path, status
):
    context = browser.new_context()
    try:
        if who != "anonymous":
            sign_in(context, getattr(site, who))
        page = context.new_page()
        response = page.goto(live_server.url + path.format(**site.ids))
        assert response is not None
        assert response.status == status
        expect(page.get_by_role("link", name="Intersector", exact=True)).to_be_visible()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def _fill_long_table(site: Site, slug: str, rows: int) -> None:
    definition = definition_for(slug)
    answers = {
        table.name: [
            {
                "id": f"new-row{n}",
                **{c.name: sample(c, [site.ids["p"]])[1] for c in table.columns},
            }
            for n in range(rows)
        ]
        for table in definition.tables
    }
    url = f"/collaborations/{site.ids['c']}/tools/{slug}/"
    response = site.client("facilitator").post(url, answers_post(definition, answers, version=1))
    assert response.status_code == 302


COVERED_BY_A_STICKY_BAR = """() => {
    const field = document.activeElement;
    const bar = document.querySelector(".worksheet-actions");
    if (!field || bar.contains(field)) return null;
    const f = field.getBoundingClientRect(), b = bar.getBoundingClientRect();
    return f.bottom > b.top && f.top < b.bottom;
}"""


PUT_A_FIELD_UNDER_THE_BAR = """() => {
    const fields = document.querySelectorAll("#worksheet-form textarea");
    const field = fields[Math.floor(fields.length / 2)];
    const bar = document.querySelector(".worksheet-actions");
    // The bar sticks to the window's bottom while the form goes on below the field.
    const barTop = window.innerHeight - bar.getBoundingClientRect().height;
    const by = field.getBoundingClientRect().top - barTop - 4;
    window.scrollTo({ top: window.scrollY + by, behavior: "instant" });
    field.focus({ preventScroll: true });
}"""


def _tab_through_the_form(page: Page) -> tuple[int, list[str]]:
    """Tab from the form's first field to its Save button; the fields checked, and those the
    sticky Save bar covered when they got focus."""
    page.locator("#worksheet-form textarea").first.focus()
    checked, covered = 0, []
    for _step in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate(COVERED_BY_A_STICKY_BAR)
        if state is None:
            break
        checked += 1
        if state:
            covered.append(
                page.evaluate("document.activeElement.id || document.activeElement.name")
            )
    return checked, covered


def test_tabbing_through_a_long_table_never_hides_focus_under_the_save_bar(
    live_server, browser: Browser, sign_in, site
):
    """WCAG 2.4.11 on a laptop screen: the row fields of "Assess the history", tabbed through
    one by one, each stay clear of the sticky Save bar; and the check finds a field that the
    bar does cover."""
    slug = "assess-the-history"
    _fill_long_table(site, slug, rows=8)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        sign_in(context, site.facilitator)
        page = context.new_page()
        page.goto(f"{live_server.url}/collaborations/{site.ids['c']}/tools/{slug}/")
        # Who else is here arrives after the page and moves it down: tab once it has.
        page.wait_for_load_state("networkidle")
        checked, covered = _tab_through_the_form(page)
        assert checked > 60, checked
        assert covered == []
        # The check shown catching a fault: with the page's correction turned off, a field
        # scrolled to just under the bar and given focus there is reported as covered.
        page.reload()
        page.wait_for_load_state("networkidle")
        page.evaluate("window.scrollBy = () => {}")
        page.evaluate(PUT_A_FIELD_UNDER_THE_BAR)
        assert page.evaluate(COVERED_BY_A_STICKY_BAR) is True
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_without_javascript_every_menu_item_and_sign_out_are_reachable(
    live_server, browser: Browser, sign_in, site, width
):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 800}
    )
    try:
        sign_in(context, site.facilitator)
        page = context.new_page()
        page.goto(f"{live_server.url}/collaborations/")
        menu = page.get_by_role("navigation", name="Site")
        sign_out = menu.get_by_role("button", name="Sign out")
        expect(sign_out).to_be_hidden()
        # One disclosure opens the menu: below 768 px the whole menu, above it the account's.
        opener = "Menu" if width < 768 else "Fatima Khan"
        menu.locator("summary:visible", has_text=opener).click()
        for name in [
            "My collaborations",
            "Portfolio",
            "Start a collaboration",
            "Notifications",
            "Email addresses",
            "Change password",
            "Notification choices",
        ]:
            expect(menu.get_by_role("link", name=name).locator("visible=true")).to_have_count(1)
        sign_out.locator("visible=true").click()
        expect(menu.get_by_role("link", name="Sign in", include_hidden=True).first).to_be_attached()
        assert "sessionid" not in {c["name"] for c in context.cookies()}
    finally:
        context.close()


FOCUS_RING = """() => {
    const channel = (c) => {
        c /= 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = (colour) => {
        const [r, g, b] = colour.match(/[\\d.]+/g).map(Number);
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (node) => {
        for (let n = node; n; n = n.parentElement) {
            const colour = getComputedStyle(n).backgroundColor;
            if (!colour.startsWith("rgba(0, 0, 0, 0)") && colour !== "transparent") return colour;
        }
        return "rgb(255, 255, 255)";
    };
    const field = document.activeElement;
    const style = getComputedStyle(field);
    const [a, b] = [luminance(style.outlineColor), luminance(background(field.parentElement))];
    return {
        width: parseFloat(style.outlineWidth),
        contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
    };
}"""


def test_the_focus_ring_contrasts_with_what_is_around_it(
    live_server, browser: Browser, sign_in, site
):
    """WCAG 1.4.11: at least 3:1 on the page and on the dark site bar, then the old yellow
    ring put back, which the same measure finds too faint on white."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        sign_in(context, site.facilitator)
        page = context.new_page()
        page.goto(f"{live_server.url}/collaborations/{site.ids['c']}/")
        rings = []
        for link in ["Intersector", "Partners", "Status of every tool"]:
            target = page.get_by_role("link", name=link, exact=True)
            if link == "Status of every tool":
                target = page.get_by_role("region", name=link)
            target.first.focus()
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Tab")
            rings.append((link, page.evaluate(FOCUS_RING)))
        for link, ring in rings:
            assert ring["width"] >= 2, (link, ring)
            assert ring["contrast"] >= 3, (link, ring)
        page.locator("main a").first.evaluate(
            "a => a.style.setProperty('outline-color', '#f0b400', 'important')"
        )
        page.locator("main a").first.focus()
        assert page.evaluate(FOCUS_RING)["contrast"] < 3
    finally:
        context.close()


def test_with_javascript_the_account_menu_closes_like_a_menu(
    live_server, browser: Browser, sign_in, site
):
    context = browser.new_context(viewport=DESKTOP)
    try:
        sign_in(context, site.facilitator)
        page = context.new_page()
        page.goto(f"{live_server.url}/collaborations/")
        menu = page.get_by_role("navigation", name="Site")
        summary = menu.locator("summary:visible", has_text="Fatima Khan")
        sign_out = menu.get_by_role("button", name="Sign out").locator("visible=true")
        summary.click()
        expect(sign_out).to_have_count(1)
        page.keyboard.press("Escape")
        expect(sign_out).to_have_count(0)
        expect(summary).to_be_focused()
        summary.click()
        page.locator("h1").click()
        expect(sign_out).to_have_count(0)
    finally:
        context.close()
