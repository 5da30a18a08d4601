"""Tool 8: the `commit-to-information-sharing` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import AGREEMENT_STATUS, SENSITIVITY
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="commit-to-information-sharing",
    sign_off=True,
    sections=(
        Section(
            title=_("What we share"),
            example=_(
                "Child-care waitlist by zip code, held by Little Steps Child Care Network, "
                "shared monthly with United Way and the health department. Sensitivity: "
                "internal. Agreement: signed."
            ),
            prompts=(
                _("What information does each partner hold that matters to our work?"),
                _("Who needs it, and how often?"),
                _("How sensitive is it, and what must be agreed before it is shared?"),
                _("Which hard facts should partners disclose so that trust can grow?"),
            ),
            parts=(
                Table(
                    name="data_sharing",
                    label=_("Data-sharing register"),
                    required_rows=1,
                    columns=(
                        Field(
                            "information",
                            _("Information"),
                            Kind.TEXT,
                            required=True,
                            max_length=300,
                        ),
                        Field("held_by", _("Held by"), Kind.PARTNER),
                        Field("shared_with", _("Shared with"), Kind.PARTNERS),
                        Field("frequency", _("How often"), Kind.TEXT, max_length=200),
                        Field("sensitivity", _("Sensitivity"), Kind.CHOICE, choices=SENSITIVITY),
                        Field(
                            "agreement",
                            _("Agreement status"),
                            Kind.CHOICE,
                            choices=AGREEMENT_STATUS,
                        ),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Looking after shared data"),
            example=_(
                "The college's research office is the steward: it removes names before data "
                "leaves a partner, keeps files on its secure server and deletes them after "
                "three years."
            ),
            prompts=(
                _("Who looks after shared data on behalf of the collaboration?"),
                _("Where is it kept, who can see it, and how is it protected?"),
                _("What happens to shared data when a partner leaves or the work ends?"),
            ),
            parts=(
                Field("steward", _("Data steward"), Kind.PARTNER),
                Field("stewardship", _("How shared data is looked after"), required=True),
            ),
        ),
    ),
)
