"""How much each page costs beside a page that renders only the site layout.

Builds a benchmark database in a throwaway database with bulk inserts (`demo.bench_data`):
first 10 collaborations, then 1,000 (by default), each with 40 partners and all seventeen
worksheets filled in (15-row tables, 50 indicators), one facilitator following 200 of them,
one collaboration with 24 measurements of every indicator, worksheet history and comments.
At each size it requests every kind of page in-process through the whole middleware stack
(`django.test.Client`, signed in, asking for gzip as browsers do) and prints the median CPU
time per request (`time.process_time`, a streamed response read to its end) over --runs,
the layout-only page's in the same run, their ratio against the page's target, the query
count and the response size; the figures go to --json as well. Run it with `make bench`;
it is not a test (machines are noisy).
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import re
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from demo.bench_data import BenchData, Sizes, add_collaborations, start
from stages.models import Tool, Worksheet
from stages.worksheets.declarations import definition_for
from stages.worksheets.forms import WorksheetForms

# The most a page may cost, in layout pages; the default is for every page not named.
TARGETS = {"worksheet: agree-on-measures-of-success": 10, "report page": 15}
DEFAULT_TARGET = 5
AUTOSAVED = "engage-potential-partners"


@dataclass
class Figure:
    page: str
    url: str
    cpu_ms: float
    ratio: float
    target: int
    queries: int
    kilobytes: float
    status: int

    @property
    def within(self) -> bool:
        return self.ratio <= self.target


def read_timed(response: HttpResponse, started: float) -> tuple[float, bytes]:
    """The CPU seconds since `started` once `response` is read to its end, and its body. A
    streamed response (the portfolio CSV) is written while it is read, so reading it is part
    of its cost; a response may say when its timing `started` instead (after what the client
    had to prepare)."""
    body = b"".join(response) if response.streaming else response.content
    return time.process_time() - getattr(response, "started", started), body


def _post_data(forms: WorksheetForms, version: int, text: str) -> dict:
    """What the worksheet form posts as its page shows it, with one answer changed."""
    data: dict = {"version": str(version), "action": "save"}

    def put(bound) -> None:
        value = bound.value()
        if value in (None, "", False):
            return
        data[bound.html_name] = [str(v) for v in value] if isinstance(value, list) else str(value)

    for bound in forms.answers_form:
        put(bound)
    first = forms.definition.fields[0].name
    data[f"answers-{first}"] = text
    for formset in forms.tables.values():
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(formset.total_form_count())
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        for index, form in enumerate(formset.forms):
            for bound in form:
                put(bound)
            data[f"{form.prefix}-ORDER"] = str(index + 1)
    return data


class Command(BaseCommand):
    help = "Time every kind of page against the layout-only page at 10 and 1,000 collaborations."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--runs", type=int, default=15, help="Requests of each page (median).")
        parser.add_argument("--small", type=int, default=10, help="Collaborations, first size.")
        parser.add_argument("--large", type=int, default=1000, help="Collaborations, second.")
        parser.add_argument("--facilitated", type=int, default=200, help="Followed, at large.")
        parser.add_argument("--partners", type=int, default=40)
        parser.add_argument("--rows", type=int, default=15, help="Rows in each table.")
        parser.add_argument("--indicators", type=int, default=50)
        parser.add_argument("--measurements", type=int, default=24)
        parser.add_argument("--json", default="bench.json", help="Where to write the figures.")
        parser.add_argument("--only", default="", help="Measure only pages whose name has this.")
        parser.add_argument(
            "--profile",
            type=int,
            default=0,
            metavar="N",
            help="After the last size, print the N functions each measured page spends most in.",
        )

    def handle(self, *args, **options) -> None:
        database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            with override_settings(
                ROOT_URLCONF="demo.bench_urls", ALLOWED_HOSTS=["testserver"], DEBUG=False
            ):
                results = self._run(options)
        finally:
            connection.creation.destroy_test_db(database, verbosity=0)
        Path(options["json"]).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        self.stdout.write(f"Figures written to {options['json']}.")

    def _run(self, options: dict) -> dict:
        sizes = Sizes(
            partners=options["partners"],
            rows=options["rows"],
            indicators=options["indicators"],
            measurements=options["measurements"],
        )
        data = start(sizes)
        results: dict = {"runs": options["runs"], "sizes": asdict(sizes), "measured": []}
        built = 0
        for total, facilitated in (
            (options["small"], options["small"]),
            (options["large"], options["facilitated"]),
        ):
            started, started_cpu = time.perf_counter(), time.process_time()
            followed = data.facilitated() if built else 0
            add_collaborations(data, total - built, facilitated - followed)
            built = total
            seconds = time.perf_counter() - started
            cpu = time.process_time() - started_cpu
            self.stdout.write(
                f"\n{data.collaborations()} collaborations ({data.facilitated()} followed by the "
                f"measured facilitator), built in {seconds:.1f} s ({cpu:.1f} s CPU)"
            )
            figures = self._measure(data, options["runs"], options["only"])
            results["measured"].append(
                {
                    "collaborations": data.collaborations(),
                    "facilitated": data.facilitated(),
                    "build_seconds": round(seconds, 1),
                    "build_cpu_seconds": round(cpu, 1),
                    "pages": [{**asdict(f), "within": f.within} for f in figures],
                }
            )
        self._compare(results["measured"])
        if options["profile"]:
            self._profile(data, options["only"], options["profile"])
        return results

    def _profile(self, data: BenchData, only: str, top: int) -> None:
        """Where each page's time goes, by cumulative time per function (one request each)."""
        client = Client(HTTP_ACCEPT_ENCODING="gzip, deflate", HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(data.facilitator)
        for name, url in self._pages(data):
            if name == "autosave POST" or (only and only not in name):
                continue
            profiler = cProfile.Profile()
            response = profiler.runcall(client.get, url)
            if response.streaming:
                profiler.runcall(b"".join, response)
            out = io.StringIO()
            # The project's own functions first, then everything's, by time spent inside.
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("cumulative").print_stats(
                rf"^{re.escape(str(settings.BASE_DIR))}/(?!\.venv/)", top
            )
            stats.sort_stats("tottime").print_stats(top)
            self.stdout.write(f"\n{name}: {url}\n{out.getvalue()}")

    def _pages(self, data: BenchData) -> list[tuple[str, str]]:
        c = data.measured.pk
        indicators = definition_for("agree-on-measures-of-success").tables
        measured = next(t for t in indicators if t.measured)
        pages = [
            ("layout page", "/bench/layout/"),
            ("my collaborations", "/collaborations/"),
            ("portfolio", "/portfolio/"),
            ("portfolio CSV", "/portfolio/export.csv"),
            ("dashboard", f"/collaborations/{c}/"),
            ("stage", f"/collaborations/{c}/stages/design/"),
        ]
        pages += [
            (f"worksheet: {slug}", f"/collaborations/{c}/tools/{slug}/")
            for slug in Tool.objects.order_by("number").values_list("slug", flat=True)
        ]
        pages += [
            (
                "indicator page",
                f"/collaborations/{c}/tools/agree-on-measures-of-success/tables/"
                f"{measured.name}/rows/row-{measured.name}-1/",
            ),
            ("report page", f"/collaborations/{c}/report/"),
            ("autosave POST", f"/collaborations/{c}/tools/{AUTOSAVED}/"),
        ]
        return pages

    def _measure(self, data: BenchData, runs: int, only: str) -> list[Figure]:
        client = Client(HTTP_ACCEPT_ENCODING="gzip, deflate", HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(data.facilitator)
        saves = iter(range(1_000_000))

        def request(name: str, url: str):
            if name != "autosave POST":
                return client.get(url)
            sheet = Worksheet.objects.select_related("tool").get(
                collaboration=data.measured, tool__slug=AUTOSAVED
            )
            partners = list(data.measured.partners.order_by("name"))
            forms = WorksheetForms(definition_for(AUTOSAVED), sheet.answers, partners)
            posted = _post_data(forms, sheet.version, f"Changed {next(saves)}")
            # The post is timed from here: building what it posts is not the server's work.
            started = time.process_time()
            response = client.post(url, posted, HTTP_HX_REQUEST="true")
            response.started = started
            return response

        def timed(name: str, url: str):
            started = time.process_time()
            response = request(name, url)
            cpu, body = read_timed(response, started)
            if response.status_code != 200:
                raise SystemExit(f"{name}: {url} answered {response.status_code}")
            return cpu, response, body

        pages = [p for p in self._pages(data) if not only or only in p[0] or p[0] == "layout page"]
        samples: dict[str, list[float]] = {name: [] for name, _url in pages}
        facts: dict[str, tuple[int, float, int]] = {}
        for name, url in pages:
            timed(name, url)  # warm up: a person's first visit of a page records it
            with CaptureQueriesContext(connection) as queries:
                _cpu, response, body = timed(name, url)
            facts[name] = (len(queries), len(body) / 1024, response.status_code)
        # Taking turns, so a machine that gets busier weighs on every page alike.
        for _ in range(runs):
            for name, url in pages:
                cpu, _response, _body = timed(name, url)
                samples[name].append(cpu)
        layout = statistics.median(samples["layout page"]) * 1000
        figures = []
        self.stdout.write(
            f"{'page':48} {'CPU ms':>8} {'x layout':>9} {'target':>7} {'queries':>8} {'KB sent':>8}"
        )
        for name, url in pages:
            cpu = statistics.median(samples[name]) * 1000
            target = TARGETS.get(name, DEFAULT_TARGET)
            queries, kilobytes, status = facts[name]
            figure = Figure(
                page=name,
                url=url,
                cpu_ms=round(cpu, 2),
                ratio=round(cpu / layout, 2),
                target=target,
                queries=queries,
                kilobytes=round(kilobytes, 1),
                status=status,
            )
            figures.append(figure)
            mark = "" if figure.within else "  over target"
            self.stdout.write(
                f"{name:48} {cpu:8.1f} {figure.ratio:8.1f}x {target:6}x {queries:8} "
                f"{kilobytes:8.1f}{mark}"
            )
        return figures

    def _compare(self, measured: list[dict]) -> None:
        if len(measured) < 2:
            return
        small, large = measured[0], measured[-1]
        before = {p["page"]: p for p in small["pages"]}
        self.stdout.write(
            f"\nQueries at {small['collaborations']} and {large['collaborations']} "
            "collaborations, and pages over their target at either size:"
        )
        over = []
        for page in large["pages"]:
            few = before[page["page"]]
            same = "same" if few["queries"] == page["queries"] else "differs"
            self.stdout.write(f"  {page['page']:48} {few['queries']:4} {page['queries']:4}  {same}")
            if not (page["within"] and few["within"]):
                over.append(page["page"])
        self.stdout.write(
            "Every page within its target at both sizes."
            if not over
            else f"Over target: {', '.join(over)}."
        )
