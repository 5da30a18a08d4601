"""The worksheet page's lists, an entry each, written in Python: its history and comments,
and what its rows link to (stakeholders to add as partners, totals, indicators). A worksheet
gathers dozens of versions, comments and rows, each a dozen template tags (a date, a person,
a link, a form with its CSRF token), while the words around them are the same for all."""

from __future__ import annotations

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from collaborations.markup import text
from collaborations.templatetags.people import person

register = template.Library()


class _Moments:
    """Moments as pages write them (`|date:"DATETIME_FORMAT"`, `|time:"TIME_FORMAT"`, in the
    reader's time zone)."""

    def __init__(self) -> None:
        self.date_shape = get_format("DATETIME_FORMAT")
        self.time_shape = get_format("TIME_FORMAT")

    def date(self, moment) -> str:
        return text(dateformat.format(timezone.template_localtime(moment), self.date_shape))

    def time(self, moment) -> str:
        return text(dateformat.time_format(timezone.template_localtime(moment), self.time_shape))


def _csrf_input(context) -> str:
    """What `{% csrf_token %}` writes."""
    return CsrfTokenNode().render(context)


def _post_button(
    action: str, csrf: str, button: str, css: str = "btn btn-link btn-sm p-0", **more: str
) -> str:
    """A form of one button posting to `action` (`button` is its markup); `more` may give the
    form's `form_class` and `fields` (markup) before the button."""
    form_class = f' class="{more["form_class"]}"' if more.get("form_class") else ""
    return (
        f'<form method="post" action="{text(action)}"{form_class}>{csrf}{more.get("fields", "")}'
        f'<button class="{css}" type="submit">{button}</button></form>'
    )


@register.simple_tag(takes_context=True)
def history_items(context) -> SafeString:
    """The worksheet's latest versions, newest first (`revisions`, from the view's
    `_history`): who saved each and when, what it changed, its note, and a button to restore
    it for those who may edit."""
    worksheet, can = context["worksheet"], context["can"]
    moments, csrf = _Moments(), _csrf_input(context)
    place = [context["collaboration"].pk, context["tool"].slug]
    # "Changed:" alone is the admin's word, which would win over this app's translation.
    merged_with = text(_("with the changes of"))
    changed_label = text(pgettext("answers changed in a version", "Changed:"))
    items = []
    for revision in context["revisions"]:
        if revision.started_at:
            started, saved = moments.date(revision.started_at), moments.time(revision.created_at)
            when = f"{started} \N{EN DASH} {saved}"
        else:
            when = moments.date(revision.created_at)
        merged = ""
        if revision.kind == "merged" and (others := revision.merged_with.all()):
            names = ", ".join(text(person(other)) for other in others)
            merged = f" {merged_with} {names}"
        version = _("Version %(version)s") % {"version": revision.version}
        parts = [
            f'<li class="border-start ps-3 pb-2"><p class="mb-0 small"><strong>{text(version)}'
            f"</strong> · {when} · {text(person(revision.user))} "
            f"{text(revision.kind_label)}{merged} · {text(revision.status_label)}</p>"
        ]
        if revision.changed:
            changed = ", ".join(text(label) for label in revision.changed)
            parts.append(f'<p class="mb-0 small text-body-secondary">{changed_label} {changed}</p>')
        if revision.note:
            parts.append(f'<p class="mb-0 small fst-italic">{text(revision.note)}</p>')
        if can["edit_worksheets"] and revision.version != worksheet.version:
            restore = _("Restore version %(version)s") % {"version": revision.version}
            action = reverse("stages:worksheet-restore", args=[*place, revision.version])
            version = f'<input type="hidden" name="version" value="{worksheet.version}">'
            parts.append(
                _post_button(action, csrf, text(restore), form_class="d-inline", fields=version)
            )
        parts.append("</li>")
        items.append("".join(parts))
    return mark_safe("\n".join(items))


@register.simple_tag(takes_context=True)
def comment_items(context) -> SafeString:
    """The worksheet's comments, oldest first: who wrote each and when, whether it is
    resolved, and a button to resolve or reopen it for those who may."""
    can, moments, csrf = context["can"], _Moments(), _csrf_input(context)
    place = [context["collaboration"].pk, context["tool"].slug]
    resolved = text(_("Resolved"))
    resolved = f'<span class="badge text-bg-success ms-1">{resolved}</span>'
    reopen, mark_resolved = text(_("Reopen")), text(_("Mark resolved"))
    items = []
    for comment in context["comments"]:
        who = text(person(comment.author))
        label = text(_("Comment by %(who)s") % {"who": person(comment.author)})
        css = " comment-resolved" if comment.resolved_at else ""
        parts = [
            f'<article class="card card-body mb-2{css}" aria-label="{label}">'
            f'<p class="small mb-1"><strong>{who}</strong> · {moments.date(comment.created_at)} '
            f"{resolved if comment.resolved_at else ''}</p>"
            f'<p class="mb-1 text-prewrap">{text(comment.body)}</p>'
        ]
        if can["resolve_comments"]:
            action = reverse("stages:worksheet-comment-resolve", args=[*place, comment.pk])
            # The button says what it does, so a second click does not undo the first.
            label, wanted = (reopen, "no") if comment.resolved_at else (mark_resolved, "yes")
            fields = f'<input type="hidden" name="resolved" value="{wanted}">'
            parts.append(_post_button(action, csrf, label, fields=fields))
        parts.append("</article>")
        items.append("".join(parts))
    return mark_safe("\n".join(items))


@register.simple_tag(takes_context=True)
def partner_link_items(context) -> SafeString:
    """The stakeholders a worksheet names, each marked a partner already or, for those who
    manage partners, with a button to add it as one."""
    can, csrf = context["can"], _csrf_input(context)
    partner, not_yet = text(_("Partner")), text(_("not a partner yet"))
    partner = f'<span class="badge text-bg-success">{partner}</span>'
    not_yet = f'<span class="small text-body-secondary">{not_yet}</span>'
    add_as_partner = text(_("Add as partner"))
    items = []
    for name, is_partner, to_partner in context["links"]["partner_rows"]:
        if is_partner:
            state = partner
        elif can["manage_partners"]:
            button = f'{add_as_partner}<span class="visually-hidden"> {text(name)}</span>'
            state = _post_button(to_partner, csrf, button, "btn btn-sm btn-outline-primary")
        else:
            state = not_yet
        items.append(
            '<li class="d-flex flex-wrap align-items-center gap-2 mb-1">'
            f"<span>{text(name)}</span> {state}</li>"
        )
    return mark_safe("\n".join(items))


@register.simple_tag(takes_context=True)
def totals_tables(context) -> SafeString:
    """Each table's totals (`stages.worksheets.display.totals`): a heading per table, then a
    table per grouping, amounts by status."""
    parts = []
    for table, sums in context["links"]["totals"]:
        label = text(table.label)
        heading = text(_("%(table)s: totals") % {"table": table.label})
        parts.append(f'<h3 class="h6">{heading}</h3>')
        for total in sums:
            columns = "".join(
                f'<th scope="col" class="text-end">{text(c)}</th>' for c in total.columns
            )
            lines = "".join(
                f'<tr><th scope="row" class="fw-normal">{text(line)}</th>'
                + "".join(f'<td class="text-end text-nowrap">{text(a)}</td>' for a in amounts)
                + "</tr>"
                for line, amounts in total.lines
            )
            parts.append(
                f'<div class="table-responsive" tabindex="0" role="region" '
                f'aria-label="{label}: {text(total.heading)}"><table class="table table-sm '
                f'totals"><caption class="caption-top small fw-semibold">{text(total.heading)}'
                f"</caption><thead><tr><td></td>{columns}</tr></thead><tbody>{lines}</tbody>"
                "</table></div>"
            )
    return mark_safe("\n".join(parts))


@register.simple_tag(takes_context=True)
def indicator_link_items(context) -> SafeString:
    """The indicators a worksheet declares, each a link to its measurements."""
    return mark_safe(
        "\n".join(
            f'<li><a href="{text(page)}">{text(name)}</a></li>'
            for name, page in context["links"]["indicators"]
        )
    )
