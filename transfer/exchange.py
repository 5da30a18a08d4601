"""One collaboration as a self-contained JSON document, and back.

The document names things the way people do, never by database id: partners by name (unique
in a collaboration), people by email address, tools by slug. So it can be read into any
installation beside what is there: everything is created anew with new ids, nothing existing
is changed, and people are matched by email. The same content exported again gives the same
document (apart from `exported_at`).

Partner fields inside worksheet answers store partner ids; they are written as partner names
and turned back into the new partners' ids on the way in, guided by the worksheet
declarations. Invitation tokens are secrets and are not exported: pending invitations get new
links. Accepted and expired invitations are history and are left out.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from collaborations.models import (
    Collaboration,
    Invitation,
    Membership,
    Partner,
    Role,
    invitation_expiry,
)
from health.models import HealthCheck, Rating
from stages.models import (
    Comment,
    Measurement,
    MeasurementChange,
    RevisionKind,
    SignOff,
    Tool,
    Worksheet,
    WorksheetRevision,
)
from stages.worksheets.declarations import definition_for
from stages.worksheets.schema import Field, Kind
from support.models import Activity, Barrier, ResourceLead

FORMAT = "intersector-collaboration"
VERSION = 1


class TransferError(Exception):
    """A file that cannot be imported; the message says why, for the person importing."""


# ---------------------------------------------------------------------------------- values


def _when(value: datetime.datetime | None) -> str | None:
    return value.astimezone(datetime.UTC).isoformat() if value else None


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _read_when(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        parsed = parse_datetime(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise TransferError(f"{value!r} is not a date and time.")
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, datetime.UTC)


def _read_day(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        parsed = parse_date(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise TransferError(f"{value!r} is not a date.")
    return parsed


def _read_number(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise TransferError(f"{value!r} is not a number.") from None
    # "NaN" and "Infinity" read as decimals but are no amount.
    if not number.is_finite():
        raise TransferError(f"{value!r} is not a number.")
    return number


# ------------------------------------------------------------------ partners inside answers


def _partner_fields(slug: str) -> tuple[list[Field], dict[str, list[Field]]]:
    """The tool's partner fields: single answers, and columns by table name."""
    definition = definition_for(slug)
    kinds = (Kind.PARTNER, Kind.PARTNERS)
    single = [f for f in definition.fields if f.kind in kinds]
    columns = {t.name: [c for c in t.columns if c.kind in kinds] for t in definition.tables}
    return single, {name: cols for name, cols in columns.items() if cols}


def _map_partners(slug: str, answers: dict, convert: Callable[[Any], Any]) -> dict:
    """A copy of `answers` with every partner reference passed through `convert`; a
    reference `convert` maps to None (a partner since removed) is dropped."""
    single, columns = _partner_fields(slug)
    if not single and not columns:
        return answers

    def mapped(spec: Field, value: Any) -> Any:
        if spec.kind == Kind.PARTNERS:
            return [c for c in (convert(v) for v in value or []) if c is not None]
        return None if value in (None, "") else convert(value)

    result = dict(answers)
    for spec in single:
        if spec.name in result:
            result[spec.name] = mapped(spec, result[spec.name])
    for table, cols in columns.items():
        if isinstance(result.get(table), list):
            result[table] = [
                {**row, **{c.name: mapped(c, row[c.name]) for c in cols if c.name in row}}
                for row in result[table]
            ]
    return result


# ------------------------------------------------------------------------------- export


def export_collaboration(collaboration: Collaboration) -> dict:
    """Everything about the collaboration, as JSON-ready data (see the module docstring)."""
    partners = list(collaboration.partners.order_by("pk"))
    partner_name = {p.pk: p.name for p in partners}
    memberships = list(collaboration.memberships.order_by("pk"))
    invitations = list(
        collaboration.invitations.filter(
            accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).order_by("pk")
    )
    worksheets = list(collaboration.worksheets.select_related("tool").order_by("tool__number"))
    revisions: dict[int, list[WorksheetRevision]] = {}
    for revision in (
        WorksheetRevision.objects.filter(worksheet__collaboration=collaboration)
        .prefetch_related("merged_with")
        .order_by("worksheet_id", "version")
    ):
        revisions.setdefault(revision.worksheet_id, []).append(revision)
    sign_offs = list(collaboration.sign_offs.select_related("tool").order_by("pk"))
    comments = list(collaboration.comments.select_related("tool").order_by("pk"))
    measurements = list(collaboration.measurements.select_related("tool").order_by("pk"))
    # A history entry names its measurement by position in the file's list, or None once the
    # measurement was removed.
    position = {m.pk: index for index, m in enumerate(measurements)}
    history = list(collaboration.measurement_changes.select_related("tool").order_by("pk"))
    activities = list(collaboration.support_activities.order_by("pk"))
    health_checks = list(collaboration.health_checks.order_by("pk"))
    ratings: dict[int, dict[str, int]] = {}
    for rating in Rating.objects.filter(health_check__collaboration=collaboration).order_by("pk"):
        ratings.setdefault(rating.health_check_id, {})[rating.factor] = rating.score

    user_ids = {
        *(m.user_id for m in memberships),
        *(i.invited_by_id for i in invitations),
        *(w.updated_by_id for w in worksheets),
        *(r.user_id for rs in revisions.values() for r in rs),
        *(u.pk for rs in revisions.values() for r in rs for u in r.merged_with.all()),
        *(s.user_id for s in sign_offs),
        *(c.author_id for c in comments),
        *(c.resolved_by_id for c in comments),
        *(m.user_id for m in measurements),
        *(h.user_id for h in history),
        *(a.recorded_by_id for a in activities),
        *(h.user_id for h in health_checks),
    }
    emails = dict(
        get_user_model().objects.filter(pk__in=user_ids - {None}).values_list("pk", "email")
    )

    def person(user_id: int | None) -> str | None:
        return emails.get(user_id) if user_id else None

    def partner(partner_id: int | None) -> str | None:
        return partner_name.get(partner_id) if partner_id else None

    def answers(slug: str, data: dict) -> dict:
        return _map_partners(slug, data, lambda v: partner_name.get(_as_int(v)))

    c = collaboration
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _when(timezone.now()),
        "collaboration": {
            "name": c.name,
            "issue": c.issue,
            "community": c.community,
            "currency": c.currency,
            "start_date": _day(c.start_date),
            "description": c.description,
            "archived_at": _when(c.archived_at),
            "created_at": _when(c.created_at),
            "updated_at": _when(c.updated_at),
        },
        "partners": [
            {
                "name": p.name,
                "sector": p.sector,
                "status": p.status,
                "contact_name": p.contact_name,
                "contact_email": p.contact_email,
                "contact_phone": p.contact_phone,
                "notes": p.notes,
                "created_at": _when(p.created_at),
            }
            for p in partners
        ],
        "members": [
            {
                "email": person(m.user_id),
                "role": m.role,
                "partner": partner(m.partner_id),
                "joined_at": _when(m.created_at),
            }
            for m in memberships
        ],
        "invitations": [
            {
                "email": i.email,
                "role": i.role,
                "partner": partner(i.partner_id),
                "language": i.language,
                "invited_by": person(i.invited_by_id),
                "created_at": _when(i.created_at),
                "expires_at": _when(i.expires_at),
            }
            for i in invitations
        ],
        "worksheets": [
            {
                "tool": w.tool.slug,
                "status": w.status,
                "version": w.version,
                "answers": answers(w.tool.slug, w.answers),
                "updated_by": person(w.updated_by_id),
                "updated_at": _when(w.updated_at),
                "revisions": [
                    {
                        "version": r.version,
                        "kind": r.kind,
                        "status": r.status,
                        "answers": answers(w.tool.slug, r.answers),
                        "user": person(r.user_id),
                        "merged_with": sorted(
                            e for e in (person(u.pk) for u in r.merged_with.all()) if e
                        ),
                        "note": r.note,
                        "folded": r.folded,
                        "started_at": _when(r.started_at),
                        "created_at": _when(r.created_at),
                    }
                    for r in revisions.get(w.pk, [])
                ],
            }
            for w in worksheets
        ],
        "sign_offs": [
            {
                "tool": s.tool.slug,
                "partner": partner(s.partner_id),
                "position": s.position,
                "note": s.note,
                "on_behalf": s.on_behalf,
                "user": person(s.user_id),
                "updated_at": _when(s.updated_at),
            }
            for s in sign_offs
        ],
        "comments": [
            {
                "tool": m.tool.slug,
                "author": person(m.author_id),
                "body": m.body,
                "created_at": _when(m.created_at),
                "resolved_at": _when(m.resolved_at),
                "resolved_by": person(m.resolved_by_id),
            }
            for m in comments
        ],
        "measurements": [
            {
                "tool": m.tool.slug,
                "table": m.table,
                "row_id": m.row_id,
                "date": _day(m.date),
                "value": _number(m.value),
                "note": m.note,
                "user": person(m.user_id),
                "created_at": _when(m.created_at),
            }
            for m in measurements
        ],
        "measurement_history": [
            {
                "tool": h.tool.slug,
                "table": h.table,
                "row_id": h.row_id,
                "measurement": position.get(h.measurement_id),
                "action": h.action,
                "date": _day(h.date),
                "value": _number(h.value),
                "note": h.note,
                "user": person(h.user_id),
                "created_at": _when(h.created_at),
            }
            for h in history
        ],
        "support": {
            "activities": [
                {
                    "date": _day(a.date),
                    "strategy": a.strategy,
                    "description": a.description,
                    "mode": a.mode,
                    "local_participants": a.local_participants,
                    "national_participants": a.national_participants,
                    "follow_ups": a.follow_ups,
                    "recorded_by": person(a.recorded_by_id),
                    "created_at": _when(a.created_at),
                    "updated_at": _when(a.updated_at),
                }
                for a in activities
            ],
            "resource_leads": [
                {
                    "source": r.source,
                    "kind": r.kind,
                    "amount": _number(r.amount),
                    "deadline": _day(r.deadline),
                    "status": r.status,
                    "notes": r.notes,
                    "created_at": _when(r.created_at),
                    "updated_at": _when(r.updated_at),
                }
                for r in collaboration.resource_leads.order_by("pk")
            ],
            "barriers": [
                {
                    "what": b.what,
                    "who_can_unblock": b.who_can_unblock,
                    "status": b.status,
                    "notes": b.notes,
                    "created_at": _when(b.created_at),
                    "updated_at": _when(b.updated_at),
                }
                for b in collaboration.support_barriers.order_by("pk")
            ],
        },
        "health_checks": [
            {
                "user": person(h.user_id),
                "sector": h.sector,
                "taken_at": _when(h.taken_at),
                "ratings": ratings.get(h.pk, {}),
            }
            for h in health_checks
        ],
    }


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# ------------------------------------------------------------------------------- import


@dataclass
class ImportResult:
    collaboration: Collaboration
    # Email addresses in the file with no account here, and what was done about each.
    unknown_people: dict[str, str] = field(default_factory=dict)
    skipped_health_checks: int = 0


def check_format(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError("This file is not an Intersector collaboration export.")
    if data.get("version") != VERSION:
        raise TransferError(
            f"This export is in format version {data.get('version')!r}; this installation "
            f"reads version {VERSION} only. Export it again from an installation of the "
            "same release, or upgrade this one."
        )


def _stamp(model: type[models.Model], objects: list, values: list[dict[str, Any]]) -> None:
    """Puts the file's timestamps back: `auto_now` fields take the current time on create.
    An update does not touch them again, as it does not call `save()`."""
    names = list(values[0]) if values else []
    if not names:
        return
    for obj, stamps in zip(objects, values, strict=True):
        for name, value in stamps.items():
            setattr(obj, name, value)
    model.objects.bulk_update(objects, names, batch_size=500)


def import_collaboration(data: Any, *, facilitator=None) -> ImportResult:
    """Creates the collaboration in the file anew (see the module docstring). `facilitator`,
    a user of this installation, is made a facilitator too, so someone here can manage it."""
    check_format(data)
    try:
        with transaction.atomic():
            return _import(data, facilitator)
    # A value of the wrong shape: a list where an object belongs, a word where a number does.
    except (
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        ValueError,
        ValidationError,
    ) as problem:
        raise TransferError(f"The file is incomplete or damaged ({problem!r}).") from problem
    except IntegrityError as problem:
        raise TransferError(f"The file holds values this installation refuses: {problem}") from None


def _import(data: dict, facilitator) -> ImportResult:
    emails = _emails_in(data)
    users = {}
    people = get_user_model().objects.annotate(address=Lower("email"))
    for user in people.filter(address__in={e.lower() for e in emails}).order_by("pk"):
        users.setdefault(user.address, user)

    def person(email: str | None):
        return users.get(email.lower()) if email else None

    tools = {t.slug: t for t in Tool.objects.all()}

    def tool(slug: str) -> Tool:
        if slug not in tools:
            raise TransferError(f"The file names a tool this installation does not have: {slug}.")
        return tools[slug]

    details = data["collaboration"]
    collaboration = Collaboration.objects.create(
        name=details["name"],
        issue=details["issue"],
        community=details["community"],
        currency=details.get("currency") or settings.DEFAULT_CURRENCY,
        start_date=_read_day(details["start_date"]),
        description=details["description"],
        archived_at=_read_when(details["archived_at"]),
    )
    result = ImportResult(collaboration=collaboration)

    partner_keys = ("name", "sector", "status", "contact_name", "contact_email", "contact_phone")
    partners = Partner.objects.bulk_create(
        Partner(collaboration=collaboration, notes=p["notes"], **{k: p[k] for k in partner_keys})
        for p in data["partners"]
    )
    _stamp(
        Partner, partners, [{"created_at": _read_when(p["created_at"])} for p in data["partners"]]
    )
    partner_by_name = {p.name: p for p in partners}

    def partner(name: str | None) -> Partner | None:
        if not name:
            return None
        if name not in partner_by_name:
            raise TransferError(f"The file refers to a partner it does not list: {name}.")
        return partner_by_name[name]

    def answers(slug: str, values: dict) -> dict:
        if not isinstance(values, dict):
            raise TransferError(f"The file holds answers that are not a worksheet's: {slug}.")
        return _map_partners(slug, values, lambda name: getattr(partner(name), "pk", None))

    members, joined, invited = [], [], []
    for m in data["members"]:
        user = person(m["email"])
        if user is None:
            invited.append({**m, "invited_by": None, "created_at": None, "expires_at": None})
            result.unknown_people[m["email"]] = (
                f"member ({m['role']}): no account here, a pending invitation was made instead"
            )
            continue
        members.append(
            Membership(
                collaboration=collaboration,
                user=user,
                role=m["role"],
                partner=partner(m["partner"]),
            )
        )
        joined.append({"created_at": _read_when(m["joined_at"])})
    if facilitator is not None:
        existing = next((x for x in members if x.user_id == facilitator.pk), None)
        if existing is not None:
            existing.role = Role.FACILITATOR
        else:
            members.append(
                Membership(collaboration=collaboration, user=facilitator, role=Role.FACILITATOR)
            )
            joined.append({"created_at": timezone.now()})
    _stamp(Membership, Membership.objects.bulk_create(members), joined)

    pending = [*data["invitations"], *invited]
    made_invitations = Invitation.objects.bulk_create(
        Invitation(
            collaboration=collaboration,
            email=i["email"],
            role=i["role"],
            partner=partner(i["partner"]),
            # Files written before invitations said their language have it at the default.
            language=i.get("language") or settings.LANGUAGE_CODE,
            invited_by=person(i["invited_by"]),
            expires_at=_read_when(i["expires_at"]) or invitation_expiry(),
        )
        for i in pending
    )
    _stamp(
        Invitation,
        made_invitations,
        [{"created_at": _read_when(i["created_at"]) or timezone.now()} for i in pending],
    )

    worksheets = Worksheet.objects.bulk_create(
        Worksheet(
            collaboration=collaboration,
            tool=tool(w["tool"]),
            status=w["status"],
            version=w["version"],
            answers=answers(w["tool"], w["answers"]),
            updated_by=person(w["updated_by"]),
            updated_at=_read_when(w["updated_at"]),
        ).keep_deadlines()
        for w in data["worksheets"]
    )
    revision_data = [
        (ws, r)
        for ws, w in zip(worksheets, data["worksheets"], strict=True)
        for r in w["revisions"]
    ]
    revisions = WorksheetRevision.objects.bulk_create(
        WorksheetRevision(
            worksheet=ws,
            version=r["version"],
            # Files written before revisions said how they were made read as plain saves.
            kind=r.get("kind", RevisionKind.SAVED),
            status=r["status"],
            answers=answers(ws.tool.slug, r["answers"]),
            user=person(r["user"]),
            note=r["note"],
            folded=r.get("folded", False),
            started_at=_read_when(r.get("started_at")),
        )
        for ws, r in revision_data
    )
    WorksheetRevision.merged_with.through.objects.bulk_create(
        WorksheetRevision.merged_with.through(worksheetrevision_id=revision.pk, user_id=user.pk)
        for revision, (_, r) in zip(revisions, revision_data, strict=True)
        for user in (person(email) for email in r.get("merged_with", []))
        if user is not None
    )
    _stamp(
        WorksheetRevision,
        revisions,
        [{"created_at": _read_when(r["created_at"])} for _, r in revision_data],
    )

    sign_offs = SignOff.objects.bulk_create(
        SignOff(
            collaboration=collaboration,
            tool=tool(s["tool"]),
            partner=partner(s["partner"]),
            position=s["position"],
            note=s["note"],
            on_behalf=s.get("on_behalf", False),
            user=person(s["user"]),
        )
        for s in data["sign_offs"]
    )
    _stamp(
        SignOff, sign_offs, [{"updated_at": _read_when(s["updated_at"])} for s in data["sign_offs"]]
    )

    comments = Comment.objects.bulk_create(
        Comment(
            collaboration=collaboration,
            tool=tool(m["tool"]),
            author=person(m["author"]),
            body=m["body"],
            resolved_at=_read_when(m["resolved_at"]),
            resolved_by=person(m["resolved_by"]),
        )
        for m in data["comments"]
    )
    _stamp(
        Comment, comments, [{"created_at": _read_when(m["created_at"])} for m in data["comments"]]
    )

    measurements = Measurement.objects.bulk_create(
        Measurement(
            collaboration=collaboration,
            tool=tool(m["tool"]),
            table=m["table"],
            row_id=m["row_id"],
            date=_read_day(m["date"]),
            value=_read_number(m["value"]),
            note=m["note"],
            user=person(m["user"]),
        )
        for m in data["measurements"]
    )
    _stamp(
        Measurement,
        measurements,
        [{"created_at": _read_when(m["created_at"])} for m in data["measurements"]],
    )

    # Files written before indicators kept their history have none.
    history = data.get("measurement_history", [])

    def measured(position: int | None) -> Measurement | None:
        if position is None:
            return None
        if not isinstance(position, int) or not 0 <= position < len(measurements):
            raise TransferError(
                "The file's measurement history refers to a measurement it does not list: "
                f"{position!r}."
            )
        return measurements[position]

    changes = MeasurementChange.objects.bulk_create(
        MeasurementChange(
            collaboration=collaboration,
            tool=tool(h["tool"]),
            table=h["table"],
            row_id=h["row_id"],
            measurement=measured(h["measurement"]),
            action=h["action"],
            date=_read_day(h["date"]),
            value=_read_number(h["value"]),
            note=h["note"],
            user=person(h["user"]),
        )
        for h in history
    )
    _stamp(
        MeasurementChange,
        changes,
        [{"created_at": _read_when(h["created_at"])} for h in history],
    )

    support = data["support"]
    both = ("created_at", "updated_at")
    activity_keys = (
        "strategy",
        "description",
        "mode",
        "local_participants",
        "national_participants",
        "follow_ups",
    )
    activities = Activity.objects.bulk_create(
        Activity(
            collaboration=collaboration,
            date=_read_day(a["date"]),
            recorded_by=person(a["recorded_by"]),
            **{k: a[k] for k in activity_keys},
        )
        for a in support["activities"]
    )
    _stamp(
        Activity, activities, [{k: _read_when(a[k]) for k in both} for a in support["activities"]]
    )
    leads = ResourceLead.objects.bulk_create(
        ResourceLead(
            collaboration=collaboration,
            source=r["source"],
            kind=r["kind"],
            amount=_read_number(r["amount"]),
            deadline=_read_day(r["deadline"]),
            status=r["status"],
            notes=r["notes"],
        )
        for r in support["resource_leads"]
    )
    _stamp(
        ResourceLead,
        leads,
        [{k: _read_when(r[k]) for k in both} for r in support["resource_leads"]],
    )
    barriers = Barrier.objects.bulk_create(
        Barrier(
            collaboration=collaboration,
            what=b["what"],
            who_can_unblock=b["who_can_unblock"],
            status=b["status"],
            notes=b["notes"],
        )
        for b in support["barriers"]
    )
    _stamp(Barrier, barriers, [{k: _read_when(b[k]) for k in both} for b in support["barriers"]])

    checks, check_ratings = [], []
    for h in data["health_checks"]:
        user = person(h["user"])
        if user is None:
            result.skipped_health_checks += 1
            result.unknown_people.setdefault(
                h["user"], "rated the health check: no account here, their ratings were left out"
            )
            continue
        checks.append(
            HealthCheck(
                collaboration=collaboration,
                user=user,
                sector=h["sector"],
                taken_at=_read_when(h["taken_at"]),
            )
        )
        check_ratings.append(h["ratings"])
    checks = HealthCheck.objects.bulk_create(checks)
    Rating.objects.bulk_create(
        Rating(health_check=check, factor=factor, score=score)
        for check, scores in zip(checks, check_ratings, strict=True)
        for factor, score in scores.items()
    )

    for email in sorted(emails):
        if person(email) is None:
            result.unknown_people.setdefault(
                email, "named as the author of work: kept without a name here"
            )
    # Last, so the collaboration's own timestamps are the file's, not today's.
    _stamp(
        Collaboration,
        [collaboration],
        [
            {
                "created_at": _read_when(details["created_at"]),
                "updated_at": _read_when(details["updated_at"]),
            }
        ],
    )
    return result


def _emails_in(data: dict) -> set[str]:
    """Every address of a person named in the file as a member or the author of something
    (invitees are not people of the collaboration yet)."""
    worksheets = data["worksheets"]
    support = data["support"]
    named = [
        *(m["email"] for m in data["members"]),
        *(i["invited_by"] for i in data["invitations"]),
        *(w["updated_by"] for w in worksheets),
        *(r["user"] for w in worksheets for r in w["revisions"]),
        *(e for w in worksheets for r in w["revisions"] for e in r.get("merged_with", [])),
        *(s["user"] for s in data["sign_offs"]),
        *(c[key] for c in data["comments"] for key in ("author", "resolved_by")),
        *(m["user"] for m in data["measurements"]),
        *(h["user"] for h in data.get("measurement_history", [])),
        *(a["recorded_by"] for a in support["activities"]),
        *(h["user"] for h in data["health_checks"]),
    ]
    return {email for email in named if email}
