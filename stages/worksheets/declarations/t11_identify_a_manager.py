"""Tool 11: the `identify-a-manager` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import MANAGER_KINDS, SCALE_HELP
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="identify-a-manager",
    sections=(
        Section(
            title=_("Selection criteria"),
            example=_("Trusted by child-care providers and the school district alike. Weight: 5."),
            prompts=(
                _("What must the person or organization managing our work be able to do?"),
                _("Which criteria matter most, and have all partners agreed on them?"),
                _("Should the manager be a person, a group or an organization?"),
            ),
            parts=(
                Table(
                    name="criteria",
                    label=_("Selection criteria"),
                    required_rows=1,
                    columns=(
                        Field(
                            "criterion",
                            _("Criterion"),
                            Kind.TEXT,
                            required=True,
                            max_length=200,
                        ),
                        Field("weight", _("Weight"), Kind.SCALE, help=SCALE_HELP),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Candidates"),
            example=_(
                "United Way of Cedar County (organization): a neutral convener that already "
                "staffs two coalitions. Score: 4. Would need a half-time coordinator for this "
                "work."
            ),
            prompts=(
                _("Who could coordinate the work, inside or outside the partnership?"),
                _("How does each candidate score against our criteria?"),
                _("Is any candidate too close to one partner to be trusted by all?"),
            ),
            parts=(
                Table(
                    name="candidates",
                    label=_("Candidates"),
                    columns=(
                        Field(
                            "candidate",
                            _("Candidate"),
                            Kind.TEXT,
                            required=True,
                            max_length=200,
                        ),
                        Field("kind", _("Kind"), Kind.CHOICE, choices=MANAGER_KINDS),
                        Field("score", _("Score"), Kind.SCALE, help=SCALE_HELP),
                        Field("notes", _("Notes"), Kind.TEXT, max_length=300),
                    ),
                ),
            ),
        ),
        Section(
            title=_("The manager"),
            example=_(
                "United Way of Cedar County, through a half-time coordinator who reports to the"
                " steering committee chair: agendas and minutes, the resource ledger, partner "
                "check-ins, grant reports. Budget: $45,000 a year."
            ),
            prompts=(
                _("Who is the single point of accountability for moving the work forward?"),
                _("What is the manager responsible for, and what is not theirs to do?"),
                _("Whom does the manager report to?"),
                _("How much staff time and budget have partners committed to the role?"),
            ),
            parts=(
                Field("manager", _("Manager"), Kind.TEXT, required=True, max_length=200),
                Field(
                    "manager_kind",
                    _("Person, group or organization"),
                    Kind.CHOICE,
                    choices=MANAGER_KINDS,
                ),
                Field("responsibilities", _("Responsibilities"), required=True),
                Field("reporting_line", _("Reports to"), Kind.TEXT, max_length=300),
                Field("staff_time", _("Staff time committed"), Kind.TEXT, max_length=200),
                Field("budget", _("Budget committed"), Kind.MONEY),
            ),
        ),
    ),
)
