"""The printed report, read back with pypdf: sections, answers, hostile input as text,
metadata, outline, page size, scope, and the draft mark.

Rendering costs about a tenth of a second a page, so two PDFs are made once for the module
and every test reads them:

- `whole`: the whole report on US Letter (from the browser's language), every worksheet
  filled in, one still in progress, with hostile input in the collaboration's name, a partner's
  name and the story; downloaded by a viewer while a spy watches every URL WeasyPrint asks for.
- `design`: stage 2 only on A4, tools nobody started left out, the rest complete.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from unittest import mock

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from collaborations.models import Role
from reports.pdf import GENERATED, StaticFilesOnly, static_prefix
from stages.models import Stage, Tool, Worksheet
from tests.factories import make_collaboration, make_member, make_partner, make_user
from tests.reports.helpers import HOSTILE, fill, squeeze

pytestmark = pytest.mark.django_db

COMPLETE = Worksheet.Status.COMPLETE
STORY = {
    "process_story": " ".join(HOSTILE[:4]),
    "outcomes_story": "Ninety-two young people finished the first cohort.\n" + HOSTILE[4],
    "lessons": " ".join(HOSTILE[4:]),
}
DESIGN_DONE = [
    "build-a-common-fact-base",
    "agree-on-measures-of-success",
    "share-discretion",
    "establish-a-governance-structure",
]


@dataclass
class Printed:
    reader: PdfReader
    text: str  # every page's text, whitespace removed
    pages: list[str]  # each page's text as extracted
    asked: list[str]  # every URL WeasyPrint asked the fetcher for
    filename: str


def _download(client: Client, url: str, **headers) -> tuple[bytes, list[str], str]:
    asked: list[str] = []
    original = StaticFilesOnly.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    with mock.patch.object(StaticFilesOnly, "fetch", spy):
        response = client.get(url, **headers)
    assert response.status_code == 200
    return response.getvalue(), asked, response["Content-Disposition"]


def _read(content: bytes, asked: list[str], disposition: str) -> Printed:
    reader = PdfReader(io.BytesIO(content))
    pages = [page.extract_text() for page in reader.pages]
    return Printed(reader, squeeze("".join(pages)), pages, asked, disposition)


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker) -> dict[str, Printed]:
    with django_db_blocker.unblock(), transaction.atomic():
        collaboration = make_collaboration(name=HOSTILE[6], community="Riverside County")
        for sector in ["government", "business", "community"]:
            make_partner(collaboration, name=f"{sector.title()} partner", sector=sector)
        make_partner(collaboration, name=HOSTILE[1], sector="academia")
        facilitator = make_user("dana@example.org", first_name="Dana", last_name="Whitfield")
        make_member(collaboration, Role.FACILITATOR, facilitator)
        viewer = make_member(collaboration, Role.VIEWER).user
        statuses = {tool.slug: COMPLETE for tool in Tool.objects.all()}
        statuses["tell-the-story"] = Worksheet.Status.IN_PROGRESS
        fill(collaboration, statuses, user=facilitator, text={"tell-the-story": STORY})

        design = make_collaboration(name="Design Only Partnership")
        make_member(design, Role.VIEWER, viewer)
        fill(design, dict.fromkeys(DESIGN_DONE, COMPLETE), user=facilitator)

        client = Client()
        client.force_login(viewer)
        whole = reverse("reports:pdf", args=[collaboration.pk])
        scoped = reverse("reports:pdf", args=[design.pk]) + "?stage=design&skip_empty=1"
        result = {
            "whole": _read(*_download(client, whole, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.8")),
            "design": _read(*_download(client, scoped + "&paper=a4")),
        }
        transaction.set_rollback(True)
    return result


def test_it_is_a_pdf_with_page_numbers(printed):
    pages = printed["whole"].pages
    assert len(pages) > 20
    assert "Page" not in pages[0]  # the cover has no footer
    assert f"Page 2 of {len(pages)}" in pages[1]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_every_stage_and_tool_is_there_with_its_answers(printed):
    text = printed["whole"].text
    for stage in Stage.objects.all():
        assert squeeze(f"Stage {stage.number}: {stage.name}") in text
        assert squeeze(stage.question) in text
    for tool in Tool.objects.all():
        assert squeeze(f"{tool.number}. {tool.name}") in text
    assert squeeze("Ninety-two young people finished the first cohort.") in text
    assert squeeze("The steering committee talked this through over two meetings.") in text
    for section in ["Contents", "The story", "Partners and progress", "Appendix"]:
        assert squeeze(section) in text
    for chart in ["Progress through the four stages", "Stakeholders by influence and interest"]:
        assert squeeze(chart) in text
    assert squeeze("Indicators against their targets") in text
    assert squeeze("1. Diagnosis 5 0 0") in text  # a chart's numbers, printed open


def test_the_contents_page_numbers_point_at_the_right_pages(printed):
    pages = printed["whole"].pages
    contents = pages[1]
    for number, name in [(1, "Diagnosis"), (4, "Assessment")]:
        match = re.search(rf"Stage {number}: {name} (\d+)\n", contents)
        assert match, contents
        page = int(match.group(1))
        assert f"Stage {number}: {name}" in pages[page - 1].split("\n", 3)[-1]


def test_hostile_input_is_printed_as_text_and_never_fetched(printed):
    whole = printed["whole"]
    for text in HOSTILE:
        assert squeeze(text) in whole.text, text
    assert whole.asked, "the spy saw nothing: is the fetcher still in use?"
    mark = f"{GENERATED}draft-mark.svg"  # the draft mark, made for the document
    assert all(url.startswith(static_prefix()) or url == mark for url in whole.asked), whole.asked
    assert f"{static_prefix()}reports/print.css" in whole.asked


def test_metadata(printed):
    whole = printed["whole"]
    info = whole.reader.metadata
    assert info.title == f"{HOSTILE[6]}: collaboration report"
    assert info.author == HOSTILE[6]
    assert "Riverside County" in info.subject
    assert whole.reader.trailer["/Root"]["/Lang"] == "en"


def test_the_pdf_is_tagged(printed):
    root = printed["whole"].reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root


def test_the_outline_follows_the_headings(printed):
    reader = printed["whole"].reader
    outline = reader.outline
    chapters = [entry.title for entry in outline if not isinstance(entry, list)]
    assert chapters[:4] == [HOSTILE[6], "Contents", "The story", "Partners and progress"]
    assert chapters[4:8] == [f"Stage {s.number}: {s.name}" for s in Stage.objects.all()]
    assert chapters[-1] == "Appendix: sign-offs and changes"
    # Tools sit under their stage, and each bookmark opens the page with its heading.
    titles = [e if isinstance(e, list) else e.title for e in outline]
    under_diagnosis = outline[titles.index("Stage 1: Diagnosis") + 1]
    assert next(e.title for e in under_diagnosis) == "1. Engage Potential Partners"
    tools = {
        entry.title: reader.get_destination_page_number(entry)
        for group in outline
        if isinstance(group, list)
        for entry in group
        if not isinstance(entry, list)
    }
    assert "Government" not in tools  # sector headings stay out of the outline
    for tool in Tool.objects.exclude(slug="tell-the-story"):
        page = tools[f"{tool.number}. {tool.name}"]
        assert squeeze(f"{tool.number}. {tool.name}") in squeeze(printed["whole"].pages[page])


def test_paper_sizes(printed):
    letter = printed["whole"].reader.pages[3].mediabox
    a4 = printed["design"].reader.pages[0].mediabox
    assert (round(letter.width), round(letter.height)) == (612, 792)
    assert (round(a4.width), round(a4.height)) == (595, 842)


def test_the_draft_mark(printed):
    whole, design = printed["whole"], printed["design"]
    assert "Draft" in whole.pages[5]  # on every page, not just the cover
    assert squeeze("Draft: 1 worksheet in this report is not complete yet.") in whole.text
    assert "Draft" not in design.text


def test_one_stage_without_the_tools_nobody_started(printed):
    design = printed["design"]
    assert "Stage2:Design" in design.text
    for other in ["Stage1:", "Stage3:", "Stage4:", "Thestory"]:
        assert other not in design.text
    for tool in Tool.objects.filter(slug__in=DESIGN_DONE):
        assert squeeze(tool.name) in design.text
    for slug in ["commit-to-information-sharing", "identify-a-manager"]:
        assert squeeze(Tool.objects.get(slug=slug).name) not in design.text
    assert design.filename == 'attachment; filename="design-only-partnership-design-report.pdf"'
