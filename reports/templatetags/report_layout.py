"""The report's tools and long tables, written in Python.

A filled report has seventeen tools and hundreds of answers and table rows (worksheet tables,
sign-offs, reservations). In template loops every cell is a dozen node renders, lookups and a
translation, and every tool an include; here each table's labels are translated once, each
row is one string and each tool's section one more (`tool_section`), with the markup the
templates wrote: the same cells, header cells with their scope, "—" where nothing was given,
everything people typed escaped, the catalog's words around escaped values as
`{% blocktranslate %}` writes them. The appendix's tables keep their column groups and header
cells in the template, written once per table.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from charts.markup import chart_html
from collaborations.markup import Days, labels, text
from collaborations.templatetags.people import person
from stages.indicator_table import indicator_table_html
from stages.models import SignOff, WorksheetStatus
from stages.templatetags.sign_offs import recorded
from stages.worksheets.display import ShownTable, Total

register = template.Library()

NOTHING = "—"


def _shown(value: object) -> str:
    """A cell's content as `{{ value|default:"—" }}` writes it."""
    return text(value) if value else NOTHING


@register.simple_tag
def tool_section(entry, print_: bool = False) -> SafeString:
    """One tool of the report (`entry` is a reports.content.ToolEntry): its heading, status
    and definition, then once started its answers, totals, indicators, charts and
    sign-offs. Seventeen of them make a report: one string each rather than a template
    include."""
    anchor = text(entry.anchor)
    tool = entry.tool
    started = entry.started
    parts = [
        f'<section class="tool{"" if started else " tool--not-started"}" id="{anchor}" '
        f'aria-labelledby="{anchor}-title">\n<header class="tool__header">\n'
        f'<h3 class="tool__title" id="{anchor}-title">{_tool(entry)}</h3>\n'
        f'<p class="tool__meta">{tool_meta(entry)}</p>\n'
        f'<p class="tool__definition">{text(tool.definition)}</p>\n</header>\n'
    ]
    if started:
        parts.append(worksheet_sections(entry, print_))
        parts.extend(_totals(table, lines) for table, lines in entry.totals)
        if entry.indicators:
            # The catalog's text around escaped values, as {% blocktranslate %} writes it.
            region = _("Indicators: %(tool)s") % {"tool": text(tool.name)}
            table = indicator_table_html(
                entry.indicators,
                collaboration_id=entry.worksheet.collaboration.pk,
                table_class="report-table",
            )
            heading = text(_("Where each indicator stands"))
            parts.append(
                f'<div class="indicators">\n<h4>{heading}</h4>\n'
                f'<div class="table-responsive" tabindex="0" role="region" '
                f'aria-label="{region}">\n{table}\n</div>\n</div>\n'
            )
        parts.extend(chart_html(chart, open_numbers=bool(print_)) for chart in entry.charts)
        if entry.definition.sign_off:
            parts.append(_sign_offs(entry))
    parts.append("</section>\n")
    return mark_safe("".join(parts))


def _totals(table, lines: list[Total]) -> str:
    """A table's totals: a small table for each grouping."""
    heading = _("%(table)s: totals") % {"table": text(table.label)}
    parts = [f'<div class="totals">\n<h4>{heading}</h4>\n']
    for total in lines:
        widths = '<col class="col-money">' * len(total.columns)
        headers = "".join(f'<th scope="col" class="number">{text(c)}</th>' for c in total.columns)
        parts.append(
            f'<table class="totals__table">\n<colgroup><col>{widths}</colgroup>\n'
            f'<thead><tr><th scope="col">{text(total.heading)}</th>{headers}</tr></thead>\n'
            f"<tbody>{total_rows(total)}</tbody>\n</table>\n"
        )
    parts.append("</div>\n")
    return "".join(parts)


def _sign_offs(entry) -> str:
    """Where each partner stands on a worksheet that asks for sign-off, and who has yet to
    say."""
    heading = text(_("Sign-offs"))
    parts = [f'<div class="sign-offs">\n<h4>{heading}</h4>\n']
    if entry.sign_offs:
        region = _("Sign-offs: %(tool)s") % {"tool": text(entry.tool.name)}
        headers = "".join(
            f'<th scope="col">{text(label)}</th>'
            for label in (_("Partner"), _("Position"), _("Note"), _("Recorded"))
        )
        parts.append(
            f'<div class="table-responsive" tabindex="0" role="region" aria-label="{region}">\n'
            '<table class="report-table sign-off-table">\n'
            '<colgroup><col class="col-partner"><col class="col-choice">'
            '<col class="col-long_text"><col class="col-text"></colgroup>\n'
            f"<thead><tr>{headers}</tr></thead>\n"
            f"<tbody>{sign_off_rows(entry.sign_offs)}</tbody>\n</table>\n</div>\n"
        )
    if entry.unsigned:
        names = ", ".join(text(partner.name) for partner in entry.unsigned)
        not_yet = text(_("No position recorded yet:"))
        parts.append(f'<p class="muted">{not_yet} {names}.</p>\n')
    parts.append("</div>\n")
    return "".join(parts)


@register.simple_tag
def tool_meta(entry) -> SafeString:
    """A tool's status, then when and by whom its worksheet last changed (or that nobody has
    worked on it yet)."""
    worksheet = entry.worksheet
    status = labels(WorksheetStatus.choices).get(worksheet.status, worksheet.status)
    line = f'<span class="status status-{text(worksheet.status)}">{text(status)}</span>\n'
    if worksheet.updated_at:
        changed = _("Last changed %(when)s by %(who)s") % {
            "when": text(Days()(worksheet.updated_at)),
            "who": text(person(worksheet.updated_by)),
        }
    else:
        changed = text(_("Nobody has worked on this worksheet yet."))
    return mark_safe(line + changed)


def _tool(entry) -> str:
    """A tool as the report names it: "3. Share a vision of success"."""
    return f"{entry.tool.number}. {text(entry.tool.name)}"


@register.simple_tag
def worksheet_sections(entry, print_: bool = False) -> SafeString:
    """A started worksheet's sections as the report shows them: each answer and table under
    its label (unless the section's title already says it), "Not answered yet." or "No rows
    yet." where there is nothing; on paper, a table too wide for the page is a block per
    row."""
    wide = entry.wide_tables if print_ else set()
    return mark_safe("".join(_section(shown, wide) for shown in entry.shown))


def _section(shown, wide: set[str]) -> str:
    title = str(shown.section.title)
    no_rows, unanswered = text(_("No rows yet.")), text(_("Not answered yet."))
    parts = [f'<div class="worksheet-section">\n<h4>{text(title)}</h4>\n']
    for index, part in enumerate(shown.parts):
        if isinstance(part, ShownTable):
            label = str(part.table.label)
            if label != title or index:
                parts.append(f"<h5>{text(label)}</h5>\n")
            if not part.rows:
                parts.append(f'<p class="muted">{no_rows}</p>\n')
            elif part.table.name in wide:
                parts.append(f'<div class="row-blocks">{_row_blocks(part)}</div>\n')
            else:
                parts.append(_table(part, label))
        else:
            spec, answer = part
            label = str(spec.label)
            if label != title or index:
                parts.append(f"<h5>{text(label)}</h5>\n")
            if answer:
                parts.append(f'<p class="answer">{text(answer)}</p>\n')
            else:
                parts.append(f'<p class="muted">{unanswered}</p>\n')
    parts.append("</div>\n")
    return "".join(parts)


def _table(shown: ShownTable, label: str) -> str:
    """A worksheet table: its columns sized by their kind, a header cell for each, a cell
    for each value."""
    columns = shown.table.columns
    widths = "".join(f'<col class="col-{text(column.kind)}">' for column in columns)
    headers = "".join(f'<th scope="col">{text(column.label)}</th>' for column in columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_shown(cell)}</td>" for cell in row) + "</tr>" for row in shown.rows
    )
    return (
        f'<div class="table-responsive" tabindex="0" role="region" aria-label="{text(label)}">\n'
        f'<table class="report-table">\n<colgroup>{widths}</colgroup>\n'
        f"<thead><tr>{headers}</tr></thead>\n<tbody>{rows}</tbody>\n</table>\n</div>\n"
    )


def _row_blocks(shown: ShownTable) -> str:
    """A table too wide for the page, one block per row: each value under its column's
    label."""
    columns = [(text(column.kind), text(column.label)) for column in shown.table.columns]
    return "".join(
        '<dl class="row-block">'
        + "".join(
            f'<div class="row-block__item row-block__item--{kind}">'
            f"<dt>{label}</dt><dd>{_shown(cell)}</dd></div>"
            for (kind, label), cell in zip(columns, row, strict=False)
        )
        + "</dl>"
        for row in shown.rows
    )


@register.simple_tag
def total_rows(total: Total) -> SafeString:
    """One grouping of a table's totals: a line per group, an amount per status."""
    return mark_safe(
        "".join(
            f"<tr><td>{text(label)}</td>"
            + "".join(f'<td class="number">{text(amount)}</td>' for amount in amounts)
            + "</tr>"
            for label, amounts in total.lines
        )
    )


def _position_cells(s: SignOff, positions: dict[str, str], dates: Days) -> str:
    """A position's cells after its partner's: the position, the note, who recorded it
    and when."""
    return (
        f"{text(positions.get(s.position, s.position))}</td>"
        f"<td>{_shown(s.note)}</td><td>{recorded(s, dates(s.updated_at))}</td></tr>"
    )


@register.simple_tag
def sign_off_rows(sign_offs: list[SignOff]) -> SafeString:
    """A worksheet's sign-offs: partner, position, note, who recorded it and when."""
    positions, dates = labels(SignOff.Position.choices), Days()
    return mark_safe(
        "".join(
            f"<tr><td>{text(s.partner.name)}</td>"
            f'<td class="position-{text(s.position)}">{_position_cells(s, positions, dates)}'
            for s in sign_offs
        )
    )


@register.simple_tag
def concern_rows(concerns: list[tuple[object, SignOff]]) -> SafeString:
    """Reservations and disagreements across the report: tool, partner, position, note, who
    recorded it and when."""
    positions, dates = labels(SignOff.Position.choices), Days()
    # Each tool named once, not once a row: its name is read in the reader's language.
    tools: dict[int, str] = {}
    rows = []
    for entry, s in concerns:
        if id(entry) not in tools:
            tools[id(entry)] = _tool(entry)
        rows.append(
            f"<tr><td>{tools[id(entry)]}</td><td>{text(s.partner.name)}</td>"
            f"<td>{_position_cells(s, positions, dates)}"
        )
    return mark_safe("".join(rows))


@register.simple_tag
def change_rows(entries: list) -> SafeString:
    """Each included worksheet's status, and when and by whom it last changed."""
    statuses, dates = labels(WorksheetStatus.choices), Days()
    rows = []
    for entry in entries:
        worksheet = entry.worksheet
        changed = worksheet.updated_at
        when = dates(changed) if changed else ""
        who = text(person(worksheet.updated_by)) if changed else NOTHING
        status = statuses.get(worksheet.status, worksheet.status)
        rows.append(
            f"<tr><td>{_tool(entry)}</td><td>{text(status)}</td>"
            f"<td>{_shown(when)}</td><td>{who}</td></tr>"
        )
    return mark_safe("".join(rows))
