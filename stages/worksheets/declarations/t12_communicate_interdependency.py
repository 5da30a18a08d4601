"""Tool 12: the `communicate-interdependency` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="communicate-interdependency",
    sections=(
        Section(
            title=_("What each sector brings"),
            example=_(
                "Business: knows the hours working parents need; brings employer child-care "
                "benefits and the Chamber's network of 300 employers; needs a trusted list of "
                "good providers from the others."
            ),
            prompts=(
                _("What does each sector bring that no other sector can?"),
                _("Which expertise, resources, networks and authority does it hold?"),
                _("What does each sector need from the others to do its part?"),
            ),
            parts=(
                Table(
                    name="contributions",
                    label=_("Sector contributions"),
                    required_rows=1,
                    columns=(
                        Field("sector", _("Sector"), Kind.SECTOR, required=True),
                        Field("expertise", _("Expertise"), Kind.TEXT, max_length=300),
                        Field("resources", _("Resources"), Kind.TEXT, max_length=300),
                        Field("networks", _("Networks"), Kind.TEXT, max_length=300),
                        Field("authority", _("Authority"), Kind.TEXT, max_length=300),
                        Field(
                            "needs",
                            _("What it needs from the others"),
                            Kind.TEXT,
                            max_length=300,
                        ),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Making interdependency visible"),
            example=_(
                "After each milestone, a one-page note says what each sector made possible; it "
                "is shared at the monthly meeting and in the Chamber's newsletter."
            ),
            prompts=(
                _("How will partners see what each sector's work made possible?"),
                _("Where, and how often, do we talk about how we depend on each other?"),
                _("What has working across sectors achieved that one sector could not?"),
            ),
            parts=(
                Field("communication", _("How interdependency is communicated"), required=True),
                Field("benefits", _("What working across sectors has achieved")),
            ),
        ),
    ),
)
