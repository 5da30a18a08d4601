"""Where other pages offer the collaboration report."""

from __future__ import annotations

from django import template

from reports.content import STORY_TOOL
from stages.models import Tool

register = template.Library()


@register.filter
def opens_report(tool: Tool) -> bool:
    """Whether this tool's worksheet is the one that opens the report ("tell the story")."""
    return tool.slug == STORY_TOOL
