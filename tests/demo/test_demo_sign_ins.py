"""`make run` prints the demo sign-ins once the server answers, after its start-up lines."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from demo.management.commands import demo_sign_ins

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def _print(**options) -> str:
    out = StringIO()
    call_command("demo_sign_ins", stdout=out, **options)
    return out.getvalue()


def test_it_lists_every_demo_sign_in_and_the_password():
    text = _print()
    for email in [
        "facilitator@example.org",
        "partner@example.org",
        "viewer@example.org",
        "admin@example.org",
    ]:
        assert email in text
    assert "intersector-demo" in text
    assert "http://127.0.0.1:8000/" in text


def test_it_waits_for_the_server_and_names_its_address(live_server, monkeypatch):
    monkeypatch.setattr(demo_sign_ins, "SETTLE_SECONDS", 0)
    host = live_server.url.removeprefix("http://")
    assert f"Intersector is served at http://{host}/" in _print(when_serving=host)
    port = host.rpartition(":")[2]
    everywhere = _print(when_serving=f"0.0.0.0:{port}")
    assert f"served at http://127.0.0.1:{port}/" in everywhere
    assert f"listening on 0.0.0.0:{port}" in everywhere


def test_it_says_so_when_nothing_answers(monkeypatch):
    monkeypatch.setattr(demo_sign_ins, "WAIT_SECONDS", 1)
    with pytest.raises(CommandError, match="Nothing answered"):
        _print(when_serving="127.0.0.1:9")


def test_make_run_prints_them_after_starting_the_server():
    recipe = MAKEFILE.read_text().split("\nrun: migrate\n", 1)[1].split("\n\n", 1)[0]
    server = recipe.index("runserver $(HOST)")
    assert re.search(r"demo_sign_ins --when-serving \$\(HOST\) &", recipe[server:])
    # Its end stops nothing: only the server or the worker ending stops `make run`.
    assert "wait -n $$web $$worker" in recipe
