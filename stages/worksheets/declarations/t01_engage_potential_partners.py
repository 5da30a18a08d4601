"""Tool 1: the `engage-potential-partners` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import ENGAGEMENT, SCALE_HELP
from stages.worksheets.schema import Definition, Field, Grid, Kind, Section, Table

DEFINITION = Definition(
    tool="engage-potential-partners",
    sections=(
        Section(
            title=_("Who has a stake in the issue"),
            example=_(
                "Little Steps Child Care Network (nonprofit): 40 home-based providers who care "
                "for a third of the county's toddlers. Influence 3, interest 5; close to the "
                "school district's pre-K office. Engagement: interested."
            ),
            prompts=(
                _("Which organizations and people are affected by the issue, or could affect it?"),
                _("Look beyond the usual names: which sector is missing from the table?"),
                _("How much influence does each have over the issue, and how interested are they?"),
                _(
                    "Who is close to the institutions that matter: city hall, the school board, the big employers?"  # noqa: E501
                ),
            ),
            parts=(
                Table(
                    name="stakeholders",
                    becomes_partner=("organization", "sector"),
                    grid=Grid(label="organization", x="interest", y="influence", detail="status"),
                    label=_("Stakeholder map"),
                    required_rows=1,
                    columns=(
                        Field(
                            "organization",
                            _("Organization"),
                            Kind.TEXT,
                            required=True,
                            max_length=200,
                        ),
                        Field("sector", _("Sector"), Kind.SECTOR, required=True),
                        Field("stake", _("Stake in the issue"), Kind.TEXT, max_length=300),
                        Field("influence", _("Influence"), Kind.SCALE, help=SCALE_HELP),
                        Field("interest", _("Interest"), Kind.SCALE, help=SCALE_HELP),
                        Field(
                            "closeness",
                            _("Closeness to key institutions"),
                            Kind.TEXT,
                            max_length=200,
                        ),
                        Field("status", _("Engagement"), Kind.CHOICE, choices=ENGAGEMENT),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Existing networks and efforts"),
            example=_(
                "The library's “Read to Me” program and the hospital's home-visiting nurses "
                "already reach new parents. The Chamber's workforce council wants fewer parents"
                " leaving jobs for lack of child care, which fits our goal."
            ),
            prompts=(
                _("Which networks, coalitions or programs already work on this issue?"),
                _("Whose efforts could our work affect, for better or worse?"),
                _(
                    "How can potential partners' interests and resources be aligned with the outcomes we want?"  # noqa: E501
                ),
            ),
            parts=(
                Field("networks", _("Existing networks and efforts"), required=True),
                Field("alignment", _("How interests and resources align")),
            ),
        ),
    ),
)
