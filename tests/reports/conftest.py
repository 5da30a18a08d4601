"""What the report tests share."""

from __future__ import annotations

import pytest

from reports import files


@pytest.fixture
def printed(monkeypatch) -> list[str]:
    """The HTML each PDF request would have printed, instead of printing it (test_pdf.py,
    which prints for real, has its own)."""
    documents: list[str] = []

    def render(html: str, fetcher=None, generated=None) -> bytes:
        documents.append(html)
        return b"%PDF-1.7 stub"

    monkeypatch.setattr(files, "render_pdf", render)
    return documents
