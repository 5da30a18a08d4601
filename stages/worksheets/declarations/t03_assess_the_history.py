"""Tool 3: the `assess-the-history` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import EFFORT_OUTCOMES
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="assess-the-history",
    sections=(
        Section(
            title=_("Earlier efforts on the issue"),
            example=_(
                "“Smart Start Cedar” (2014 to 2017), led by the school district: free screenings "
                "for four-year-olds. Partly succeeded: it reached 60% of children, but nobody "
                "funded the follow-up services. Lesson: agree early on who pays for what comes "
                "after."
            ),
            prompts=(
                _("Who has tried to tackle this issue before, here or somewhere similar?"),
                _("What came of each effort, and who led it?"),
                _("Which conditions helped those efforts, and which held them back?"),
                _("What would we do differently because of what they learned?"),
            ),
            parts=(
                Table(
                    name="efforts",
                    label=_("Earlier efforts"),
                    required_rows=1,
                    columns=(
                        Field("name", _("Effort"), Kind.TEXT, required=True, max_length=200),
                        Field("period", _("When"), Kind.TEXT, max_length=200),
                        Field("led_by", _("Who led it"), Kind.TEXT, max_length=200),
                        Field("outcome", _("Outcome"), Kind.CHOICE, choices=EFFORT_OUTCOMES),
                        Field("helped", _("What helped"), Kind.TEXT, max_length=300),
                        Field("hindered", _("What hindered"), Kind.TEXT, max_length=300),
                        Field("lesson", _("Lesson for us"), Kind.TEXT, max_length=300),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Why one sector cannot solve it alone"),
            example=_(
                "The school district reaches children only at age five; child-care providers "
                "cannot raise wages without public funds; employers feel the shortage but "
                "cannot add seats on their own."
            ),
            prompts=(
                _("Why hasn't a single sector been able to solve this problem on its own?"),
                _("Where do one sector's processes, expertise or resources fall short?"),
                _("Which other sectors have a stake in a solution, and what could they add?"),
            ),
            parts=(
                Field(
                    "single_sector_limits",
                    _("Why one sector could not solve it alone"),
                    required=True,
                ),
                Field("other_sectors", _("What other sectors could contribute")),
            ),
        ),
        Section(
            title=_("The local context"),
            example=_(
                "The state's child-care subsidy pays providers by attendance, not enrollment, "
                "so a week of illness costs them money. County zoning limits home-based "
                "programs to six children."
            ),
            prompts=(
                _("Which public policies and regulations shape how we can work on this?"),
                _("Which business or institutional policies matter here?"),
                _("What in the local context makes success more or less likely today?"),
            ),
            parts=(
                Field("policies", _("Policies that shape the local context")),
                Field("conditions", _("Conditions for success today")),
            ),
        ),
    ),
)
