"""The rows of the dashboard's longer lists and tables, written in one pass in Python: the
worksheets waiting for review or gone quiet, the promises late or due soon, the status of all
seventeen tools, recent activity, each partner's follow-through and the partners by sector;
and the stage cards with their progress bars (the bar on the stage page too).

A template loop pays for every lookup, tag and filter in every row (a link to a worksheet
alone costs more than the row's text), and the dashboard has some sixty such rows. The
tables' frames (captions, headings) stay in `templates/dashboards/dashboard.html`; what is
written here reads exactly as the template wrote it: people's text escaped, the site's own
words as `{% translate %}` writes them, dates and times in the reader's format and zone.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timeuntil
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from collaborations.markup import labels
from collaborations.markup import text as escape
from collaborations.templatetags.people import person
from collaborations.templatetags.times import ago
from dashboards.overview import Due, FollowThrough, Overview, WorksheetLinks
from dashboards.progress import StageProgress
from stages.models import RevisionKind, Tool, Worksheet, WorksheetRevision, WorksheetStatus

MUTED = '<span class="small text-body-secondary">'


def _lines(items: Iterable[str]) -> SafeString:
    return mark_safe("\n".join(items))


def _to_worksheet(links: WorksheetLinks, tool: Tool, label: str) -> str:
    """A link to the tool's worksheet; `label` is markup already."""
    return f'<a href="{escape(links.worksheet(tool))}">{label}</a>'


def waiting_review_items(overview: Overview) -> SafeString:
    """`<li>`s: each worksheet marked ready for review, by whom and when."""
    links = overview.links
    items = []
    for tool, worksheet in overview.waiting_review:
        item = f"<li>{_to_worksheet(links, tool, f'{tool.number}. {escape(tool.name)}')}"
        if worksheet.updated_by:
            marked = gettext("marked by %(who)s %(when)s") % {
                "who": escape(person(worksheet.updated_by)),
                "when": escape(ago(worksheet.updated_at)),
            }
            item += f" {MUTED}· {marked}</span>"
        items.append(f"{item}</li>")
    return _lines(items)


def untouched_items(overview: Overview) -> SafeString:
    """`<li>`s: each started worksheet gone quiet, with the day it last changed."""
    links = overview.links
    items = []
    for tool, worksheet in overview.untouched:
        when = date_format(template_localtime(worksheet.updated_at), "DATE_FORMAT")
        changed = gettext("last changed %(when)s") % {"when": escape(when)}
        items.append(
            f"<li>{_to_worksheet(links, tool, f'{tool.number}. {escape(tool.name)}')} "
            f"{MUTED}· {changed}</span></li>"
        )
    return _lines(items)


def _due_row(item: Due, links: WorksheetLinks) -> str:
    due = date_format(item.due, "DATE_FORMAT") if item.due else ""
    status = escape(item.status.text)
    if item.late:
        status = f'<span class="badge text-bg-danger flag">{status}</span>'
    else:
        when = gettext("due in %(when)s") % {"when": escape(timeuntil(item.due))}
        status = f"{status} {MUTED}({when})</span>"
    return (
        f'<tr><th scope="row" class="fw-normal">'
        f"{_to_worksheet(links, item.tool, escape(item.what or '—'))} "
        f"{MUTED}({escape(item.table.label)})</span></th>"
        f"<td>{escape(item.partner or '—')}</td><td>{escape(due or '—')}</td>"
        f"<td>{status}</td></tr>"
    )


def due_rows(overview: Overview) -> SafeString:
    """`<tr>`s: commitments and milestones late or due soon, late first."""
    links = overview.links
    return _lines(_due_row(item, links) for item in overview.due)


def _tool_row(
    tool: Tool, worksheet: Worksheet, links: WorksheetLinks, statuses: dict, stages: dict
) -> str:
    if worksheet.updated_at:
        when = date_format(template_localtime(worksheet.updated_at), "DATETIME_FORMAT")
        changed = f"{escape(when)} · {escape(person(worksheet.updated_by))}"
    else:
        changed = "—"
    status = worksheet.status
    return (
        f'<tr><td>{tool.number}</td><th scope="row" class="fw-normal">'
        f"{_to_worksheet(links, tool, escape(tool.name))}</th>"
        f"<td>{stages[tool.stage_id]}</td>"
        f'<td><span class="badge status status-{escape(status)}">'
        f"{escape(statuses.get(status, status))}</span></td>"
        f'<td class="small">{changed}</td></tr>'
    )


def tool_rows(overview: Overview) -> SafeString:
    """`<tr>`s: every tool with its stage, its worksheet's status and who changed it last."""
    links, statuses = overview.links, labels(WorksheetStatus.choices)
    stages = {stage.pk: escape(stage.name) for stage in overview.stages}
    return _lines(_tool_row(t, sheet, links, statuses, stages) for t, sheet in overview.tools)


def _activity_item(
    revision: WorksheetRevision, links: WorksheetLinks, kinds: dict, statuses: dict
) -> str:
    tool = revision.worksheet.tool
    return (
        f"<li><strong>{escape(person(revision.user))}</strong> "
        f"{escape(kinds.get(revision.kind, revision.kind))} "
        f"{_to_worksheet(links, tool, escape(tool.name))} "
        f'<span class="text-body-secondary">· {escape(ago(revision.created_at))} · '
        f"{escape(statuses.get(revision.status, revision.status))}</span></li>"
    )


def activity_items(overview: Overview) -> SafeString:
    """`<li>`s: the latest changes to worksheets, newest first."""
    links = overview.links
    kinds, statuses = labels(RevisionKind.choices), labels(WorksheetStatus.choices)
    return _lines(
        _activity_item(revision, links, kinds, statuses) for revision in overview.activity
    )


def _follow_through_row(record: FollowThrough, none_due: str) -> str:
    rate = f"{record.percent}%" if record.percent is not None else none_due
    return (
        f'<tr><th scope="row" class="fw-normal">{escape(record.partner)}</th>'
        f"<td>{escape(record.kept_text)}</td><td>{rate}</td></tr>"
    )


def follow_through_rows(overview: Overview) -> SafeString:
    """`<tr>`s: of each partner's promises that came due, how many were kept."""
    none_due = gettext("none due yet")
    return _lines(_follow_through_row(record, none_due) for record in overview.follow_through)


def sector_items(overview: Overview) -> SafeString:
    """`<dt>`s and `<dd>`s: each sector that has partner organizations, how many, and their
    names."""
    return _lines(
        f"<dt>{escape(label)} "
        f'<span class="text-body-secondary fw-normal">({len(partners)})</span></dt>\n'
        f"<dd>{', '.join(escape(p.name) for p in partners)}</dd>"
        for label, partners in overview.sectors
    )


def progress_bar(p: StageProgress) -> SafeString:
    """One stage's progress: tools complete, then in progress, out of the stage's tools."""
    return mark_safe(
        '<div class="stage-progress">\n'
        '  <svg class="stage-progress__bar" viewBox="0 0 100 8" preserveAspectRatio="none" '
        f'role="img" aria-label="{escape(p.label)}" xmlns="http://www.w3.org/2000/svg">\n'
        '    <rect width="100" height="8" fill="#e3e7ec"/>\n'
        f'    <rect width="{p.percent_started}" height="8" fill="#c26100"/>\n'
        f'    <rect width="{p.percent_complete}" height="8" fill="#2a7d4f"/>\n'
        "  </svg>\n"
        f'  <p class="small mb-0 text-body-secondary">{escape(p.summary)}</p>\n'
        "</div>"
    )


def stage_cards(overview: Overview) -> SafeString:
    """`<section>`s: a card per stage with its question and progress, leading to its page."""
    cards = []
    for p in overview.progress:
        stage = p.stage
        slug = escape(stage.slug)
        url = escape(reverse("dashboards:stage", args=[overview.collaboration.pk, stage.slug]))
        cards.append(
            f'<section class="col-md-6 col-xl-3" aria-labelledby="stage-{slug}">\n'
            f'<div class="card h-100 stage-card stage-{slug}">\n'
            '<div class="card-body">\n'
            f'<h3 class="h5 card-title" id="stage-{slug}"><a href="{url}">'
            f'<span class="stage-number">{stage.number}</span> {escape(stage.name)}</a></h3>\n'
            f'<p class="card-text small fst-italic">{escape(stage.question)}</p>\n'
            f"{progress_bar(p)}\n"
            "</div>\n</div>\n</section>"
        )
    return _lines(cards)
