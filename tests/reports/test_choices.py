"""The reader's choices: scope, leaving out empty tools, and paper size from the browser."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from reports.content import Choices
from reports.forms import ReportChoicesForm, default_paper


@pytest.mark.parametrize(
    ("accept_language", "paper"),
    [
        ("en-US,en;q=0.9", "letter"),
        ("en-CA", "letter"),
        ("fr-CA,fr;q=0.8", "letter"),
        ("es-MX,es;q=0.9,en;q=0.5", "letter"),
        ("es-US", "letter"),
        ("en-GB,en;q=0.9", "a4"),
        ("de-DE,en-US;q=0.5", "a4"),
        ("en,en-US;q=0.5", "letter"),  # the first language that names a country decides
        ("fr", "a4"),
        ("", "a4"),
        ("*", "a4"),
        ("%%%;q=nonsense,,", "a4"),
    ],
)
def test_paper_defaults_from_the_browser_language(accept_language, paper):
    assert default_paper(accept_language) == paper


def test_no_choices_give_the_whole_report_with_every_tool():
    form = ReportChoicesForm(QueryDict(""), "en-US")
    assert not form.is_bound
    assert form.choices() == Choices(stage="", skip_empty=False, paper="letter")


def test_choices_are_read_from_the_query():
    form = ReportChoicesForm(QueryDict("stage=design&skip_empty=1&paper=a4"), "en-US")
    assert form.choices() == Choices(stage="design", skip_empty=True, paper="a4")


def test_paper_left_out_of_the_query_keeps_the_browser_default():
    form = ReportChoicesForm(QueryDict("stage=assessment"), "es-MX")
    assert form.choices() == Choices(stage="assessment", paper="letter")
    assert form["paper"].value() == "letter"  # the radio button shown checked


@pytest.mark.parametrize(
    ("query", "expected", "field"),
    [
        ("stage=no-such-stage", Choices(paper="a4"), "stage"),
        ("paper=legal", Choices(paper="a4"), "paper"),
        ("stage=../../etc&paper=<b>", Choices(paper="a4"), "stage"),
    ],
)
def test_unknown_values_fall_back_to_the_defaults_with_a_message(query, expected, field):
    form = ReportChoicesForm(QueryDict(query), "en-GB")
    assert form.choices() == expected
    assert form.errors[field]
