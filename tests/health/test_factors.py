"""The declared success factors and the demo health checks."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from collaborations.models import Collaboration
from demo.health import SCORES, TAKES
from demo.management.commands.seed_demo import COLLABORATION
from health.factors import FACTORS, THEMES, TOOL_SLUGS
from health.models import HealthCheck
from health.results import results
from stages.models import Tool


def test_twenty_factors_in_themes_each_with_a_statement_and_tools():
    assert len(FACTORS) == 20
    assert len({f.slug for f in FACTORS}) == 20
    assert 5 <= len(THEMES) <= 7
    for factor in FACTORS:
        assert str(factor.statement).endswith(".")
        assert factor.tools


@pytest.mark.django_db
def test_every_linked_tool_is_a_toolkit_tool():
    assert TOOL_SLUGS - set(Tool.objects.values_list("slug", flat=True)) == set()


def test_demo_scores_cover_every_factor_and_take():
    assert list(SCORES) == [f.slug for f in FACTORS]
    assert all(len(row) == len(TAKES) for row in SCORES.values())


@pytest.mark.django_db
def test_the_demo_collaboration_has_health_checks_that_tell_a_story(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # idempotent
    collaboration = Collaboration.objects.get(name=COLLABORATION["name"])
    assert HealthCheck.objects.filter(collaboration=collaboration).count() == len(TAKES)
    health = results(collaboration)
    assert health.respondents == len(TAKES) - 1  # one member retook it
    assert len(health.sectors) >= 5
    assert {f.factor.slug for f in health.weak_factors} == {"resources", "pace", "layers"}
    assert {f.factor.slug for f in health.differing_factors} == {
        "respect-and-trust",
        "resources",
    }
    assert len(health.trend) == 2
    respondent = get_user_model().objects.get(email="rosa.delgado@example.org")
    assert not respondent.has_usable_password()  # only the published demo accounts sign in
