"""Tool 5: the `establish-transparency-of-viewpoints` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="establish-transparency-of-viewpoints",
    sections=(
        Section(
            title=_("Where each partner stands"),
            example=_(
                "Little Steps Child Care Network. Priority: better pay for caregivers. Concern:"
                " new public pre-K classrooms could take their four-year-olds. Non-negotiable: "
                "home-based providers keep a seat at the table."
            ),
            prompts=(
                _("What matters most to each partner, and why?"),
                _("What worries each partner about working with other sectors?"),
                _("What can't each partner give up, whatever happens?"),
            ),
            parts=(
                Table(
                    name="viewpoints",
                    label=_("Partner viewpoints"),
                    required_rows=1,
                    columns=(
                        Field("partner", _("Partner"), Kind.PARTNER, required=True),
                        Field("priorities", _("Priorities"), Kind.TEXT, max_length=300),
                        Field(
                            "concerns",
                            _("Concerns and apprehensions"),
                            Kind.TEXT,
                            max_length=300,
                        ),
                        Field(
                            "non_negotiables",
                            _("Non-negotiables"),
                            Kind.TEXT,
                            max_length=300,
                        ),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Hearing and answering concerns"),
            example=_(
                "A 15-minute open round at every monthly meeting, an anonymous online form the "
                "facilitator reads each week, and a call with each partner every quarter."
            ),
            prompts=(
                _("Where and how can partners raise a concern, including in confidence?"),
                _("Who answers concerns, and how quickly?"),
                _("How will we make sure quieter partners are heard too?"),
            ),
            parts=(Field("channels", _("Channels to hear and answer concerns"), required=True),),
        ),
        Section(
            title=_("Agreement and disagreement"),
            example=_(
                "We agree that care for infants and toddlers is the biggest gap. Still open: "
                "whether new seats go to centers or to home-based providers; the steering "
                "committee decides in March, after seeing the waitlist."
            ),
            prompts=(
                _("Where do partners already agree?"),
                _("Which differences come from each sector's own values or goals?"),
                _("Which disagreements are still open, and how will we work them out?"),
            ),
            parts=(
                Field("consensus", _("Points of consensus")),
                Field("disagreements", _("Open disagreements and how they will be resolved")),
            ),
        ),
    ),
)
