"""The Spanish edition in a real browser: the switcher on the sign-in page without
JavaScript, and the same audit as every page gets (axe at 1280 and 320 px, nothing
scrolling sideways) on Spanish pages, whose words run longer."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from collaborations.language import language_of
from collaborations.models import Profile
from tests.browser.test_accessibility import (  # the same pages, people and audit
    audit,
    site,  # noqa: F401
)
from tests.factories import PASSWORD, make_user
from tests.page_types import PAGE_TYPES


def test_switch_to_spanish_on_the_sign_in_page_without_javascript(live_server, browser: Browser):
    user = make_user("ana@example.org", first_name="Ana")
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        page.get_by_role("main").get_by_role("button", name="Español").click()
        expect(page.locator("html")).to_have_attribute("lang", "es")
        expect(page.get_by_role("heading", level=1)).to_have_text("Iniciar sesión")
        page.get_by_label("Correo electrónico").fill(user.email)
        page.get_by_label("Contraseña").fill(PASSWORD)
        page.get_by_role("main").get_by_role("button", name="Iniciar sesión").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Mis colaboraciones")
        assert language_of(user) == "es"
    finally:
        context.close()


# A few kinds of page in Spanish, where the longer words could break what the English passes.
SPANISH = {
    "landing",
    "sign-in",
    "sign-up",
    "collaboration-list",
    "dashboard",
    "stage-design",
    "worksheet-errors-account-for-resources",
    "worksheet-conflict",
    "members-facilitator",
    "support-log",
    "health",
    "report",
    "notification-choices-errors",
}


def test_spanish_pages_pass_axe_at_1280_and_320_pixels_and_never_scroll_sideways(
    live_server,
    browser: Browser,
    sign_in,
    site,  # noqa: F811
):
    for person in (site.facilitator, site.viewer, site.invitee):
        Profile.objects.update_or_create(user=person, defaults={"language": "es"})
    found, wide = audit(
        browser,
        live_server.url,
        sign_in,
        site,
        [p for p in PAGE_TYPES if p.name in SPANISH],
        locale="es-US",
        each=lambda page: expect(page.locator("html")).to_have_attribute("lang", "es"),
    )
    assert len({p.name for p in PAGE_TYPES} & SPANISH) == len(SPANISH)
    assert not found, "\n".join(f"{where}: {p}" for where, ps in found.items() for p in ps)
    assert not wide, wide
