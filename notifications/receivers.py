"""The events the apps below announce (their `signals` modules), turned into notifications."""

from __future__ import annotations

from collaborations import signals as collaboration_signals
from health import signals as health_signals
from notifications import events
from stages import signals as stage_signals


def _review_requested(sender, *, worksheet, actor, **kwargs) -> None:
    events.review_requested(worksheet, actor)


def _worksheet_reviewed(sender, *, worksheet, before, actor, note="", **kwargs) -> None:
    events.reviewed(worksheet, before, actor, note)


def _comment_posted(sender, *, comment, actor, **kwargs) -> None:
    events.commented(comment, actor)


def _sign_off_requested(sender, *, worksheet, actor, **kwargs) -> int:
    made, _waiting = events.ask_for_sign_off(worksheet, actor)
    return len(made)


def _ratings_requested(sender, *, collaboration, actor, **kwargs) -> int:
    return len(events.remind_health_check(collaboration, actor))


def _invitation_accepted(sender, *, invitation, user, **kwargs) -> None:
    events.invitation_accepted(invitation, user)


def connect() -> None:
    uid = "notifications"
    stage_signals.review_requested.connect(_review_requested, dispatch_uid=uid)
    stage_signals.worksheet_reviewed.connect(_worksheet_reviewed, dispatch_uid=uid)
    stage_signals.comment_posted.connect(_comment_posted, dispatch_uid=uid)
    stage_signals.sign_off_requested.connect(_sign_off_requested, dispatch_uid=uid)
    health_signals.ratings_requested.connect(_ratings_requested, dispatch_uid=uid)
    collaboration_signals.invitation_accepted.connect(_invitation_accepted, dispatch_uid=uid)
