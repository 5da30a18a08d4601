"""The twenty success factors a collaboration's members rate in the health check.

Research on what makes collaborations work keeps returning to the same conditions: the
setting the partners work in, who takes part, how the work is organized, how people talk to
each other, what they are trying to achieve, and what they have to do it with. Each factor
here is one such condition, put as a plain statement a member can agree or disagree with
(1 "strongly disagree" to 5 "strongly agree"), and linked to the toolkit tools whose
worksheets help a collaboration improve on it.

The slugs are stored with every rating: rename a factor's wording freely, never its slug.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Factor:
    slug: str
    name: str | Promise
    statement: str | Promise  # what a member rates, in the first person plural
    tools: tuple[str, ...]  # slugs of the toolkit tools that address it, most direct first


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str | Promise
    factors: tuple[Factor, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        "environment",
        _("Our setting"),
        (
            Factor(
                "history",
                _("History of working together"),
                _(
                    "Organizations in our community have tackled problems together before, "
                    "and that experience helps us now."
                ),
                ("assess-the-history", "engage-potential-partners"),
            ),
            Factor(
                "legitimacy",
                _("Seen as a credible voice"),
                _(
                    "People in the community regard this collaboration as a trustworthy and "
                    "rightful voice on the issue."
                ),
                ("recruit-a-sponsor-or-champion", "tell-the-story", "engage-potential-partners"),
            ),
            Factor(
                "climate",
                _("Political and social climate"),
                _(
                    "Local leaders, funders and the public are ready to back what we are "
                    "trying to do."
                ),
                ("recruit-a-sponsor-or-champion", "assess-the-history"),
            ),
        ),
    ),
    Theme(
        "membership",
        _("The people around the table"),
        (
            Factor(
                "respect-and-trust",
                _("Mutual respect and trust"),
                _(
                    "Partners trust one another and respect each other's ways of working, "
                    "even when we disagree."
                ),
                ("establish-transparency-of-viewpoints", "share-discretion"),
            ),
            Factor(
                "cross-section",
                _("The right mix of members"),
                _("Every sector and group with a stake in the issue has someone at our table."),
                ("engage-potential-partners", "communicate-interdependency"),
            ),
            Factor(
                "self-interest",
                _("Worth it for each partner"),
                _("Each partner organization can see what it gains by taking part."),
                ("share-a-vision-of-success", "communicate-interdependency"),
            ),
            Factor(
                "compromise",
                _("Ability to compromise"),
                _(
                    "When we disagree, we look for an answer everyone can live with instead "
                    "of digging in."
                ),
                ("establish-transparency-of-viewpoints", "establish-a-governance-structure"),
            ),
        ),
    ),
    Theme(
        "process",
        _("How we organize the work"),
        (
            Factor(
                "ownership",
                _("A stake in the process and the results"),
                _("Partners feel that both how we work and what we achieve belong to them."),
                ("share-discretion", "share-a-vision-of-success", "agree-on-measures-of-success"),
            ),
            Factor(
                "layers",
                _("Involvement at every level"),
                _(
                    "People at every level of our organizations, not only their leaders, take "
                    "part in the work."
                ),
                ("establish-a-governance-structure", "commit-to-information-sharing"),
            ),
            Factor(
                "flexibility",
                _("Flexibility"),
                _("We are open to different ways of organizing ourselves and getting things done."),
                ("establish-a-governance-structure", "manage-expectations"),
            ),
            Factor(
                "clear-roles",
                _("Clear roles"),
                _("Everyone knows who is responsible for what, and who decides what."),
                ("share-discretion", "establish-a-governance-structure", "identify-a-manager"),
            ),
            Factor(
                "adaptability",
                _("Adaptability"),
                _(
                    "When circumstances change, we adjust our plans without losing sight of "
                    "what we set out to do."
                ),
                ("manage-expectations", "define-the-intent-of-the-evaluation"),
            ),
            Factor(
                "pace",
                _("A workable pace"),
                _("Our plans match the time and energy that partners can really give."),
                ("manage-expectations", "account-for-resources"),
            ),
        ),
    ),
    Theme(
        "communication",
        _("How we talk to each other"),
        (
            Factor(
                "open-communication",
                _("Open, frequent communication"),
                _("Partners share news, problems and decisions with each other often and openly."),
                ("commit-to-information-sharing", "establish-transparency-of-viewpoints"),
            ),
            Factor(
                "informal-relationships",
                _("Informal relationships"),
                _(
                    "People in the collaboration know each other beyond meetings and can "
                    "simply pick up the phone."
                ),
                ("communicate-interdependency", "establish-transparency-of-viewpoints"),
            ),
        ),
    ),
    Theme(
        "purpose",
        _("What we are trying to achieve"),
        (
            Factor(
                "concrete-goals",
                _("Concrete, reachable goals"),
                _("Our goals are specific and realistic, and we will know when we reach them."),
                ("agree-on-measures-of-success", "manage-expectations"),
            ),
            Factor(
                "shared-vision",
                _("A shared vision"),
                _("Partners agree on what success would look like."),
                ("share-a-vision-of-success", "build-a-common-fact-base"),
            ),
            Factor(
                "unique-purpose",
                _("A purpose of our own"),
                _(
                    "Together we do something that no partner could do alone and that no other "
                    "effort already does."
                ),
                ("assess-the-history", "communicate-interdependency"),
            ),
        ),
    ),
    Theme(
        "resources",
        _("What we have to work with"),
        (
            Factor(
                "resources",
                _("Enough resources"),
                _("We have the money, staff time, skills and data that the work needs."),
                ("account-for-resources", "recruit-a-sponsor-or-champion"),
            ),
            Factor(
                "leadership",
                _("Skilled leadership"),
                _(
                    "Whoever convenes the collaboration brings partners together well and keeps "
                    "the work moving."
                ),
                ("identify-a-manager", "demonstrate-competency"),
            ),
        ),
    ),
)

FACTORS: tuple[Factor, ...] = tuple(factor for theme in THEMES for factor in theme.factors)
FACTORS_BY_SLUG: dict[str, Factor] = {factor.slug: factor for factor in FACTORS}
TOOL_SLUGS: frozenset[str] = frozenset(slug for factor in FACTORS for slug in factor.tools)

# The rating scale, for forms and for the page that explains it.
SCALE: tuple[tuple[int, str | Promise], ...] = (
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
)
LOWEST, HIGHEST = SCALE[0][0], SCALE[-1][0]
