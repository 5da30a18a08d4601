"""My collaborations' cards as HTML, built in Python.

A card holds the collaboration, the person's role and a bar for each of the four stages;
included from a template, 25 cards a page are a hundred bars, each a pass for every
variable and two translations. Here each card is written once with the same markup, and
the wordings cards share (the bar's label, its summary, the role's name) are translated
once per page, as `dashboards/portfolio_table.py` does for the portfolio's rows. Values are
escaped as the template escaped them.
"""

from __future__ import annotations

from functools import cache

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from collaborations.markup import text as escape
from collaborations.models import Membership, Role
from dashboards.progress import LABEL, SUMMARY, StageProgress


class _Words:
    """What the cards of one page say alike, in the reader's language."""

    def __init__(self) -> None:
        self.your_role = escape(gettext("your role:"))
        self.label, self.summary = gettext(LABEL), gettext(SUMMARY)
        self.role = cache(lambda role: escape(Role(role).label))
        self.stage = cache(lambda stage: (stage.number, stage.name))


def collaboration_cards(cards: list[tuple[Membership, list[StageProgress]]]) -> SafeString:
    """A card for each membership and its collaboration's progress, stage by stage."""
    words = _Words()
    return mark_safe("".join(_card(membership, progress, words) for membership, progress in cards))


def _card(membership: Membership, progress: list[StageProgress], words: _Words) -> str:
    c = membership.collaboration
    stages = "".join(_stage(p, words) for p in progress)
    return (
        f'<article class="col-md-6 col-xl-4" aria-labelledby="collab-{c.pk}">\n'
        '<div class="card h-100">\n<div class="card-body">\n'
        f'<h3 class="h5 card-title" id="collab-{c.pk}">'
        f'<a href="{reverse("collaboration", args=[c.pk])}">{escape(c.name)}</a></h3>\n'
        f'<p class="card-subtitle small text-body-secondary mb-2">{escape(c.community)} · '
        f"{words.your_role} {words.role(membership.role)}</p>\n"
        f'<p class="card-text">{escape(c.issue)}</p>\n'
        f'<ul class="list-unstyled mb-0">\n{stages}\n</ul>\n'
        "</div>\n</div>\n</article>\n"
    )


def _stage(p: StageProgress, words: _Words) -> str:
    number, name = words.stage(p.stage)
    counts = p.counts_shown
    label = escape(words.label % {"stage": name, **counts})
    return (
        f'<li class="mb-2"><span class="small fw-semibold">{number}. {escape(name)}</span>\n'
        '<div class="stage-progress">\n'
        '<svg class="stage-progress__bar" viewBox="0 0 100 8" preserveAspectRatio="none" '
        f'role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">'
        '<rect width="100" height="8" fill="#e3e7ec"/>'
        f'<rect width="{p.percent_started}" height="8" fill="#c26100"/>'
        f'<rect width="{p.percent_complete}" height="8" fill="#2a7d4f"/></svg>\n'
        f'<p class="small mb-0 text-body-secondary">{escape(words.summary % counts)}</p>\n'
        "</div></li>"
    )
