"""Turning the report's HTML into a PDF with WeasyPrint, reading nothing but our own static files.

WeasyPrint's default URL fetcher opens any `file://` path and any `http(s)://` address,
loopback included. Everything users type is escaped, so their text never becomes an element
that loads something; the fetcher is the second wall in case that ever fails.

The document is rendered with the base URL `https://report.invalid/` (`.invalid` is reserved
and never resolves), so `{% static %}` paths become `https://report.invalid/static/…`.
`StaticFilesOnly` answers exactly those URLs from disk (STATIC_ROOT when collected, else the
staticfiles finders) and refuses everything else: other hosts, `http:`, `file:`, `data:`,
path traversal. Fonts come from the system's fontconfig, not through the fetcher.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils._os import safe_join
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://report.invalid/"

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

    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        path = static_file(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        headers = {"Content-Type": content_type}
        if content_type.startswith("text/"):
            headers["Content-Type"] = f"{content_type}; charset=utf-8"
        return URLFetcherResponse(url, body=path.read_bytes(), headers=headers)


def render_pdf(html: str, fetcher: URLFetcher | None = None) -> bytes:
    """The PDF of a report's standalone HTML document."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher or StaticFilesOnly())
    return document.write_pdf(**PDF_OPTIONS)
