"""The PDF renderer reads the app's own static files from disk and nothing else."""

from __future__ import annotations

import socket

import pytest

from reports.pdf import (
    BASE_URL,
    GENERATED,
    RefusedURL,
    StaticFilesOnly,
    render_pdf,
    static_prefix,
)

STYLESHEET = f"{BASE_URL}static/reports/print.css"


def test_static_files_are_served_from_disk():
    response = StaticFilesOnly().fetch(STYLESHEET)
    assert response.content_type == "text/css"
    assert b"@page" in response.read()
    response.close()


def test_pictures_made_for_the_document_are_served_by_exact_name_only():
    fetcher = StaticFilesOnly({"draft-mark.svg": b"<svg/>"})
    response = fetcher.fetch(f"{GENERATED}draft-mark.svg")
    assert response.content_type == "image/svg+xml"
    assert response.read() == b"<svg/>"
    response.close()
    for url in [
        f"{GENERATED}other.svg",
        f"{GENERATED}../static/x",
        "http://x/generated/draft-mark.svg",
    ]:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    with pytest.raises(RefusedURL):
        StaticFilesOnly().fetch(f"{GENERATED}draft-mark.svg")


def test_a_query_or_fragment_does_not_matter():
    StaticFilesOnly().fetch(STYLESHEET + "?v=2#top").close()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://127.0.0.1:9/",
        "http://localhost/static/reports/print.css",
        "https://169.254.169.254/latest/meta-data",
        "https://example.org/static/reports/print.css",
        "ftp://example.org/file",
        "data:text/css,body{color:red}",
        "javascript:alert(1)",
        f"{BASE_URL}static/../../../../etc/passwd",
        f"{BASE_URL}static/reports/../../../../../../etc/passwd",
        f"{BASE_URL}static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        f"{BASE_URL}static/reports/..%2f..%2f..%2fsettings.py",
        f"{BASE_URL}static/%2fetc%2fpasswd",
        f"{BASE_URL}static//etc/passwd",
        f"{BASE_URL}static/reports\\..\\..\\manage.py",
        f"{BASE_URL}static/reports/print.css%00.png",
        f"{BASE_URL}static/",
        f"{BASE_URL}static/reports/no-such-file.css",
        f"{BASE_URL}collaborations/1/report/",
        f"{BASE_URL}etc/passwd",
        "https://report.invalid.example.org/static/reports/print.css",
        "https://user@report.invalid/static/reports/print.css",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises(RefusedURL):
        StaticFilesOnly().fetch(url)


def test_static_prefix_is_under_the_invalid_domain():
    assert static_prefix() == "https://report.invalid/static/"


def test_markup_that_escaped_the_templates_still_fetches_nothing(monkeypatch):
    """The second wall: even raw HTML full of references loads none of them."""
    connections = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: connections.append(address))
    asked = []
    original = StaticFilesOnly.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(StaticFilesOnly, "fetch", spy)
    html = """<!DOCTYPE html><html lang="en"><head>
      <link rel="stylesheet" href="/static/reports/print.css">
      <link rel="stylesheet" href="file:///etc/passwd">
      <link rel="stylesheet" href="http://127.0.0.1:9/x.css">
      <style>@import url("http://127.0.0.1:9/y.css"); @font-face { font-family: X;
        src: url(file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf); }
        body { background: url(http://127.0.0.1:9/bg.png); font-family: X; }</style>
      </head><body><p>Text</p>
      <img src="http://127.0.0.1:9/pixel.png" alt="">
      <img src="/static/../../etc/passwd" alt="">
      <object data="file:///etc/passwd"></object><embed src="file:///etc/hostname">
      <iframe src="http://127.0.0.1:9/"></iframe>
      <svg><image href="file:///etc/passwd" width="10" height="10"/></svg>
      <link rel="attachment" href="file:///etc/passwd">
    </body></html>"""
    pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF")
    assert connections == []
    assert STYLESHEET in asked  # the spy saw the one file it may serve
    refused = [url for url in asked if url != STYLESHEET]
    assert {"file:///etc/passwd", "http://127.0.0.1:9/pixel.png"} <= set(refused)
    assert b"root:x:0:0" not in pdf
