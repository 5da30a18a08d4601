"""What the results say, computed from known ratings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collaborations.models import Role, Sector
from health.factors import FACTORS_BY_SLUG
from health.results import factors_chart, results, trend_chart
from stages.models import Tool
from tests.factories import make_member, make_partner
from tests.health.helpers import page_url, rate, rate_all

pytestmark = pytest.mark.django_db

JAN = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
FEB = datetime(2026, 2, 10, 12, 0, tzinfo=UTC)


def _member(cast, sector: str):
    return make_member(
        cast.collaboration, Role.PARTNER, partner=make_partner(cast.collaboration, sector=sector)
    )


@pytest.fixture
def rated(cast):
    """Two government members, a business one, the cast's nonprofit partner and the
    facilitator, who represents no organization."""
    gov1, gov2 = _member(cast, Sector.GOVERNMENT), _member(cast, Sector.GOVERNMENT)
    business = _member(cast, Sector.BUSINESS)
    rate(gov1, respect_and_trust=5, history=4, legitimacy=4, pace=2, clear_roles=3)
    rate(gov2, respect_and_trust=5, history=5, legitimacy=4, pace=3, clear_roles=3)
    rate(business, respect_and_trust=4, legitimacy=3, pace=2)
    rate(cast.partner, respect_and_trust=3, history=3, legitimacy=3, pace=3)
    rate(cast.facilitator, respect_and_trust=1, pace=3)
    return results(cast.collaboration)


def _factor(health, slug: str):
    return next(f for f in health.factors if f.factor.slug == slug)


def test_each_factor_averages_every_members_latest_rating(rated):
    assert rated.respondents == 5
    trust = _factor(rated, "respect-and-trust")
    assert trust.average == pytest.approx(18 / 5)
    assert trust.count == 5
    assert _factor(rated, "history").average == pytest.approx(4.0)
    assert _factor(rated, "shared-vision").average is None
    assert _factor(rated, "shared-vision").count == 0
    assert rated.overall == pytest.approx(
        (5 + 4 + 4 + 2 + 3 + 5 + 5 + 4 + 3 + 3 + 4 + 3 + 2 + 3 + 3 + 3 + 3 + 1 + 3) / 19
    )


def test_factors_come_in_theme_order(rated):
    slugs = [f.factor.slug for f in rated.factors]
    assert len(slugs) == 20
    assert slugs[:4] == ["history", "legitimacy", "climate", "respect-and-trust"]
    assert slugs[-1] == "leadership"
    assert rated.themes[0].theme.slug == "environment"


def test_spread_by_sector_leaves_out_members_without_an_organization(rated):
    assert [value for value, _label in rated.sectors] == ["government", "business", "nonprofit"]
    assert rated.without_sector == 1
    trust = _factor(rated, "respect-and-trust")
    assert [(s.sector, s.average, s.count) for s in trust.by_sector] == [
        ("government", 5.0, 2),
        ("business", 4.0, 1),
        ("nonprofit", 3.0, 1),
    ]
    assert trust.spread == 2.0
    assert trust.highest_sector.sector == "government"
    assert trust.lowest_sector.sector == "nonprofit"


def test_sectors_differing_by_one_and_a_half_points_or_more_are_flagged(rated):
    assert _factor(rated, "respect-and-trust").sectors_differ  # 5.0 against 3.0
    history = _factor(rated, "history")  # government 4.5, nonprofit 3.0
    assert history.spread == 1.5
    assert history.sectors_differ
    legitimacy = _factor(rated, "legitimacy")  # government 4.0, business and nonprofit 3.0
    assert legitimacy.spread == 1.0
    assert not legitimacy.sectors_differ
    pace = _factor(rated, "pace")
    assert not pace.sectors_differ
    assert [f.factor.slug for f in rated.differing_factors] == ["history", "respect-and-trust"]


def test_one_sector_alone_is_never_flagged(cast):
    rate(_member(cast, Sector.BUSINESS), pace=5)
    rate(cast.facilitator, pace=1)
    pace = _factor(results(cast.collaboration), "pace")
    assert pace.spread is None
    assert not pace.sectors_differ


def test_factors_averaging_below_three_are_weak_with_the_tools_that_help(rated):
    weak = rated.weak_factors
    assert [f.factor.slug for f in weak] == ["pace"]  # 13 / 5 = 2.6
    assert not _factor(rated, "clear-roles").is_weak  # exactly 3.0
    tools = [tool.slug for tool in weak[0].tools]
    assert tools == list(FACTORS_BY_SLUG["pace"].tools)
    assert [tool.name for tool in weak[0].tools] == [
        "Manage Expectations of Process and Results",
        "Account for Resources",
    ]


def test_every_factor_links_to_existing_tools(rated):
    for factor in rated.factors:
        assert [t.slug for t in factor.tools] == list(factor.factor.tools)


def test_a_page_that_has_the_tools_saves_a_query_and_gets_the_same_links(cast, rated):
    tools = list(Tool.objects.all())
    with CaptureQueriesContext(connection) as queries:
        given = results(cast.collaboration, tools=tools)
    assert len(queries) == 1
    assert [[t.slug for t in f.tools] for f in given.factors] == [
        [t.slug for t in f.tools] for f in rated.factors
    ]


def test_a_retake_keeps_the_history_and_counts_the_latest(cast):
    rate(cast.partner, JAN, pace=1, history=2)
    rate(cast.partner, FEB, pace=5)
    health = results(cast.collaboration)
    assert health.respondents == 1
    assert _factor(health, "pace").average == 5
    assert _factor(health, "history").average is None  # "don't know" this time
    assert health.latest_of(cast.partner.user_id).scores == {"pace": 5}
    assert [(p.month, p.average, p.respondents) for p in health.trend] == [
        (date(2026, 1, 1), 1.5, 1),
        (date(2026, 2, 1), 5.0, 1),
    ]


def test_the_trend_uses_each_persons_latest_check_of_each_month(cast):
    rate_all(cast.partner, 2, JAN)
    rate_all(cast.viewer, 4, JAN)
    rate_all(cast.partner, 4, JAN.replace(day=20))
    rate_all(cast.viewer, 5, FEB)
    trend = results(cast.collaboration).trend
    assert [(p.month, p.average, p.respondents) for p in trend] == [
        (date(2026, 1, 1), 4.0, 2),
        (date(2026, 2, 1), 5.0, 1),
    ]


def test_former_members_leave_the_results_but_stay_in_the_trend(cast):
    rate_all(cast.partner, 1, JAN)
    rate_all(cast.viewer, 5, JAN)
    cast.partner.delete()
    health = results(cast.collaboration)
    assert health.respondents == 1
    assert health.overall == 5
    assert health.trend[0].average == 3.0
    assert health.trend[0].respondents == 2


def test_no_ratings_give_empty_results(cast):
    health = results(cast.collaboration)
    assert health.is_empty
    assert health.overall is None
    assert health.weak_factors == []
    assert health.trend == []
    assert factors_chart(health).is_empty


def test_results_take_two_queries_whatever_the_data(cast):
    with CaptureQueriesContext(connection) as few:
        results(cast.collaboration)
    for sector in [Sector.GOVERNMENT, Sector.BUSINESS, Sector.COMMUNITY] * 3:
        member = _member(cast, sector)
        rate_all(member, 2, JAN)
        rate_all(member, 4, FEB)
    with CaptureQueriesContext(connection) as many:
        health = results(cast.collaboration)
    assert health.respondents == 9
    assert len(few) == len(many) == 2


def test_the_charts_show_rated_factors_on_a_five_point_scale(rated):
    chart = factors_chart(rated)
    assert chart.maximum == 5
    assert len(chart.series) == 1
    assert chart.key == "health-factors"
    labels = [bar.label for bar in chart.bars]
    assert "Mutual respect and trust" in labels
    assert "A shared vision" not in labels  # nobody rated it
    assert [bar.text for bar in chart.bars if bar.label == "A workable pace"] == ["2.6"]
    trend = trend_chart(rated)
    assert trend.maximum == 5
    assert len(trend.bars) == 1


def test_the_page_tells_what_the_results_say(cast, rated):
    html = cast.client("viewer").get(page_url(cast.collaboration)).content.decode()
    assert "Factors to work on" in html
    for slug in ["manage-expectations", "account-for-resources"]:
        assert f'href="/collaborations/{cast.collaboration.pk}/tools/{slug}/"' in html
    assert "Manage Expectations of Process and Results" in html
    assert "sectors differ" in html
    assert "Government 5.0, Nonprofit 3.0" in html
    assert "1 member who represents no partner organization" in html
    assert 'id="chart-health-factors"' in html


def test_weak_means_below_three_as_shown_to_one_decimal(cast):
    for score in [3] * 19 + [2]:  # 2.95, shown as 3.0
        rate(make_member(cast.collaboration), pace=score)
    for score in [3, 3, 3, 2]:  # 2.75, shown as 2.8
        rate(make_member(cast.collaboration), resources=score)
    health = results(cast.collaboration)
    assert [f.factor.slug for f in health.weak_factors] == ["resources"]
    texts = {bar.label: bar.text for bar in factors_chart(health).bars}
    assert texts == {"A workable pace": "3.0", "Enough resources": "2.8"}
    html = cast.client("viewer").get(page_url(cast.collaboration)).content.decode()
    weak = html[html.index("Factors to work on") : html.index("Every factor")]
    assert "Enough resources" in weak
    assert "A workable pace" not in weak


def test_a_member_whose_latest_check_has_no_ratings_counts_without_scores(cast):
    """A check read with its ratings still counts when it has none: its member responded,
    and their earlier ratings no longer count."""
    member = _member(cast, Sector.GOVERNMENT)
    rate_all(member, 2, JAN)
    check = rate_all(member, 4, FEB)
    check.ratings.all().delete()
    health = results(cast.collaboration)
    assert health.respondents == 1
    assert health.overall is None
    assert [p.respondents for p in health.trend] == [1, 1]
    assert health.trend[0].average == 2
