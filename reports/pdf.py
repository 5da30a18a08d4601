"""Turning the report's HTML into a PDF with WeasyPrint, reading nothing but our own static files.

WeasyPrint's default URL fetcher opens any `file://` path and any `http(s)://` address,
loopback included. Everything users type is escaped, so their text never becomes an element
that loads something; the fetcher is the second wall in case that ever fails.

The document is rendered with the base URL `https://report.invalid/` (`.invalid` is reserved
and never resolves), so `{% static %}` paths become `https://report.invalid/static/…`.
`StaticFilesOnly` answers exactly those URLs from disk (STATIC_ROOT when collected, else the
staticfiles finders) and refuses everything else: other hosts, `http:`, `file:`, `data:`,
path traversal, with one addition: pictures made for this one document (`generated`), such
as the draft mark in the report's language, at `https://report.invalid/generated/<name>`.
Fonts come from the system's fontconfig, not through the fetcher.

WeasyPrint tags the PDF (`pdf_tags`) but leaves three things for us, done by `finish_tags`
before the file is written:

- The running header and footer (`@page` margin boxes) are drawn as marked content whose
  structure elements hang nowhere in the structure tree; a screen reader would read them on
  every page. They become `/Artifact` (pagination) marked content. The draft mark is a
  generated picture painted as the page background (see pdf.html), which WeasyPrint draws
  as an artifact.
- Decorative images (`aria-hidden="true"`, `role="presentation"`, `alt=""`), such as a
  chart legend's colour swatches, are tagged as figures without alternative text; they
  leave the structure tree and become artifacts too. Charts keep their figure and `<title>`.
- Table header cells get no `/Scope`; each `TH` gets `/Column` or `/Row` from its `scope`.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pydyf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils._os import safe_join
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://report.invalid/"
# Where the document finds pictures made for it alone (`render_pdf(generated=…)`).
GENERATED = BASE_URL + "generated/"

# Options shared by the app's rendering and the benchmark's plain WeasyPrint run.
PDF_OPTIONS = {"pdf_tags": True}


class RefusedURL(ValueError):
    """The report asked for something other than one of the app's static files."""


def static_prefix() -> str:
    """Where static files live as the report's HTML sees them."""
    return urljoin(BASE_URL, settings.STATIC_URL)


def static_file(url: str) -> Path:
    """The file on disk behind a static URL of the report, or RefusedURL."""
    prefix = static_prefix()
    parts = urlsplit(url)
    bare = parts._replace(query="", fragment="").geturl()
    if not bare.startswith(prefix):
        raise RefusedURL(f"not one of the app's static files: {url[:200]}")
    name = unquote(bare[len(prefix) :])
    segments = name.split("/")
    if not name or "\\" in name or "\x00" in name or any(s in ("", ".", "..") for s in segments):
        raise RefusedURL(f"not a static file name: {url[:200]}")
    candidates: list[str] = []
    if settings.STATIC_ROOT:
        try:
            candidates.append(safe_join(settings.STATIC_ROOT, name))
        except SuspiciousFileOperation:
            raise RefusedURL(f"outside the static files: {url[:200]}") from None
    found = finders.find(name)
    if found:
        candidates.append(found)
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file():
            return path
    raise RefusedURL(f"no such static file: {url[:200]}")


class StaticFilesOnly(URLFetcher):
    """A WeasyPrint URL fetcher that serves the app's static files from disk and refuses
    everything else (see the module docstring)."""

    def __init__(self, generated: dict[str, bytes] | None = None) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False)
        # Pictures made for this one document (the draft mark in its language), by name.
        self.generated = generated or {}

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        name = url.removeprefix(GENERATED)
        if url.startswith(GENERATED) and name in self.generated:
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=self.generated[name], headers={"Content-Type": content_type}
            )
        path = static_file(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        headers = {"Content-Type": content_type}
        if content_type.startswith("text/"):
            headers["Content-Type"] = f"{content_type}; charset=utf-8"
        return URLFetcherResponse(url, body=path.read_bytes(), headers=headers)


SCOPES = {"col": "/Column", "colgroup": "/Column", "row": "/Row", "rowgroup": "/Row"}


def _number(reference) -> int:
    """The object number of a pydyf reference (b"12 0 R")."""
    return int(bytes(reference).split()[0])


def _reachable(pdf: pydyf.PDF, root: pydyf.Dictionary) -> set[int]:
    """The object numbers of every structure element under the structure tree root."""
    seen: set[int] = set()
    stack = [kid for kid in root["K"] if isinstance(kid, bytes)]
    while stack:
        number = _number(stack.pop())
        if number in seen:
            continue
        seen.add(number)
        kids = pdf.objects[number].get("K")
        if isinstance(kids, list):
            stack.extend(kid for kid in kids if isinstance(kid, bytes))
    return seen


def _mark_artifacts(pdf: pydyf.PDF) -> None:
    """Turn marked content outside the structure tree (the running header and footer,
    decorative images) into artifacts, and drop it from the parent tree."""
    root = pdf.objects[_number(pdf.catalog["StructTreeRoot"])]
    reachable = _reachable(pdf, root)
    nums = pdf.objects[_number(root["ParentTree"])]["Nums"]
    parents = {nums[i]: nums[i + 1] for i in range(0, len(nums), 2)}
    for index, page_number in enumerate(pdf.pages["Kids"][0::3]):
        mcids = parents.get(index)
        if not isinstance(mcids, list):
            continue
        outside = {
            mcid
            for mcid, reference in enumerate(mcids)
            if isinstance(reference, bytes) and _number(reference) not in reachable
        }
        if not outside:
            continue
        for mcid in outside:
            mcids[mcid] = b"null"
        stream = pdf.objects[_number(pdf.objects[page_number]["Contents"])].stream
        for i in range(len(stream) - 2):
            properties = stream[i + 1]
            if (
                stream[i + 2] == b"BDC"
                and isinstance(properties, dict)
                and properties.get("MCID") in outside
            ):
                # Running header and footer text are pagination; pictures are layout.
                kind = "/Layout" if stream[i] == "/Figure" else "/Pagination"
                stream[i] = "/Artifact"
                stream[i + 1] = pydyf.Dictionary({"Type": kind})


def _scope_header_cells(document) -> None:
    """Give every tagged table header cell the scope its HTML `scope` says (column unless
    told otherwise)."""
    for page in document.pages:
        for box in page._page_box.descendants(placeholders=True):
            mark = getattr(box, "mark", None)
            if mark is not None and box.element_tag == "th" and "A" in mark:
                scope = box.element.attrib.get("scope", "col")
                mark["A"]["Scope"] = SCOPES.get(scope, "/Column")


def _decorative(element) -> bool:
    """An image the HTML marks as decoration: hidden from assistive technology, presentational,
    or an `<img>` with empty alternative text."""
    attributes = element.attrib
    return (
        attributes.get("aria-hidden") == "true"
        or attributes.get("role") in ("presentation", "none")
        or (element.tag == "img" and attributes.get("alt") == "")
    )


def _detach_decorative_figures(document, pdf: pydyf.PDF) -> None:
    """Take decorative images (legend swatches) out of the structure tree, so that
    `_mark_artifacts` makes them artifacts. WeasyPrint tags every image as a `Figure` whose
    bounding box is the image's content box: that is how they are found."""
    decorative: set[tuple[bytes, tuple[float, ...]]] = set()
    for index, page in enumerate(document.pages):
        for box in page._page_box.descendants(placeholders=True):
            if getattr(box, "replacement", None) is not None and _decorative(box.element):
                x, y = box.content_box_x(), box.content_box_y()
                bbox = (x, y, x + box.width, y + box.height)
                decorative.add((pdf.page_references[index], bbox))
    if not decorative:
        return
    for element in list(pdf.objects):
        if not isinstance(element, dict) or element.get("S") != "/Figure":
            continue
        bbox = tuple(element.get("A", {}).get("BBox", ()))
        if (element.get("Pg"), bbox) in decorative:
            parent = pdf.objects[_number(element["P"])]
            parent["K"] = pydyf.Array(kid for kid in parent["K"] if kid != element.reference)


def finish_tags(document, pdf: pydyf.PDF) -> None:
    """A WeasyPrint finisher: artifacts for the running header and footer and for
    decorative images, scopes for header cells (see the module docstring)."""
    if "StructTreeRoot" not in pdf.catalog:
        return
    _scope_header_cells(document)
    _detach_decorative_figures(document, pdf)
    _mark_artifacts(pdf)


def render_pdf(
    html: str, fetcher: URLFetcher | None = None, generated: dict[str, bytes] | None = None
) -> bytes:
    """The PDF of a report's standalone HTML document; `generated` holds pictures made for it
    (name → bytes), which it reads at `GENERATED` + name."""
    fetcher = fetcher or StaticFilesOnly(generated)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return document.write_pdf(finisher=finish_tags, **PDF_OPTIONS)
