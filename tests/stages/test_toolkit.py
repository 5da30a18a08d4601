"""The toolkit as the data migration loads it: four stages, seventeen tools with their public
slugs, each tool with its text. (`seedcheck/` compares the text with its source.)"""

from __future__ import annotations

import pytest

from stages.models import Stage, Tool
from stages.worksheets.declarations import DEFINITIONS

pytestmark = pytest.mark.django_db

TOOL_SLUGS = [
    "engage-potential-partners",
    "share-a-vision-of-success",
    "assess-the-history",
    "account-for-resources",
    "establish-transparency-of-viewpoints",
    "build-a-common-fact-base",
    "agree-on-measures-of-success",
    "commit-to-information-sharing",
    "share-discretion",
    "establish-a-governance-structure",
    "identify-a-manager",
    "communicate-interdependency",
    "demonstrate-competency",
    "manage-expectations",
    "recruit-a-sponsor-or-champion",
    "define-the-intent-of-the-evaluation",
    "tell-the-story",
]
STAGE_OF_TOOL = ["diagnosis"] * 5 + ["design"] * 6 + ["implementation"] * 4 + ["assessment"] * 2


def test_seventeen_tools_in_four_stages_with_their_slugs():
    tools = list(Tool.objects.select_related("stage").order_by("number"))
    assert [t.slug for t in tools] == TOOL_SLUGS
    assert [t.stage.slug for t in tools] == STAGE_OF_TOOL
    stages = list(Stage.objects.order_by("number"))
    assert [s.slug for s in stages] == ["diagnosis", "design", "implementation", "assessment"]


def test_every_tool_and_stage_has_its_text():
    for tool in Tool.objects.all():
        assert tool.name and tool.definition and tool.why_it_matters, tool.slug
    for stage in Stage.objects.all():
        assert stage.name and stage.question.endswith("?") and stage.summary, stage.slug


def test_every_tool_has_one_declaration_in_order():
    assert list(DEFINITIONS) == TOOL_SLUGS
