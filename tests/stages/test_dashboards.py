"""The collaboration dashboard, the stage pages and the facilitator's portfolio: numbers
computed from known data, flags, sorting, the CSV export and the charts."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Partner, Role, Sector
from dashboards.overview import overview
from health.services import health_check_take
from stages.models import Measurement, SignOff, Stage, Tool, Worksheet
from support.models import Activity, Strategy
from tests.factories import make_collaboration, make_member, make_partner, make_user

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _days(n: int) -> str:
    return (TODAY + datetime.timedelta(days=n)).isoformat()


def _sheet(collaboration, slug, status=Worksheet.Status.IN_PROGRESS, answers=None, **fields):
    return Worksheet.objects.create(
        collaboration=collaboration,
        tool=Tool.objects.get(slug=slug),
        status=status,
        answers=answers or {},
        **{"updated_at": timezone.now(), **fields},
    )


@pytest.fixture
def promises(cast):
    """Commitments and milestones with known dates and statuses."""
    alliance = cast.partner.partner
    college = make_partner(cast.collaboration, name="Riverside College", sector=Sector.ACADEMIA)
    _sheet(
        cast.collaboration,
        "demonstrate-competency",
        answers={
            "commitments": [
                # late by date, still "on track"
                {"id": "c1", "commitment": "Host 10 interns", "partner": alliance.pk,
                 "due": _days(-3), "status": "on_track"},
                # due soon
                {"id": "c2", "commitment": "Open the lab", "partner": college.pk,
                 "due": _days(10), "status": "on_track"},
                # kept
                {"id": "c3", "commitment": "Sign the MOU", "partner": alliance.pk,
                 "due": _days(-20), "status": "done"},
                # dropped: neither late nor counted
                {"id": "c4", "commitment": "Buy a van", "partner": college.pk,
                 "due": _days(-20), "status": "dropped"},
                # marked late though its date is far away
                {"id": "c5", "commitment": "Hire a coach", "partner": college.pk,
                 "due": _days(90), "status": "late"},
                # far in the future: not shown
                {"id": "c6", "commitment": "Annual report", "partner": college.pk,
                 "due": _days(200), "status": "on_track"},
            ]
        },
    )  # fmt: skip
    _sheet(
        cast.collaboration,
        "manage-expectations",
        answers={
            "milestones": [
                {"id": "m1", "milestone": "First cohort starts", "due": _days(-1),
                 "status": "planned"},
                {"id": "m2", "milestone": "Graduation", "due": _days(-1), "status": "reached"},
            ]
        },
    )  # fmt: skip
    return cast


def test_dashboard_lists_late_and_soon_due_promises(promises):
    seen = overview(promises.collaboration)
    assert [d.what for d in seen.late] == ["Host 10 interns", "First cohort starts", "Hire a coach"]
    assert [d.what for d in seen.due_soon] == ["Open the lab"]
    page = promises.client("viewer").get(reverse("collaboration", args=[promises.collaboration.pk]))
    text = page.content.decode()
    for shown in ("Host 10 interns", "First cohort starts", "Hire a coach", "Open the lab"):
        assert shown in text
    for hidden in ("Sign the MOU", "Buy a van", "Annual report", "Graduation"):
        assert hidden not in text


def test_follow_through_counts_kept_promises_among_those_due(promises):
    rates = {
        f.partner: (f.kept, f.came_due, f.percent)
        for f in overview(promises.collaboration).follow_through
    }
    # Alliance: "Sign the MOU" kept, "Host 10 interns" overdue.
    assert rates["Workforce Alliance"] == (1, 2, 50)
    # College: "Hire a coach" late; the dropped, soon-due and far-off ones do not count.
    assert rates["Riverside College"] == (0, 1, 0)
    page = promises.client("partner").get(
        reverse("collaboration", args=[promises.collaboration.pk])
    )
    assert "1 of 2" in page.content.decode()


def test_dashboard_shows_reviews_waiting_and_quiet_worksheets(cast):
    _sheet(cast.collaboration, "identify-a-manager", Worksheet.Status.READY_FOR_REVIEW)
    quiet = _sheet(cast.collaboration, "assess-the-history")
    Worksheet.objects.filter(pk=quiet.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=31)
    )
    done = _sheet(cast.collaboration, "share-discretion", Worksheet.Status.COMPLETE)
    Worksheet.objects.filter(pk=done.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=90)
    )
    seen = overview(cast.collaboration)
    assert [t.slug for t, _w in seen.waiting_review] == ["identify-a-manager"]
    # A complete worksheet left alone is not a worry; a started one is.
    assert [t.slug for t, _w in seen.untouched] == ["assess-the-history"]
    page = cast.client("facilitator").get(reverse("collaboration", args=[cast.collaboration.pk]))
    text = page.content.decode()
    assert "Waiting for review" in text
    assert "Started but untouched for 30 days or more" in text


def test_dashboard_says_when_nothing_needs_attention(cast):
    page = cast.client("facilitator").get(reverse("collaboration", args=[cast.collaboration.pk]))
    assert "Nothing waits" in page.content.decode()


def test_dashboard_indicators_against_targets(cast):
    _sheet(
        cast.collaboration,
        "agree-on-measures-of-success",
        answers={
            "indicators": [
                {"id": "i1", "name": "Interns placed", "unit": "interns", "baseline": 10,
                 "target": 60},
                {"id": "i2", "name": "Employers", "baseline": 0, "target": 5},
            ]
        },
    )  # fmt: skip
    Measurement.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug="agree-on-measures-of-success"),
        table="indicators",
        row_id="i1",
        date=TODAY,
        value=35,
    )
    seen = overview(cast.collaboration)
    assert [(i.standing.name, i.standing.percent) for i in seen.indicators] == [
        ("Interns placed", 50),
        ("Employers", None),
    ]
    text = (
        cast.client("viewer")
        .get(reverse("collaboration", args=[cast.collaboration.pk]))
        .content.decode()
    )
    assert "Indicators against their targets" in text
    assert "50%" in text
    assert "not measured" in text


def test_dashboard_partners_by_sector_and_charts(cast):
    make_partner(cast.collaboration, name="City Hall", sector=Sector.GOVERNMENT)
    make_partner(cast.collaboration, name="County", sector=Sector.GOVERNMENT)
    seen = overview(cast.collaboration)
    assert [(label, [p.name for p in ps]) for label, ps in seen.sectors] == [
        ("Government", ["City Hall", "County"]),
        ("Nonprofit", ["Workforce Alliance"]),
    ]
    chart = next(c for c in seen.charts() if c.key == "partners-by-sector")
    assert dict((row[0], row[1]) for row in chart.rows) == {
        "Government": "2", "Business": "0", "Nonprofit": "1", "Philanthropy": "0",
        "Academia": "0", "Community": "0",
    }  # fmt: skip
    text = (
        cast.client("viewer")
        .get(reverse("collaboration", args=[cast.collaboration.pk]))
        .content.decode()
    )
    # Each chart is a picture with its title and description, and a table of its numbers.
    assert text.count('role="img" aria-labelledby="chart-') >= 2
    assert '<caption class="visually-hidden">Partner organizations by sector</caption>' in text


def test_stage_page_shows_its_own_progress(cast):
    _sheet(cast.collaboration, "build-a-common-fact-base", Worksheet.Status.COMPLETE)
    _sheet(cast.collaboration, "share-discretion", Worksheet.Status.READY_FOR_REVIEW)
    _sheet(cast.collaboration, "engage-potential-partners", Worksheet.Status.COMPLETE)
    response = cast.client("partner").get(
        reverse("dashboards:stage", args=[cast.collaboration.pk, "design"])
    )
    progress = response.context["stage_progress"]
    assert (progress.tools, progress.complete, progress.in_progress) == (6, 1, 1)
    assert "1 of 6 complete, 1 in progress" in response.content.decode()


def test_a_stage_without_tools_reads_alike_on_every_page(cast):
    """A stage given no tools yet (added in the admin before its tools) has its card on the
    dashboard, as on my collaborations' cards and in the report, and its page opens: none of
    none complete."""
    Stage.objects.create(slug="sustain", number=5, name="Sustain", question="?", summary="")
    client = cast.client("facilitator")
    label = 'aria-label="Sustain: 0 of 0 tools complete, 0 in progress"'
    dashboard = client.get(reverse("collaboration", args=[cast.collaboration.pk]))
    assert [p.stage.slug for p in dashboard.context["progress"]][-1] == "sustain"
    assert label in dashboard.content.decode()
    assert label in client.get(reverse("collaboration-list")).content.decode()
    report = client.get(reverse("reports:report", args=[cast.collaboration.pk])).content.decode()
    assert "Stage 5: Sustain" in report
    page = client.get(reverse("dashboards:stage", args=[cast.collaboration.pk, "sustain"]))
    assert page.status_code == 200
    assert label in page.content.decode()


# The portfolio


def _text(response) -> str:
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def facilitator_of_three(db):
    """A facilitator of an active, a stalled and an archived collaboration, and partner (not
    facilitator) of a fourth."""
    user = make_user("dana@example.org")
    active = make_collaboration(name="Active Alliance", community="Springfield")
    stalled = make_collaboration(name="Quiet Coalition", community="=cmd|' /C calc'!A0")
    archived = make_collaboration(name="Old Project", archived_at=timezone.now())
    elsewhere = make_collaboration(name="Someone Else's")
    for c in (active, stalled, archived):
        make_member(c, Role.FACILITATOR, user)
    make_member(elsewhere, Role.PARTNER, user)
    # Active: two tools complete, one waiting for review, a late commitment, one partner who
    # has not signed off a consensus worksheet, and two support activities.
    first, second = (
        make_partner(active, name="Bank", status=Partner.Status.ACTIVE),
        make_partner(active, name="Clinic", status=Partner.Status.ACTIVE),
    )
    make_partner(active, name="Maybe Later", status=Partner.Status.POTENTIAL)
    _sheet(active, "engage-potential-partners", Worksheet.Status.COMPLETE)
    vision = _sheet(active, "share-a-vision-of-success", Worksheet.Status.COMPLETE)
    SignOff.objects.create(collaboration=active, tool=vision.tool, partner=first, position="agrees")
    facts = _sheet(active, "build-a-common-fact-base", Worksheet.Status.READY_FOR_REVIEW)
    SignOff.objects.create(collaboration=active, tool=facts.tool, partner=first, position="agrees")
    _sheet(
        active,
        "demonstrate-competency",
        answers={"commitments": [{"id": "c", "commitment": "x", "partner": second.pk,
                                  "due": _days(-5), "status": "on_track"}]},
    )  # fmt: skip
    Activity.objects.create(
        collaboration=active, date=TODAY, strategy=Strategy.TRAINING, description="TA call"
    )
    Activity.objects.create(
        collaboration=active, date=TODAY, strategy=Strategy.CONVENING, description="Forum"
    )
    # Stalled: one worksheet, changed 40 days ago.
    old = _sheet(stalled, "engage-potential-partners")
    Worksheet.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=40)
    )
    return user, active, stalled, archived


def test_portfolio_lists_what_i_facilitate_with_flags(client, facilitator_of_three):
    user = facilitator_of_three[0]
    client.force_login(user)
    response = client.get(reverse("portfolio"))
    rows = {r.collaboration.name: r for r in response.context["rows"]}
    assert set(rows) == {"Active Alliance", "Quiet Coalition", "Old Project"}
    a = rows["Active Alliance"]
    assert (a.percent_complete, a.reviews_waiting, a.late, a.stalled) == (12, 1, 1, False)
    # Two of diagnosis's five tools are complete: work begun further on does not move it.
    assert a.current_stage.slug == "diagnosis"
    assert a.not_signed_off == ["Clinic"]
    assert a.support == {**dict.fromkeys(Strategy.values, 0), "training": 1, "convening": 1}
    q = rows["Quiet Coalition"]
    assert (q.stalled, q.late, q.not_signed_off, q.current_stage.slug) == (
        True, 0, [], "diagnosis",
    )  # fmt: skip
    assert rows["Old Project"].flags == 0
    text = response.content.decode()
    assert "Someone Else" not in text
    assert "Stalled" in text and "1 partner has not signed off" in text


def test_portfolio_names_who_has_not_signed_what_waits_for_them(client):
    """A partner has signed off when it has signed every consensus worksheet ready for review
    or complete: sign-offs on other worksheets (one reopened since, or a tool that asks for
    none) do not stand in for a missing one. The page, its flag filter and the CSV agree."""
    user = make_user()
    collaboration = make_collaboration(name="Signing Circle")
    make_member(collaboration, Role.FACILITATOR, user)
    vision = _sheet(collaboration, "share-a-vision-of-success", Worksheet.Status.COMPLETE)
    facts = _sheet(collaboration, "build-a-common-fact-base", Worksheet.Status.READY_FOR_REVIEW)
    reopened = _sheet(collaboration, "agree-on-measures-of-success")
    other = _sheet(collaboration, "engage-potential-partners", Worksheet.Status.COMPLETE)
    signed = {
        "Both": [vision, facts],
        "Both and more": [vision, facts, reopened],
        "One and a reopened one": [vision, reopened],
        "One and one that asks none": [facts, other],
        "None": [],
    }
    for name, sheets in signed.items():
        partner = make_partner(collaboration, name=name)
        for sheet in sheets:
            SignOff.objects.create(
                collaboration=collaboration, tool=sheet.tool, partner=partner, position="agrees"
            )
    make_partner(collaboration, name="Potential", status=Partner.Status.POTENTIAL)
    missing = ["None", "One and a reopened one", "One and one that asks none"]
    client.force_login(user)
    [row] = client.get(reverse("portfolio"), {"flag": "sign-off"}).context["rows"]
    assert row.not_signed_off == missing
    exported = list(csv.reader(io.StringIO(_text(client.get(reverse("portfolio-csv"))))))
    assert dict(zip(*exported, strict=True))["Partners not signed off"] == "; ".join(missing)
    for partner in Partner.objects.filter(name__in=missing):
        for sheet in (vision, facts):
            SignOff.objects.get_or_create(
                collaboration=collaboration, tool=sheet.tool, partner=partner,
                defaults={"position": "agrees"},
            )  # fmt: skip
    assert client.get(reverse("portfolio"), {"flag": "sign-off"}).context["rows"] == []
    [row] = client.get(reverse("portfolio")).context["rows"]
    assert (row.not_signed_off, row.flags) == ([], 0)


def test_portfolio_sorts_by_any_column_and_ignores_unknown_ones(client, facilitator_of_three):
    user = facilitator_of_three[0]
    client.force_login(user)

    def names(sort):
        response = client.get(reverse("portfolio"), {"sort": sort})
        assert response.status_code == 200
        return [r.collaboration.name for r in response.context["rows"]]

    assert names("name") == ["Active Alliance", "Old Project", "Quiet Coalition"]
    assert names("-name") == ["Quiet Coalition", "Old Project", "Active Alliance"]
    assert names("-complete")[0] == "Active Alliance"
    assert names("-reviews")[0] == names("-support")[0] == "Active Alliance"
    assert names("stage") == names("name")  # all in diagnosis: by name within it
    assert names("activity")[0] == "Old Project"  # never any activity
    # Default and unknown: most flags first (the active one has two), then by name.
    assert names("") == names("; DROP TABLE") == names("-flags")
    assert names("")[0] == "Active Alliance"


def test_portfolio_csv_holds_what_the_page_shows(client, facilitator_of_three):
    user = facilitator_of_three[0]
    client.force_login(user)
    response = client.get(reverse("portfolio-csv"), {"sort": "name"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.streaming
    rows = list(csv.reader(io.StringIO(_text(response))))
    header, body = rows[0], rows[1:]
    assert header[:9] == [
        "Collaboration", "Community", "Current stage", "Percent complete", "Reviews waiting",
        "Last activity", "Stalled", "Late commitments and milestones", "Partners not signed off",
    ]  # fmt: skip
    assert [r[0] for r in body] == ["Active Alliance", "Old Project", "Quiet Coalition"]
    active = dict(zip(header, body[0], strict=True))
    assert active["Percent complete"] == "12"
    assert active["Late commitments and milestones"] == "1"
    assert active["Partners not signed off"] == "Clinic"
    assert active["Support: Training and technical assistance"] == "1"
    assert active["Last activity"] == TODAY.isoformat()
    quiet = dict(zip(header, body[2], strict=True))
    assert quiet["Stalled"] == "yes"
    # A cell that a spreadsheet would run as a formula is kept as text.
    assert quiet["Community"] == "'=cmd|' /C calc'!A0"


def test_portfolio_explains_itself_to_someone_who_facilitates_nothing(cast):
    response = cast.client("partner").get(reverse("portfolio"))
    assert response.status_code == 200
    assert "You do not facilitate any collaboration yet" in response.content.decode()
    csv_rows = list(
        csv.reader(io.StringIO(_text(cast.client("viewer").get(reverse("portfolio-csv")))))
    )
    assert len(csv_rows) == 1  # the header only


@pytest.mark.parametrize("name", ["portfolio", "portfolio-csv"])
def test_portfolio_needs_a_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["facilitator", "partner", "viewer", "outsider"])
def test_only_facilitators_see_a_collaboration_in_their_portfolio(cast, who):
    text = cast.client(who).get(reverse("portfolio")).content.decode()
    exported = _text(cast.client(who).get(reverse("portfolio-csv")))
    shown = who == "facilitator"
    assert (cast.collaboration.name in text) is shown
    assert (cast.collaboration.name in exported) is shown


def test_dashboard_shows_health_with_tools_to_revisit_and_support_given(cast):
    last_month = timezone.now() - datetime.timedelta(days=40)
    health_check_take(membership=cast.partner, ratings={"history": 4}, taken_at=last_month)
    health_check_take(membership=cast.partner, ratings={"history": 2, "legitimacy": 4})
    Activity.objects.create(
        collaboration=cast.collaboration, date=TODAY, strategy=Strategy.STAFF, description="x"
    )
    response = cast.client("viewer").get(reverse("collaboration", args=[cast.collaboration.pk]))
    text = response.content.decode()
    assert "Average 3.0 of 5, from 1 member." in text
    # The weak factor points to the tool that addresses it.
    history = reverse("stages:worksheet", args=[cast.collaboration.pk, "assess-the-history"])
    assert f'<a href="{history}">Assess the History of Addressing the Issue</a>' in text
    # Two months of ratings: the trend is charted with the other charts.
    assert 'id="chart-health-trend"' in text
    assert "Staff support: 1" in text
    assert "Read the support log" in text


@pytest.mark.parametrize("who", ["facilitator", "partner", "viewer"])
def test_dashboard_offers_the_report_to_every_member(cast, who):
    text = (
        cast.client(who)
        .get(reverse("collaboration", args=[cast.collaboration.pk]))
        .content.decode()
    )
    assert f'href="{reverse("reports:report", args=[cast.collaboration.pk])}"' in text
    # The PDF comes from a small form that also asks for the report's language.
    assert f'action="{reverse("reports:pdf", args=[cast.collaboration.pk])}"' in text


def test_dashboard_shows_resources_by_status_with_the_gap_apart(cast):
    _sheet(
        cast.collaboration,
        "account-for-resources",
        answers={
            "resources": [
                {
                    "id": "r1",
                    "partner": cast.partner.partner_id,
                    "kind": "funding",
                    "value": 520000.0,
                    "status": "committed",
                },
                {
                    "id": "r2",
                    "partner": None,
                    "kind": "funding",
                    "description": "Money we still need",
                    "value": 1000000.0,
                    "status": "needed",
                },
            ]
        },
    )
    seen = overview(cast.collaboration)
    [(_tool, _table, sums)] = seen.resources
    assert {s.status: s.amount for s in sums} == {
        "committed": 520000.0,
        "pledged": 0,
        "potential": 0,
        "needed": 1000000.0,
    }
    assert [s.gap for s in sums] == [False, False, False, True]
    page = cast.client("viewer").get(reverse("collaboration", args=[cast.collaboration.pk]))
    text = page.content.decode()
    assert "$520,000" in text and "$1,000,000" in text
    assert "1,520,000" not in text


def test_portfolio_csv_dates_last_activity_as_the_page_does(client, settings):
    """In the site's time zone: a save at 03:00 UTC is the evening before in Chicago."""
    settings.TIME_ZONE = "America/Chicago"
    user = make_user("lee@example.org")
    collaboration = make_collaboration(name="Night Owls")
    make_member(collaboration, Role.FACILITATOR, user)
    saved = datetime.datetime(2026, 3, 10, 3, 0, tzinfo=datetime.UTC)
    _sheet(collaboration, "engage-potential-partners", updated_at=saved)
    client.force_login(user)
    page = client.get(reverse("portfolio")).content.decode()
    assert "March 9, 2026" in page
    assert "March 10, 2026" not in page
    exported = list(csv.reader(io.StringIO(_text(client.get(reverse("portfolio-csv"))))))
    row = dict(zip(exported[0], exported[1], strict=True))
    assert row["Last activity"] == "2026-03-09"


def test_only_partners_taking_part_are_waited_for_on_every_page(client):
    """A potential partner has not joined yet and a former one has left: neither is asked to
    sign off. Where the portfolio says nobody is missing a sign-off, the worksheet's table of
    positions and the report name nobody as still to record a position either."""
    user = make_user()
    collaboration = make_collaboration(name="Signing Circle")
    make_member(collaboration, Role.FACILITATOR, user)
    bank = make_partner(collaboration, name="Bank")
    make_partner(collaboration, name="Maybe Later", status=Partner.Status.POTENTIAL)
    make_partner(collaboration, name="Old Friend", status=Partner.Status.FORMER)
    vision = _sheet(collaboration, "share-a-vision-of-success", Worksheet.Status.COMPLETE)
    SignOff.objects.create(
        collaboration=collaboration, tool=vision.tool, partner=bank, position="agrees"
    )
    client.force_login(user)
    [row] = client.get(reverse("portfolio")).context["rows"]
    assert (row.not_signed_off, row.flags) == ([], 0)
    worksheet = client.get(
        reverse("stages:worksheet", args=[collaboration.pk, "share-a-vision-of-success"])
    )
    assert [p.name for p, _s in worksheet.context["sign_off_rows"]] == ["Bank"]
    report = client.get(reverse("reports:report", args=[collaboration.pk])).content.decode()
    assert "No position recorded yet" not in report
