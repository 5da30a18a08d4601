"""Export and import of one collaboration: a round trip keeps everything, an import never
touches what is already there, people are matched by email, and foreign files are refused."""

from __future__ import annotations

import copy

import pytest

from collaborations.models import Collaboration, Invitation, Membership, Partner, Role
from health.models import HealthCheck, Rating
from stages.models import Comment, Measurement, SignOff, Worksheet, WorksheetRevision
from support.models import Activity, Barrier, ResourceLead
from tests.factories import make_collaboration, make_partner
from tests.transfer.helpers import fill_everything
from transfer.exchange import (
    VERSION,
    TransferError,
    export_collaboration,
    import_collaboration,
)

pytestmark = pytest.mark.django_db


def _content(export: dict) -> dict:
    return {key: value for key, value in export.items() if key != "exported_at"}


@pytest.fixture
def filled(cast):
    fill_everything(cast)
    return cast


def test_export_import_export_gives_the_same_content(filled):
    first = export_collaboration(filled.collaboration)
    imported = import_collaboration(copy.deepcopy(first)).collaboration
    assert imported.pk != filled.collaboration.pk
    second = export_collaboration(imported)
    assert _content(second) == _content(first)


def test_the_export_carries_every_part_of_the_collaboration(filled):
    data = export_collaboration(filled.collaboration)
    assert data["version"] == VERSION
    assert {p["name"] for p in data["partners"]} >= {"County Workforce Board", "Former Ally"}
    assert {m["email"] for m in data["members"]} == {
        "fac@example.org",
        "part@example.org",
        "view@example.org",
        "funder@example.org",
    }
    # Only the pending invitation; no secret tokens.
    assert [i["email"] for i in data["invitations"]] == ["new.partner@example.org"]
    assert "token" not in data["invitations"][0]
    sheets = {w["tool"]: w for w in data["worksheets"]}
    assert set(sheets) == {
        "engage-potential-partners",
        "account-for-resources",
        "agree-on-measures-of-success",
    }
    ledger = sheets["account-for-resources"]
    assert [r["version"] for r in ledger["revisions"]] == [1, 2]
    assert ledger["revisions"][1]["note"] == "Please look at the ledger"
    # Partner references inside answers are written as names, not database ids.
    assert {row["partner"] for row in ledger["answers"]["resources"]} <= {
        p["name"] for p in data["partners"]
    }
    assert data["sign_offs"][0]["partner"] == "County Workforce Board"
    assert data["sign_offs"][0]["on_behalf"] is True
    merged = [r for w in data["worksheets"] for r in w["revisions"] if r["merged_with"]]
    assert [(r["merged_with"], r["folded"]) for r in merged] == [(["fac@example.org"], True)]
    assert data["collaboration"]["currency"]
    history = data["measurement_history"]
    assert [(h["action"], h["measurement"]) for h in history] == [
        ("recorded", 0),
        ("changed", 0),
        ("removed", None),
    ]
    assert [c["body"] for c in data["comments"]] == ["Can we name the employers?", "Anon"]
    assert data["measurements"][0]["value"] == "42.1250"
    assert len(data["support"]["activities"]) == 1
    assert {lead["amount"] for lead in data["support"]["resource_leads"]} == {"25000.50", None}
    assert data["support"]["barriers"][0]["status"] == "in_progress"
    assert [len(h["ratings"]) for h in data["health_checks"]] == [20, 2]


def test_import_creates_anew_beside_existing_data_and_overwrites_nothing(filled):
    other = make_collaboration(name="Someone else's collaboration")
    make_partner(other, name="County Workforce Board")
    before = {
        model: list(model.objects.order_by("pk").values())
        for model in (Collaboration, Partner, Membership, Worksheet, WorksheetRevision, HealthCheck)
    }
    data = export_collaboration(filled.collaboration)
    result = import_collaboration(data)
    new = result.collaboration
    for model, rows in before.items():
        assert (
            list(model.objects.filter(pk__in=[r["id"] for r in rows]).order_by("pk").values())
            == rows
        )
    # Everything of the new one is new rows belonging to it.
    assert new.partners.count() == len(data["partners"])
    assert new.memberships.count() == 4
    assert new.worksheets.count() == 3
    assert WorksheetRevision.objects.filter(worksheet__collaboration=new).count() == 6
    assert SignOff.objects.filter(collaboration=new).count() == 1
    assert Comment.objects.filter(collaboration=new).count() == 2
    assert Measurement.objects.filter(collaboration=new).count() == 1
    assert Activity.objects.filter(collaboration=new).count() == 1
    assert ResourceLead.objects.filter(collaboration=new).count() == 2
    assert Barrier.objects.filter(collaboration=new).count() == 1
    assert Rating.objects.filter(health_check__collaboration=new).count() == 22
    assert result.unknown_people == {}


def test_partner_references_in_answers_point_to_the_new_partners(filled):
    result = import_collaboration(export_collaboration(filled.collaboration))
    new_partner_ids = set(result.collaboration.partners.values_list("pk", flat=True))
    ledger = result.collaboration.worksheets.get(tool__slug="account-for-resources")
    referenced = {row["partner"] for row in ledger.answers["resources"]}
    assert referenced and referenced <= new_partner_ids
    old_ids = set(filled.collaboration.partners.values_list("pk", flat=True))
    assert not referenced & old_ids


def test_pending_invitations_get_new_links(filled):
    new = import_collaboration(export_collaboration(filled.collaboration)).collaboration
    old = Invitation.objects.get(
        collaboration=filled.collaboration, email="new.partner@example.org"
    )
    copied = Invitation.objects.get(collaboration=new)
    assert copied.email == old.email
    assert copied.partner.name == "County Workforce Board"
    assert copied.token != old.token
    assert copied.expires_at == old.expires_at


def test_a_pending_invitation_keeps_the_language_it_is_mailed_in(filled):
    """An invitation written to go out in Spanish still goes out in Spanish after the move."""
    Invitation.objects.filter(
        collaboration=filled.collaboration, email="new.partner@example.org"
    ).update(language="es")
    new = import_collaboration(export_collaboration(filled.collaboration)).collaboration
    assert new.invitations.get().language == "es"


def test_an_export_from_before_revision_details_and_measurement_history_still_imports(filled):
    """A file from the first release of the format, before revisions said how they were made
    and before indicators kept their history, imports with those details at their defaults."""
    data = export_collaboration(filled.collaboration)
    del data["measurement_history"]
    del data["collaboration"]["currency"]
    for sign_off in data["sign_offs"]:
        del sign_off["on_behalf"]
    for sheet in data["worksheets"]:
        for revision in sheet["revisions"]:
            for key in ("kind", "merged_with", "folded", "started_at"):
                del revision[key]
    new = import_collaboration(data).collaboration
    revisions = WorksheetRevision.objects.filter(worksheet__collaboration=new)
    assert revisions.count() == 6
    assert {(r.kind, r.folded, r.started_at) for r in revisions} == {("saved", False, None)}
    assert not any(r.merged_with.exists() for r in revisions)
    assert new.measurements.count() == 1
    assert not new.measurement_changes.exists()


def test_people_are_matched_by_email_and_unknown_people_listed(filled):
    data = export_collaboration(filled.collaboration)
    for member in data["members"]:
        if member["email"] == "view@example.org":
            member["email"] = "VIEW@Example.org"
        if member["email"] == "funder@example.org":
            member["email"] = "stranger@elsewhere.org"
    data["health_checks"][0]["user"] = "gone@elsewhere.org"
    result = import_collaboration(data)
    new = result.collaboration
    viewer = new.memberships.get(role=Role.VIEWER)
    assert viewer.user == filled.viewer.user
    assert set(result.unknown_people) == {"stranger@elsewhere.org", "gone@elsewhere.org"}
    assert "invitation" in result.unknown_people["stranger@elsewhere.org"]
    assert new.invitations.filter(email="stranger@elsewhere.org", role=Role.VIEWER).exists()
    assert result.skipped_health_checks == 1
    assert new.health_checks.count() == 1


def test_a_facilitator_can_be_named_for_the_imported_collaboration(filled):
    data = export_collaboration(filled.collaboration)
    result = import_collaboration(data, facilitator=filled.outsider)
    membership = result.collaboration.memberships.get(user=filled.outsider)
    assert membership.role == Role.FACILITATOR


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=VERSION + 1), "format version 2; this installation reads"),
        (lambda d: d.update(format="something-else"), "not an Intersector collaboration export"),
        (lambda d: d.pop("partners"), "incomplete or damaged"),
        (lambda d: d["worksheets"][0].update(tool="no-such-tool"), "no-such-tool"),
        (lambda d: d["sign_offs"][0].update(partner="Nobody Inc"), "Nobody Inc"),
        (lambda d: d["partners"][0].update(sector="pirates"), "refuses"),
        # A date that is written like one but does not exist.
        (lambda d: d["measurements"][0].update(date="2026-02-30"), "'2026-02-30' is not a date"),
        (
            lambda d: d["comments"][0].update(created_at="2026-02-30T10:00:00+00:00"),
            "is not a date and time",
        ),
        # Values that are not numbers an amount or a measurement can hold.
        (lambda d: d["measurements"][0].update(value="NaN"), "'NaN' is not a number"),
        (lambda d: d["measurements"][0].update(value="Infinity"), "'Infinity' is not a number"),
        (lambda d: d["health_checks"][0]["ratings"].update(history="x"), "incomplete or damaged"),
        # Answers that are not a worksheet's answers, on any tool: the worksheet's page and the
        # dashboard could not show them.
        *(
            (
                lambda d, i=i: d["worksheets"][i].update(answers=["x"]),
                "answers that are not a worksheet's",
            )
            for i in range(3)
        ),
        (
            lambda d: d["worksheets"][0]["revisions"][0].update(answers="x"),
            "answers that are not a worksheet's",
        ),
        # A history entry naming a measurement the file does not list.
        (lambda d: d["measurement_history"][0].update(measurement=5), "measurement it does not"),
        (lambda d: d["measurement_history"][0].update(measurement=-1), "measurement it does not"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_with_a_clear_message_and_nothing_made(
    filled, change, message
):
    data = export_collaboration(filled.collaboration)
    change(data)
    count = Collaboration.objects.count()
    with pytest.raises(TransferError, match=message):
        import_collaboration(data)
    assert Collaboration.objects.count() == count


def test_export_queries_do_not_grow_with_the_content(filled, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        export_collaboration(filled.collaboration)
