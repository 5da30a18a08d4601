"""Every kind of page is valid HTML by the Nu HTML checker (vnu-jar, pinned in package.json,
run on Debian's Java, which `make install-dev` installs as root). All pages go through one
run of the checker: it takes seconds to start."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.page_types import PAGE_TYPES, make_site, render

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The one message left out: htmx's own attributes, which the checker does not know. The app
# writes them as data-hx-*, which is valid, so this should never match; it is here so that a
# plain hx-* attribute is the only thing that could ever be let through.
HTMX_ATTRIBUTE = re.compile(r"^Attribute “hx-[a-z-]+” not allowed on element")


def check(pages: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """The checker's errors for each page (name → HTML), htmx attributes left out."""
    java = shutil.which("java")
    assert java, "Java is missing: `make install-dev` as root installs default-jre-headless"
    assert VNU.exists(), "vnu-jar is missing: `make install` installs it from package.json"
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, folder.iterdir())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr)
    found: dict[str, list[str]] = {}
    for message in report["messages"]:
        if message["type"] not in ("error", "non-document-error"):
            continue
        if HTMX_ATTRIBUTE.match(message.get("message", "")):
            continue
        name = Path(message.get("url", "?")).stem
        line = message.get("lastLine", "?")
        found.setdefault(name, []).append(f"line {line}: {message['message']}")
    return found


def test_the_checker_reports_a_page_with_known_faults(tmp_path):
    page = (
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        '<label for="group">Shared with</label><div id="group"></div>'
        '<p id="twice"></p><p id="twice"></p><form hx-post="/x"></form></body></html>'
    )
    found = check({"faulty": page}, tmp_path)
    messages = " | ".join(found["faulty"])
    assert "must be the ID of a non-hidden form control" in messages, messages
    assert "Duplicate ID “twice”" in messages, messages
    # Only the htmx attribute is let through.
    assert "hx-post" not in messages


@pytest.mark.django_db
def test_every_kind_of_page_is_valid_html(tmp_path):
    site = make_site()
    pages = {page.name: render(site, page) for page in PAGE_TYPES}
    found = check(pages, tmp_path)
    assert not found, "\n".join(f"{name}: {m}" for name, ms in found.items() for m in ms)
