"""The portfolio's rows and my collaborations' cards, written in Python, read as their
templates wrote them: people's text escaped, links to each collaboration, its stage, flags
with up to three names, support by strategy, and the cards' bars read out in words."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from collaborations.models import Role
from dashboards.collaboration_cards import collaboration_cards
from dashboards.portfolio import fill, portfolio
from dashboards.portfolio_table import table_rows
from dashboards.progress import stage_progress
from stages.models import SignOff, Tool, Worksheet
from support.models import Activity, Strategy
from tests.factories import make_collaboration, make_member, make_partner, make_user

pytestmark = pytest.mark.django_db


def _one_line(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def facilitator():
    """Someone facilitating an unruly collaboration (markup in its name, four partners who
    have not signed off, a late commitment, support given) and an archived one."""
    user = make_user()
    unruly = make_collaboration(name="<b>Bold</b> & Co", community="Town <i>")
    make_member(unruly, Role.FACILITATOR, user)
    vision = Worksheet.objects.create(
        collaboration=unruly,
        tool=Tool.objects.get(slug="share-a-vision-of-success"),
        status=Worksheet.Status.COMPLETE,
        updated_at=timezone.now(),
    )
    for name in ("<Ann>", "Bea", "Cy", "Di"):
        make_partner(unruly, name=name)
    SignOff.objects.create(
        collaboration=unruly, tool=vision.tool, partner=make_partner(unruly), position="agrees"
    )
    Worksheet.objects.create(
        collaboration=unruly,
        tool=Tool.objects.get(slug="demonstrate-competency"),
        status=Worksheet.Status.IN_PROGRESS,
        answers={"commitments": [{"id": "c", "due": "2020-01-01", "status": "on_track"}]},
    )
    for strategy in (Strategy.TRAINING, Strategy.TRAINING, Strategy.CONVENING):
        Activity.objects.create(
            collaboration=unruly, date=timezone.localdate(), strategy=strategy, description="x"
        )
    archived = make_collaboration(name="Old", archived_at=timezone.now())
    make_member(archived, Role.FACILITATOR, user)
    return user, unruly, archived


def test_a_portfolio_row_escapes_links_and_words_its_flags(facilitator):
    user, unruly, _archived = facilitator
    rows = portfolio(user)
    fill(rows)
    html = str(table_rows(rows))
    assert "<b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in html
    assert "Town &lt;i&gt;" in html and "&lt;Ann&gt;" not in html  # four: names left out
    dashboard = reverse("collaboration", args=[unruly.pk])
    assert f'<a href="{dashboard}">' in html and f'<a href="{dashboard}#attention">' not in html
    assert f'href="{reverse("support:log", args=[unruly.pk])}"' in html
    text = _one_line(html)
    assert "1 Diagnosis 6% 0" in text
    assert f"{timezone.localdate():%b}" in text  # its last activity, today
    assert "Late 1 commitment or milestone late" in text
    assert "Sign-off 4 partners have not signed off" in text
    assert "3 activities Training and technical assistance: 2 Convening stakeholders: 1" in text
    assert "Support log of &lt;b&gt;Bold&lt;/b&gt; &amp; Co" in text
    # The archived one: its badge, no flag, no support, never touched.
    assert "Old Springfield · Archived 1 Diagnosis 0% 0 none yet none none logged" in text


def test_up_to_three_partners_are_named_in_the_flag(facilitator):
    user, unruly, _archived = facilitator
    SignOff.objects.create(
        collaboration=unruly,
        tool=Tool.objects.get(slug="share-a-vision-of-success"),
        partner=unruly.partners.get(name="Di"),
        position="agrees",
    )
    rows = portfolio(user)
    fill(rows)
    html = str(table_rows(rows))
    assert "3 partners have not signed off: &lt;Ann&gt;, Bea, Cy</li>" in html


def test_a_card_escapes_links_and_reads_its_bars_out(facilitator):
    user, unruly, _archived = facilitator
    membership = unruly.memberships.get(user=user)
    progress = stage_progress([unruly.pk])[unruly.pk]
    html = str(collaboration_cards([(membership, progress)]))
    assert f'aria-labelledby="collab-{unruly.pk}"' in html and f'id="collab-{unruly.pk}"' in html
    assert f'<a href="{reverse("collaboration", args=[unruly.pk])}">' in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co</a>" in html
    assert "Town &lt;i&gt; · your role: Facilitator" in html
    assert 'aria-label="Diagnosis: 1 of 5 tools complete, 0 in progress"' in html
    assert '<rect width="20" height="8" fill="#2a7d4f"/>' in html
    assert 'aria-label="Implementation: 0 of 4 tools complete, 1 in progress"' in html
    assert '<rect width="25" height="8" fill="#c26100"/>' in html
    assert "1 of 5 complete, 0 in progress" in _one_line(html)


def test_rows_and_cards_speak_the_readers_language(facilitator):
    user, unruly, _archived = facilitator
    rows = portfolio(user, datetime.date(2026, 6, 15))
    membership = unruly.memberships.get(user=user)
    with translation.override("es"):
        fill(rows)
        text = _one_line(str(table_rows(rows)))
        card = _one_line(
            str(collaboration_cards([(membership, stage_progress([unruly.pk])[unruly.pk])]))
        )
    assert "Registro de apoyo" in text and "ninguno todavía" in text
    assert "3 actividades" in text
    assert "1 de 5 completas, 0 en curso" in card
