"""Choosing the language: the browser's for visitors, a switcher that works without
JavaScript, a preference kept per person and applied at sign-in; dates, numbers and money in
the language's format."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

from collaborations.language import language_of
from collaborations.models import Profile, Role
from collaborations.money import format_money, format_number, parse_money
from tests.factories import PASSWORD, make_collaboration, make_member, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def lang(response) -> str:
    html = response.content.decode()
    return html.split('<html lang="', 1)[1].split('"', 1)[0]


def sign_in(client: Client, user) -> None:
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[-2000:]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("es-US,es;q=0.9,en;q=0.5", "es"), ("es-MX", "es"), ("en-US,en;q=0.9", "en"), ("", "en")],
)
def test_a_visitor_gets_the_language_their_browser_asks_for(client, accept, expected):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE=accept)
    assert lang(response) == expected


def test_the_switcher_is_a_plain_form_in_the_header_and_on_the_sign_in_page(client):
    html = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # One in the header, one above the sign-in form; each names Spanish in Spanish.
    assert html.count('action="/language/"') == 2
    assert html.count('<button type="submit" name="language" value="es" lang="es"') == 2
    assert 'name="next" value="/accounts/login/"' in html


def test_after_a_form_was_sent_the_switcher_returns_to_the_forms_page(client):
    html = client.post(
        "/accounts/login/",
        {"login": "nobody@example.org", "password": "wrong"},
        HTTP_REFERER="http://testserver/accounts/login/?next=/portfolio/",
    ).content.decode()
    assert 'name="next" value="http://testserver/accounts/login/?next=/portfolio/"' in html


def test_a_visitor_switches_to_spanish_and_stays_there(client):
    response = client.post(
        "/language/", {"language": "es", "next": LOGIN}, HTTP_ACCEPT_LANGUAGE="en-US"
    )
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    page = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en-US")
    assert lang(page) == "es"
    assert "Iniciar sesión" in page.content.decode()


def test_choosing_spanish_on_the_sign_in_page_becomes_the_persons_preference(client):
    user = make_user("ana@example.org")
    client.post("/language/", {"language": "es", "next": LOGIN})
    sign_in(client, user)
    assert Profile.objects.get(user=user).language == "es"
    assert lang(client.get("/collaborations/", HTTP_ACCEPT_LANGUAGE="en-US")) == "es"


def test_a_persons_preference_applies_at_sign_in_on_any_browser(client):
    user = make_user("ana@example.org")
    Profile.objects.create(user=user, language="es")
    assert lang(client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en-US")) == "en"
    sign_in(client, user)
    assert lang(client.get("/collaborations/", HTTP_ACCEPT_LANGUAGE="en-US")) == "es"
    # After signing out the site stays in the person's language on this browser.
    client.post("/accounts/logout/")
    assert lang(client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en-US")) == "es"


def test_someone_without_a_preference_reads_their_browsers_language(client):
    user = make_user("ana@example.org")
    sign_in(client, user)
    assert lang(client.get("/collaborations/", HTTP_ACCEPT_LANGUAGE="es-US")) == "es"
    assert lang(client.get("/collaborations/", HTTP_ACCEPT_LANGUAGE="en-US")) == "en"
    assert not Profile.objects.filter(user=user).exists()


def test_switching_while_signed_in_saves_the_preference(client):
    user = make_user("ana@example.org")
    client.force_login(user)
    response = client.post("/language/", {"language": "es", "next": "/collaborations/"})
    assert response["Location"] == "/collaborations/"
    assert language_of(user) == "es"
    client.post("/language/", {"language": "en", "next": "/collaborations/"})
    assert language_of(user) == "en"
    assert lang(client.get("/collaborations/", HTTP_ACCEPT_LANGUAGE="es")) == "en"


def test_a_new_account_keeps_the_language_it_signed_up_in(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nueva@example.org",
            "first_name": "Nueva",
            "password1": "una-contraseña-larga-9",
            "password2": "una-contraseña-larga-9",
        },
        HTTP_ACCEPT_LANGUAGE="es-US",
    )
    assert response.status_code == 302
    assert Profile.objects.get(user__email="nueva@example.org").language == "es"


def test_an_unknown_language_or_a_foreign_next_changes_nothing(client):
    user = make_user("ana@example.org")
    client.force_login(user)
    response = client.post("/language/", {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")
    assert not Profile.objects.filter(user=user, language="xx").exists()
    assert client.get("/language/").status_code == 405


def test_people_who_never_chose_read_the_default(db):
    assert language_of(make_user()) == settings.LANGUAGE_CODE


def test_dates_numbers_and_money_follow_the_language():
    day = datetime.date(2026, 5, 29)
    with translation.override("en"):
        assert date_format(day, "DATE_FORMAT") == "May 29, 2026"
        assert format_money(250000, "USD") == "$250,000"
        assert format_number(Decimal("1234.5")) == "1,234.5"
    with translation.override("es"):
        assert date_format(day, "DATE_FORMAT") == "29 de mayo de 2026"
        # Spanish as written in the United States: the same separators, so an amount typed
        # "250,000" means the same in both languages.
        assert format_money(250000, "USD") == "$250,000"
        assert format_money(Decimal("1234.5"), "USD") == "$1,234.50"
        assert format_number(Decimal("1234.5")) == "1,234.5"
        assert parse_money("250,000") == Decimal("250000")
        assert parse_money("$1,234.50") == Decimal("1234.50")


def test_an_invitation_is_mailed_in_the_language_chosen_for_it(client):
    collaboration = make_collaboration(name="Riverside Youth Jobs")
    facilitator = make_member(collaboration, Role.FACILITATOR).user
    client.force_login(facilitator)
    url = f"/collaborations/{collaboration.pk}/members/"
    form = client.get(url).content.decode()
    assert 'name="language"' in form
    client.post(
        f"/collaborations/{collaboration.pk}/invitations/",
        {"email": "rosa@example.org", "role": Role.PARTNER, "language": "es"},
    )
    (message,) = mail.outbox
    assert message.subject == "Le invitan a unirse a Riverside Youth Jobs"
    assert "Abra este enlace para aceptar" in message.body


def test_someone_with_an_account_is_invited_in_their_own_language(client):
    collaboration = make_collaboration(name="Riverside Youth Jobs")
    facilitator = make_member(collaboration, Role.FACILITATOR).user
    rosa = make_user("rosa@example.org")
    Profile.objects.create(user=rosa, language="es")
    client.force_login(facilitator)
    client.post(
        f"/collaborations/{collaboration.pk}/invitations/",
        {"email": "rosa@example.org", "role": Role.PARTNER, "language": "en"},
    )
    (message,) = mail.outbox
    assert message.subject == "Le invitan a unirse a Riverside Youth Jobs"
