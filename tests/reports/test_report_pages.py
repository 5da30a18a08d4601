"""The report page and the PDF download: who may see them, what they contain, the choices,
and the number of queries. The PDF view's rendering is stubbed here (it is slow); the real
PDFs are checked once in test_pdf.py."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from collaborations.models import Role
from demo.filled import filled_collaboration
from stages.models import Tool, Worksheet
from tests.conftest import EVERYONE
from tests.factories import make_collaboration, make_member, make_partner, make_user
from tests.reports.helpers import HOSTILE, fill

pytestmark = pytest.mark.django_db

COMPLETE = Worksheet.Status.COMPLETE
IN_PROGRESS = Worksheet.Status.IN_PROGRESS
DESIGN = [
    "build-a-common-fact-base",
    "agree-on-measures-of-success",
    "commit-to-information-sharing",
    "share-discretion",
    "establish-a-governance-structure",
    "identify-a-manager",
]


def _urls(cast) -> list[str]:
    cid = cast.collaboration.pk
    return [reverse("reports:report", args=[cid]), reverse("reports:pdf", args=[cid])]


@pytest.mark.parametrize("which", [0, 1], ids=["page", "pdf"])
@pytest.mark.parametrize("who", EVERYONE)
def test_who_may_read_the_report(cast, printed, who, which):
    url = _urls(cast)[which]
    response = cast.client(who).get(url)
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif who == "outsider":
        assert response.status_code == 404
        assert cast.collaboration.name.encode() not in response.content
    else:
        assert response.status_code == 200
    assert len(printed) == (1 if which == 1 and who in ("facilitator", "partner", "viewer") else 0)


def test_archived_collaborations_keep_their_report(cast, printed):
    cast.collaboration.archived_at = cast.collaboration.created_at
    cast.collaboration.save()
    for url in _urls(cast):
        assert cast.client("viewer").get(url).status_code == 200
    assert "This collaboration is archived." in printed[0]


def test_the_pdf_is_a_download_named_after_the_collaboration(cast, printed):
    response = cast.client("viewer").get(_urls(cast)[1] + "?stage=design")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="riverside-youth-jobs-design-report.pdf"'
    )
    assert response.getvalue() == b"%PDF-1.7 stub"


def test_the_page_shows_the_whole_report(cast):
    fill(
        cast.collaboration,
        {"engage-potential-partners": COMPLETE, "tell-the-story": IN_PROGRESS},
        user=cast.partner.user,
        text={"tell-the-story": {"process_story": "We met every Tuesday at the library."}},
    )
    response = cast.client("viewer").get(_urls(cast)[0])
    page = response.content.decode()
    assert response.status_code == 200
    for stage in ["Stage 1: Diagnosis", "Stage 2: Design", "Stage 3: Implementation"]:
        assert stage in page
    for tool in Tool.objects.all():
        assert tool.name in page
    assert "We met every Tuesday at the library." in page
    assert page.index('id="story"') < page.index('id="stage-diagnosis"')
    assert 'id="chart-engage-potential-partners-stakeholders"' in page
    assert '<details class="chart__numbers small">' in page  # folded on screen, open on paper
    assert "Workforce Alliance" in page
    assert f'formaction="{_urls(cast)[1]}"' in page


@pytest.mark.parametrize(
    "story",
    [None, {}, {"process_story": "", "lessons": ""}],
    ids=["no-worksheet", "started-empty", "blank-answers"],
)
def test_an_unwritten_story_is_one_line_on_the_cover(cast, printed, story):
    if story is not None:
        fill(cast.collaboration, {"tell-the-story": IN_PROGRESS}, text={"tell-the-story": {}})
        Worksheet.objects.filter(tool__slug="tell-the-story").update(answers=story)
    line = "The story (tool 17, Tell the Story) is still to be written"
    page = cast.client("viewer").get(_urls(cast)[0]).content.decode()
    cast.client("viewer").get(_urls(cast)[1])
    for html in (page, printed[0]):
        assert html.count(line) == 1
        assert 'id="story"' not in html
        assert 'href="#story"' not in html
        assert 'id="tool-tell-the-story"' in html  # in its stage, like any other tool
        assert html.index(line) < html.index('id="contents"')


def test_one_stage_leaving_out_tools_nobody_started(cast):
    fill(cast.collaboration, {"share-discretion": COMPLETE, "identify-a-manager": COMPLETE})
    page = cast.client("viewer").get(_urls(cast)[0] + "?stage=design&skip_empty=1")
    page = page.content.decode()
    assert "Stage 2: Design" in page
    assert "Stage 1: Diagnosis" not in page
    assert 'id="tool-share-discretion"' in page
    assert 'id="tool-identify-a-manager"' in page
    assert 'id="tool-build-a-common-fact-base"' not in page
    assert 'id="story"' not in page
    assert "draft-mark" not in page  # every worksheet included is complete


def test_tools_nobody_started_are_included_unless_left_out(cast):
    page = cast.client("viewer").get(_urls(cast)[0] + "?stage=design").content.decode()
    for slug in DESIGN:
        assert f'id="tool-{slug}"' in page
    assert "Nobody has worked on this worksheet yet." in page
    assert "draft-mark" in page


def test_the_draft_mark_follows_the_included_worksheets(cast):
    fill(cast.collaboration, dict.fromkeys(DESIGN, COMPLETE))
    url = _urls(cast)[0]
    assert "draft-mark" not in cast.client("viewer").get(url + "?stage=design").content.decode()
    assert "draft-mark" in cast.client("viewer").get(url).content.decode()


def test_an_unknown_stage_shows_the_whole_report_and_says_so(cast, printed):
    page = cast.client("viewer").get(_urls(cast)[0] + "?stage=nowhere").content.decode()
    assert "There is no stage “nowhere”, so the report shows all four stages." in page
    assert "Stage 1: Diagnosis" in page and "Stage 4: Assessment" in page
    response = cast.client("viewer").get(_urls(cast)[1] + "?stage=nowhere&paper=legal")
    assert response.status_code == 200
    assert "Stage 1: Diagnosis" in printed[0] and "Stage 4: Assessment" in printed[0]


@pytest.mark.parametrize(
    ("query", "accept_language", "size"),
    [
        ("", "en-US,en;q=0.9", "letter"),
        ("", "en-GB", "A4"),
        ("?paper=a4", "en-US", "A4"),
        ("?paper=letter", "de-DE", "letter"),
        ("?paper=tabloid", "es-MX", "letter"),
        ("?paper=tabloid", "", "A4"),
    ],
)
def test_paper_size_reaches_the_printed_document(cast, printed, query, accept_language, size):
    client = cast.client("viewer")
    response = client.get(_urls(cast)[1] + query, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 200
    assert f"@page {{ size: {size}; }}" in printed[0]


def test_hostile_input_is_escaped_on_the_page_and_in_the_printed_html(cast, printed):
    cast.collaboration.name = HOSTILE[0]
    cast.collaboration.save()
    make_partner(cast.collaboration, name=HOSTILE[1])
    story = dict(zip(["process_story", "outcomes_story", "lessons"], HOSTILE[2:5], strict=True))
    fill(cast.collaboration, {"tell-the-story": IN_PROGRESS}, text={"tell-the-story": story})
    page = cast.client("viewer").get(_urls(cast)[0]).content.decode()
    cast.client("viewer").get(_urls(cast)[1])
    for html in (page, printed[0]):
        for text in HOSTILE[:5]:
            assert "<" not in text or text not in html
        assert "&lt;script&gt;alert(&quot;report&quot;)&lt;/script&gt;" in html
        assert "&lt;img src=&quot;http://127.0.0.1:9/pixel.png&quot;&gt;" in html
        assert "<script>" not in html.split("</head>")[-1]


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_amount_of_data(client):
    user = make_user()
    client.force_login(user)
    little = filled_collaboration(
        name="Little", partners=1, rows=1, indicators=1, measurements=1, facilitator=user
    )
    lots = filled_collaboration(
        name="Lots", partners=12, rows=6, indicators=8, measurements=5, facilitator=user
    )
    for _ in range(3):
        make_member(lots, Role.FACILITATOR)
    few = _queries(client, reverse("reports:report", args=[little.pk]))
    many = _queries(client, reverse("reports:report", args=[lots.pk]))
    assert many == few
    assert _queries(client, reverse("reports:report", args=[lots.pk]) + "?stage=design") <= few


def test_the_story_worksheet_offers_the_report(cast):
    client = cast.client("viewer")
    cid = cast.collaboration.pk
    story = client.get(reverse("stages:worksheet", args=[cid, "tell-the-story"])).content.decode()
    assert reverse("reports:report", args=[cid]) in story
    assert reverse("reports:pdf", args=[cid]) in story
    other = client.get(reverse("stages:worksheet", args=[cid, "share-discretion"]))
    assert reverse("reports:pdf", args=[cid]) not in other.content.decode()


def test_another_collaborations_report_is_404(cast):
    other = make_collaboration()
    response = cast.client("facilitator").get(reverse("reports:pdf", args=[other.pk]))
    assert response.status_code == 404
