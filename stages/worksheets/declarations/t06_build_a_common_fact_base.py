"""Tool 6: the `build-a-common-fact-base` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import FACT_CONSENSUS
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="build-a-common-fact-base",
    sign_off=True,
    sections=(
        Section(
            title=_("The facts that matter"),
            example=_(
                "Cedar County has one licensed infant or toddler seat for every four children "
                "under three. Source: state child-care licensing data, January 2026. Consensus:"
                " agreed."
            ),
            prompts=(
                _("Which facts about the issue matter most for what we will do?"),
                _("Where does each fact come from, and how recent is it?"),
                _("Does every partner accept each fact, or is it disputed?"),
                _("What does each sector know about the issue that others may not?"),
            ),
            parts=(
                Table(
                    name="facts",
                    label=_("Facts"),
                    required_rows=1,
                    columns=(
                        Field("statement", _("Fact"), Kind.TEXT, required=True, max_length=300),
                        Field("source", _("Source"), Kind.TEXT, max_length=200),
                        Field("date", _("Date"), Kind.DATE),
                        Field("relevance", _("Why it matters"), Kind.TEXT, max_length=300),
                        Field("consensus", _("Consensus"), Kind.CHOICE, choices=FACT_CONSENSUS),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Reaching agreement"),
            example=_(
                "Too few families can find or afford good care before kindergarten, so fewer "
                "than half of our children start school ready. Disputed figures go to the "
                "college's research office, which checks them before the next meeting."
            ),
            prompts=(
                _("In a paragraph, what is the problem we are setting out to solve?"),
                _("How will we settle a disputed fact: more data, an expert, a vote?"),
                _("Who will review the fact base, and when?"),
            ),
            parts=(
                Field("problem", _("The problem, as partners agree to state it"), required=True),
                Field("agreement_process", _("How agreement on the facts will be reached")),
            ),
        ),
        Section(
            title=_("Data gaps"),
            example=_(
                "Nobody knows how many families rely on unlicensed care. The health department "
                "will add two questions to its home-visit intake form this spring."
            ),
            prompts=(
                _("What do we need to know that nobody knows yet?"),
                _("Who could collect or provide the missing data, and by when?"),
                _("How will we proceed in the meantime?"),
            ),
            parts=(Field("data_gaps", _("Data gaps and how they will be filled")),),
        ),
    ),
)
