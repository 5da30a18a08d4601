"""The Spanish edition in a real browser: the switcher on the sign-in page without
JavaScript, and an axe audit of the Spanish pages (their `lang`, names and labels)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from collaborations.language import language_of
from collaborations.models import Profile
from tests.browser.test_accessibility import site  # noqa: F401  (the same pages and people)
from tests.factories import PASSWORD, make_user


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


PAGES = [
    pytest.param("anonymous", "/", id="landing"),
    pytest.param("anonymous", "/accounts/login/", id="sign-in"),
    pytest.param("anonymous", "/accounts/signup/", id="sign-up"),
    pytest.param("facilitator", "/collaborations/", id="collaboration-list"),
    pytest.param("facilitator", "/collaborations/{c}/", id="dashboard"),
    pytest.param("facilitator", "/collaborations/{c}/stages/design/", id="stage"),
    pytest.param("facilitator", "/collaborations/{c}/tools/account-for-resources/", id="worksheet"),
    pytest.param("facilitator", "/collaborations/{c}/members/", id="members"),
    pytest.param("facilitator", "/collaborations/{c}/support/", id="support-log"),
    pytest.param("viewer", "/collaborations/{c}/health/", id="health"),
    pytest.param("viewer", "/collaborations/{c}/report/?language=es", id="report"),
    pytest.param("facilitator", "/notifications/preferences/", id="notification-choices"),
]


@pytest.mark.parametrize(("who", "path"), PAGES)
def test_spanish_page_has_no_axe_violations(
    live_server,
    browser: Browser,
    sign_in,
    site,  # noqa: F811
    who,
    path,
):
    context = browser.new_context(locale="es-US")
    try:
        if who != "anonymous":
            user = getattr(site, who)
            Profile.objects.update_or_create(user=user, defaults={"language": "es"})
            sign_in(context, user)
        page = context.new_page()
        response = page.goto(live_server.url + path.format(**site.ids))
        assert response is not None and response.ok
        expect(page.locator("html")).to_have_attribute("lang", "es")
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
