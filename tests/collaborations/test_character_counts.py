"""Nothing typed is thrown away: no field carries a `maxlength`; an over-long text comes back
in the form with a message at the field giving the limit and its length."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from stages.models import Comment, Measurement, SignOff, Tool, Worksheet
from stages.worksheets.declarations import definition_for
from tests.stages.worksheet_data import empty_post

pytestmark = pytest.mark.django_db

STAKEHOLDERS = "engage-potential-partners"
VISION = "share-a-vision-of-success"


def _url(cast, name: str, *args) -> str:
    return reverse(name, args=[cast.collaboration.pk, *args])


def _no_maxlength(html: str) -> None:
    assert "maxlength" not in html


def test_worksheet_fields_and_cells_count_instead_of_cutting(cast):
    page = cast.client("partner").get(_url(cast, "stages:worksheet", STAKEHOLDERS))
    html = page.content.decode()
    _no_maxlength(html)
    assert 'data-char-limit="200"' in html  # the organization cell
    assert "Up to 5000 characters." in html  # a long answer's hint, for pages without JS


def test_an_over_long_answer_is_explained_and_kept_whole(cast):
    definition = definition_for(VISION)
    field = next(f for f in definition.fields if f.max_length is None)
    text = "A shared vision. " * 300  # 5,100 characters
    data = {**empty_post(definition, 0), f"answers-{field.name}": text}
    response = cast.client("partner").post(_url(cast, "stages:worksheet", VISION), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert f"This is {len(text.strip())} characters long; the limit is 5000." in html
    assert "nothing you typed has been lost" in html
    textarea = re.search(
        rf'<textarea[^>]*name="answers-{field.name}"[^>]*>(.*?)</textarea>', html, re.S
    )
    assert textarea and textarea.group(1).strip() == text.strip()
    assert not Worksheet.objects.exists()


def test_an_over_long_cell_is_explained_and_kept(cast):
    definition = definition_for(STAKEHOLDERS)
    data = {
        **empty_post(definition, 0),
        "stakeholders-TOTAL_FORMS": "1",
        "stakeholders-0-id": "new-abc",
        "stakeholders-0-organization": "y" * 600,
    }
    response = cast.client("partner").post(_url(cast, "stages:worksheet", STAKEHOLDERS), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "This is 600 characters long; the limit is 200." in html
    assert ">\n" + "y" * 600 + "</textarea>" in html


def test_an_over_long_comment_is_explained_and_kept(cast):
    body = "z" * 4005
    response = cast.client("partner").post(
        _url(cast, "stages:worksheet-comment", VISION), {"comment-body": body}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "This is 4005 characters long; the limit is 4000." in html
    assert body in html
    assert not Comment.objects.exists()


def test_an_over_long_sign_off_note_is_explained_and_kept(cast):
    note = "n" * 2001
    response = cast.client("partner").post(
        _url(cast, "stages:worksheet-sign-off", VISION),
        {"sign-off-position": "reservations", "sign-off-note": note},
    )
    assert response.status_code == 422
    assert "This is 2001 characters long; the limit is 2000." in response.content.decode()
    assert note in response.content.decode()
    assert not SignOff.objects.exists()


def test_an_over_long_review_note_is_explained_and_kept(cast):
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug=VISION),
        status=Worksheet.Status.READY_FOR_REVIEW,
        version=1,
    )
    note = "r" * 2100
    response = cast.client("facilitator").post(
        _url(cast, "stages:worksheet-review", VISION),
        {"decision": "return", "version": "1", "note": note},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "This is 2100 characters long; the limit is 2000." in html
    assert note in html
    assert Worksheet.objects.get().status == Worksheet.Status.READY_FOR_REVIEW


def test_an_over_long_measurement_note_is_explained_and_kept(cast):
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug="agree-on-measures-of-success"),
        answers={"indicators": [{"id": "i1", "name": "Jobs", "baseline": 0, "target": 10}]},
        version=1,
        status=Worksheet.Status.IN_PROGRESS,
    )
    url = _url(cast, "stages:indicator", "agree-on-measures-of-success", "indicators", "i1")
    note = "m" * 350
    response = cast.client("partner").post(url, {"date": "2026-01-05", "value": "3", "note": note})
    assert response.status_code == 422
    assert "This is 350 characters long; the limit is 300." in response.content.decode()
    assert note in response.content.decode()
    assert not Measurement.objects.exists()


def test_an_over_long_description_is_explained_and_kept(cast):
    description = "d" * 2500
    response = cast.client("facilitator").post(
        _url(cast, "collaborations:edit"),
        {
            "name": "Riverside",
            "issue": "Jobs",
            "community": "Riverside",
            "description": description,
        },
    )
    html = response.content.decode()
    assert "This is 2500 characters long; the limit is 2000." in html
    assert description in html
    _no_maxlength(html)


@pytest.mark.parametrize(
    "name",
    ["collaborations:edit", "collaborations:partner-new", "support:activity-new"],
)
def test_other_forms_carry_no_maxlength(cast, name):
    response = cast.client("facilitator").get(_url(cast, name))
    assert response.status_code == 200
    _no_maxlength(response.content.decode())
    assert "data-char-limit" in response.content.decode()
