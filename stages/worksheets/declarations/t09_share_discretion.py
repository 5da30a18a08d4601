"""Tool 9: the `share-discretion` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import STAGES
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="share-discretion",
    sign_off=True,
    sections=(
        Section(
            title=_("Who decides what"),
            example=_(
                "Where new child-care seats open. Lead: Little Steps Child Care Network, which "
                "knows the providers and the waitlist. Consulted: the school district and the "
                "health department. Needed in: implementation."
            ),
            prompts=(
                _("Which decisions will the collaboration have to make?"),
                _("Which partner knows the most about each area, and why?"),
                _("Who should be consulted before a decision is taken?"),
                _("At which stage will each partner's expertise be needed?"),
            ),
            parts=(
                Table(
                    name="decision_rights",
                    label=_("Decision-rights matrix"),
                    required_rows=1,
                    columns=(
                        Field("area", _("Decision area"), Kind.TEXT, required=True, max_length=200),
                        Field("lead", _("Lead partner"), Kind.PARTNER, required=True),
                        Field(
                            "expertise",
                            _("Expertise that justifies it"),
                            Kind.TEXT,
                            max_length=300,
                        ),
                        Field("consulted", _("Partners consulted"), Kind.PARTNERS),
                        Field("stage", _("Stage when it is needed"), Kind.CHOICE, choices=STAGES),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Making it work"),
            example=_(
                "The bank leads the employer child-care benefit it funds; providers lead on "
                "where seats open. Decisions that touch both, such as seats near large "
                "employers, go to the steering committee."
            ),
            prompts=(
                _("Does every partner lead on something that matters to them?"),
                _("What happens when a decision touches more than one area?"),
                _("How will partners hear about decisions taken on their behalf?"),
            ),
            parts=(
                Field("stakes", _("The stake each partner gains")),
                Field("overlaps", _("Decisions that cross areas")),
            ),
        ),
    ),
)
