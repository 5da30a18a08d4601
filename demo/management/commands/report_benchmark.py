"""How much the app adds to WeasyPrint when it makes a report's PDF.

Builds a fully filled collaboration in a throwaway test database (17 complete worksheets with
full tables, 40 partners, 50 indicators with 24 measurements each), then times:

- the app: what the task worker does for a PDF: the data gathering, the templates and
  WeasyPrint with the app's URL fetcher;
- WeasyPrint alone: the same HTML, saved to disk beside its stylesheet, rendered with
  WeasyPrint's defaults and the same PDF options.

and prints both (best of --runs), their ratio and the app's overhead. The target is an
overhead under 30%. Run it with `make benchmark`; it is not a test.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand
from django.db import connection
from django.template.loader import render_to_string
from weasyprint import HTML

from demo.filled import filled_collaboration
from reports import files
from reports.content import Choices, build_report
from reports.models import ReportFile
from reports.pdf import PDF_OPTIONS


@dataclass
class Timing:
    """The fastest of several runs, wall clock and CPU, and what the last run produced."""

    wall: float = float("inf")
    cpu: float = float("inf")
    result: bytes = b""

    def run(self, work: Callable[[], bytes]) -> None:
        started, started_cpu = time.perf_counter(), time.process_time()
        self.result = work()
        self.wall = min(self.wall, time.perf_counter() - started)
        self.cpu = min(self.cpu, time.process_time() - started_cpu)


class Command(BaseCommand):
    help = "Time the report's PDF against WeasyPrint alone on a fully filled collaboration."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--runs", type=int, default=3, help="Renderings of each kind.")
        parser.add_argument("--partners", type=int, default=40)
        parser.add_argument("--rows", type=int, default=15, help="Rows in each table.")
        parser.add_argument("--indicators", type=int, default=50)
        parser.add_argument("--measurements", type=int, default=24)
        parser.add_argument("--keep", help="Also save the PDF and its HTML in this folder.")

    def handle(self, *args, runs: int, keep: str | None, **options) -> None:
        sizes = {name: options[name] for name in ("partners", "rows", "indicators", "measurements")}
        database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            self._measure(runs, keep, sizes)
        finally:
            connection.creation.destroy_test_db(database, verbosity=0)

    def _measure(self, runs: int, keep: str | None, sizes: dict) -> None:
        user = get_user_model().objects.create_user(
            username="benchmark@example.org", email="benchmark@example.org"
        )
        collaboration = filled_collaboration(facilitator=user, **sizes)
        report_file = ReportFile(
            collaboration=collaboration, options=files.options_key(Choices(paper="a4"), "en")
        )

        def app() -> bytes:
            return files.render(report_file)

        html = render_to_string(
            "reports/pdf.html", {"report": build_report(collaboration, Choices())}
        )
        folder = Path(tempfile.mkdtemp(prefix="report-benchmark-"))
        try:
            # Beside its stylesheet, with the link made relative, so WeasyPrint's own fetcher
            # reads it from disk as it would any saved page.
            stylesheet = folder / "static" / "reports" / "print.css"
            stylesheet.parent.mkdir(parents=True)
            shutil.copy(finders.find("reports/print.css"), stylesheet)
            page = folder / "report.html"
            page.write_text(html.replace('href="/static/', 'href="static/'), encoding="utf-8")

            def weasyprint_alone() -> bytes:
                return HTML(filename=page).write_pdf(**PDF_OPTIONS)

            ours, theirs = Timing(), Timing()
            app()  # warm up: templates, fonts, WeasyPrint's stylesheets
            # Taking turns, so a machine that gets busier or a process that grows weighs on
            # both alike.
            for _ in range(runs):
                ours.run(app)
                theirs.run(weasyprint_alone)
            pdf, plain = ours.result, theirs.result
            pages = len(HTML(filename=page).render().pages)
            if keep:
                target = Path(keep)
                target.mkdir(parents=True, exist_ok=True)
                (target / "report.pdf").write_bytes(pdf)
                (target / "report.html").write_text(html, encoding="utf-8")
        finally:
            shutil.rmtree(folder)

        self.stdout.write(
            f"Fully filled collaboration: {sizes['partners']} partners, 17 worksheets with "
            f"{sizes['rows']} rows a table, {sizes['indicators']} indicators with "
            f"{sizes['measurements']} measurements each; PDF of {len(pdf) // 1024} KB "
            f"({len(plain) // 1024} KB alone), {pages} pages; best of {runs}."
        )
        for label, timing in (
            ("The app (data to PDF)", ours),
            ("WeasyPrint alone (saved HTML)", theirs),
        ):
            self.stdout.write(f"  {label:32} {timing.wall:7.2f} s wall  {timing.cpu:7.2f} s CPU")
        for label, mine, plain_time in (
            ("wall", ours.wall, theirs.wall),
            ("CPU", ours.cpu, theirs.cpu),
        ):
            ratio = mine / plain_time
            self.stdout.write(
                f"  Ratio ({label}): {ratio:.2f}, overhead {100 * (ratio - 1):+.0f}% (target < 30%)"
            )
