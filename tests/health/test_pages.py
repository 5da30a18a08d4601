"""The health check page and the rating form, for every member of the cast."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from health.models import HealthCheck, Rating
from tests.conftest import EVERYONE, ROLES
from tests.health.helpers import form_data, page_url, rate, rate_all, take_url

pytestmark = pytest.mark.django_db


def _snapshot() -> tuple:
    return (
        list(HealthCheck.objects.order_by("pk").values_list("user_id", "taken_at")),
        list(Rating.objects.order_by("pk").values_list("factor", "score")),
    )


def _field(html: str, slug: str) -> str:
    """The fieldset of one factor in the rating form."""
    match = re.search(rf'<fieldset[^>]* id="id_{slug}".*?</fieldset>', html, re.S)
    assert match, f"no field for {slug}"
    return match.group(0)


def _checked(html: str, slug: str) -> str | None:
    """The value of the checked radio of one factor ("" is "don't know"), or None."""
    for tag in re.findall(r"<input[^>]*>", _field(html, slug)):
        if " checked" in tag:
            return re.search(r'value="([^"]*)"', tag).group(1)
    return None


@pytest.mark.parametrize("who", EVERYONE)
def test_every_member_may_read_the_page_and_nobody_else(cast, who):
    rate_all(cast.partner, 4)
    response = cast.client(who).get(page_url(cast.collaboration))
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif who == "outsider":
        assert response.status_code == 404
        assert cast.collaboration.name not in response.content.decode()
    else:
        assert response.status_code == 200
        html = response.content.decode()
        assert "Collaboration health check" in html
        assert "Members who rated" in html
        assert "Rate our collaboration" in html


@pytest.mark.parametrize("who", ROLES)
def test_every_member_may_rate(cast, who):
    client = cast.client(who)
    response = client.post(take_url(cast.collaboration), form_data(shared_vision=4, pace=2))
    assert response.status_code == 302
    assert response["Location"] == page_url(cast.collaboration)
    check = HealthCheck.objects.get()
    assert check.user == getattr(cast, who).user
    assert dict(check.ratings.values_list("factor", "score")) == {"shared-vision": 4, "pace": 2}
    page = client.get(response["Location"]).content.decode()
    assert "Your ratings are saved" in page


def test_the_partners_sector_is_kept_with_the_check(cast):
    cast.client("partner").post(take_url(cast.collaboration), form_data(pace=3))
    cast.client("viewer").post(take_url(cast.collaboration), form_data(pace=3))
    sectors = dict(HealthCheck.objects.values_list("user__email", "sector"))
    assert sectors == {"part@example.org": "nonprofit", "view@example.org": ""}


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_non_members_cannot_rate_and_nothing_changes(cast, who):
    before = _snapshot()
    response = cast.client(who).post(take_url(cast.collaboration), form_data(pace=1))
    assert response.status_code == (404 if who == "outsider" else 302)
    assert _snapshot() == before


@pytest.mark.parametrize("who", ROLES)
def test_archived_collaboration_refuses_ratings(cast, who):
    rate_all(cast.partner, 4)
    cast.collaboration.archived_at = timezone.now()
    cast.collaboration.save()
    before = _snapshot()
    client = cast.client(who)
    response = client.post(take_url(cast.collaboration), form_data(pace=1))
    assert response.status_code == 403
    assert _snapshot() == before
    page = client.get(page_url(cast.collaboration))
    assert page.status_code == 200
    html = page.content.decode()
    assert "can be read but no longer taken" in html
    assert take_url(cast.collaboration) not in html


def test_taking_needs_a_post(cast):
    response = cast.client("partner").get(take_url(cast.collaboration))
    assert response.status_code == 405


@pytest.mark.parametrize("bad", ["7", "0", "-1", "abc", "4.5"])
def test_a_rating_outside_1_to_5_gets_a_message_at_the_field_and_keeps_the_rest(cast, bad):
    data = form_data(shared_vision=5, pace=2, resources=1)
    data["clear-roles"] = bad
    response = cast.client("partner").post(take_url(cast.collaboration), data)
    assert response.status_code == 422
    assert not HealthCheck.objects.exists()
    html = response.content.decode()
    field = _field(html, "clear-roles")
    assert "Choose a rating from 1 (strongly disagree) to 5 (strongly agree)" in field
    assert 'aria-invalid="true"' in field
    assert 'href="#id_clear-roles"' in html  # the error summary links to the field
    assert _checked(html, "shared-vision") == "5"
    assert _checked(html, "pace") == "2"
    assert _checked(html, "resources") == "1"
    assert "Choose a rating" not in _field(html, "pace")


def test_the_form_comes_first_when_it_needs_fixing(cast):
    rate_all(cast.facilitator, 4)
    data = form_data(pace=2)
    data["pace"] = "9"
    html = cast.client("partner").post(take_url(cast.collaboration), data).content.decode()
    assert html.index('id="rate-heading"') < html.index('id="results-heading"')


def test_rating_nothing_is_refused_with_a_message(cast):
    response = cast.client("partner").post(take_url(cast.collaboration), form_data())
    assert response.status_code == 422
    assert "Rate at least one success factor" in response.content.decode()
    assert not HealthCheck.objects.exists()


def test_dont_know_leaves_a_factor_unrated(cast):
    cast.client("partner").post(take_url(cast.collaboration), form_data(pace=2, history=""))
    assert list(Rating.objects.values_list("factor", flat=True)) == ["pace"]


def test_a_retake_is_prefilled_and_adds_a_new_check(cast):
    client = cast.client("partner")
    client.post(take_url(cast.collaboration), form_data(pace=2, clear_roles=3))
    html = client.get(page_url(cast.collaboration)).content.decode()
    assert _checked(html, "pace") == "2"
    assert _checked(html, "clear-roles") == "3"
    assert _checked(html, "history") == ""  # "don't know", as last time
    assert "Save my new ratings" in html
    client.post(take_url(cast.collaboration), form_data(pace=4, clear_roles=3))
    assert HealthCheck.objects.filter(user=cast.partner.user).count() == 2
    html = client.get(page_url(cast.collaboration)).content.decode()
    assert _checked(html, "pace") == "4"


def test_another_members_ratings_are_not_prefilled(cast):
    rate(cast.partner, pace=2)
    html = cast.client("viewer").get(page_url(cast.collaboration)).content.decode()
    assert _checked(html, "pace") == ""  # "don't know" until the viewer says otherwise


def test_with_no_ratings_the_page_explains_and_shows_the_form(cast):
    response = cast.client("viewer").get(page_url(cast.collaboration))
    assert response.status_code == 200
    html = response.content.decode()
    assert "No member has rated the collaboration yet" in html
    assert 'id="results-heading"' not in html
    assert f'action="{take_url(cast.collaboration)}"' in html
    assert html.count('type="radio"') == 20 * 6
