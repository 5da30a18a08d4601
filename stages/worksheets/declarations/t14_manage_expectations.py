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
