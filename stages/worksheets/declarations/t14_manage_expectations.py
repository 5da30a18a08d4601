"""Tool 14: the `manage-expectations` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import MILESTONE_STATUS
from stages.worksheets.schema import Deadlines, Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="manage-expectations",
    sections=(
        Section(
            title=_("Milestones and interim goals"),
            example=_(
                "The first 40 new infant and toddler seats open on the east side by June 2027. "
                "Status: planned. Celebration: a ribbon cutting at the first new classroom, "
                "with the parents who asked for it."
            ),
            prompts=(
                _("Which interim goals will show that progress is possible?"),
                _("When do we expect to reach each one?"),
                _("How will we celebrate, even a small win?"),
            ),
            parts=(
                Table(
                    name="milestones",
                    label=_("Milestones"),
                    required_rows=1,
                    deadlines=Deadlines("milestone", "due", "status", closed=("reached", "missed")),
                    columns=(
                        Field(
                            "milestone",
                            _("Milestone"),
                            Kind.TEXT,
                            required=True,
                            max_length=300,
                        ),
                        Field("due", _("Target date"), Kind.DATE),
                        Field("status", _("Status"), Kind.CHOICE, choices=MILESTONE_STATUS),
                        Field(
                            "celebration",
                            _("How it was celebrated"),
                            Kind.TEXT,
                            max_length=300,
                        ),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Progress updates"),
            example=_(
                "A two-page update every quarter to partners, the county board and parent "
                "groups. Kindergarten readiness will take at least three years to move, and "
                "every update says so."
            ),
            prompts=(
                _("Who hears about our progress, how and how often?"),
                _("Where will results take longer than hoped, and how do we say so?"),
                _("What should partners and the public not expect yet?"),
            ),
            parts=(
                Field("updates", _("How progress is communicated"), required=True),
                Field("patience", _("Where patience is needed")),
            ),
        ),
        Section(
            title=_("Adapting as we go"),
            example=_(
                "What changed: wage supplements start with home-based providers rather than "
                "centers. Why: the waitlist showed that most infant care happens in homes. "
                "Date: March 2027."
            ),
            prompts=(
                _("What has shifted: circumstances, information or priorities?"),
                _("What did we change in response, and why?"),
                _("Who needs to hear about the change?"),
            ),
            parts=(
                Table(
                    name="adaptations",
                    label=_("Adaptations"),
                    columns=(
                        Field(
                            "change",
                            _("What changed"),
                            Kind.TEXT,
                            required=True,
                            max_length=300,
                        ),
                        Field("reason", _("Why"), Kind.TEXT, max_length=300),
                        Field("date", _("Date"), Kind.DATE),
                    ),
                ),
            ),
        ),
    ),
)
