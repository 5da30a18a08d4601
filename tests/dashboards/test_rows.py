"""The dashboard's rows written in Python read as a template would write them: people's text
escaped, each row linking to its worksheet, late promises flagged and soon-due ones with the
time left, a tool never started shown with a dash."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Sector
from dashboards.overview import overview
from dashboards.rows import (
    due_rows,
    follow_through_rows,
    sector_items,
    stage_cards,
    tool_rows,
    waiting_review_items,
)
from stages.models import Tool, Worksheet
from tests.factories import make_partner

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _sheet(collaboration, slug, status=Worksheet.Status.IN_PROGRESS, answers=None, by=None):
    return Worksheet.objects.create(
        collaboration=collaboration,
        tool=Tool.objects.get(slug=slug),
        status=status,
        answers=answers or {},
        updated_at=timezone.now(),
        updated_by=by,
    )


def _days(n: int) -> str:
    return (TODAY + datetime.timedelta(days=n)).isoformat()


@pytest.fixture
def seen(cast):
    college = make_partner(cast.collaboration, name="<i>College</i>", sector=Sector.ACADEMIA)
    _sheet(
        cast.collaboration,
        "demonstrate-competency",
        answers={
            "commitments": [
                {"id": "c1", "commitment": "<script>late</script>", "partner": college.pk,
                 "due": _days(-3), "status": "on_track"},
                {"id": "c2", "commitment": "", "partner": college.pk, "due": _days(10),
                 "status": "on_track"},
            ]
        },
    )  # fmt: skip
    cast.partner.user.first_name, cast.partner.user.last_name = "Maria", "<Lopez>"
    cast.partner.user.save()
    _sheet(
        cast.collaboration,
        "identify-a-manager",
        Worksheet.Status.READY_FOR_REVIEW,
        by=cast.partner.user,
    )
    return overview(cast.collaboration)


def test_promises_link_to_their_worksheet_with_escaped_text_and_their_standing(seen):
    rows = re.findall(r"<tr>.*?</tr>", due_rows(seen))
    url = reverse("stages:worksheet", args=[seen.collaboration.pk, "demonstrate-competency"])
    late, soon = rows
    assert f'<a href="{url}">&lt;script&gt;late&lt;/script&gt;</a>' in late
    assert "<td>&lt;i&gt;College&lt;/i&gt;</td>" in late
    assert '<span class="badge text-bg-danger flag">Late: was on track</span>' in late
    # A promise without a name is a dash; one not late says how long is left.
    assert f'<a href="{url}">—</a>' in soon
    assert re.search(r"On track <span[^>]*>\(due in 1\xa0week, \d\xa0days\)</span>", soon)


def test_every_tool_has_a_row_and_one_never_started_shows_a_dash(seen):
    rows = re.findall(r"<tr>.*?</tr>", tool_rows(seen))
    assert len(rows) == 17
    started = next(r for r in rows if "identify-a-manager" in r)
    assert '<span class="badge status status-ready_for_review">Ready for review</span>' in started
    assert started.endswith(" · Maria &lt;Lopez&gt;</td></tr>")  # who changed it last
    untouched = rows[0]
    assert untouched.endswith('<td class="small">—</td></tr>')
    assert '<span class="badge status status-not_started">Not started</span>' in untouched


def test_reviews_waiting_say_who_marked_them(seen):
    [item] = re.findall(r"<li>.*?</li>", waiting_review_items(seen))
    tool = Tool.objects.get(slug="identify-a-manager")
    assert f">{tool.number}. {tool.name}</a>" in item
    assert "· marked by Maria &lt;Lopez&gt; just now</span>" in item


def test_follow_through_rows_give_the_rate_or_say_none_came_due(seen):
    [row] = re.findall(r"<tr>.*?</tr>", follow_through_rows(seen))
    assert row == (
        '<tr><th scope="row" class="fw-normal">&lt;i&gt;College&lt;/i&gt;</th>'
        "<td>0 of 1</td><td>0%</td></tr>"
    )


def test_partners_are_listed_under_their_sectors_in_sector_order(seen):
    make_partner(seen.collaboration, name="Harbor Logistics", sector=Sector.BUSINESS)
    make_partner(seen.collaboration, name="Bridge & Tunnel Co.", sector=Sector.BUSINESS)
    items = sector_items(overview(seen.collaboration))
    assert items == (
        '<dt>Business <span class="text-body-secondary fw-normal">(2)</span></dt>\n'
        "<dd>Bridge &amp; Tunnel Co., Harbor Logistics</dd>\n"
        '<dt>Nonprofit <span class="text-body-secondary fw-normal">(1)</span></dt>\n'
        "<dd>Workforce Alliance</dd>\n"
        '<dt>Academia <span class="text-body-secondary fw-normal">(1)</span></dt>\n'
        "<dd>&lt;i&gt;College&lt;/i&gt;</dd>"
    )


def test_a_card_per_stage_leads_to_its_page_with_its_progress(seen):
    cards = re.findall(r"<section.*?</section>", stage_cards(seen), re.S)
    assert len(cards) == 4
    implementation = next(card for card in cards if "stage-implementation" in card)
    url = reverse("dashboards:stage", args=[seen.collaboration.pk, "implementation"])
    assert f'<a href="{url}"><span class="stage-number">3</span> Implementation</a>' in cards[2]
    assert implementation == cards[2]
    # One worksheet of the stage's four is in progress (demonstrate-competency), none complete.
    assert 'aria-label="Implementation: 0 of 4 tools complete, 1 in progress"' in implementation
    assert '<rect width="25" height="8" fill="#c26100"/>' in implementation
    assert '<rect width="0" height="8" fill="#2a7d4f"/>' in implementation
    assert ">0 of 4 complete, 1 in progress</p>" in implementation
