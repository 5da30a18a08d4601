"""Browser tests: Debian's Chromium driven by pytest-playwright against pytest-django's
live server. Every test here is marked `browser` and gets the toolkit content reloaded, since
a transactional test flushes the tables the data migration filled."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.test import Client

from stages.models import Stage, Tool
from stages.toolkit import load_toolkit

# pytest-django's live server and Playwright's sync API share the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def toolkit_content(transactional_db):
    """The four stages and seventeen tools, back after the previous test's flush."""
    load_toolkit(Stage, Tool)


@pytest.fixture
def sign_in(live_server):
    """Signs a browser context in as `user` by handing it a session cookie."""

    def sign_in(context, user) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])

    return sign_in
