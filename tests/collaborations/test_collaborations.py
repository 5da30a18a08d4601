"""Starting, editing and archiving a collaboration."""

from __future__ import annotations

import pytest
from django.urls import reverse

from collaborations.models import Collaboration, Membership, Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_creator_becomes_facilitator(client):
    user = make_user()
    client.force_login(user)
    response = client.post(
        reverse("collaboration-new"),
        {
            "name": "Eastside Food Access",
            "issue": "Families far from fresh food",
            "community": "Eastside",
            "start_date": "2026-05-01",
            "description": "Grocers, clinics and the city.",
        },
    )
    collaboration = Collaboration.objects.get(name="Eastside Food Access")
    assert response.status_code == 302
    assert response["Location"] == reverse("collaboration", args=[collaboration.pk])
    membership = Membership.objects.get(collaboration=collaboration, user=user)
    assert membership.role == Role.FACILITATOR
    assert str(collaboration.start_date) == "2026-05-01"


def test_create_requires_sign_in(client):
    response = client.get(reverse("collaboration-new"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_bad_input_is_explained_at_the_field_and_kept(client):
    client.force_login(make_user())
    response = client.post(
        reverse("collaboration-new"),
        {"name": "Kept name", "issue": "", "community": "Kept place", "start_date": "31/31/2026"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "issue" in form.errors
    assert "start_date" in form.errors
    page = response.content.decode()
    assert 'value="Kept name"' in page
    assert 'value="Kept place"' in page
    assert 'value="31/31/2026"' in page
    assert "Please correct the 2 problems below." in page
    assert 'href="#id_issue"' in page
    assert not Collaboration.objects.exists()


def test_over_long_name_is_refused_with_a_message(client):
    client.force_login(make_user())
    response = client.post(
        reverse("collaboration-new"),
        {"name": "x" * 201, "issue": "i", "community": "c"},
    )
    assert "201 characters long; the limit is 200" in str(response.context["form"].errors["name"])


def test_facilitator_edits_details(cast):
    url = reverse("collaborations:edit", args=[cast.collaboration.pk])
    response = cast.client("facilitator").post(
        url, {"name": "Riverside Youth Jobs 2.0", "issue": "Same", "community": "Riverside"}
    )
    assert response.status_code == 302
    cast.collaboration.refresh_from_db()
    assert cast.collaboration.name == "Riverside Youth Jobs 2.0"


def test_edit_form_keeps_input_on_error(cast):
    url = reverse("collaborations:edit", args=[cast.collaboration.pk])
    response = cast.client("facilitator").post(
        url, {"name": "", "issue": "A new issue text", "community": "Riverside"}
    )
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert "A new issue text" in response.content.decode()
    cast.collaboration.refresh_from_db()
    assert cast.collaboration.name == "Riverside Youth Jobs"


def _form(page: str) -> str:
    return page.split('<form method="post" class="d-flex', 1)[1].split("</form>", 1)[0]


def test_archive_and_restore_each_ask_on_a_page_of_their_own(cast):
    url = reverse("collaborations:archive", args=[cast.collaboration.pk])
    client = cast.client("facilitator")
    dashboard = client.get(reverse("collaboration", args=[cast.collaboration.pk])).content
    assert f'href="{url}"'.encode() in dashboard  # a link to the question, not a button
    asked = client.get(url)
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Archive Riverside Youth Jobs?" in page and "read-only" in page
    assert 'name="archive" value="yes"' in _form(page)
    cast.collaboration.refresh_from_db()
    assert not cast.collaboration.is_archived  # asking changes nothing
    client.post(url, {"archive": "yes"})
    cast.collaboration.refresh_from_db()
    assert cast.collaboration.is_archived
    dashboard = client.get(reverse("collaboration", args=[cast.collaboration.pk]))
    assert "This collaboration is archived" in dashboard.content.decode()
    page = client.get(url).content.decode()
    assert "Restore Riverside Youth Jobs?" in page
    assert 'name="archive" value="no"' in _form(page)
    client.post(url, {"archive": "no"})
    cast.collaboration.refresh_from_db()
    assert not cast.collaboration.is_archived


def test_a_second_click_on_archive_leaves_it_archived(cast):
    url = reverse("collaborations:archive", args=[cast.collaboration.pk])
    client = cast.client("facilitator")
    client.post(url, {"archive": "yes"})
    cast.collaboration.refresh_from_db()
    archived_at = cast.collaboration.archived_at
    assert client.post(url, {"archive": "yes"}).status_code == 302
    cast.collaboration.refresh_from_db()
    assert cast.collaboration.archived_at == archived_at


def test_archive_without_saying_which_is_refused(cast):
    url = reverse("collaborations:archive", args=[cast.collaboration.pk])
    assert cast.client("facilitator").post(url, {"archive": "maybe"}).status_code == 400
    cast.collaboration.refresh_from_db()
    assert not cast.collaboration.is_archived
