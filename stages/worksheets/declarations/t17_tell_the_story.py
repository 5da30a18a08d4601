"""Tool 17: the `tell-the-story` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import AUDIENCE_KINDS
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="tell-the-story",
    opens_report=True,
    sections=(
        Section(
            title=_("Our story"),
            example=_(
                "In 2025, seven organizations that rarely met, from a bank to home-based child-"
                "care providers, agreed on one goal. Three years on: 180 new infant and toddler"
                " seats, and readiness up from 46% to 53%."
            ),
            prompts=(
                _("How did the collaboration come together, and how did it work?"),
                _("What changed because of it? Use numbers where we have them."),
                _("Whose voices should be heard in the story?"),
            ),
            parts=(
                Field("process_story", _("The process story"), required=True),
                Field("outcomes_story", _("The outcomes story"), required=True),
            ),
        ),
        Section(
            title=_("What we learned"),
            example=_(
                "Start with data everyone trusts; pay parents for their time; meet home-based "
                "providers in the evening, since they cannot leave the children in their care."
            ),
            prompts=(
                _("What would we tell another group trying something similar?"),
                _("Which practices worked well enough to repeat?"),
                _("Which pitfalls should others avoid?"),
            ),
            parts=(
                Field("lessons", _("Lessons learned")),
                Field("practices_to_repeat", _("Practices to repeat")),
                Field("pitfalls", _("Pitfalls to avoid")),
            ),
        ),
        Section(
            title=_("Audiences and channels"),
            example=_(
                "The county board (external): a 10-minute presentation at the April budget "
                "hearing, with two parents. Owner: United Way of Cedar County."
            ),
            prompts=(
                _("Who inside the collaboration needs to hear this story?"),
                _("Who outside should hear it: funders, officials, the public, peers?"),
                _("Which channel suits each audience, and which partner will carry it?"),
            ),
            parts=(
                Table(
                    name="audiences",
                    label=_("Audiences"),
                    columns=(
                        Field("audience", _("Audience"), Kind.TEXT, required=True, max_length=200),
                        Field(
                            "kind",
                            _("Internal or external"),
                            Kind.CHOICE,
                            choices=AUDIENCE_KINDS,
                        ),
                        Field("channel", _("Channel"), Kind.TEXT, max_length=200),
                        Field("owner", _("Owner partner"), Kind.PARTNER),
                    ),
                ),
            ),
        ),
    ),
)
