"""The toolkit content in the database matches the source text it was taken from.

The source text is not part of this repository: `make check-seeds` runs this module where it
lies beside the checkout (`../shared/seeds/`, or the folder named by `INTERSECTOR_SEEDS`), as
CI does. `make test` does not run it, so a clone of the project alone passes its tests."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

from stages.models import Stage, Tool
from stages.toolkit import load_toolkit
from tests.stages.test_toolkit import STAGE_OF_TOOL, TOOL_SLUGS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def toolkit_content(django_db_setup, django_db_blocker) -> None:
    with django_db_blocker.unblock():
        if Tool.objects.count() != 17:
            load_toolkit(Stage, Tool)


SEEDS = Path(
    os.environ.get("INTERSECTOR_SEEDS", Path(settings.BASE_DIR).parent / "shared" / "seeds")
)
SEED = SEEDS / "intersector-toolkit.txt"


def _seed_tools() -> list[tuple[str, str, str]]:
    text = SEED.read_text(encoding="utf-8")
    tools_part = text.split("Stages of Intersector Collaboration\n1.")[0]
    pattern = re.compile(r"^\s+\d+\. ([A-Z ,]+): (.+?)\n\n\s+WHY IT MATTERS: (.+?)\n", re.M)
    return pattern.findall(tools_part)


def _seed_stages() -> list[tuple[str, str, str]]:
    text = SEED.read_text(encoding="utf-8")
    part = (
        "1." + text.split("Stages of Intersector Collaboration\n1.")[1].split("Works Consulted")[0]
    )
    return re.findall(r"\d\. ([A-Z]+): (.+?\?)\n\n(.+?)\n", part)


def test_all_seventeen_tools_match_the_seed():
    seed = _seed_tools()
    assert len(seed) == 17
    tools = list(Tool.objects.select_related("stage").order_by("number"))
    assert [t.slug for t in tools] == TOOL_SLUGS
    assert [t.stage.slug for t in tools] == STAGE_OF_TOOL
    for tool, (name, definition, why) in zip(tools, seed, strict=True):
        assert tool.name.upper() == name
        assert tool.definition == definition.strip()
        assert tool.why_it_matters == why.strip()


def test_four_stages_match_the_seed():
    seed = _seed_stages()
    stages = list(Stage.objects.order_by("number"))
    assert [s.slug for s in stages] == ["diagnosis", "design", "implementation", "assessment"]
    for stage, (name, question, summary) in zip(stages, seed, strict=True):
        assert stage.name.upper() == name
        assert stage.question == question
        assert stage.summary == summary.strip()
    assert [s.tools.count() for s in stages] == [5, 6, 4, 2]
