"""Worksheets filled in for report tests, and a corpus of hostile input."""

from __future__ import annotations

from django.utils import timezone

from collaborations.models import Collaboration
from demo.filled import filled_answers
from stages.models import Tool, Worksheet

# What a hostile member might type: markup, scripts, and references to internal addresses and
# local files. The report must show each as text and fetch none of them.
HOSTILE = [
    '<script>alert("report")</script>',
    '<img src="http://127.0.0.1:9/pixel.png">',
    '<link rel=stylesheet href="file:///etc/passwd">',
    "background: url(file:///etc/passwd)",
    '<a href="javascript:alert(1)">click me</a>',
    '<iframe src="http://127.0.0.1:9/admin/"></iframe>',
    '<svg onload="alert(1)"><image href="file:///etc/hostname"/></svg>',
    '<style>@import "http://169.254.169.254/latest/meta-data";</style>',
]


def fill(
    collaboration: Collaboration,
    statuses: dict[str, str],
    *,
    user=None,
    rows: int = 1,
    text: dict[str, dict] | None = None,
) -> dict[str, Worksheet]:
    """Worksheets for the tools named in `statuses` (slug → status), every field answered
    and every table `rows` long; `text` overrides answers per slug."""
    partners = list(collaboration.partners.values_list("pk", flat=True)) or [0]
    tools = Tool.objects.in_bulk(list(statuses), field_name="slug")
    made = {}
    for slug, status in statuses.items():
        answers = filled_answers(slug, partners, rows, rows)
        answers.update((text or {}).get(slug, {}))
        made[slug] = Worksheet.objects.create(
            collaboration=collaboration,
            tool=tools[slug],
            status=status,
            answers=answers,
            version=1,
            updated_by=user,
            updated_at=timezone.now(),
        )
    return made


def squeeze(text: str) -> str:
    """Text without any whitespace: a PDF may break a line anywhere there was a space."""
    return "".join(text.split())
