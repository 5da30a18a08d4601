"""Writes to worksheets.

Every write names the version it was based on. Inside one transaction that holds the
worksheet's row (SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions take the
write lock when they begin), the service reads that base version, the current one and the
posted answers, merges them answer by answer and row by row (`stages.worksheets.merge`) and
saves the result as a new version. Nobody's work is overwritten unseen: only the same answer
or cell changed on both sides is a conflict, and a conflict keeps the current value and
returns both sides for the person to choose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from stages.models import Measurement, MeasurementChange, RevisionKind, Worksheet, WorksheetRevision
from stages.worksheets.declarations import definition_for
from stages.worksheets.merge import Conflict, merge, resolve

Status = Worksheet.Status
Kind = RevisionKind

# One person's autosaves closer together than this, none of them changing the status, read
# as one revision in History.
FOLD_WINDOW = timedelta(minutes=10)


class WorksheetConflict(Exception):
    """A review decision met a status someone else changed since the page was loaded."""

    def __init__(self, current: Worksheet) -> None:
        super().__init__(f"worksheet {current.pk} is at version {current.version}")
        self.current = current


def _name(user: AbstractBaseUser) -> str:
    return user.get_full_name() or user.email


@dataclass
class Saved:
    """What a write did: the worksheet as it now is, whose changes it merged with and which
    answers came from them, and the answers both sides changed (left as they were)."""

    worksheet: Worksheet
    merged_with: list = field(default_factory=list)
    taken: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # Mine where contested, merged elsewhere: what the conflict page's form holds.
    preferred: dict[str, Any] | None = None
    written: bool = False

    @property
    def merge_message(self) -> str:
        """ "Merged with Maria Lopez's changes: Ideal outcomes, 2 rows of …", or ""."""
        if not self.taken:
            return ""
        what = ", ".join(self.taken)
        if not self.merged_with:
            return _("Merged with changes saved from another window: %(what)s.") % {"what": what}
        people = ", ".join(_name(u) for u in self.merged_with)
        return _("Merged with %(people)s's changes: %(what)s.") % {"people": people, "what": what}


def _lock(worksheet: Worksheet) -> Worksheet:
    """The worksheet's current row, held until the transaction ends; created on first save."""
    if worksheet.pk is None:
        worksheet, _created = Worksheet.objects.get_or_create(
            collaboration=worksheet.collaboration, tool=worksheet.tool
        )
    return (
        Worksheet.objects.select_for_update(of=("self",))
        .select_related("tool", "updated_by", "collaboration")
        .get(pk=worksheet.pk)
    )


def answers_at(current: Worksheet, version: int) -> tuple[dict, str]:
    """The answers and status of the version a write started from."""
    if version >= current.version:
        return current.answers, current.status
    if version == 0:
        return {}, Status.NOT_STARTED
    revision = (
        WorksheetRevision.objects.filter(worksheet=current, version__lte=version)
        .only("answers", "status")
        .order_by("-version")
        .first()
    )
    return (revision.answers, revision.status) if revision else ({}, Status.NOT_STARTED)


def _others(current: Worksheet, version: int, user: AbstractBaseUser) -> list:
    """The people, other than `user`, who saved after `version`."""
    since = WorksheetRevision.objects.filter(worksheet=current, version__gt=version).exclude(
        user=user
    )
    return list(get_user_model().objects.filter(pk__in=since.values("user")).order_by("pk"))


def _write(
    current: Worksheet,
    *,
    answers: dict,
    status: str,
    user: AbstractBaseUser,
    kind: str,
    note: str = "",
    merged_with: list | None = None,
) -> Worksheet:
    """Save the new version and its revision; the caller holds the row."""
    now = timezone.now()
    kept = Worksheet(tool=current.tool, answers=answers).keep_deadlines()
    updated = Worksheet.objects.filter(pk=current.pk, version=current.version).update(
        answers=answers,
        deadlines=kept.deadlines,
        earliest_deadline=kept.earliest_deadline,
        status=status,
        version=F("version") + 1,
        updated_by=user,
        updated_at=now,
    )
    if not updated:  # cannot happen while the row is held; refuse rather than overwrite
        raise WorksheetConflict(current)
    previous = WorksheetRevision.objects.filter(worksheet=current, version=current.version).first()
    started_at = None
    if (
        kind == Kind.SAVED
        and previous is not None
        and previous.kind == Kind.SAVED
        and previous.user_id == user.pk
        and previous.status == status
        and now - previous.created_at <= FOLD_WINDOW
    ):
        started_at = previous.started_at or previous.created_at
        WorksheetRevision.objects.filter(pk=previous.pk).update(folded=True)
    revision = WorksheetRevision.objects.create(
        worksheet=current,
        version=current.version + 1,
        status=status,
        answers=answers,
        user=user,
        note=note,
        kind=kind,
        started_at=started_at,
    )
    if merged_with:
        revision.merged_with.set(merged_with)
    return Worksheet.objects.select_related("updated_by", "tool").get(pk=current.pk)


def worksheet_save(
    *,
    worksheet: Worksheet,
    answers: dict,
    user: AbstractBaseUser,
    version: int,
    status: str = Status.IN_PROGRESS,
    choices: dict[str, Any] | None = None,
) -> Saved:
    """Save answers edited from `version`, merged with whatever was saved since.

    The first save starts the worksheet; changing answers takes a worksheet that was complete
    or waiting for review back to "in progress" unless `status` asks for review. `choices`
    are the conflict page's decisions (see `merge.resolve`). Answers both sides changed keep
    the current value and come back in `Saved.conflicts`, with the rest saved; a request for
    review waits until there are none."""
    definition = definition_for(worksheet.tool.slug)
    with transaction.atomic():
        current = _lock(worksheet)
        base, _base_status = answers_at(current, version)
        mine = resolve(definition, base, answers, choices) if choices else answers
        merged = merge(definition, base, current.answers, mine)
        saved = Saved(worksheet=current, taken=merged.taken, conflicts=merged.conflicts)
        if merged.conflicts:
            saved.preferred = merge(definition, base, current.answers, mine, True).answers
            status = Status.IN_PROGRESS
        if version < current.version:
            saved.merged_with = _others(current, version, user)
        changed = merged.answers != current.answers
        if not changed and (status == Status.IN_PROGRESS or status == current.status):
            return saved
        if status == Status.READY_FOR_REVIEW and current.status != status:
            kind = Kind.MARKED_READY
        elif version < current.version:
            kind = Kind.MERGED
        else:
            kind = Kind.SAVED
        saved.worksheet = _write(
            current,
            answers=merged.answers,
            status=status,
            user=user,
            kind=kind,
            merged_with=saved.merged_with,
        )
        saved.written = True
    return saved


def worksheet_set_status(
    *, worksheet: Worksheet, status: str, user: AbstractBaseUser, version: int, note: str = ""
) -> Saved:
    """A review decision (the caller checks who may). Answers saved since `version` are
    kept and named in `Saved.taken`; a status someone else changed since is a conflict."""
    definition = definition_for(worksheet.tool.slug)
    with transaction.atomic():
        current = _lock(worksheet)
        base, base_status = answers_at(current, version)
        if base_status != current.status:
            raise WorksheetConflict(current)
        if status == Status.COMPLETE:
            kind = Kind.COMPLETED
        elif status == Status.READY_FOR_REVIEW:
            kind = Kind.MARKED_READY
        elif current.status == Status.COMPLETE:
            kind = Kind.REOPENED
        else:
            kind = Kind.SENT_BACK
        since = merge(definition, base, current.answers, base)
        merged_with = _others(current, version, user) if since.taken else []
        written = _write(
            current,
            answers=current.answers,
            status=status,
            user=user,
            kind=kind,
            note=note,
            merged_with=merged_with,
        )
    return Saved(worksheet=written, merged_with=merged_with, taken=since.taken, written=True)


def worksheet_restore(
    *, worksheet: Worksheet, revision: WorksheetRevision, user: AbstractBaseUser, version: int
) -> Saved:
    """Bring back an earlier version's answers, as a new version. Answers changed since
    `version` by someone else and also changed by the restore keep their current value and
    come back in `Saved.conflicts`."""
    definition = definition_for(worksheet.tool.slug)
    with transaction.atomic():
        current = _lock(worksheet)
        base, _base_status = answers_at(current, version)
        merged = merge(definition, base, current.answers, revision.answers)
        saved = Saved(worksheet=current, taken=merged.taken, conflicts=merged.conflicts)
        if merged.answers == current.answers:
            return saved
        if version < current.version:
            saved.merged_with = _others(current, version, user)
        saved.worksheet = _write(
            current,
            answers=merged.answers,
            status=Status.IN_PROGRESS,
            user=user,
            kind=Kind.RESTORED,
            note=_("Restored version %(version)d.") % {"version": revision.version},
            merged_with=saved.merged_with,
        )
        saved.written = True
    return saved


# Measurements: every write leaves an entry in the indicator's history.


def _history_entry(measurement: Measurement, action: str, user: AbstractBaseUser) -> None:
    MeasurementChange.objects.create(
        collaboration_id=measurement.collaboration_id,
        tool_id=measurement.tool_id,
        table=measurement.table,
        row_id=measurement.row_id,
        measurement=measurement if action != MeasurementChange.Action.REMOVED else None,
        action=action,
        date=measurement.date,
        value=measurement.value,
        note=measurement.note,
        user=user,
    )


def measurement_record(*, measurement: Measurement, user: AbstractBaseUser) -> Measurement:
    """Save a new measurement (its indicator and values set by the caller)."""
    with transaction.atomic():
        measurement.user = user
        measurement.save()
        _history_entry(measurement, MeasurementChange.Action.RECORDED, user)
    return measurement


def measurement_correct(*, measurement: Measurement, user: AbstractBaseUser) -> bool:
    """Save a corrected measurement (changed by the caller), keeping the change in history;
    False if it was gone (someone removed it meanwhile)."""
    with transaction.atomic():
        corrected = Measurement.objects.filter(pk=measurement.pk).update(
            date=measurement.date, value=measurement.value, note=measurement.note
        )
        if corrected:
            _history_entry(measurement, MeasurementChange.Action.CHANGED, user)
    return bool(corrected)


def measurement_remove(*, measurement: Measurement, user: AbstractBaseUser) -> bool:
    """Remove a measurement, keeping what it said in history; False if it was already gone
    (a second click, or someone else removed it first)."""
    with transaction.atomic():
        deleted, _by_model = Measurement.objects.filter(pk=measurement.pk).delete()
        if deleted:
            _history_entry(measurement, MeasurementChange.Action.REMOVED, user)
    return bool(deleted)
