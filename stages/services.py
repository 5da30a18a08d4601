"""Writes to worksheets. Every save names the version it was based on; a save based on an
older version is refused with `WorksheetConflict`, so nobody's work is overwritten unseen."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from stages.models import Measurement, MeasurementChange, Worksheet, WorksheetRevision

Status = Worksheet.Status


class WorksheetConflict(Exception):
    def __init__(self, current: Worksheet) -> None:
        super().__init__(f"worksheet {current.pk} is at version {current.version}")
        self.current = current


def _write(
    *,
    worksheet: Worksheet,
    answers: dict,
    status: str,
    user: AbstractBaseUser,
    version: int,
    note: str = "",
) -> Worksheet:
    with transaction.atomic():
        if worksheet.pk is None:
            worksheet, _created = Worksheet.objects.get_or_create(
                collaboration=worksheet.collaboration, tool=worksheet.tool
            )
        updated = Worksheet.objects.filter(pk=worksheet.pk, version=version).update(
            answers=answers,
            status=status,
            version=F("version") + 1,
            updated_by=user,
            updated_at=timezone.now(),
        )
        if not updated:
            current = Worksheet.objects.select_related("updated_by", "tool").get(pk=worksheet.pk)
            raise WorksheetConflict(current)
        worksheet = Worksheet.objects.select_related("updated_by", "tool").get(pk=worksheet.pk)
        WorksheetRevision.objects.create(
            worksheet=worksheet,
            version=worksheet.version,
            status=status,
            answers=answers,
            user=user,
            note=note,
        )
    return worksheet


def worksheet_save(
    *,
    worksheet: Worksheet,
    answers: dict,
    user: AbstractBaseUser,
    version: int,
    status: str = Status.IN_PROGRESS,
) -> Worksheet:
    """Save new answers. The first save starts the worksheet; changing a worksheet that was
    complete or waiting for review takes it back to "in progress" unless `status` says
    otherwise. Saving what is already saved, with no change of status, changes nothing."""
    unchanged = worksheet.answers == answers and worksheet.status == status
    if worksheet.pk is not None and worksheet.version == version and unchanged:
        return worksheet
    return _write(worksheet=worksheet, answers=answers, status=status, user=user, version=version)


def worksheet_set_status(
    *, worksheet: Worksheet, status: str, user: AbstractBaseUser, version: int, note: str = ""
) -> Worksheet:
    """Move a worksheet along the review workflow (the caller checks who may)."""
    return _write(
        worksheet=worksheet,
        answers=worksheet.answers,
        status=status,
        user=user,
        version=version,
        note=note,
    )


def worksheet_restore(
    *, worksheet: Worksheet, revision: WorksheetRevision, user: AbstractBaseUser, version: int
) -> Worksheet:
    """Bring back an earlier version's answers, as a new version."""
    return _write(
        worksheet=worksheet,
        answers=revision.answers,
        status=Status.IN_PROGRESS,
        user=user,
        version=version,
        note=_("Restored version %(version)d.") % {"version": revision.version},
    )


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


def measurement_correct(*, measurement: Measurement, user: AbstractBaseUser) -> Measurement:
    """Save a corrected measurement (changed by the caller), keeping the change in history."""
    with transaction.atomic():
        measurement.save(update_fields=["date", "value", "note"])
        _history_entry(measurement, MeasurementChange.Action.CHANGED, user)
    return measurement


def measurement_remove(*, measurement: Measurement, user: AbstractBaseUser) -> bool:
    """Remove a measurement, keeping what it said in history; False if it was already gone
    (a second click, or someone else removed it first)."""
    with transaction.atomic():
        deleted, _by_model = Measurement.objects.filter(pk=measurement.pk).delete()
        if deleted:
            _history_entry(measurement, MeasurementChange.Action.REMOVED, user)
    return bool(deleted)
