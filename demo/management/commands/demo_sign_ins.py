"""Print where the app is served and the demo sign-ins. `make run` starts it beside the web
server with `--when-serving`: it waits until the server answers and the start-up lines are
out, so that the sign-ins stay the last thing in the terminal."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

from django.core.management.base import BaseCommand, CommandError

from demo.management.commands.seed_demo import ACCOUNTS, DEMO_PASSWORD

WAIT_SECONDS = 60
# After the server first answers, the task worker and the autoreloader still announce
# themselves for a few seconds; print after them.
SETTLE_SECONDS = 6


EVERY_ADDRESS = {"0.0.0.0", "::", "[::]"}


def _local(host: str) -> str:
    """The address to reach runserver's `host:port` (or bare port) from this machine."""
    name, _, port = host.rpartition(":")
    return f"127.0.0.1:{port}" if name in EVERY_ADDRESS | {""} else host


def _wait_until_serving(host: str) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://{_local(host)}/healthz", timeout=2).close()
        except urllib.error.HTTPError:  # it answers, even if it refuses the host name
            pass
        except OSError:
            time.sleep(0.5)
            continue
        time.sleep(SETTLE_SECONDS)
        return True
    return False


class Command(BaseCommand):
    help = "Print the demo sign-ins (with --when-serving, once the server there answers)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--when-serving",
            metavar="HOST:PORT",
            help="wait (up to a minute) until the server at HOST:PORT answers, then print",
        )

    def handle(self, *args, when_serving: str | None = None, **options) -> None:
        if when_serving and not _wait_until_serving(when_serving):
            raise CommandError(f"Nothing answered at http://{when_serving}/ within a minute.")
        host = when_serving or "127.0.0.1:8000"
        rule = "─" * 64
        self.stdout.write(rule)
        self.stdout.write(self.style.SUCCESS(f"Intersector is served at http://{_local(host)}/"))
        if host.rpartition(":")[0] in EVERY_ADDRESS:
            self.stdout.write(f"  (listening on {host}: other machines use this one's address)")
        self.stdout.write(f"Demo sign-ins, password for all: {DEMO_PASSWORD}")
        for email, first, last, role, _partner in ACCOUNTS:
            self.stdout.write(f"  {email:<26} {role.label} ({first} {last})")
        self.stdout.write(f"  {'admin@example.org':<26} site administrator (/admin/)")
        self.stdout.write("Ctrl-C stops the web server and the task worker.")
        self.stdout.write(rule)
