"""Who else is on a worksheet page, and what they saved since it was loaded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from stages.models import WorksheetPresence
from stages.worksheets.declarations import definition_for
from tests.stages.worksheet_data import answers_post

pytestmark = pytest.mark.django_db

VISION = "share-a-vision-of-success"


def _page(cast) -> str:
    return reverse("stages:worksheet", args=[cast.collaboration.pk, VISION])


def _beat(cast) -> str:
    return reverse("stages:worksheet-presence", args=[cast.collaboration.pk, VISION])


@pytest.fixture
def named(cast):
    for membership, first, last in [
        (cast.facilitator, "Maria", "Lopez"),
        (cast.partner, "Kofi", "Mensah"),
    ]:
        membership.user.first_name, membership.user.last_name = first, last
        membership.user.save()
    return cast


def test_the_page_shows_who_was_there_when_it_loaded(named):
    cast = named
    cast.client("facilitator").get(_page(cast))
    page = cast.client("partner").get(_page(cast)).content.decode()
    assert "Maria Lopez" in page
    assert "is also on this page." in page
    # Nobody else: no line about it, and never oneself.
    alone = cast.client("facilitator").get(_page(cast)).content.decode()
    assert "Kofi Mensah" in alone  # Kofi's page is still open
    assert "Maria Lopez\n" not in alone.split('id="presence"')[1].split("</div>")[0]


def test_the_heartbeat_keeps_people_present_for_a_minute(named):
    cast = named
    maria, kofi = cast.client("facilitator"), cast.client("partner")
    maria.post(_beat(cast), {"version": "0"})
    response = kofi.post(_beat(cast), {"version": "0"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="presence"')
    assert "Maria Lopez" in fragment and "is also on this page." in fragment
    WorksheetPresence.objects.filter(user=cast.facilitator.user).update(
        seen_at=timezone.now() - timedelta(seconds=61)
    )
    assert "Maria Lopez" not in kofi.post(_beat(cast), {"version": "0"}).content.decode()


def test_the_heartbeat_tells_what_someone_else_saved_since_the_page_loaded(named):
    cast = named
    maria, kofi = cast.client("facilitator"), cast.client("partner")
    definition = definition_for(VISION)
    maria.post(_page(cast), answers_post(definition, {"vision": "A"}, 0))
    kofi.get(_page(cast))  # Kofi's page shows version 1
    maria.post(_page(cast), answers_post(definition, {"vision": "A", "goals": "B"}, 1))
    fragment = kofi.post(_beat(cast), {"version": ["1", "1"]}).content.decode()
    assert "Maria Lopez saved" in fragment
    assert ": Goals." in fragment
    assert "Update the answers you are not editing" in fragment
    assert 'id="presence-version" name="version" value="1"' in fragment
    # Up to date (the form's version moved on after an update): nothing to tell.
    assert "saved" not in kofi.post(_beat(cast), {"version": ["1", "2"]}).content.decode()
    # One's own saves are not news.
    assert "saved" not in maria.post(_beat(cast), {"version": "1"}).content.decode()
    # A viewer is offered the new version to read.
    viewer = cast.client("viewer").post(_beat(cast), {"version": "1"}).content.decode()
    assert "Show the new version" in viewer


@pytest.mark.parametrize(
    ("who", "status"),
    [("facilitator", 200), ("partner", 200), ("viewer", 200), ("outsider", 404)],
)
def test_the_heartbeat_is_for_members_only(cast, who, status):
    assert cast.client(who).post(_beat(cast), {"version": "0"}).status_code == status
    assert WorksheetPresence.objects.filter(tool__slug=VISION).count() == (status == 200)


def test_the_heartbeat_asks_anonymous_visitors_to_sign_in_and_takes_only_posts(cast):
    response = cast.client("anonymous").post(_beat(cast), {"version": "0"})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert cast.client("partner").get(_beat(cast)).status_code == 405
    assert not WorksheetPresence.objects.exists()


@pytest.mark.parametrize("version", ["²", "-1", "1.5", "one", ""])
def test_a_heartbeat_with_a_malformed_version_is_taken_as_the_current_one(cast, version):
    """A version that is not a whole number is left aside: the heartbeat still answers who
    is here, as of the version saved."""
    response = cast.client("partner").post(_beat(cast), {"version": [version]})
    assert response.status_code == 200
    assert 'id="presence-version" name="version" value="0"' in response.content.decode()
