"""Tool 2: the `share-a-vision-of-success` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="share-a-vision-of-success",
    sign_off=True,
    sections=(
        Section(
            title=_("The vision we share"),
            example=_(
                "By 2030, four in five Cedar County children start kindergarten ready to learn,"
                " whatever their zip code. First goal: 300 more licensed child-care seats for "
                "infants and toddlers."
            ),
            prompts=(
                _("In a sentence or two, what will be different if we succeed?"),
                _("What is our mission, in words a neighbor would understand?"),
                _("Which goals will we pursue together, and which comes first?"),
                _("Which outcomes would make every partner proud of the result?"),
            ),
            parts=(
                Field("vision", _("Vision statement"), required=True),
                Field("goals", _("Goals"), required=True),
                Field("ideal_outcomes", _("Ideal outcomes")),
                Field("priorities", _("Priorities")),
            ),
        ),
        Section(
            title=_("What success means for each partner"),
            example=_(
                "First Prairie Bank: fewer employees missing shifts for lack of child care. It "
                "gains a steadier workforce and shows its commitment to the neighborhoods it "
                "lends in."
            ),
            prompts=(
                _("What would success look like from each partner's point of view?"),
                _("How does each partner gain if the collaboration succeeds?"),
                _("Where do our pictures of success differ, and can we live with that?"),
            ),
            parts=(
                Table(
                    name="partner_success",
                    label=_("Success for each partner"),
                    columns=(
                        Field("partner", _("Partner"), Kind.PARTNER, required=True),
                        Field(
                            "success",
                            _("What success means to them"),
                            Kind.TEXT,
                            max_length=300,
                        ),
                        Field("benefit", _("How they gain"), Kind.TEXT, max_length=300),
                    ),
                ),
                Field("differences", _("Where our pictures of success differ")),
            ),
        ),
    ),
)
