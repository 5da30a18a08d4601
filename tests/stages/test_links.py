"""Work links across tools: stakeholders become partners, indicators get measurements."""

from __future__ import annotations

import pytest
from django.db.models import QuerySet
from django.urls import reverse

from collaborations.models import Partner
from stages.models import Measurement, Tool, Worksheet

pytestmark = pytest.mark.django_db

STAKEHOLDERS = "engage-potential-partners"
MEASURES = "agree-on-measures-of-success"


def _sheet(cast, slug: str, answers: dict) -> Worksheet:
    return Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug=slug),
        answers=answers,
        version=1,
        status=Worksheet.Status.IN_PROGRESS,
    )


def test_a_stakeholder_becomes_a_partner_in_one_action(cast):
    _sheet(
        cast,
        STAKEHOLDERS,
        {"stakeholders": [{"id": "s1", "organization": "Harbor Logistics", "sector": "business"}]},
    )
    page = cast.client("facilitator").get(
        reverse("stages:worksheet", args=[cast.collaboration.pk, STAKEHOLDERS])
    )
    url = reverse(
        "stages:worksheet-row-to-partner",
        args=[cast.collaboration.pk, STAKEHOLDERS, "stakeholders", "s1"],
    )
    assert url in page.content.decode()
    assert cast.client("partner").post(url).status_code == 403
    assert cast.client("outsider").post(url).status_code == 404
    assert cast.client("facilitator").post(url).status_code == 302
    partner = Partner.objects.get(name="Harbor Logistics")
    assert (partner.sector, partner.status) == ("business", "potential")
    # Doing it twice does not add it twice.
    cast.client("facilitator").post(url)
    assert Partner.objects.filter(name="Harbor Logistics").count() == 1


def test_a_stakeholder_made_a_partner_by_two_clicks_at_once_is_one_partner(cast, monkeypatch):
    """The other click added the partner after this one looked for it: this one says it is
    a partner already, and there is one."""
    _sheet(
        cast,
        STAKEHOLDERS,
        {"stakeholders": [{"id": "s1", "organization": "Harbor Logistics", "sector": "business"}]},
    )
    looked = QuerySet.exists

    def other_click_lands_just_after(queryset):
        found = looked(queryset)
        if queryset.model is Partner:
            Partner.objects.create(
                collaboration=cast.collaboration, name="Harbor Logistics", sector="business"
            )
        return found

    monkeypatch.setattr(QuerySet, "exists", other_click_lands_just_after)
    url = reverse(
        "stages:worksheet-row-to-partner",
        args=[cast.collaboration.pk, STAKEHOLDERS, "stakeholders", "s1"],
    )
    response = cast.client("facilitator").post(url, follow=True)
    assert response.status_code == 200
    assert "Harbor Logistics is already a partner." in response.content.decode()
    assert Partner.objects.filter(name="Harbor Logistics").count() == 1


def test_unknown_rows_and_tables_are_404(cast):
    _sheet(cast, STAKEHOLDERS, {"stakeholders": [{"id": "s1", "organization": "X"}]})
    for table, row in [("stakeholders", "nope"), ("nothing", "s1")]:
        url = reverse(
            "stages:worksheet-row-to-partner",
            args=[cast.collaboration.pk, STAKEHOLDERS, table, row],
        )
        assert cast.client("facilitator").post(url).status_code == 404


def test_indicator_measurements_show_progress_against_target(cast):
    _sheet(
        cast,
        MEASURES,
        {
            "indicators": [
                {
                    "id": "i1",
                    "name": "Youth placed in jobs",
                    "unit": "people",
                    "baseline": 40,
                    "target": 140,
                }
            ]
        },
    )
    url = reverse("stages:indicator", args=[cast.collaboration.pk, MEASURES, "indicators", "i1"])
    assert cast.client("viewer").get(url).status_code == 200
    assert cast.client("viewer").post(url, {"date": "2026-09-30", "value": "90"}).status_code == 403
    assert cast.client("outsider").get(url).status_code == 404
    response = cast.client("partner").post(url, {"date": "2026-09-30", "value": "90", "note": "Q3"})
    assert response.status_code == 302
    page = cast.client("viewer").get(url).content.decode()
    assert "50% of the way from baseline to target" in page
    assert Measurement.objects.get().note == "Q3"


def test_bad_measurements_are_explained_and_kept(cast):
    _sheet(
        cast, MEASURES, {"indicators": [{"id": "i1", "name": "Jobs", "baseline": 0, "target": 10}]}
    )
    url = reverse("stages:indicator", args=[cast.collaboration.pk, MEASURES, "indicators", "i1"])
    response = cast.client("partner").post(
        url, {"date": "yesterday", "value": "lots", "note": "kept"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Enter a valid date" in page
    assert "Enter a number" in page
    assert 'value="kept"' in page
    assert not Measurement.objects.exists()


def _ledger_totals(cast, rows: list[dict]) -> dict:
    _sheet(cast, "account-for-resources", {"resources": rows})
    response = cast.client("viewer").get(
        reverse("stages:worksheet", args=[cast.collaboration.pk, "account-for-resources"])
    )
    return {
        t.heading: {label: dict(zip(t.columns, amounts, strict=True)) for label, amounts in t.lines}
        for _table, sums in response.context["links"]["totals"]
        for t in sums
    }


def test_resource_ledger_totals_keep_each_status_apart(cast):
    city = cast.partner.partner
    city.sector = "government"
    city.save()
    totals = _ledger_totals(
        cast,
        [
            {
                "id": "r1",
                "partner": city.pk,
                "kind": "funding",
                "value": 500000.0,
                "status": "committed",
            },
            {
                "id": "r2",
                "partner": city.pk,
                "kind": "staff_time",
                "value": 20000.0,
                "status": "committed",
            },
            {
                "id": "r3",
                "partner": city.pk,
                "kind": "funding",
                "value": 250.5,
                "status": "pledged",
            },
            {
                "id": "r4",
                "partner": None,
                "kind": "funding",
                "value": 1000000.0,
                "status": "needed",
            },
        ],
    )
    partner = totals["By partner"]["Workforce Alliance"]
    assert partner["Committed"] == "$520,000"
    assert partner["Pledged"] == "$250.50"
    assert partner["Needed (still missing)"] == "—"
    assert totals["By sector"]["Government"]["Committed"] == "$520,000"
    assert totals["By kind"]["Funding"] == {
        "Committed": "$500,000",
        "Pledged": "$250.50",
        "Potential": "—",
        "Needed (still missing)": "$1,000,000",
    }
    # The million still needed is nobody's contribution and is never added to what is there.
    assert totals["By partner"]["Not given"]["Needed (still missing)"] == "$1,000,000"
    assert totals["Overall"]["Total"] == {
        "Committed": "$520,000",
        "Pledged": "$250.50",
        "Potential": "$0",
        "Needed (still missing)": "$1,000,000",
    }
    assert not any(
        "1,520" in amount
        for t in totals.values()
        for line in t.values()
        for amount in line.values()
    )


def test_resource_ledger_rows_without_a_status_are_totalled_apart(cast):
    totals = _ledger_totals(
        cast, [{"id": "r1", "partner": None, "kind": "data", "value": 10.0, "status": ""}]
    )
    assert totals["Overall"]["Total"]["Status not given"] == "$10"


def test_resource_ledger_totals_use_the_collaborations_currency(cast):
    cast.collaboration.currency = "EUR"
    cast.collaboration.save()
    totals = _ledger_totals(
        cast, [{"id": "r1", "partner": None, "kind": "data", "value": 2500.0, "status": "pledged"}]
    )
    assert totals["Overall"]["Total"]["Pledged"] == "€2,500"


def test_a_needed_resource_can_be_saved_without_a_partner(cast):
    from stages.models import Worksheet

    url = reverse("stages:worksheet", args=[cast.collaboration.pk, "account-for-resources"])
    client = cast.client("partner")
    data = {
        "version": "0",
        "resources-TOTAL_FORMS": "1",
        "resources-INITIAL_FORMS": "0",
        "resources-0-id": "new-abc",
        "resources-0-kind": "funding",
        "resources-0-description": "Money we still need",
        "resources-0-value": "1,000,000",
        "resources-0-status": "needed",
        "resources-0-ORDER": "1",
    }
    response = client.post(url, data)
    sheet = Worksheet.objects.get(tool__slug="account-for-resources")
    row = sheet.answers["resources"][0]
    assert response.status_code == 302, response.content.decode()[:2000]
    assert row["partner"] is None and row["value"] == 1000000 and row["status"] == "needed"
