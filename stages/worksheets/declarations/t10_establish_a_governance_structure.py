"""Tool 10: the `establish-a-governance-structure` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import BODY_KINDS, DECISION_RULES
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="establish-a-governance-structure",
    sign_off=True,
    sections=(
        Section(
            title=_("Bodies"),
            example=_(
                "Steering committee: sets priorities and approves spending. Members: all seven "
                "partners and two parents. Decides by consensus, with a two-thirds vote as a "
                "fallback. Meets monthly."
            ),
            prompts=(
                _("Which groups will steer the work, do the work and advise on it?"),
                _("What is each body for, and which partners sit on it?"),
                _("How does each body decide, and how often does it meet?"),
                _("Do we need formal structures, or will lighter ones do for now?"),
            ),
            parts=(
                Table(
                    name="bodies",
                    label=_("Governance bodies"),
                    required_rows=1,
                    columns=(
                        Field("kind", _("Kind"), Kind.CHOICE, choices=BODY_KINDS, required=True),
                        Field("name", _("Name"), Kind.TEXT, max_length=200),
                        Field("purpose", _("Purpose"), Kind.TEXT, max_length=300),
                        Field("members", _("Member partners"), Kind.PARTNERS),
                        Field(
                            "decision_rule",
                            _("Decision rule"),
                            Kind.CHOICE,
                            choices=DECISION_RULES,
                        ),
                        Field("cadence", _("Meeting cadence"), Kind.TEXT, max_length=200),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Handling disagreement"),
            example=_(
                "A disagreement goes first to the two partners involved, with the facilitator. "
                "If it is not settled within two weeks, it goes to the steering committee, "
                "where each side speaks before anyone decides."
            ),
            prompts=(
                _("When partners disagree, what are the steps to a decision?"),
                _("When do we bring in a neutral facilitator, and who can ask for one?"),
                _("How are decisions and dissenting views recorded?"),
            ),
            parts=(Field("disagreements", _("How disagreements are handled"), required=True),),
        ),
        Section(
            title=_("Equity and inclusion"),
            example=_(
                "Two steering committee seats are held by parents, paid $50 a meeting, with "
                "child care provided. Meetings alternate between daytime and evening; materials"
                " come in English and Spanish."
            ),
            prompts=(
                _("Does every partner, large or small, have a real voice?"),
                _("Where could power imbalances arise: money, size, status, information?"),
                _("How will community members and smaller partners take part?"),
            ),
            parts=(
                Field("equity", _("How equity and inclusion are ensured"), required=True),
                Field("power", _("Power imbalances and how they are addressed")),
            ),
        ),
    ),
)
