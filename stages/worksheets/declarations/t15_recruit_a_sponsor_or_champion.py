"""Tool 15: the `recruit-a-sponsor-or-champion` worksheet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stages.worksheets.declarations.choices import RECRUITMENT, SPONSOR_ASSETS, SPONSOR_ROLES
from stages.worksheets.schema import Definition, Field, Kind, Section, Table

DEFINITION = Definition(
    tool="recruit-a-sponsor-or-champion",
    sections=(
        Section(
            title=_("What we need"),
            example=_(
                "Someone whose word carries weight at the state capitol and with large "
                "employers, so that our wage-supplement pilot wins state matching funds."
            ),
            prompts=(
                _("What could an influential ally do for us that we cannot do ourselves?"),
                _("Do we most need money, access, legitimacy or public attention?"),
                _("What would we not want a sponsor or champion to do?"),
            ),
            parts=(Field("needs", _("What a sponsor or champion could provide"), required=True),),
        ),
        Section(
            title=_("Candidates"),
            example=_(
                "Dr. Angela Ruiz, retired school superintendent (champion): legitimacy with "
                "schools and parents. The ask: speak at the county board's budget hearing. "
                "Owner: United Way. Status: approached."
            ),
            prompts=(
                _("Who is well respected and cares about this issue?"),
                _("Would each back us with resources (sponsor) or speak for us (champion)?"),
                _("What exactly will we ask of them, and which partner will ask?"),
            ),
            parts=(
                Table(
                    name="candidates",
                    label=_("Sponsor and champion candidates"),
                    required_rows=1,
                    columns=(
                        Field("name", _("Name"), Kind.TEXT, required=True, max_length=200),
                        Field("role", _("Sponsor or champion"), Kind.CHOICE, choices=SPONSOR_ROLES),
                        Field("brings", _("What they bring"), Kind.CHOICE, choices=SPONSOR_ASSETS),
                        Field("ask", _("The ask"), Kind.TEXT, max_length=300),
                        Field("owner", _("Owner partner"), Kind.PARTNER),
                        Field("status", _("Status"), Kind.CHOICE, choices=RECRUITMENT),
                    ),
                ),
            ),
        ),
        Section(
            title=_("Keeping them involved"),
            example=_(
                "We brief her a week before each public appearance, credit her in our updates, "
                "and agree in advance what she will and will not speak about for us."
            ),
            prompts=(
                _("How will we keep our sponsor or champion informed?"),
                _("How will we thank them and share the credit?"),
                _("What risks come with linking our name to theirs?"),
            ),
            parts=(
                Field("stewardship", _("How we keep them involved")),
                Field("risks", _("Risks and how we manage them")),
            ),
        ),
    ),
)
