"""Long lists a page at a time: the search, filters and sort a list was asked for, kept in
every link (pages, column headings, the CSV), so they survive paging without JavaScript."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 25


@dataclass(frozen=True)
class Filters:
    """What a list page was asked to show: a search, a stage, a flag, a sort."""

    q: str = ""
    stage: str = ""
    flag: str = ""
    sort: str = ""

    @classmethod
    def of(cls, request: HttpRequest) -> Filters:
        get = request.GET
        return cls(
            q=get.get("q", "").strip()[:100],
            stage=get.get("stage", ""),
            flag=get.get("flag", ""),
            sort=get.get("sort", ""),
        )

    def query(self, page: int | None = None, **changes: str) -> str:
        """A query string for these filters with `changes`, and a page if given."""
        chosen = replace(self, **changes) if changes else self
        pairs = [(k, v) for k, v in vars(chosen).items() if v]
        if page and page > 1:
            pairs.append(("page", str(page)))
        return "?" + urlencode(pairs) if pairs else "?"

    @property
    def cleared(self) -> str:
        """The list without search or filters, in the same order."""
        return Filters(sort=self.sort).query()

    @property
    def active(self) -> bool:
        """Whether anything narrows the list (the sort does not)."""
        return bool(self.q or self.stage or self.flag)


@dataclass
class Pager:
    page: Page
    previous: str | None
    next: str | None


def paginate(request: HttpRequest, rows: Sequence, filters: Filters) -> Pager:
    """The requested page of `rows` (the last one if asked beyond it), with links to its
    neighbours that keep the filters."""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return Pager(
        page=page,
        previous=filters.query(page.previous_page_number()) if page.has_previous() else None,
        next=filters.query(page.next_page_number()) if page.has_next() else None,
    )
