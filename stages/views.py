"""The worksheet of a tool as a collaboration fills it in: the page, its saves, review,
sign-off, comments, history and indicators."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_htmx.http import reswap, retarget

from collaborations import access
from collaborations.markup import labels
from collaborations.models import Collaboration, Membership, Partner, Sector
from collaborations.text import TOO_LONG
from stages import catalog, presence, services, signals
from stages.forms import CommentForm, MeasurementForm, SignOffForm
from stages.indicators import Measured, indicator_standing
from stages.models import (
    Comment,
    Measurement,
    MeasurementChange,
    RevisionKind,
    SignOff,
    Worksheet,
    WorksheetRevision,
    WorksheetStatus,
)
from stages.services import WorksheetConflict
from stages.worksheets.declarations import definition_for
from stages.worksheets.display import present, totals
from stages.worksheets.forms import WorksheetForms
from stages.worksheets.kinds import LONG_TEXT_LIMIT, TEXT_LIMIT, display
from stages.worksheets.schema import Definition, Table


def _worksheet_context(
    membership: Membership, sheet: Worksheet, forms: WorksheetForms, **extra
) -> dict:
    tool = sheet.tool
    # The tools before and after this one (a tool's number is its position, 1 to 17).
    previous_tool, next_tool = catalog.neighbours(tool)
    partners = forms.partners
    collaboration = membership.collaboration
    sign_offs = {}
    if forms.definition.sign_off:
        by_pk = {p.pk: p for p in partners}
        records = SignOff.objects.filter(collaboration=collaboration, tool=tool)
        for record in records:
            record.partner = by_pk.get(record.partner_id) or record.partner  # loaded above
            sign_offs[record.partner_id] = record
    own = sign_offs.get(membership.partner_id)
    if forms.definition.sign_off and "sign_off_form" not in extra:
        extra["sign_off_form"] = _sign_off_form(
            membership,
            partners,
            initial={"position": own.position, "note": own.note} if own else None,
        )
    extra.setdefault("comment_form", CommentForm(prefix="comment"))
    members = _members(collaboration)
    extra.setdefault(
        "present",
        presence.present_others(
            collaboration=collaboration, tool=tool, user=membership.user, people=members
        ),
    )
    extra.setdefault("page_version", sheet.version)
    extra.setdefault("review_note_limit", REVIEW_NOTE_LIMIT)
    revisions = _history(sheet, forms.definition)
    comments = list(Comment.objects.filter(collaboration=collaboration, tool=tool))
    # Who wrote each comment, saved each version and recorded each position, from the members
    # read once (the page names each; who resolved a comment is not shown).
    _name_people(
        members, [(comments, "author"), (revisions, "user"), (list(sign_offs.values()), "user")]
    )
    return dict(
        # Worksheet tables get the window's whole width (up to a limit), not the text column.
        page_container="container-fluid page-wide",
        links=_links(forms.definition, sheet.answers, partners, collaboration),
        # The organizations the worksheet waits for, and any other that recorded a position.
        sign_off_rows=[
            (p, sign_offs.get(p.pk)) for p in partners if p.signs_off or p.pk in sign_offs
        ],
        comments=comments,
        mention_names=_mention_names(members),
        stage=tool.stage,
        tool=tool,
        worksheet=sheet,
        definition=forms.definition,
        forms=forms,
        # Only read-only pages show it; the template calls it when it does.
        shown=partial(present, forms.definition, sheet.answers, partners, collaboration.currency),
        revisions=revisions,
        sent_back=_sent_back(sheet, revisions),
        previous_tool=previous_tool,
        next_tool=next_tool,
        **extra,
    )


# What pages say of a person: their name, else their email address.
PERSON = ("first_name", "last_name", "email")


def _members(collaboration: Collaboration) -> dict[int, AbstractBaseUser]:
    """The collaboration's members by id, with what pages say of them."""
    return (
        get_user_model()
        .objects.filter(memberships__collaboration=collaboration)
        .only(*PERSON)
        .in_bulk()
    )


def _mention_names(members: dict[int, AbstractBaseUser]) -> list[str]:
    """The names a comment can mention (`@Full Name`), in the order of first names."""
    ordered = sorted(members.values(), key=lambda u: (u.first_name, u.last_name, u.email))
    return [f"{u.first_name} {u.last_name}".strip() or u.email for u in ordered]


def _name_people(people: dict, related: list[tuple[list, str]]) -> None:
    """Set each object's person (its `field`, a user) from `people`; those no longer among
    them (former members) are read in one more query."""
    wanted = {getattr(o, f"{field}_id") for objects, field in related for o in objects}
    missing = wanted - people.keys() - {None}
    if missing:
        people = {**people, **get_user_model().objects.only(*PERSON).in_bulk(missing)}
    for objects, field in related:
        for o in objects:
            setattr(o, field, people.get(getattr(o, f"{field}_id")))


def _sign_off_form(
    membership: Membership, partners: list[Partner], data=None, initial=None
) -> SignOffForm:
    return SignOffForm(
        data,
        initial=initial,
        prefix="sign-off",
        own=membership.partner,
        partners=partners,
        for_others=access.allowed(membership, "sign_off_for_others"),
    )


def _links(
    definition: Definition, answers: dict, partners: list[Partner], collaboration: Collaboration
) -> dict:
    """Saved rows that lead elsewhere, with the address each leads to: stakeholders that can
    become partners, indicators that have measurements."""
    partner_names = {p.name.lower() for p in partners}
    partner_rows, indicators = [], []
    currency, place = collaboration.currency, [collaboration.pk, definition.tool]
    sums = [
        (table, totals(table, answers.get(table.name) or [], partners, currency))
        for table in definition.tables
        if table.totals
    ]
    for table in definition.tables:
        for row in answers.get(table.name) or []:
            if table.becomes_partner:
                name = row.get(table.becomes_partner[0]) or ""
                if name:
                    to_partner = reverse(
                        "stages:worksheet-row-to-partner", args=[*place, table.name, row["id"]]
                    )
                    partner_rows.append((name, name.lower() in partner_names, to_partner))
            if table.measured and row.get(table.measured[0]):
                page = reverse("stages:indicator", args=[*place, table.name, row["id"]])
                indicators.append((row[table.measured[0]], page))
    return {
        "partner_rows": partner_rows,
        "indicators": indicators,
        "totals": [(table, lines) for table, lines in sums if lines],
    }


# Revisions that change where a worksheet stands in its review.
REVIEW_STEPS = {
    RevisionKind.MARKED_READY,
    RevisionKind.COMPLETED,
    RevisionKind.SENT_BACK,
    RevisionKind.REOPENED,
}


def _sent_back(sheet: Worksheet, revisions: list) -> WorksheetRevision | None:
    """The send-back whose note the partners are still to act on: the latest review step,
    while the worksheet is in progress. Its note is shown with the worksheet's status, not
    only at the foot of the history."""
    if sheet.status != WorksheetStatus.IN_PROGRESS:
        return None
    step = next((r for r in revisions if r.kind in REVIEW_STEPS), None)
    return step if step is not None and step.kind == RevisionKind.SENT_BACK else None


def _history(sheet: Worksheet, definition: Definition, limit: int = 20) -> list:
    """The latest revisions, newest first, each with the labels of the answers it changed."""
    if sheet.pk is None:
        return []
    revisions = list(sheet.revisions.filter(folded=False)[: limit + 1])
    # Only merges name whom they merged with: no query when none is shown.
    prefetch_related_objects(
        [r for r in revisions[:limit] if r.kind == RevisionKind.MERGED], "merged_with"
    )
    answer_labels = {p.name: p.label for s in definition.sections for p in s.parts}
    # Each kind and status in words once, not every choice for every revision (as
    # `get_kind_display` does).
    kinds, statuses = labels(RevisionKind.choices), labels(WorksheetStatus.choices)
    for index, newer in enumerate(revisions):
        newer.kind_label = kinds.get(newer.kind, newer.kind)
        newer.status_label = statuses.get(newer.status, newer.status)
        older = revisions[index + 1] if index + 1 < len(revisions) else None
        before = older.answers if older else {}
        newer.changed = [
            str(label)
            for name, label in answer_labels.items()
            # An empty answer and a missing one are the same to a reader.
            if (newer.answers.get(name) or None) != (before.get(name) or None)
        ]
    return revisions[:limit]


def _load_worksheet(membership: Membership, tool_slug: str) -> tuple[Worksheet, WorksheetForms]:
    tool = catalog.tool(tool_slug)
    sheet = Worksheet.for_tool(membership.collaboration, tool)
    # Not through `collaboration.partners`, which would set each partner's collaboration one
    # by one: nothing here asks a partner for it. Names and sectors are all that worksheet
    # pages show of their partners, and their status whether a position is waited for
    # (forty of them: their other fields would be read for nothing).
    partners = list(
        Partner.objects.filter(collaboration=membership.collaboration)
        .only("name", "sector", "status")
        .order_by("name")
    )
    forms = WorksheetForms(
        definition_for(tool.slug),
        sheet.answers,
        partners,
        currency=membership.collaboration.currency,
    )
    return sheet, forms


@access.collaboration_view(get="view", post="edit_worksheets")
def worksheet(request: HttpRequest, membership: Membership, tool_slug: str) -> HttpResponse:
    if request.method == "POST":
        return _worksheet_save(request, membership, tool_slug)
    sheet, forms = _load_worksheet(membership, tool_slug)
    collaboration = membership.collaboration
    first_visit = presence.presence_mark(
        collaboration=collaboration, tool=sheet.tool, user=request.user
    )
    context = _worksheet_context(membership, sheet, forms, first_visit=first_visit)
    return render(request, "stages/worksheet.html", context)


@access.collaboration_view(post="view")
def worksheet_presence(
    request: HttpRequest, membership: Membership, tool_slug: str
) -> HttpResponse:
    """The open page's heartbeat: who else is here, and what others saved since the version
    the page shows (the highest `version` posted: the page's and its form's)."""
    tool = catalog.tool(tool_slug)
    sheet = Worksheet.for_tool(membership.collaboration, tool)
    # Whole numbers only: a "digit" such as ² is not one.
    versions = [int(v) for v in request.POST.getlist("version") if v.isdecimal()]
    page_version = min(max(versions, default=sheet.version), sheet.version)
    presence.presence_mark(collaboration=membership.collaboration, tool=tool, user=request.user)
    context = dict(
        tool=tool,
        worksheet=sheet,
        page_version=page_version,
        present=presence.present_others(
            collaboration=membership.collaboration, tool=tool, user=request.user
        ),
        saved_since=presence.saved_since(worksheet=sheet, version=page_version, user=request.user),
    )
    return render(request, "stages/_worksheet_presence.html", context)


def _posted_version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _choices(data) -> dict:
    """The conflict page's choices: "resolve:<key>" is "mine", "theirs" or "combined" (then
    the text is in "combined:<key>")."""
    choices = {}
    for name, choice in data.items():
        if not name.startswith("resolve:"):
            continue
        key = name.removeprefix("resolve:")
        if choice == "combined":
            choices[key] = ("combined", data.get(f"combined:{key}", "").strip())
        elif choice in ("mine", "theirs"):
            choices[key] = choice
    return choices


def _combined_too_long(definition: Definition, choices: dict) -> bool:
    """A combined text may hold both sides' texts in full, and no more."""
    limits = {f.name: f.max_length or LONG_TEXT_LIMIT for f in definition.fields}
    for table in definition.tables:
        limits |= {f"{table.name}:{c.name}": c.max_length or TEXT_LIMIT for c in table.columns}
    for key, choice in choices.items():
        if isinstance(choice, tuple):
            parts = key.split(":")
            limit = limits.get(parts[0] if len(parts) == 1 else f"{parts[0]}:{parts[-1]}", 0)
            if len(choice[1]) > 2 * limit + 2:
                return True
    return False


def _worksheet_save(request: HttpRequest, membership: Membership, tool_slug: str) -> HttpResponse:
    """Save a worksheet form: a draft, or a request for review. Bad input comes back with its
    messages; a save based on an older version is merged with what was saved since, and only
    answers both people changed come back as a conflict to choose from."""
    sheet, blank = _load_worksheet(membership, tool_slug)
    forms = blank.bind(request.POST)
    version = _posted_version(request)
    if version is None or version > sheet.version:
        return HttpResponseBadRequest(_("This page is out of date. Reload it and try again."))
    ready = request.POST.get("action") == "ready"
    if not forms.is_valid() or (ready and not forms.check_ready_for_review()):
        context = _worksheet_context(membership, sheet, forms)
        return render(request, "stages/worksheet.html", context, status=422)
    choices = _choices(request.POST)
    chosen_rows = {key.split(":")[1] for key in choices if key.count(":") == 1}
    unknown = forms.unknown_rows(sheet.answers) - chosen_rows
    if (unknown and version == sheet.version) or _combined_too_long(forms.definition, choices):
        return HttpResponseBadRequest(_("The form refers to rows this worksheet does not have."))
    before = sheet.status
    saved = services.worksheet_save(
        worksheet=sheet,
        answers=forms.answers(),
        user=request.user,
        version=version,
        status=Worksheet.Status.READY_FOR_REVIEW if ready else Worksheet.Status.IN_PROGRESS,
        choices=choices,
    )
    if saved.conflicts:
        return _conflict(request, membership, saved, forms)
    if ready and before != Worksheet.Status.READY_FOR_REVIEW:
        signals.review_requested.send(Worksheet, worksheet=saved.worksheet, actor=request.user)
    if request.htmx:
        return _autosaved(request, membership, saved, forms)
    if saved.merge_message:
        messages.info(request, saved.merge_message)
    if ready:
        messages.success(request, _("Saved and marked ready for review."))
    else:
        messages.success(request, _("Saved."))
    return redirect(saved.worksheet)


def _autosaved(
    request: HttpRequest, membership: Membership, saved: services.Saved, posted: WorksheetForms
) -> HttpResponse:
    """An autosave's answer: the save state, or after a merge the whole form again, so the
    page shows the other person's changes and the next save starts from the merged version."""
    sheet = saved.worksheet
    state = {"saved": True, "merge_message": saved.merge_message}
    if not saved.taken:
        return render(
            request, "stages/_worksheet_form.html#save-state", {"worksheet": sheet, **state}
        )
    forms = WorksheetForms(
        posted.definition, sheet.answers, posted.partners, currency=posted.currency
    )
    context = _worksheet_context(membership, sheet, forms, **state)
    response = render(request, "stages/_worksheet_form.html", context)
    return retarget(reswap(response, "outerHTML"), "#worksheet-form")


def _shown_conflicts(conflicts: list, partners: list[Partner], currency: str) -> list[dict]:
    """Each contested answer with both sides as people read them."""
    names = {p.pk: p.name for p in partners}

    def shown(conflict, value) -> str:
        if conflict.spec is not None:
            return display(conflict.spec, value, names, currency)
        if value is None:
            return _("(removed)")
        return " · ".join(
            filter(
                None,
                (display(c, value.get(c.name), names, currency) for c in conflict.table.columns),
            )
        )

    return [
        {
            "conflict": c,
            "mine": shown(c, c.mine),
            "theirs": shown(c, c.theirs),
            "combined": "\n\n".join(filter(None, [str(c.mine or ""), str(c.theirs or "")]))
            if c.can_combine
            else "",
        }
        for c in conflicts
    ]


def _conflict(
    request: HttpRequest, membership: Membership, saved: services.Saved, posted: WorksheetForms
) -> HttpResponse:
    """Someone else changed some of the same answers. Everything else is merged and saved
    already; the form holds that, with my version of each contested answer, and a chooser
    for each of those alone."""
    current = saved.worksheet
    forms = WorksheetForms(
        posted.definition, saved.preferred or {}, posted.partners, currency=posted.currency
    )
    context = _worksheet_context(
        membership,
        current,
        forms,
        conflict=True,
        conflicts=_shown_conflicts(
            saved.conflicts, posted.partners, membership.collaboration.currency
        ),
        others=saved.merged_with,
        merge_message=saved.merge_message,
    )
    return render(request, "stages/worksheet.html", context, status=409)


REVIEW_NOTE_LIMIT = 2000  # WorksheetRevision.note

REVIEW_DECISIONS = {
    "complete": Worksheet.Status.COMPLETE,
    "return": Worksheet.Status.IN_PROGRESS,
}


@access.collaboration_view(post="review_worksheets")
def worksheet_review(request: HttpRequest, membership: Membership, tool_slug: str) -> HttpResponse:
    """A facilitator marks a worksheet complete, or sends it back (or reopens it) with a note."""
    sheet, forms = _load_worksheet(membership, tool_slug)
    decision = REVIEW_DECISIONS.get(request.POST.get("decision", ""))
    version = _posted_version(request)
    if decision is None or version is None or sheet.pk is None:
        return HttpResponseBadRequest(_("Unknown review decision."))
    note = request.POST.get("note", "").strip()
    error = ""
    if len(note) > REVIEW_NOTE_LIMIT:
        error = TOO_LONG % {"show_value": len(note), "limit_value": REVIEW_NOTE_LIMIT}
    elif decision == Worksheet.Status.IN_PROGRESS and not note:
        error = _("Say what needs more work, so the partners know.")
    if error:
        context = _worksheet_context(membership, sheet, forms, review_error=error, review_note=note)
        return render(request, "stages/worksheet.html", context, status=422)
    before = sheet.status
    try:
        saved = services.worksheet_set_status(
            worksheet=sheet, status=decision, user=request.user, version=version, note=note
        )
    except WorksheetConflict:
        # The page again as it now stands, the note kept for a decision made anew.
        sheet, forms = _load_worksheet(membership, tool_slug)
        error = _(
            "Someone changed this worksheet's status while you were reviewing it. Look again."
        )
        context = _worksheet_context(membership, sheet, forms, review_error=error, review_note=note)
        return render(request, "stages/worksheet.html", context, status=409)
    if saved.merge_message:
        messages.info(request, saved.merge_message)
    if before != saved.worksheet.status:
        signals.worksheet_reviewed.send(
            Worksheet, worksheet=saved.worksheet, before=before, actor=request.user, note=note
        )
    if decision == Worksheet.Status.COMPLETE:
        messages.success(request, _("Marked complete."))
    else:
        messages.success(request, _("Sent back to the partners with your note."))
    return redirect(sheet)


@access.collaboration_view(post="edit_worksheets")
def worksheet_restore(
    request: HttpRequest, membership: Membership, tool_slug: str, version: int
) -> HttpResponse:
    sheet, _forms = _load_worksheet(membership, tool_slug)
    revision = get_object_or_404(WorksheetRevision, worksheet__pk=sheet.pk, version=version)
    based_on = _posted_version(request)
    if based_on is None or based_on > sheet.version:
        return HttpResponseBadRequest(_("This page is out of date. Reload it and try again."))
    saved = services.worksheet_restore(
        worksheet=sheet, revision=revision, user=request.user, version=based_on
    )
    if saved.merge_message:
        messages.info(request, saved.merge_message)
    if saved.conflicts:
        messages.warning(
            request,
            _(
                "Left as they are, because someone else changed them since you opened the "
                "page: %(answers)s. Restore again to replace them too."
            )
            % {"answers": ", ".join(c.label for c in saved.conflicts)},
        )
    if saved.written:
        messages.success(
            request, _("Version %(version)d restored as a new version.") % {"version": version}
        )
    elif not saved.conflicts:
        messages.info(request, _("Nothing to restore: the worksheet already says this."))
    return redirect(sheet)


@access.collaboration_view(post="sign_off")
def worksheet_sign_off(
    request: HttpRequest, membership: Membership, tool_slug: str
) -> HttpResponse:
    """A member records where the partner organization they represent stands on this
    worksheet; a facilitator may record an organization's position on its behalf, saying so."""
    sheet, forms = _load_worksheet(membership, tool_slug)
    if not forms.definition.sign_off:
        raise Http404
    form = _sign_off_form(membership, forms.partners, data=request.POST)
    if "partner" not in form.fields and membership.partner is None:
        messages.error(
            request,
            _("Only a member who represents a partner organization can sign off for it."),
        )
        return redirect(sheet)
    if not form.is_valid():
        context = _worksheet_context(membership, sheet, forms, sign_off_form=form)
        return render(request, "stages/worksheet.html", context, status=422)
    SignOff.objects.update_or_create(
        collaboration=membership.collaboration,
        tool=sheet.tool,
        partner=form.partner,
        defaults={
            "position": form.cleaned_data["position"],
            "note": form.cleaned_data["note"].strip(),
            "user": request.user,
            "on_behalf": form.is_on_behalf,
        },
    )
    if form.is_on_behalf:
        message = _("Recorded on behalf of %(partner)s.")
    else:
        message = _("Recorded for %(partner)s.")
    messages.success(request, message % {"partner": form.partner.name})
    return redirect(f"{sheet.get_absolute_url()}#sign-off")


@access.collaboration_view(post="comment")
def worksheet_comment(request: HttpRequest, membership: Membership, tool_slug: str) -> HttpResponse:
    sheet, forms = _load_worksheet(membership, tool_slug)
    form = CommentForm(request.POST, prefix="comment")
    if not form.is_valid():
        context = _worksheet_context(membership, sheet, forms, comment_form=form)
        return render(request, "stages/worksheet.html", context, status=422)
    comment = Comment.objects.create(
        collaboration=membership.collaboration,
        tool=sheet.tool,
        author=request.user,
        body=form.cleaned_data["body"],
    )
    signals.comment_posted.send(Comment, comment=comment, actor=request.user)
    messages.success(request, _("Comment added."))
    return redirect(f"{sheet.get_absolute_url()}#comments")


@access.collaboration_view(post="resolve_comments")
def worksheet_comment_resolve(
    request: HttpRequest, membership: Membership, tool_slug: str, comment_id: int
) -> HttpResponse:
    """Mark a comment resolved, or reopen it. The button says which, so a second click (or a
    second facilitator's) changes nothing."""
    sheet, _forms = _load_worksheet(membership, tool_slug)
    comment = get_object_or_404(
        Comment, pk=comment_id, collaboration=membership.collaboration, tool=sheet.tool
    )
    resolved = {"yes": True, "no": False}.get(request.POST.get("resolved", ""))
    if resolved is None:
        return HttpResponseBadRequest(_("Say whether to resolve or reopen the comment."))
    if resolved != (comment.resolved_at is not None):
        comment.resolved_at = timezone.now() if resolved else None
        comment.resolved_by = request.user if resolved else None
        comment.save(update_fields=["resolved_at", "resolved_by"])
    return redirect(f"{sheet.get_absolute_url()}#comments")


def _saved_row(sheet: Worksheet, definition: Definition, table_name: str, row_id: str):
    """A declared table and one of its saved rows, or 404."""
    try:
        table = definition.table(table_name)
    except KeyError:
        raise Http404 from None
    row = next((r for r in sheet.answers.get(table_name) or [] if r.get("id") == row_id), None)
    if row is None:
        raise Http404
    return table, row


@access.collaboration_view(post="manage_partners")
def worksheet_row_to_partner(
    request: HttpRequest, membership: Membership, tool_slug: str, table: str, row_id: str
) -> HttpResponse:
    """Make a row of a table (a stakeholder) a partner organization of the collaboration."""
    sheet, forms = _load_worksheet(membership, tool_slug)
    spec, row = _saved_row(sheet, forms.definition, table, row_id)
    if spec.becomes_partner is None:
        raise Http404
    name_column, sector_column = spec.becomes_partner
    name = (row.get(name_column) or "").strip()
    sector = row.get(sector_column)
    if not name or sector not in Sector.values:
        messages.error(request, _("Give the row a name and a sector first, then save."))
    elif _partner_added(membership.collaboration, name, sector):
        messages.success(
            request,
            _("%(name)s is now a potential partner. Edit it on the partners page.")
            % {"name": name},
        )
    else:
        messages.info(request, _("%(name)s is already a partner.") % {"name": name})
    return redirect(f"{sheet.get_absolute_url()}#links")


def _partner_added(collaboration: Collaboration, name: str, sector: str) -> bool:
    """Add a potential partner; False if the collaboration has one by that name, added before
    or a moment ago (a double click)."""
    if collaboration.partners.filter(name__iexact=name).exists():
        return False
    try:
        with transaction.atomic():
            Partner.objects.create(
                collaboration=collaboration,
                name=name[:200],
                sector=sector,
                status=Partner.Status.POTENTIAL,
            )
    except IntegrityError:
        return False
    return True


class _Indicator(NamedTuple):
    """A measured row of a saved worksheet and its measurements, oldest first; `where`
    names the row (collaboration, tool, table, row id) as measurements are filed."""

    sheet: Worksheet
    table: Table
    row: dict
    measurements: list[Measurement]
    where: dict


def _indicator(membership: Membership, tool_slug: str, table: str, row_id: str) -> _Indicator:
    """The measured row `row_id` of `table` in the collaboration's worksheet, or 404."""
    sheet, forms = _load_worksheet(membership, tool_slug)
    spec, row = _saved_row(sheet, forms.definition, table, row_id)
    if spec.measured is None:
        raise Http404
    where = {
        "collaboration": membership.collaboration,
        "tool": sheet.tool,
        "table": table,
        "row_id": row_id,
    }
    measurements = list(
        Measurement.objects.filter(**where).select_related("user").order_by("date", "created_at")
    )
    return _Indicator(sheet, spec, row, measurements, where)


@access.collaboration_view(get="view", post="edit_worksheets")
def indicator(
    request: HttpRequest, membership: Membership, tool_slug: str, table: str, row_id: str
) -> HttpResponse:
    """An indicator's standing and measurements over time, against its baseline and target;
    members who may edit worksheets record measurements here."""
    found = _indicator(membership, tool_slug, table, row_id)
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for name, value in found.where.items():
            setattr(form.instance, name, value)
        services.measurement_record(measurement=form.instance, user=request.user)
        messages.success(request, _("Measurement recorded."))
        return redirect(request.path)
    return _indicator_page(request, found, form, status=422 if form.errors else 200)


def _indicator_page(
    request: HttpRequest, found: _Indicator, form: MeasurementForm, status: int
) -> HttpResponse:
    """The indicator's page, its form to record a measurement being `form`."""
    sheet, measurements = found.sheet, found.measurements
    context = dict(
        stage=sheet.tool.stage,
        tool=sheet.tool,
        worksheet=sheet,
        table=found.table,
        row_id=found.where["row_id"],
        standing=indicator_standing(found.table, found.row, Measured.of(measurements)),
        measurements=measurements,
        changes=MeasurementChange.objects.filter(**found.where).select_related("user")[:50],
        form=form,
    )
    return render(request, "stages/indicator.html", context, status=status)


def _measurement_gone(
    request: HttpRequest, membership: Membership, tool_slug: str, table: str, row_id: str
) -> HttpResponse:
    """A correction of a measurement that is not there (someone removed it meanwhile): the
    indicator's page, with what was typed in its form to record it anew if it still holds."""
    form = MeasurementForm(request.POST)
    form.add_error(
        None,
        _(
            "This measurement was removed while you were correcting it. What you typed is "
            "below: record it if it still holds."
        ),
    )
    found = _indicator(membership, tool_slug, table, row_id)
    return _indicator_page(request, found, form, status=404)


@access.collaboration_view(post="remind_members")
def worksheet_ask_sign_off(
    request: HttpRequest, membership: Membership, tool_slug: str
) -> HttpResponse:
    """A facilitator asks the partner organizations that have not recorded a position."""
    sheet, forms = _load_worksheet(membership, tool_slug)
    if not forms.definition.sign_off:
        raise Http404
    signed = SignOff.objects.filter(collaboration=membership.collaboration, tool=sheet.tool)
    signed_ids = {s.partner_id for s in signed}
    waiting = [p.name for p in forms.partners if p.signs_off and p.pk not in signed_ids]
    responses = signals.sign_off_requested.send(Worksheet, worksheet=sheet, actor=request.user)
    asked = sum(count for _receiver, count in responses)
    if not waiting:
        messages.info(request, _("Every partner organization has recorded its position."))
    elif asked:
        messages.success(
            request,
            ngettext(
                "Asked %(count)d person at %(partners)s.",
                "Asked %(count)d people at %(partners)s.",
                asked,
            )
            % {"count": asked, "partners": ", ".join(waiting)},
        )
    else:
        messages.info(
            request,
            _(
                "Everyone who can sign for %(partners)s was asked in the last three days, or "
                "nobody represents them yet."
            )
            % {"partners": ", ".join(waiting)},
        )
    return redirect(f"{sheet.get_absolute_url()}#sign-off")


@access.collaboration_view(get="edit_worksheets", post="edit_worksheets")
def measurement_edit(
    request: HttpRequest,
    membership: Membership,
    tool_slug: str,
    table: str,
    row_id: str,
    measurement_id: int,
) -> HttpResponse:
    """Correct a measurement: its date, value or note. The change is kept in the history."""
    found = _indicator(membership, tool_slug, table, row_id)
    measurement = next((m for m in found.measurements if m.pk == measurement_id), None)
    if measurement is None:
        if request.method == "POST":
            return _measurement_gone(request, membership, tool_slug, table, row_id)
        raise Http404
    form = MeasurementForm(request.POST or None, instance=measurement)
    back = reverse("stages:indicator", args=[membership.collaboration_id, tool_slug, table, row_id])
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            if not services.measurement_correct(measurement=form.instance, user=request.user):
                return _measurement_gone(request, membership, tool_slug, table, row_id)
            messages.success(request, _("Measurement corrected."))
        return redirect(back)
    context = dict(
        stage=found.sheet.tool.stage,
        tool=found.sheet.tool,
        standing=indicator_standing(found.table, found.row, Measured.of(found.measurements)),
        measurement=measurement,
        form=form,
        back=back,
    )
    status = 422 if form.errors else 200
    return render(request, "stages/measurement_form.html", context, status=status)


@access.collaboration_view(post="edit_worksheets")
def measurement_remove(
    request: HttpRequest,
    membership: Membership,
    tool_slug: str,
    table: str,
    row_id: str,
    measurement_id: int,
) -> HttpResponse:
    """Remove a measurement; what it said stays in the history. Removing one that is already
    gone (a second click) only says so."""
    measurements = _indicator(membership, tool_slug, table, row_id).measurements
    measurement = next((m for m in measurements if m.pk == measurement_id), None)
    if measurement is not None and services.measurement_remove(
        measurement=measurement, user=request.user
    ):
        messages.success(request, _("Measurement removed. It stays in the history below."))
    else:
        messages.info(request, _("That measurement had already been removed."))
    return redirect("stages:indicator", membership.collaboration_id, tool_slug, table, row_id)
