"""Fields written in Python for the worksheet page: the markup crispy-forms' bootstrap5
templates make of them, for every kind of field, blank, filled and refused."""

from __future__ import annotations

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import forms
from django.test.html import parse_html

from collaborations.models import Partner, Sector
from stages.forms import CommentForm, MeasurementForm, SignOffForm
from stages.worksheets.fields import field_block, form_blocks
from stages.worksheets.kinds import form_field
from tests.stages.test_cells import COLUMNS

PARTNERS = [Partner(pk=n, name=f"Org <{n}> & co", sector=Sector.BUSINESS) for n in (3, 5, 8)]
CHOICES = [(str(p.pk), p.name) for p in PARTNERS]


class Answers(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="answers", **kwargs)
        for spec in COLUMNS:
            self.fields[spec.name] = form_field(spec, CHOICES, currency="EUR")
        self.fields["done"] = forms.BooleanField(label="Done & dusted", required=False)
        self.fields["must"] = forms.CharField(label="Must", help_text="Say <em>it</em>")


FILLED = {
    "answers-text": 'He said "<b>hi</b>" & left',
    "answers-long": "Line one\n<script>x</script>",
    "answers-choice": "b",
    "answers-sector": "academia",
    "answers-scale": "4",
    "answers-number": "12.5",
    "answers-money": "1500.00",
    "answers-day": "2026-06-30",
    "answers-partner": "5",
    "answers-partners": ["3", "8"],
    "answers-done": "on",
    "answers-must": "yes",
}
REFUSED = {**FILLED, "answers-scale": "9", "answers-number": "many", "answers-must": ""}


def _answers(case: str) -> forms.Form:
    form = Answers({"blank": None, "filled": FILLED, "refused": REFUSED}[case])
    form.is_valid()
    return form


@pytest.mark.parametrize("case", ["blank", "filled", "refused"])
def test_each_field_is_written_as_crispy_writes_it(case):
    names = list(Answers().fields)
    for name in names:
        # crispy adds classes to the widget it renders: each side gets a form of its own.
        mine = field_block(_answers(case)[name])
        theirs = as_crispy_field(_answers(case)[name])
        assert parse_html(mine) == parse_html(theirs), name


def _sign_off(data=None) -> SignOffForm:
    form = SignOffForm(data, prefix="sign-off", own=PARTNERS[0], partners=PARTNERS, for_others=True)
    form.is_valid()
    return form


@pytest.mark.parametrize(
    "make",
    [
        lambda: _sign_off(),
        lambda: _sign_off({"sign-off-partner": "5", "sign-off-position": "disagree"}),
        lambda: CommentForm(prefix="comment"),
        lambda: CommentForm({"comment-body": "x" * 5000}, prefix="comment"),
        lambda: MeasurementForm(),
        lambda: MeasurementForm({"date": "2999-01-01", "value": "many", "note": "<b>n</b>"}),
    ],
    ids=[
        "sign-off",
        "sign-off refused",
        "comment",
        "comment refused",
        "measurement",
        "measurement refused",
    ],
)
def test_whole_forms_are_written_as_crispy_writes_them(make):
    mine, theirs = make(), make()
    theirs.is_valid()
    mine.is_valid()
    assert parse_html(form_blocks(mine)) == parse_html(as_crispy_form(theirs))
