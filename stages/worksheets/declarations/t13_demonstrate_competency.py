"""Tool 13: the `demonstrate-competency` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import COMMITMENT_STATUS
from stages.worksheets.schema import Deadlines, Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="demonstrate-competency",
    sections=(
        Section(
            title=_("Commitments"),
            example=_(
                "Enroll 20 providers' staff in the early-childhood certificate. Partner: Cedar "
                "Community College. Due: September 15. Status: done. Evidence: the enrollment "
                "list shared with the steering committee."
            ),
            prompts=(
                _("What has each partner promised to do, and by when?"),
                _("Which commitments are on track, done, late or dropped?"),
                _("What shows that a commitment was kept?"),
            ),
            parts=(
                Table(
                    name="commitments",
                    label=_("Commitment tracker"),
                    required_rows=1,
                    deadlines=Deadlines(
                        "commitment",
                        "due",
                        "status",
                        closed=("done", "dropped"),
                        late=("late",),
                        kept=("done",),
                        partner="partner",
                    ),
                    columns=(
                        Field(
                            "commitment",
                            _("Commitment"),
                            Kind.TEXT,
                            required=True,
                            max_length=300,
                        ),
                        Field("partner", _("Partner"), Kind.PARTNER, required=True),
                        Field("due", _("Due date"), Kind.DATE),
                        Field("status", _("Status"), Kind.CHOICE, choices=COMMITMENT_STATUS),
                        Field("evidence", _("Evidence"), Kind.TEXT, max_length=300),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Capacity gaps"),
            example=_(
                "Two home-based providers lack the bookkeeping help to apply for state grants. "
                "The bank's volunteers will run a Saturday clinic; if that is not enough, they "
                "apply in the fall round instead."
            ),
            prompts=(
                _("Where do partners lack the staff, skills or money to follow through?"),
                _("What could close those gaps: training, another partner, a funder?"),
                _("Which commitments should be renegotiated rather than missed?"),
            ),
            parts=(
                Field("capacity_gaps", _("Capacity gaps")),
                Field("support", _("How the gaps will be closed")),
            ),
        ),
        Section(
            title=_("Showing follow-through"),
            example=_(
                "A “promises kept” slide opens each steering committee meeting. A slipped "
                "commitment is treated as a problem to solve together, and the partner proposes"
                " a new date."
            ),
            prompts=(
                _("How do partners and outside stakeholders hear about promises kept?"),
                _("What happens, without blame, when a commitment slips?"),
                _("Which early wins show that we can deliver?"),
            ),
            parts=(Field("reporting", _("How follow-through is shown")),),
        ),
    ),
)
