"""Money as people write it: a currency per collaboration, amounts shown with separators and
the currency, typed as "250000", "250,000" or "$250,000"; numbers without a trailing ".0";
one date format on every page."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from random import Random

import pytest
from babel import Locale
from babel.numbers import format_decimal
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from collaborations.models import Collaboration
from collaborations.money import (
    AS_TYPED,
    BABEL_LOCALES,
    format_money,
    format_number,
    parse_money,
)
from stages.models import Tool, Worksheet
from stages.worksheets.declarations import definition_for
from tests.stages.worksheet_data import empty_post

pytestmark = pytest.mark.django_db

MANAGER = "identify-a-manager"


@pytest.mark.parametrize(
    ("value", "currency", "shown"),
    [
        (250000.0, "USD", "$250,000"),
        (1234.5, "USD", "$1,234.50"),
        (Decimal("1000000.00"), "EUR", "€1,000,000"),
        (0, "USD", "$0"),
        (250000.0, "", "250,000"),
    ],
)
def test_amounts_are_shown_with_separators_and_currency(value, currency, shown):
    assert format_money(value, currency) == shown


@pytest.mark.parametrize("text", ["250000", "250,000", "$250,000", " $ 250,000 ", "USD 250,000"])
def test_amounts_are_read_as_people_write_them(text):
    assert parse_money(text) == Decimal(250000)


@pytest.mark.parametrize("text", ["", "lots", "25,00,0", "1.2.3"])
def test_what_is_not_an_amount_is_refused(text):
    with pytest.raises(ValueError):
        parse_money(text)


def test_numbers_have_no_trailing_zero():
    assert format_number(40.0) == "40"
    assert format_number(1234.5) == "1,234.5"


NUMBERS = [
    0, -0.0, Decimal("-0.00"), 1, -1, 0.5, 40.0, 1234.5, -1234567.891, 999.99995, 0.00005,
    0.00015, -0.00005, Decimal("0.00025"), Decimal("1E-10"), Decimal("1E+3"), Decimal("1.5E+7"),
    Decimal("123456789012345678901234.5"), 1e21, 123456789.123456789, "12", "1234.50",
    Decimal("NaN"), Decimal("-Infinity"),
]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "es"])
def test_numbers_read_as_babel_writes_them(language):
    """`format_number` writes numbers itself, with the locale's marks looked up once; every
    number reads as Babel's own rendering of the same pattern: rounding half to even at the
    fourth decimal, signs, grouping, huge and tiny numbers."""
    random = Random(7)
    numbers = [*NUMBERS]
    for _ in range(500):
        digits = random.randint(-(10 ** random.randint(1, 15)), 10 ** random.randint(1, 15))
        number = Decimal(digits).scaleb(-random.randint(0, 9))
        numbers += [number, float(number)]
    with translation.override(language):
        locale = Locale.parse(BABEL_LOCALES[language])
        for number in numbers:
            expected = format_decimal(Decimal(str(number)), format=AS_TYPED, locale=locale)
            assert format_number(number) == expected, number


def _post_manager(cast, budget: str):
    url = reverse("stages:worksheet", args=[cast.collaboration.pk, MANAGER])
    data = empty_post(definition_for(MANAGER), 0)
    return cast.client("partner").post(url, {**data, "answers-budget": budget})


@pytest.mark.parametrize("typed", ["250000", "250,000", "$250,000"])
def test_a_worksheet_amount_is_typed_any_usual_way(cast, typed):
    response = _post_manager(cast, typed)
    assert response.status_code == 302
    sheet = Worksheet.objects.get(tool__slug=MANAGER)
    assert sheet.answers["budget"] == 250000
    page = cast.client("partner").get(sheet.get_absolute_url()).content.decode()
    assert 'value="250,000"' in page
    assert "250000.0" not in page


def test_a_bad_amount_is_explained_and_kept(cast):
    response = _post_manager(cast, "a quarter million")
    assert response.status_code == 422
    page = response.content.decode()
    assert "Enter an amount, such as 250000, 250,000 or $250,000." in page
    assert 'value="a quarter million"' in page


def test_read_only_amounts_show_the_collaborations_currency(cast):
    cast.collaboration.currency = "GBP"
    cast.collaboration.save()
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug=MANAGER),
        answers={"budget": 250000.0},
        status=Worksheet.Status.IN_PROGRESS,
        version=1,
    )
    for url in (
        reverse("stages:worksheet", args=[cast.collaboration.pk, MANAGER]),
        reverse("reports:report", args=[cast.collaboration.pk]),
    ):
        assert "£250,000" in cast.client("viewer").get(url).content.decode()


def test_a_new_collaboration_takes_the_default_currency(client, settings):
    from tests.factories import make_user

    settings.DEFAULT_CURRENCY = "EUR"
    client.force_login(make_user())
    client.post(
        reverse("collaboration-new"),
        {"name": "Eastside", "issue": "Food", "community": "Eastside"},
    )
    assert Collaboration.objects.get(name="Eastside").currency == "EUR"


def test_a_facilitator_chooses_the_currency_and_a_bad_code_is_refused(cast):
    url = reverse("collaborations:edit", args=[cast.collaboration.pk])
    data = {"name": "Riverside", "issue": "Jobs", "community": "Riverside"}
    client = cast.client("facilitator")
    assert client.post(url, {**data, "currency": "CAD"}).status_code == 302
    cast.collaboration.refresh_from_db()
    assert cast.collaboration.currency == "CAD"
    refused = client.post(url, {**data, "currency": "XYZ"})
    assert refused.status_code in (200, 422)
    assert "Select a valid choice" in refused.content.decode()
    cast.collaboration.refresh_from_db()
    assert cast.collaboration.currency == "CAD"


def test_pages_use_one_date_format():
    """Dates on pages are written in the locale's DATE_FORMAT (and DATETIME_FORMAT with a
    time); no page uses the short numeric forms as well."""
    templates = Path(settings.BASE_DIR) / "templates"
    offenders = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if re.search(r"SHORT_DATE(TIME)?_FORMAT", path.read_text())
    ]
    assert offenders == []


def test_money_fields_name_the_currency(cast):
    cast.collaboration.currency = "EUR"
    cast.collaboration.save()
    client = cast.client("partner")
    manager = client.get(reverse("stages:worksheet", args=[cast.collaboration.pk, MANAGER]))
    assert "Budget committed (EUR)" in manager.content.decode()
    ledger = client.get(
        reverse("stages:worksheet", args=[cast.collaboration.pk, "account-for-resources"])
    )
    assert "Estimated value <span" in ledger.content.decode()
    assert "(EUR)" in ledger.content.decode()


def test_the_currency_list_offers_currencies_in_use_and_no_character_limit(client):
    """A choice list with no withdrawn currencies (the Andorran peseta was first) and no
    "Up to 3 characters" hint, which means nothing for a list."""
    from tests.factories import make_user

    client.force_login(make_user())
    page = client.get(reverse("collaboration-new")).content.decode()
    assert '<option value="EUR"' in page
    assert '<option value="ADP"' not in page
    assert "Up to 3 characters" not in page


def test_a_withdrawn_currency_stays_on_the_collaboration_that_has_it(cast):
    Collaboration.objects.filter(pk=cast.collaboration.pk).update(currency="DEM")
    url = reverse("collaborations:edit", args=[cast.collaboration.pk])
    page = cast.client("facilitator").get(url).content.decode()
    assert '<option value="DEM" selected' in page
