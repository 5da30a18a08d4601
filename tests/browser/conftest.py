"""Browser tests: Debian's Chromium driven by pytest-playwright against pytest-django's
live server. Every test here is marked `browser` and runs in real transactions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.test import Client

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
def _real_transactions(transactional_db):
    """The live server reads from another thread, so data must really be committed."""


@pytest.fixture
def sign_in(live_server):
    """Signs a browser context in as `user` by handing it a session cookie."""

    def sign_in(context, user) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])

    return sign_in
