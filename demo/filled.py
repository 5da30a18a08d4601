"""A collaboration with every worksheet filled in, for measuring the report and for tests that
need a lot of data: all seventeen worksheets complete with full tables, partners from every
sector, every partner signed off where sign-off is asked, and indicators with a measurement a
month. The text is filler of realistic length, not a story (the demo has the story)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import cycle

from django.contrib.auth import get_user_model
from django.utils import timezone

from collaborations.models import Collaboration, Membership, Partner, Role, Sector
from stages.models import Measurement, SignOff, Tool, Worksheet
from stages.worksheets.declarations import definition_for
from stages.worksheets.kinds import example
from stages.worksheets.schema import Field, Kind

SENTENCE = (
    "Partners from the county, two employers and the college agreed to try this for one "
    "cohort and to look again at the numbers after six months"
)
PHRASE = "agreed with the county, two employers and the college"
PARAGRAPH = (
    "The steering committee talked this through over two meetings. The county wants to "
    "reach young people who have been out of school for more than a year; the employers "
    "want interns who turn up on time and can be trained quickly; the college wants credit "
    "for what interns learn. We settled on a pilot with 120 places, a shared intake form and "
    "a monthly review of who dropped out and why, so that we can change course early.\n"
    "Every partner named one person who answers for their part of the work."
)


def _value(spec: Field, index: int, partners: list[int]) -> object:
    words = PARAGRAPH if spec.kind == Kind.LONG_TEXT else PHRASE
    return example(spec, index, partners, words)


def filled_answers(slug: str, partners: list[int], rows: int, indicators: int) -> dict:
    """Every field of the tool's worksheet answered and every table `rows` long (the
    measured table, the indicators, `indicators` long)."""
    definition = definition_for(slug)
    answers: dict = {spec.name: _value(spec, 0, partners) for spec in definition.fields}
    for table in definition.tables:
        count = indicators if table.measured else rows
        table_rows = []
        for index in range(count):
            row = {"id": f"row-{table.name}-{index + 1}"}
            row.update({c.name: _value(c, index, partners) for c in table.columns})
            if table.measured:
                _name, _unit, baseline, target = table.measured
                row[baseline], row[target] = 10.0, 100.0 + index
            table_rows.append(row)
        answers[table.name] = table_rows
    return answers


def filled_collaboration(
    *,
    name: str = "Fully Filled Collaboration",
    partners: int = 40,
    rows: int = 15,
    indicators: int = 50,
    measurements: int = 24,
    facilitator=None,
) -> Collaboration:
    """A collaboration with everything filled in. `facilitator` (a user) is made its
    facilitator; one is created when not given."""
    user_model = get_user_model()
    collaboration = Collaboration.objects.create(
        name=name, issue="Youth unemployment in the county", community="Riverside County"
    )
    if facilitator is None:
        email = f"facilitator-{collaboration.pk}@example.org"
        facilitator = user_model.objects.create_user(username=email, email=email)
    Membership.objects.create(collaboration=collaboration, user=facilitator, role=Role.FACILITATOR)
    sectors = cycle(Sector.values)
    made = Partner.objects.bulk_create(
        Partner(collaboration=collaboration, name=f"Partner organization {n:02d}", sector=s)
        for n, s in zip(range(1, partners + 1), sectors, strict=False)
    )
    partner_ids = [p.pk for p in made] or [0]
    now = timezone.now()
    tools = list(Tool.objects.order_by("number"))
    Worksheet.objects.bulk_create(
        Worksheet(
            collaboration=collaboration,
            tool=tool,
            status=Worksheet.Status.COMPLETE,
            answers=filled_answers(tool.slug, partner_ids, rows, indicators),
            version=1,
            updated_by=facilitator,
            updated_at=now,
        ).keep_deadlines()
        for tool in tools
    )
    sign_offs, values = [], []
    for tool in tools:
        definition = definition_for(tool.slug)
        if definition.sign_off:
            positions = cycle(SignOff.Position.values)
            sign_offs += [
                SignOff(
                    collaboration=collaboration,
                    tool=tool,
                    partner=partner,
                    position=next(positions),
                    note=SENTENCE,
                    user=facilitator,
                )
                for partner in made
            ]
        for table in definition.tables:
            if not table.measured:
                continue
            for index in range(indicators):
                values += [
                    Measurement(
                        collaboration=collaboration,
                        tool=tool,
                        table=table.name,
                        row_id=f"row-{table.name}-{index + 1}",
                        date=date(2024 + month // 12, month % 12 + 1, 1),
                        value=Decimal(10 + month * 3 + index % 7),
                        user=facilitator,
                    )
                    for month in range(measurements)
                ]
    SignOff.objects.bulk_create(sign_offs)
    Measurement.objects.bulk_create(values)
    return collaboration
