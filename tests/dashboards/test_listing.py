"""Long lists a page at a time, with search, filters and sort kept across pages; the
portfolio's CSV holds every row, whatever the page."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Role
from dashboards.listing import PAGE_SIZE
from stages.models import Tool, Worksheet
from tests.factories import make_collaboration, make_member, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(client):
    """Someone facilitating 30 collaborations: 20 in Springfield, 10 in Shelbyville, whose
    diagnosis tools are complete (so they are in design) and untouched for 40 days."""
    user = make_user()
    diagnosis = list(Tool.objects.filter(stage__slug="diagnosis"))
    long_ago = timezone.now() - timezone.timedelta(days=40)
    for n in range(30):
        town = "Springfield" if n < 20 else "Shelbyville"
        collaboration = make_collaboration(name=f"Effort {n:02d}", community=town)
        make_member(collaboration, Role.FACILITATOR, user)
        if n >= 20:
            for tool in diagnosis:
                Worksheet.objects.create(
                    collaboration=collaboration,
                    tool=tool,
                    status=Worksheet.Status.COMPLETE,
                    updated_at=long_ago,
                )
    client.force_login(user)
    return client


def _names(response) -> list[str]:
    return [r.collaboration.name for r in response.context["rows"]]


def test_portfolio_shows_25_a_page_and_keeps_the_sort_across_pages(busy):
    first = busy.get(reverse("portfolio"), {"sort": "-name"})
    assert _names(first) == [f"Effort {n:02d}" for n in range(29, 29 - PAGE_SIZE, -1)]
    following = first.context["pager"].next
    assert "sort=-name" in following and "page=2" in following
    second = busy.get(reverse("portfolio") + following)
    assert _names(second) == [f"Effort {n:02d}" for n in range(4, -1, -1)]
    assert "sort=-name" in second.context["pager"].previous
    assert 'rel="prev"' in second.content.decode()


def test_portfolio_search_and_filters_narrow_the_list_and_stay_in_every_link(busy):
    url = reverse("portfolio")
    found = busy.get(url, {"q": "shelby", "flag": "stalled", "stage": "design"})
    assert sorted(_names(found)) == [f"Effort {n:02d}" for n in range(20, 30)]
    page = found.content.decode()
    assert 'value="shelby"' in page
    for _label, href, _current, _descending in found.context["columns"]:
        assert "q=shelby" in href and "flag=stalled" in href and "stage=design" in href
    assert busy.get(url, {"flag": "none", "q": "shelby"}).context["rows"] == []
    assert "No collaboration matches" in busy.get(url, {"q": "nowhere"}).content.decode()


def test_portfolio_csv_streams_every_collaboration_not_just_a_page(busy):
    response = busy.get(reverse("portfolio-csv"), {"sort": "name", "page": "2"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r[0] for r in rows[1:]] == [f"Effort {n:02d}" for n in range(30)]
    narrowed = busy.get(reverse("portfolio-csv"), {"q": "shelby"})
    assert len(list(csv.reader(io.StringIO(b"".join(narrowed.streaming_content).decode())))) == 11


def test_my_collaborations_page_by_page_with_the_search_kept(busy):
    url = reverse("collaboration-list")
    first = busy.get(url)
    assert len(first.context["active"]) == PAGE_SIZE
    assert busy.get(url, {"page": "2"}).context["active"][-1][0].collaboration.name == "Effort 29"
    found = busy.get(url, {"q": "Springfield", "sort": "-name"})
    names = [m.collaboration.name for m, _progress in found.context["active"]]
    assert names[0] == "Effort 19" and len(names) == 20
    assert found.context["pager"].next is None
    in_diagnosis = busy.get(url, {"stage": "design"}).context["active"]
    assert len(in_diagnosis) == 10
    # Ordered by progress, every collaboration's counts, not just a page's.
    for order in ("-stage", "-complete"):
        first = busy.get(url, {"sort": order}).context["active"][:10]
        assert sorted(m.collaboration.name for m, _progress in first) == [
            f"Effort {n:02d}" for n in range(20, 30)
        ]
    # Past the last page: the last page, not an error.
    assert busy.get(url, {"page": "99"}).context["pager"].page.number == 2
