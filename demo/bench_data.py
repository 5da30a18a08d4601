"""The benchmark's database, built with bulk inserts: collaborations with every worksheet
filled in (`demo.filled`), one facilitator who follows many of them, and measurements,
sign-offs, revisions, comments and support activities where the pages read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import cycle

from django.contrib.auth import get_user_model
from django.utils import timezone

from collaborations.models import Collaboration, Membership, Partner, Role, Sector
from demo.filled import SENTENCE, filled_answers
from stages.models import Comment, Measurement, SignOff, Tool, Worksheet, WorksheetRevision
from stages.worksheets.declarations import definition_for
from support.models import Activity, Mode, Strategy

BATCH = 2000


@dataclass
class Sizes:
    partners: int = 40
    rows: int = 15
    indicators: int = 50
    measurements: int = 24
    revisions: int = 5


@dataclass
class BenchData:
    facilitator: object
    others: object
    measured: Collaboration
    sizes: Sizes

    def collaborations(self) -> int:
        return Collaboration.objects.count()

    def facilitated(self) -> int:
        return Membership.objects.filter(user=self.facilitator).count()


def start(sizes: Sizes) -> BenchData:
    """Two facilitators: the one measured, and the one who runs everyone else's
    collaborations."""
    users = get_user_model().objects
    facilitator = users.create_user(username="bench@example.org", email="bench@example.org")
    others = users.create_user(username="others@example.org", email="others@example.org")
    return BenchData(facilitator=facilitator, others=others, measured=None, sizes=sizes)


def add_collaborations(data: BenchData, count: int, facilitated: int) -> None:
    """`count` more collaborations, the first `facilitated` of them run by the measured
    facilitator; the very first one ever made also gets measurements and history."""
    sizes = data.sizes
    start_number = Collaboration.objects.count()
    now = timezone.now()
    made = Collaboration.objects.bulk_create(
        Collaboration(
            name=f"Collaboration {start_number + n + 1:04d}",
            issue="Youth unemployment in the county",
            community="Riverside County",
        )
        for n in range(count)
    )
    Membership.objects.bulk_create(
        (
            Membership(
                collaboration=c,
                user=data.facilitator if n < facilitated else data.others,
                role=Role.FACILITATOR,
            )
            for n, c in enumerate(made)
        ),
        batch_size=BATCH,
    )
    sectors = Sector.values
    partners = Partner.objects.bulk_create(
        (
            Partner(collaboration=c, name=f"Partner organization {n:02d}", sector=sectors[n % 6])
            for c in made
            for n in range(1, sizes.partners + 1)
        ),
        batch_size=BATCH,
    )
    partner_ids: dict[int, list[int]] = {}
    for partner in partners:
        partner_ids.setdefault(partner.collaboration_id, []).append(partner.pk)
    tools = list(Tool.objects.order_by("number"))
    definitions = {tool.slug: definition_for(tool.slug) for tool in tools}
    statuses = cycle([Worksheet.Status.COMPLETE] * 3 + [Worksheet.Status.READY_FOR_REVIEW])
    for c in made:
        Worksheet.objects.bulk_create(
            Worksheet(
                collaboration=c,
                tool=tool,
                status=next(statuses),
                answers=filled_answers(tool.slug, partner_ids[c.pk], sizes.rows, sizes.indicators),
                version=sizes.revisions,
                updated_by=data.facilitator,
                updated_at=now - timedelta(days=tool.number * 3),
            ).keep_deadlines()
            for tool in tools
        )
    consensus = [tool for tool in tools if definitions[tool.slug].sign_off]
    positions = cycle(SignOff.Position.values)
    SignOff.objects.bulk_create(
        (
            SignOff(
                collaboration_id=c.pk,
                tool=tool,
                partner_id=partner_id,
                position=next(positions),
                note=SENTENCE,
                user=data.facilitator,
            )
            for c in made
            for tool in consensus
            # One partner in ten has not signed off yet, so the portfolio has flags.
            for n, partner_id in enumerate(partner_ids[c.pk])
            if n % 10
        ),
        batch_size=BATCH,
    )
    Activity.objects.bulk_create(
        (
            Activity(
                collaboration=c,
                date=date(2026, 1 + n, 10),
                strategy=Strategy.values[n % len(Strategy.values)],
                description=SENTENCE,
                mode=Mode.values[n % len(Mode.values)],
                recorded_by=data.facilitator,
            )
            for c in made[:facilitated]
            for n in range(6)
        ),
        batch_size=BATCH,
    )
    if data.measured is None:
        data.measured = made[0]
        _history(data, made[0], tools, now)


def _history(data: BenchData, collaboration: Collaboration, tools: list, now) -> None:
    """Measurements of every indicator, earlier versions of every worksheet and a few
    comments, in the collaboration whose own pages are measured."""
    sizes = data.sizes
    values, revisions, comments = [], [], []
    sheets = {s.tool_id: s for s in Worksheet.objects.filter(collaboration=collaboration)}
    for tool in tools:
        sheet = sheets[tool.pk]
        revisions += [
            WorksheetRevision(
                worksheet=sheet,
                version=version,
                status=Worksheet.Status.IN_PROGRESS,
                answers=sheet.answers,
                user=data.facilitator,
            )
            for version in range(1, sizes.revisions + 1)
        ]
        comments += [
            Comment(collaboration=collaboration, tool=tool, author=data.facilitator, body=SENTENCE)
            for _ in range(3)
        ]
        for table in definition_for(tool.slug).tables:
            if not table.measured:
                continue
            values += [
                Measurement(
                    collaboration=collaboration,
                    tool=tool,
                    table=table.name,
                    row_id=f"row-{table.name}-{index + 1}",
                    date=date(2024 + month // 12, month % 12 + 1, 1),
                    value=Decimal(10 + month * 3 + index % 7),
                    user=data.facilitator,
                )
                for index in range(sizes.indicators)
                for month in range(sizes.measurements)
            ]
    WorksheetRevision.objects.bulk_create(revisions, batch_size=BATCH)
    Comment.objects.bulk_create(comments)
    Measurement.objects.bulk_create(values, batch_size=BATCH)
