"""The demo report read as assistive technology and as pages: the structure tree, the running
header, footer and draft mark as artifacts, header cells with scope, contents without leader
dots, no nearly blank page, no heading said twice in a row. The checker itself is shown to
catch each fault once, on a document made to have it.

The demo collaboration (`seed_demo`) is printed once for the module: about 35 pages.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string
from pypdf import PdfReader
from weasyprint import HTML

from collaborations.models import Collaboration
from demo.management.commands.seed_demo import COLLABORATION
from reports.content import Choices, build_report
from reports.files import draft_mark
from reports.pdf import BASE_URL, StaticFilesOnly, render_pdf
from stages.worksheets.declarations import definition_for
from stages.worksheets.schema import Kind
from tests.reports.pdftags import ARTIFACT, CONTENT, UNOWNED, Tags, read_tags

pytestmark = pytest.mark.django_db

# Pages that may hold little text on purpose: none. A stage's last page may be short (each
# stage starts a page), but not down to a heading and a line or two.
FEWEST_LINES = 5


class Headings(HTMLParser):
    """The text of every h1 to h6 of an HTML document, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._open = []

    def handle_endtag(self, tag) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._open is not None:
            self.found.append(" ".join("".join(self._open).split()))
            self._open = None

    def handle_data(self, data) -> None:
        if self._open is not None:
            self._open.append(data)


def headings_of(html: str) -> list[str]:
    parser = Headings()
    parser.feed(html)
    return parser.found


def repeated(headings: list[str]) -> list[str]:
    return [a for a, b in pairwise(headings) if a == b]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> tuple[str, bytes, Tags]:
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", force=True, stdout=io.StringIO())
        collaboration = Collaboration.objects.get(name=COLLABORATION["name"])
        report = build_report(collaboration, Choices())
        assert report.is_draft
        html = render_to_string("reports/pdf.html", {"report": report})
        pdf = render_pdf(html, generated={"draft-mark.svg": draft_mark().encode()})
        transaction.set_rollback(True)
    return html, pdf, read_tags(pdf)


def test_the_pdf_has_a_structure_tree(demo):
    _html, _pdf, tags = demo
    assert tags.tree
    assert tags.headings[:2] == ["/H1", "/H2"]
    assert len(tags.headings) > 50


def test_header_footer_and_draft_mark_are_artifacts(demo):
    _html, _pdf, tags = demo
    total = len(tags.pages)
    for number, page in enumerate(tags.pages, start=1):
        assert not page[UNOWNED].strip(), (number, page[UNOWNED])
        assert "Draft" in page[ARTIFACT], number
        assert "Draft" not in page[CONTENT].splitlines(), number
        if number > 1:
            assert f"Page {number} of {total}" in page[ARTIFACT]
            assert f"Page {number} of" not in page[CONTENT]
            assert COLLABORATION["name"] in page[ARTIFACT]
    # What the pages say is still read, the cover's own draft notice among it.
    assert "Draft: 8 worksheets in this report are not complete yet." in tags.pages[0][CONTENT]


def test_charts_have_alternative_text_and_swatches_are_decoration(demo):
    _html, _pdf, tags = demo
    alternatives = [str(figure["/Alt"]) for figure in tags.figures]
    assert "Progress through the four stages" in alternatives
    assert tags.figures_without_alt() == 0  # legend swatches are artifacts, not figures


def test_table_header_cells_have_a_scope(demo):
    _html, _pdf, tags = demo
    assert len(tags.header_cells) > 100
    assert tags.unscoped_header_cells() == 0
    scopes = {str(cell["/A"]["/Scope"]) for cell in tags.header_cells}
    assert scopes == {"/Column", "/Row"}  # charts' numbers and indicators have row headers


def test_the_contents_have_page_numbers_and_no_leader_dots(demo):
    _html, pdf, tags = demo
    contents = tags.pages[1][CONTENT]
    assert contents.startswith("Contents")
    assert not re.search(r"\.{3,}|(\. ){3,}|…", contents), contents
    match = re.search(r"^Stage 2: Design (\d+)$", contents, re.MULTILINE)
    assert match, contents
    design = PdfReader(io.BytesIO(pdf)).pages[int(match.group(1)) - 1].extract_text()
    assert "Stage 2: Design\n" in design


def test_no_page_is_nearly_blank(demo):
    _html, _pdf, tags = demo
    lines = [len([x for x in page[CONTENT].splitlines() if x.strip()]) for page in tags.pages]
    short = [number for number, count in enumerate(lines, start=1) if count < FEWEST_LINES]
    assert short == [], lines


def test_no_heading_is_repeated_right_after_itself(demo):
    html, _pdf, _tags = demo
    headings = headings_of(html)
    assert "Indicators" in headings  # the worksheet's section, once
    assert repeated(headings) == []


def test_the_story_waits_for_its_words(demo):
    html, _pdf, tags = demo
    # The demo's story worksheet is not written yet: one line on the cover, no chapter.
    assert "The story (tool 17, Tell the Story) is still to be written" in " ".join(
        tags.pages[0][CONTENT].split()
    )
    assert 'id="story"' not in html
    assert "The story" not in tags.pages[1][CONTENT]


def test_wide_tables_print_one_block_per_row(demo):
    _html, _pdf, tags = demo
    text = tags.text(CONTENT)
    # Tool 7's indicators: each definition reads on one or two lines, not a word a line.
    definition = "Young people who attend the first week of the six-week course"
    line = next(x for x in text.splitlines() if x.startswith("Definition:"))
    assert definition in " ".join(text.split())
    assert len(line) > 50, line


FAULTY = """<!DOCTYPE html><html lang="en"><head><style>
  @page { @bottom-center { content: "Page " counter(page) " of " counter(pages); } }
  .draft { position: fixed; top: 100mm; font-size: 60pt; }
</style></head><body>
  <p class="draft">Draft</p>
  <h1>Title</h1>
  <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12"/></svg> Key
  <table><thead><tr><th>Name</th><th>Value</th></tr></thead>
  <tbody><tr><td>A</td><td>1</td></tr></tbody></table>
</body></html>"""


def test_the_tag_check_catches_untagged_furniture_swatches_and_unscoped_cells():
    # WeasyPrint alone: the footer is marked content that the structure tree does not own,
    # and header cells have no scope.
    plain = HTML(string=FAULTY, base_url=BASE_URL, url_fetcher=StaticFilesOnly())
    tags = read_tags(plain.write_pdf(pdf_tags=True))
    assert "Page 1 of 1" in tags.pages[0][UNOWNED]
    assert tags.unscoped_header_cells() == 2
    assert tags.figures_without_alt() == 1  # the swatch
    # The app's rendering fixes both; a draft mark drawn as an element is still read as
    # content, and the check says so.
    tags = read_tags(render_pdf(FAULTY))
    assert "Page 1 of 1" in tags.pages[0][ARTIFACT]
    assert not tags.pages[0][UNOWNED].strip()
    assert tags.unscoped_header_cells() == 0
    assert tags.figures_without_alt() == 0
    assert "Draft" in tags.pages[0][CONTENT].splitlines()
    assert "Draft" not in tags.pages[0][ARTIFACT]


def test_the_repeated_heading_check_catches_a_repeat():
    assert repeated(headings_of("<h4>Indicators</h4><h5>Indicators</h5><h5>Other</h5>")) == [
        "Indicators"
    ]


# Kinds whose values are prose or names: their columns share what the narrow ones leave.
WIDE_KINDS = {Kind.TEXT, Kind.LONG_TEXT, Kind.PARTNER, Kind.PARTNERS}


def test_every_field_kind_has_a_column_width_or_takes_the_rest():
    css = (Path(__file__).parents[2] / "reports/static/reports/print.css").read_text()
    sized = {
        kind
        for selectors in re.findall(r"^(col\.col-[^{]+)\{ width: [\d.]+em; \}$", css, re.M)
        for kind in re.findall(r"col\.col-([a-z_]+)", selectors)
    }
    for kind in Kind:
        assert (kind.value in sized) == (kind not in WIDE_KINDS), kind


def test_printed_tables_size_each_column_by_its_kind(demo):
    html, _pdf, _tags = demo
    facts = definition_for("build-a-common-fact-base").tables[0]
    columns = "".join(f'<col class="col-{column.kind}">' for column in facts.columns)
    assert f"<colgroup>{columns}</colgroup>" in html
