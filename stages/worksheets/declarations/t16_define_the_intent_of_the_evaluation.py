"""Tool 16: the `define-the-intent-of-the-evaluation` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import EVALUATION_PURPOSES, EVALUATORS
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="define-the-intent-of-the-evaluation",
    sections=(
        Section(
            title=_("Why each partner wants an evaluation"),
            example=_(
                "Cedar County Health Department: outcomes. It must show the county board that "
                "home visits lead to children starting school ready."
            ),
            prompts=(
                _("What does each partner hope to learn from an evaluation?"),
                _("Is it mostly about how we work together, our results, or both?"),
                _("Who will use the findings, and for which decisions?"),
            ),
            parts=(
                Table(
                    name="intents",
                    label=_("Each partner's purpose"),
                    required_rows=1,
                    columns=(
                        Field("partner", _("Partner"), Kind.PARTNER, required=True),
                        Field(
                            "purpose",
                            _("Purpose"),
                            Kind.CHOICE,
                            choices=EVALUATION_PURPOSES,
                        ),
                        Field("why", _("Why"), Kind.TEXT, max_length=300),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Our agreed intent"),
            example=_(
                "Learn what raises kindergarten readiness here, and how to work together "
                "better. Questions: did the new seats reach the families who needed them most? "
                "Did readiness rise in the zip codes we focused on?"
            ),
            prompts=(
                _("Which purpose for the evaluation can every partner stand behind?"),
                _("Which questions must the evaluation answer?"),
                _("Which of our agreed measures of success will it draw on?"),
            ),
            parts=(
                Field("agreed_intent", _("Agreed intent"), required=True),
                Field("questions", _("Evaluation questions"), required=True),
            ),
        ),
        Section(
            title=_("How it will be done"),
            example=_(
                "Readiness scores and waitlist data each year, plus interviews with 20 families"
                " and 10 providers. Run by a third party: the state university's early-"
                "childhood center."
            ),
            prompts=(
                _("Which method fits our design and budget: surveys, interviews, data?"),
                _("Should we run the evaluation ourselves or ask a third party?"),
                _("When should it start, so that we can still adjust as we learn?"),
            ),
            parts=(
                Field("method", _("Method")),
                Field("evaluator", _("Who runs it"), Kind.CHOICE, choices=EVALUATORS),
            ),
        ),
    ),
)
