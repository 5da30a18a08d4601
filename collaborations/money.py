"""Money as people read and write it: amounts shown in the reader's number format with
thousands separators and the collaboration's currency ("$250,000", "250.000 US$"), whole
amounts without decimals; amounts typed as "250000", "250,000" or "$250,000" all read back as
the same number. Babel holds the locale data (symbols, patterns, separators); the active
language chooses it."""

from __future__ import annotations

import copy
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import (
    NumberFormatError,
    NumberPattern,
    format_currency,
    format_decimal,
    get_currency_name,
    get_decimal_symbol,
    get_group_symbol,
    get_territory_currencies,
    list_currencies,
    parse_decimal,
    parse_pattern,
)
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _


def default_currency() -> str:
    return settings.DEFAULT_CURRENCY


# The Babel locale of each language of the site: Spanish as written in the United States, with
# the decimal point and thousands comma (the same as toolkit_site/formats/es).
BABEL_LOCALES = {"en": "en_US", "es": "es_US"}


def _locale() -> Locale:
    return _babel_locale(get_language() or settings.LANGUAGE_CODE)


# A page formats hundreds of amounts: each language's locale is parsed once, and each
# pattern (Babel parses a pattern string on every call) too.
@lru_cache(maxsize=32)
def _babel_locale(language: str) -> Locale:
    try:
        return Locale.parse(BABEL_LOCALES.get(language) or to_locale(language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


WHOLE = parse_pattern("#,##0")
CENTS = parse_pattern("#,##0.00")
AS_TYPED = parse_pattern("#,##0.####")


@lru_cache(maxsize=32)
def _currency_pattern(locale: Locale, digits: int) -> NumberPattern:
    """The locale's currency pattern with exactly `digits` decimals."""
    pattern = copy.copy(locale.currency_formats["standard"])
    pattern.frac_prec = (digits, digits)
    return pattern


@cache
def currencies_in_use() -> frozenset[str]:
    """The currencies some country or territory uses today (legal tender), by ISO code:
    withdrawn ones such as the Andorran peseta are left out of the choices."""
    return frozenset(
        code
        for territory in get_global("territory_currencies")
        for code in get_territory_currencies(territory)
    )


def currency_choices(current: str = "") -> list[tuple[str, str]]:
    """The currencies in use today, by code, named in the reader's language; `current` (a
    collaboration's own currency) stays among them even if it has since been withdrawn."""
    locale = _locale()
    codes = set(currencies_in_use()) | ({current} if current in list_currencies() else set())
    return sorted((code, f"{code} — {get_currency_name(code, locale=locale)}") for code in codes)


def validate_currency(code: str) -> None:
    if code not in list_currencies():
        raise ValidationError(_("Choose a currency from the list."), code="currency")


def _amount(value: float | int | str | Decimal) -> Decimal:
    return Decimal(str(value))


def _whole(amount: Decimal) -> bool:
    return amount == amount.to_integral_value()


def format_money(value: float | int | str | Decimal | None, currency: str = "") -> str:
    """An amount with thousands separators and, given a currency, its symbol: whole amounts
    without decimals, others with two."""
    if value in (None, ""):
        return ""
    amount = _amount(value)
    if amount.is_finite():
        return _money(
            amount, amount.is_signed(), currency, get_language() or settings.LANGUAGE_CODE
        )
    return _written_money(amount, currency, _locale())


# Reports and dashboards repeat their amounts (a table, its totals and its chart): each is
# written once per currency and language. The pattern fixes the decimals, so equal amounts
# typed differently ("1.5", "1.50") read the same.
@lru_cache(maxsize=4096)
def _money(amount: Decimal, signed: bool, currency: str, language: str) -> str:
    return _written_money(amount, currency, _babel_locale(language))


def _written_money(amount: Decimal, currency: str, locale: Locale) -> str:
    digits = 0 if _whole(amount) else 2
    if not currency:
        return format_decimal(
            amount, format=CENTS if digits else WHOLE, locale=locale, group_separator=True
        )
    pattern = _currency_pattern(locale, digits)
    return format_currency(amount, currency, locale=locale, format=pattern, currency_digits=False)


def format_number(value: float | int | str | Decimal | None) -> str:
    """A number with thousands separators and only the decimals it has ("1,234.5", not
    "1234.50" nor "1234.0")."""
    if value is None or (isinstance(value, str) and not value):
        # Not `value in (None, "")`: a Decimal compared with anything else asks the numbers
        # ABCs what that is, which costs more than writing the number.
        return ""
    amount = _amount(value)
    if not amount.is_finite():
        return format_decimal(amount, format=AS_TYPED, locale=_locale())
    # The sign is part of the key: -0 equals 0 but is written "-0".
    return _number(amount, amount.is_signed(), get_language() or settings.LANGUAGE_CODE)


# Pages repeat their numbers (every target at 100, many zeros, a table and its chart showing
# the same values): each is written once per language, as charts do with theirs.
@lru_cache(maxsize=4096)
def _number(amount: Decimal, signed: bool, language: str) -> str:
    return _as_typed(amount, _babel_locale(language))


@lru_cache(maxsize=32)
def _marks(locale: Locale) -> tuple[str, str]:
    """The locale's decimal mark and group separator (in Latin digits)."""
    return get_decimal_symbol(locale), get_group_symbol(locale)


FOUR_PLACES = Decimal("0.0001")


def _as_typed(amount: Decimal, locale: Locale) -> str:
    """`amount` as Babel writes it with the `AS_TYPED` pattern (rounded to four decimals,
    half to even, trailing zeros dropped, digits grouped by three), the locale's marks looked
    up once: pages such as the dashboard write hundreds of numbers, and Babel looks the marks
    up again for each."""
    decimal_mark, group = _marks(locale)
    value = amount.scaleb(0)  # as Babel does: the context's precision applies
    negative = value.is_signed()
    whole, _, fraction = f"{abs(value).normalize().quantize(FOUR_PLACES):f}".partition(".")
    first = len(whole) % 3 or 3
    grouped = [whole[:first], *(whole[i : i + 3] for i in range(first, len(whole), 3))]
    fraction = fraction.rstrip("0")
    text = group.join(grouped) + (decimal_mark + fraction if fraction else "")
    return f"-{text}" if negative else text


def format_amount(value: float | int | str | Decimal | None) -> str:
    """An amount as a form shows it for editing: separators, no currency, no trailing ".0"."""
    return format_money(value)


_NOISE = re.compile(r"[\s\u00a0\u202f]")


def _strip_currency(text: str) -> str:
    cleaned = "".join(c for c in _NOISE.sub("", text) if unicodedata.category(c) != "Sc")
    return re.sub(r"^[A-Za-z]{1,3}(?=[\d.,-])|(?<=[\d.,])[A-Za-z]{1,3}$", "", cleaned)


def parse_money(text: str) -> Decimal:
    """The amount in `text`, written with or without thousands separators and a currency
    ("250000", "250,000", "$250,000", "USD 250,000"); ValueError if it is not an amount."""
    cleaned = _strip_currency(text)
    if not cleaned:
        raise ValueError(text)
    try:
        return parse_decimal(cleaned, locale=_locale(), strict=True)
    except (NumberFormatError, InvalidOperation):
        raise ValueError(text) from None


class NumberField(forms.DecimalField):
    """A decimal number, shown for editing without a trailing ".0" (answers are stored as
    JSON numbers, so 12 comes back as 12.0)."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, float | int | Decimal) and not isinstance(value, bool):
            text = f"{Decimal(str(value)):f}"
            return text.rstrip("0").rstrip(".") if "." in text else text
        return value


class MoneyField(forms.DecimalField):
    """An amount, typed as people write it: "250000", "250,000" or "$250,000"; shown with
    thousands separators and no trailing ".0"."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Enter an amount, such as 250000, 250,000 or $250,000."),
        "min_value": _("Enter an amount of zero or more."),
    }

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)
        self.widget.attrs["inputmode"] = "decimal"

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str) and value.strip() not in self.empty_values:
            try:
                value = parse_money(value)
            except ValueError:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid"
                ) from None
        return super().to_python(value)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, float | int | Decimal) and not isinstance(value, bool):
            return format_amount(value)
        return value
