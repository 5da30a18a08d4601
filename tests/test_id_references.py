"""Every `for`, `aria-describedby`, `aria-labelledby` and `aria-controls` on every kind of
page names an element that is on the page: a label, description or error that points
nowhere is silence for a screen reader."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.page_types import PAGE_TYPES, make_site, render

REFERENCES = ("for", "aria-describedby", "aria-labelledby", "aria-controls")


class _References(HTMLParser):
    """The ids on a page and the references to ids. What is inside <template> (the blank row
    a script copies, with placeholder ids) is not on the page, so it is left out."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[tuple[str, str, str]] = []
        self._in_template = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "template":
            self._in_template += 1
        if self._in_template:
            return
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        for name in REFERENCES:
            for target in (found.get(name) or "").split():
                self.references.append((tag, name, target))

    def handle_endtag(self, tag) -> None:
        if tag == "template":
            self._in_template -= 1


def dangling(html: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, id) of every reference to an id that is not on the page."""
    parser = _References()
    parser.feed(html)
    parser.close()
    return [ref for ref in parser.references if ref[2] not in parser.ids]


def test_a_reference_to_a_missing_id_is_caught():
    page = (
        '<label for="name">Name</label><input id="name" aria-describedby="name-help oops">'
        '<p id="name-help">Help</p><template><span id="only-in-template"></span></template>'
        '<div aria-labelledby="only-in-template"></div>'
    )
    assert dangling(page) == [
        ("input", "aria-describedby", "oops"),
        ("div", "aria-labelledby", "only-in-template"),
    ]


@pytest.mark.django_db
def test_every_reference_on_every_kind_of_page_points_at_an_element():
    site = make_site()
    found = {}
    for page in PAGE_TYPES:
        html = render(site, page)
        if missing := dangling(html):
            found[page.name] = missing
    assert not found, found
