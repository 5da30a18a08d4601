"""The toolkit's stages and tools as this process last read them.

Every page of a collaboration names the four stages in its menu, a worksheet page reads its
tool and the tools before and after it, the dashboard every tool: three queries a page for
rows that change only when the toolkit is loaded (`stages.toolkit`) or its text is edited in
the admin. They are read once and kept. A change saved in this process is seen at once (the
receivers below forget what was kept); other processes read the rows again once what they
keep is `KEPT_FOR` seconds old, so an edit of the toolkit's text reaches every web process
within a minute. Callers get copies, which a page may change as it likes.
"""

from __future__ import annotations

import copy
import threading
import time
from collections import Counter
from dataclasses import dataclass

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404

from stages.models import Stage, Tool

KEPT_FOR = 60.0


@dataclass(frozen=True)
class _Read:
    at: float
    stages: tuple[Stage, ...]
    tools: tuple[Tool, ...]


_kept: _Read | None = None
_reading = threading.Lock()


def _read() -> _Read:
    global _kept
    kept = _kept
    if kept is not None and time.monotonic() - kept.at < KEPT_FOR:
        return kept
    with _reading:
        kept = _kept  # read by another thread meanwhile
        if kept is not None and time.monotonic() - kept.at < KEPT_FOR:
            return kept
        stages = tuple(Stage.objects.order_by("number"))
        by_pk = {stage.pk: stage for stage in stages}
        tools = tuple(Tool.objects.order_by("number"))
        for tool in tools:
            tool.stage = by_pk[tool.stage_id]
        kept = _kept = _Read(time.monotonic(), stages, tools)
    return kept


def stages() -> list[Stage]:
    """The stages in order."""
    return [copy.copy(stage) for stage in _read().stages]


def tools() -> list[Tool]:
    """The tools in order, each with its stage (one copy of each stage, shared by its tools)."""
    kept = _read()
    copied = {stage.pk: copy.copy(stage) for stage in kept.stages}
    found = []
    for tool in kept.tools:
        found.append(copy.copy(tool))
        found[-1].stage = copied[tool.stage_id]
    return found


def stage(slug: str) -> Stage:
    """The stage `slug`; 404 when there is none."""
    for kept in _read().stages:
        if kept.slug == slug:
            return copy.copy(kept)
    raise Http404("No such stage.")


def tool_counts() -> Counter[int]:
    """How many tools each stage has, by the stage's id (none for a stage without tools)."""
    return Counter(tool.stage_id for tool in _read().tools)


def tool(slug: str) -> Tool:
    """The tool `slug` with its stage; 404 when there is none."""
    for kept in _read().tools:
        if kept.slug == slug:
            found = copy.copy(kept)
            found.stage = copy.copy(kept.stage)
            return found
    raise Http404("No such tool.")


def neighbours(of: Tool) -> tuple[Tool | None, Tool | None]:
    """The tools numbered just before and just after `of` (None at either end)."""
    by_number = {t.number: t for t in _read().tools}
    before, after = by_number.get(of.number - 1), by_number.get(of.number + 1)
    return (copy.copy(before) if before else None, copy.copy(after) if after else None)


def forget() -> None:
    """Read the rows again when next asked."""
    global _kept
    _kept = None


@receiver([post_save, post_delete], sender=Stage, dispatch_uid="catalog-stage")
@receiver([post_save, post_delete], sender=Tool, dispatch_uid="catalog-tool")
def _changed(**kwargs) -> None:
    forget()
