"""Example answers: every section of every worksheet declares one, and a person's first visit
to a worksheet shows them open; later visits keep them folded."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import escape

from stages.worksheets.declarations import DEFINITIONS, definition_for

pytestmark = pytest.mark.django_db

VISION = "share-a-vision-of-success"


def _url(cast, slug: str = VISION) -> str:
    return reverse("stages:worksheet", args=[cast.collaboration.pk, slug])


def _examples(page: str) -> list[str]:
    return re.findall(r'<details class="section-example[^"]*"( open)?>', page)


@pytest.mark.parametrize("slug", list(DEFINITIONS))
def test_every_section_declares_a_short_translatable_example(slug):
    for section in definition_for(slug).sections:
        assert isinstance(section.example, Promise), section.title  # marked for translation
        assert 40 <= len(str(section.example)) <= 260, section.title


def test_the_first_visit_shows_each_sections_example_open(cast):
    definition = definition_for(VISION)
    page = cast.client("partner").get(_url(cast)).content.decode()
    assert _examples(page) == [" open"] * len(definition.sections)
    for section in definition.sections:
        assert escape(str(section.example)) in page
    # Beside the field, never inside it.
    assert 'placeholder="' + escape(str(definition.sections[0].example)) not in page


def test_later_visits_fold_the_examples_on_any_device(cast):
    cast.client("partner").get(_url(cast))
    again = cast.client("partner").get(_url(cast)).content.decode()  # a new client: another device
    assert _examples(again) == [""] * len(definition_for(VISION).sections)


def test_the_first_visit_is_counted_per_person_and_per_worksheet(cast):
    cast.client("partner").get(_url(cast))
    assert " open" in _examples(cast.client("facilitator").get(_url(cast)).content.decode())
    other = cast.client("partner").get(_url(cast, "assess-the-history")).content.decode()
    assert _examples(other) == [" open"] * len(definition_for("assess-the-history").sections)
