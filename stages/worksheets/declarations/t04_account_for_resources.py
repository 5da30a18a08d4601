"""Tool 4: the `account-for-resources` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import RESOURCE_KINDS, RESOURCE_STATUS
from stages.worksheets.schema import Definition, Field, Kind, Section, Table, Totals

DEFINITION = Definition(
    tool="account-for-resources",
    sections=(
        Section(
            title=_("What partners bring"),
            example=_(
                "Cedar Community College · Expertise · 20 tuition-free places a year in its "
                "early-childhood certificate for providers' staff · $60,000 · Committed."
            ),
            prompts=(
                _("What can each partner offer: money, staff time, expertise, data, space?"),
                _("Which offers are firmly committed, and which are only hoped for?"),
                _("Roughly what is each contribution worth?"),
                _("What could partners who are not yet at the table bring?"),
            ),
            parts=(
                Table(
                    name="resources",
                    label=_("Resource ledger"),
                    totals=Totals("value", ("partner", "kind"), status="status", gaps=("needed",)),
                    required_rows=1,
                    columns=(
                        Field("partner", _("Partner"), Kind.PARTNER),
                        Field(
                            "kind",
                            _("Kind"),
                            Kind.CHOICE,
                            choices=RESOURCE_KINDS,
                            required=True,
                        ),
                        Field("description", _("Description"), Kind.TEXT, max_length=300),
                        Field("value", _("Estimated value"), Kind.MONEY),
                        Field("status", _("Status"), Kind.CHOICE, choices=RESOURCE_STATUS),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Putting resources to use"),
            example=_(
                "The college's training places go first to providers in the two zip codes with "
                "the fewest seats. United Way's coordinator keeps the ledger and reviews it at "
                "each steering committee meeting."
            ),
            prompts=(
                _("How will we make the best use of each partner's expertise and networks?"),
                _("Which contributions depend on one another?"),
                _("Who keeps this ledger up to date?"),
            ),
            parts=(Field("use_plan", _("How resources will be used")),),
        ),
        Section(
            title=_("Gaps and possible sources"),
            example=_(
                "Still needed: about $400,000 a year for caregiver wage supplements. Possible "
                "sources: the state's early-childhood grant, the community foundation, and two "
                "large employers' benefits budgets."
            ),
            prompts=(
                _("What will we still need once everything committed is counted?"),
                _("Who else could provide it: funders, businesses, agencies, volunteers?"),
                _("Could non-financial help fill a gap as well as money would?"),
            ),
            parts=(
                Field("gaps", _("Resource gaps"), required=True),
                Field("sources", _("Possible sources")),
            ),
        ),
    ),
)
