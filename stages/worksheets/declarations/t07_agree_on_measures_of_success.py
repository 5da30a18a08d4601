"""Tool 7: the `agree-on-measures-of-success` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import HORIZONS
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="agree-on-measures-of-success",
    sign_off=True,
    sections=(
        Section(
            title=_("Choosing indicators"),
            example=_(
                "An indicator must come from data a partner already collects at least once a "
                "year, make sense to parents, and be reported by zip code."
            ),
            prompts=(
                _("What makes an indicator worth tracking for us?"),
                _("Can we measure it reliably, and at what cost?"),
                _("Does each indicator link back to a goal in our shared vision?"),
            ),
            parts=(Field("criteria", _("Criteria for choosing indicators"), required=True),),
        ),
        Section(
            title=_("Indicators"),
            example=_(
                "Kindergarten readiness: percent of incoming kindergartners ready in all six "
                "areas of the state assessment. Long term; baseline 46, target 60 by August "
                "2030; source and responsible partner: Cedar Valley School District."
            ),
            prompts=(
                _("How will we know we are making progress in the short, mid and long term?"),
                _("Where are we starting from, and where do we want to be, by when?"),
                _("Which partner is responsible for each indicator's data?"),
            ),
            parts=(
                Table(
                    name="indicators",
                    measured=("name", "unit", "baseline", "target"),
                    label=_("Indicators"),
                    required_rows=1,
                    columns=(
                        Field("name", _("Indicator"), Kind.TEXT, required=True, max_length=200),
                        Field("definition", _("Definition"), Kind.TEXT, max_length=300),
                        Field("horizon", _("Horizon"), Kind.CHOICE, choices=HORIZONS),
                        Field("unit", _("Unit"), Kind.TEXT, max_length=200),
                        Field("baseline", _("Baseline"), Kind.NUMBER),
                        Field("target", _("Target"), Kind.NUMBER),
                        Field("target_date", _("Target date"), Kind.DATE),
                        Field("data_source", _("Data source"), Kind.TEXT, max_length=200),
                        Field("responsible", _("Responsible partner"), Kind.PARTNER),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Capacity to collect the data"),
            example=_(
                "The school district shares assessment results each October; a health "
                "department analyst, one day a month, matches them with child-care data. Nobody"
                " can yet survey parents in Spanish."
            ),
            prompts=(
                _("Which partners already collect the data we need?"),
                _("What skills, systems or money do we lack to measure well?"),
                _("How often will measurements be recorded, and by whom?"),
            ),
            parts=(Field("collection_capacity", _("Capacity to collect the data")),),
        ),
    ),
)
