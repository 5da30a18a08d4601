"""Every support log URL, tried by every member of the cast: all members read, only the
facilitator writes, outsiders get 404, anonymous visitors are sent to sign in, and a refused
write changes nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from support.models import Activity, Barrier, ResourceLead
from tests.conftest import EVERYONE
from tests.factories import make_collaboration
from tests.support.factories import make_activity, make_barrier, make_lead

pytestmark = pytest.mark.django_db

KINDS = ["activity", "lead", "barrier"]
FORM_PAGES = [
    *((f"{kind}-new", kind, False) for kind in KINDS),
    *((f"{kind}-edit", kind, True) for kind in KINDS),
    *((f"{kind}-delete", kind, True) for kind in KINDS),
]
VALID = {
    "activity": {
        "date": "2026-05-14",
        "strategy": "convening",
        "mode": "face_to_face",
        "description": "Steering committee retreat",
    },
    "lead": {"source": "State youth jobs fund", "kind": "funding", "status": "requested"},
    "barrier": {"what": "Background checks take two months", "status": "open"},
}
EXPECTED = {"facilitator": 200, "partner": 403, "viewer": 403, "outsider": 404}


@pytest.fixture
def entries(cast) -> dict:
    collaboration = cast.collaboration
    return {
        "activity": make_activity(collaboration),
        "lead": make_lead(collaboration),
        "barrier": make_barrier(collaboration),
    }


def _url(cast, entries, name: str, kind: str, with_entry: bool) -> str:
    args = [cast.collaboration.pk] + ([entries[kind].pk] if with_entry else [])
    return reverse(f"support:{name}", args=args)


def _snapshot() -> tuple:
    """Everything a refused write could have changed."""
    return (
        list(Activity.objects.order_by("pk").values_list("date", "strategy", "description")),
        list(ResourceLead.objects.order_by("pk").values_list("source", "kind", "status")),
        list(Barrier.objects.order_by("pk").values_list("what", "status")),
    )


def _assert_refused(response, who: str) -> None:
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == EXPECTED[who]


@pytest.mark.parametrize("who", EVERYONE)
def test_every_member_reads_the_log(cast, entries, who):
    response = cast.client(who).get(reverse("support:log", args=[cast.collaboration.pk]))
    if who == "anonymous":
        _assert_refused(response, who)
    elif who == "outsider":
        assert response.status_code == 404
        assert cast.collaboration.name not in response.content.decode()
    else:
        assert response.status_code == 200
        page = response.content.decode()
        assert "Technical-assistance call on the stakeholder map" in page
        assert "Community foundation small grants" in page
        assert "Work permits take six weeks" in page


@pytest.mark.parametrize("who", ["partner", "viewer"])
def test_readers_are_not_offered_changes(cast, entries, who):
    page = cast.client(who).get(reverse("support:log", args=[cast.collaboration.pk]))
    content = page.content.decode()
    for kind in KINDS:
        assert reverse(f"support:{kind}-new", args=[cast.collaboration.pk]) not in content
    assert "Record an activity" not in content


def test_facilitator_is_offered_every_change(cast, entries):
    page = cast.client("facilitator").get(reverse("support:log", args=[cast.collaboration.pk]))
    content = page.content.decode()
    for name, kind, with_entry in FORM_PAGES:
        assert _url(cast, entries, name, kind, with_entry) in content


@pytest.mark.parametrize(("name", "kind", "with_entry"), FORM_PAGES)
@pytest.mark.parametrize("who", EVERYONE)
def test_form_pages_open_only_to_the_facilitator(cast, entries, who, name, kind, with_entry):
    response = cast.client(who).get(_url(cast, entries, name, kind, with_entry))
    if who == "facilitator":
        assert response.status_code == 200
    else:
        _assert_refused(response, who)


WRITES = [(kind, action) for kind in KINDS for action in ("new", "edit", "delete")]


@pytest.mark.parametrize(("kind", "action"), WRITES)
def test_facilitator_writes_take_effect_and_return_to_the_log(cast, entries, kind, action):
    url = _url(cast, entries, f"{kind}-{action}", kind, action != "new")
    data = {} if action == "delete" else VALID[kind]
    before = _snapshot()
    response = cast.client("facilitator").post(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("support:log", args=[cast.collaboration.pk]))
    assert _snapshot() != before


@pytest.mark.parametrize("kind", KINDS)
def test_entries_of_another_collaboration_are_404(cast, kind):
    other = make_collaboration()
    foreign = {"activity": make_activity, "lead": make_lead, "barrier": make_barrier}[kind](other)
    client = cast.client("facilitator")
    cid = cast.collaboration.pk
    before = _snapshot()
    for name in ["edit", "delete"]:
        url = reverse(f"support:{kind}-{name}", args=[cid, foreign.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, VALID[kind]).status_code == 404
    assert _snapshot() == before


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_entry_ids_are_404(cast, kind):
    client = cast.client("facilitator")
    url = reverse(f"support:{kind}-edit", args=[cast.collaboration.pk, 999999])
    assert client.get(url).status_code == 404


def test_unknown_collaboration_is_404(cast):
    missing = cast.collaboration.pk + 1000
    client = cast.client("facilitator")
    assert client.get(reverse("support:log", args=[missing])).status_code == 404
    assert client.get(reverse("support:activity-new", args=[missing])).status_code == 404


def test_archived_collaboration_log_is_read_only(cast, entries):
    cast.collaboration.archived_at = cast.collaboration.created_at
    cast.collaboration.save()
    client = cast.client("facilitator")
    page = client.get(reverse("support:log", args=[cast.collaboration.pk]))
    assert page.status_code == 200
    assert "Technical-assistance call on the stakeholder map" in page.content.decode()
    assert "Record an activity" not in page.content.decode()
    before = _snapshot()
    for kind, action in WRITES:
        url = _url(cast, entries, f"{kind}-{action}", kind, action != "new")
        assert client.post(url, {} if action == "delete" else VALID[kind]).status_code == 403
    assert _snapshot() == before
