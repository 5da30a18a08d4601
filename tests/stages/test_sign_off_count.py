"""Each partner's number of sign-offs, kept by the database (`collaborations_partner.sign_offs`,
stages/migrations/0013_partner_sign_off_count.py), whichever way sign-offs come and go. The
portfolio's flags and CSV read it; these tests run on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.db import connection
from django.urls import reverse

from collaborations.models import Partner
from stages.models import SignOff, Tool
from tests.factories import make_collaboration, make_partner

pytestmark = pytest.mark.django_db

CONSENSUS = ["share-a-vision-of-success", "share-discretion", "commit-to-information-sharing"]


def kept_counts() -> dict[int, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, sign_offs FROM collaborations_partner")
        return dict(cursor.fetchall())


def true_counts() -> dict[int, int]:
    counts = dict.fromkeys(Partner.objects.values_list("pk", flat=True), 0)
    for partner_id in SignOff.objects.values_list("partner_id", flat=True):
        counts[partner_id] += 1
    return counts


def sign_off(partner: Partner, slug: str, position: str = "agrees") -> SignOff:
    return SignOff.objects.create(
        collaboration=partner.collaboration,
        tool=Tool.objects.get(slug=slug),
        partner=partner,
        position=position,
    )


def test_a_position_recorded_counts_once_however_often_it_is_changed(cast):
    url = reverse("stages:worksheet-sign-off", args=[cast.collaboration.pk, CONSENSUS[0]])
    client, partner = cast.client("partner"), cast.partner.partner
    client.post(url, {"sign-off-position": "reservations", "sign-off-note": "A budget line."})
    client.post(url, {"sign-off-position": "agrees"})
    assert kept_counts()[partner.pk] == 1
    client.post(reverse("stages:worksheet-sign-off", args=[cast.collaboration.pk, CONSENSUS[1]]),
                {"sign-off-position": "agrees"})  # fmt: skip
    assert kept_counts() == true_counts()
    assert kept_counts()[partner.pk] == 2


def test_sign_offs_added_at_once_removed_and_moved_keep_the_count():
    collaboration = make_collaboration()
    first, second = make_partner(collaboration), make_partner(collaboration)
    tools = {tool.slug: tool for tool in Tool.objects.filter(slug__in=CONSENSUS)}
    # As the demo data and an imported collaboration add them.
    SignOff.objects.bulk_create(
        SignOff(collaboration=collaboration, tool=tool, partner=partner, position="agrees")
        for tool in tools.values()
        for partner in (first, second)
    )
    assert kept_counts() == {first.pk: 3, second.pk: 3}
    SignOff.objects.filter(partner=first, tool=tools[CONSENSUS[0]]).delete()
    assert kept_counts() == {first.pk: 2, second.pk: 3}
    # A sign-off moved from one organization to another (the admin allows it).
    SignOff.objects.filter(partner=second, tool=tools[CONSENSUS[0]]).update(partner=first)
    assert kept_counts() == {first.pk: 3, second.pk: 2}
    assert kept_counts() == true_counts()


def test_saving_a_partner_read_before_a_sign_off_keeps_the_new_count():
    collaboration = make_collaboration()
    partner = make_partner(collaboration)
    read_earlier = Partner.objects.get(pk=partner.pk)
    sign_off(partner, CONSENSUS[0])
    read_earlier.name = "Renamed Alliance"
    read_earlier.save()
    assert kept_counts()[partner.pk] == 1


def test_deleting_a_collaboration_or_a_partner_takes_their_sign_offs_with_them():
    collaboration, other = make_collaboration(), make_collaboration()
    leaving, staying, elsewhere = (
        make_partner(collaboration),
        make_partner(collaboration),
        make_partner(other),
    )
    for partner in (leaving, staying, elsewhere):
        sign_off(partner, CONSENSUS[0])
        sign_off(partner, CONSENSUS[1])
    leaving.delete()
    assert kept_counts() == {staying.pk: 2, elsewhere.pk: 2}
    collaboration.delete()
    assert kept_counts() == {elsewhere.pk: 2} == true_counts()


def test_the_migration_counts_the_sign_offs_already_recorded():
    collaboration = make_collaboration()
    partner = make_partner(collaboration)
    sign_off(partner, CONSENSUS[0])
    sign_off(partner, CONSENSUS[1])
    migration = importlib.import_module("stages.migrations.0013_partner_sign_off_count")
    # Run inside the test's transaction (SQLite's schema editor refuses one): the migration's
    # steps are plain statements.
    editor = SimpleNamespace(connection=connection, execute=connection.cursor().execute)
    if connection.vendor == "postgresql":
        # Foreign keys checked now, as a migration's own transaction would find them.
        editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    migration.stop_counting(None, editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM collaborations_partner WHERE id = %s", [partner.pk])
        assert "sign_offs" not in [column[0] for column in cursor.description]
    migration.count_sign_offs(None, editor)
    assert kept_counts() == {partner.pk: 2}
    sign_off(partner, CONSENSUS[2])
    assert kept_counts() == {partner.pk: 3}
