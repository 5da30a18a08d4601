"""Work links across tools: stakeholders become partners, indicators get measurements."""

from __future__ import annotations

import pytest
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


def test_resource_ledger_shows_totals_by_partner_sector_and_kind(cast):
    city = cast.partner.partner
    city.sector = "government"
    city.save()
    _sheet(
        cast,
        "account-for-resources",
        {
            "resources": [
                {"id": "r1", "partner": city.pk, "kind": "funding", "value": 1000.0},
                {"id": "r2", "partner": city.pk, "kind": "staff_time", "value": 250.5},
                {"id": "r3", "partner": None, "kind": "funding", "value": 100.0},
            ]
        },
    )
    response = cast.client("viewer").get(
        reverse("stages:worksheet", args=[cast.collaboration.pk, "account-for-resources"])
    )
    totals = {
        t.heading: dict(t.lines)
        for _table, sums in response.context["links"]["totals"]
        for t in sums
    }
    assert totals["By partner"]["Workforce Alliance"] == "1,250.50"
    assert totals["By sector"]["Government"] == "1,250.50"
    assert totals["By kind"]["Funding"] == "1,100.00"
    assert totals["Overall"]["Total"] == "1,350.50"
