"""The support log page and its forms: what a facilitator records is what members read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from support.models import Activity, Barrier, ResourceLead, Strategy
from tests.support.factories import make_activity, make_barrier, make_lead

pytestmark = pytest.mark.django_db


def _log(cast, who: str = "facilitator", **params):
    return cast.client(who).get(reverse("support:log", args=[cast.collaboration.pk]), params)


def test_every_strategy_is_explained_and_counted(cast):
    make_activity(cast.collaboration, strategy=Strategy.CONVENING)
    make_activity(cast.collaboration, strategy=Strategy.CONVENING)
    make_activity(cast.collaboration, strategy=Strategy.STAFF)
    response = _log(cast, "viewer")
    page = response.content.decode()
    for strategy in Strategy:
        assert escape(str(strategy.label)) in page
        assert escape(str(strategy.explanation)) in page
    counts = {row.strategy: row.count for row in response.context["by_strategy"]}
    assert counts[Strategy.CONVENING] == 2
    assert counts[Strategy.STAFF] == 1
    assert counts[Strategy.RESEARCH] == 0
    assert [row.strategy for row in response.context["by_strategy"]] == list(Strategy)


def test_activities_are_listed_newest_first_with_their_details(cast):
    make_activity(cast.collaboration, date=date(2026, 3, 1), description="Kick-off convening")
    make_activity(
        cast.collaboration,
        date=date(2026, 5, 20),
        description="Site visit to the training floor",
        mode=Activity.Mode.FACE_TO_FACE,
        local_participants="Rosa Delgado",
        national_participants="Programme director",
        follow_ups="Send the article to employers",
        recorded_by=cast.facilitator.user,
    )
    page = _log(cast, "partner").content.decode()
    assert page.index("Site visit to the training floor") < page.index("Kick-off convening")
    for text in [
        "Face to face",
        "Rosa Delgado",
        "Programme director",
        "Send the article to employers",
        "Recorded by fac@example.org",
    ]:
        assert text in page


def test_leads_and_barriers_show_amount_deadline_and_status(cast):
    make_lead(
        cast.collaboration,
        source="Federal apprenticeship grant",
        amount=Decimal("250000"),
        deadline=date(2026, 7, 15),
        status=ResourceLead.Status.REQUESTED,
    )
    make_barrier(cast.collaboration, what="Permits are slow", status=Barrier.Status.IN_PROGRESS)
    page = _log(cast, "viewer").content.decode()
    assert "Federal apprenticeship grant" in page
    assert "250,000" in page
    assert "July 15, 2026" in page
    assert "Applied or requested" in page
    assert "Permits are slow" in page
    assert "Being worked on" in page


def test_empty_log_says_so(cast):
    page = _log(cast).content.decode()
    assert "No support activities recorded yet." in page
    assert "No resource leads yet." in page
    assert "No barriers recorded." in page


def test_filter_by_strategy_shows_only_that_strategy(cast):
    make_activity(cast.collaboration, strategy=Strategy.CONVENING, description="Kick-off")
    make_activity(cast.collaboration, strategy=Strategy.RESEARCH, description="Data review")
    response = _log(cast, strategy="research")
    page = response.content.decode()
    assert "Data review" in page
    assert "Kick-off" not in page
    assert '<option value="research" selected>' in page
    # The summary still counts every strategy, not just the one shown.
    counts = {row.strategy: row.count for row in response.context["by_strategy"]}
    assert counts[Strategy.CONVENING] == 1


def test_filter_with_no_match_says_so(cast):
    make_activity(cast.collaboration, strategy=Strategy.CONVENING, description="Kick-off")
    page = _log(cast, strategy="staff").content.decode()
    assert "Kick-off" not in page
    assert "No activities under this strategy yet." in page


@pytest.mark.parametrize("value", ["no-such-strategy", "<script>alert(1)</script>"])
def test_unknown_strategy_shows_everything_with_a_polite_message(cast, value):
    make_activity(cast.collaboration, strategy=Strategy.CONVENING, description="Kick-off")
    make_activity(cast.collaboration, strategy=Strategy.RESEARCH, description="Data review")
    response = _log(cast, strategy=value)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kick-off" in page
    assert "Data review" in page
    assert "so all activities are shown" in page
    assert "<script>alert(1)</script>" not in page


def test_facilitator_records_an_activity(cast):
    client = cast.client("facilitator")
    response = client.post(
        reverse("support:activity-new", args=[cast.collaboration.pk]),
        {
            "date": "2026-05-14",
            "strategy": "training",
            "mode": "remote",
            "description": "Webinar on data-sharing agreements",
            "local_participants": "Luis Ortega",
            "national_participants": "Federal TA provider",
            "follow_ups": "Draft the agreement",
        },
        follow=True,
    )
    activity = Activity.objects.get(description="Webinar on data-sharing agreements")
    assert activity.collaboration == cast.collaboration
    assert activity.date == date(2026, 5, 14)
    assert activity.recorded_by == cast.facilitator.user
    page = response.content.decode()
    assert "Support activity saved" in page
    assert "Webinar on data-sharing agreements" in page


def test_editing_an_activity_keeps_who_recorded_it(cast):
    activity = make_activity(cast.collaboration, recorded_by=cast.partner.user)
    cast.client("facilitator").post(
        reverse("support:activity-edit", args=[cast.collaboration.pk, activity.pk]),
        {
            "date": "2026-05-02",
            "strategy": "research",
            "mode": "remote",
            "description": "Corrected",
        },
    )
    activity.refresh_from_db()
    assert (activity.description, activity.strategy) == ("Corrected", "research")
    assert activity.recorded_by == cast.partner.user


def test_facilitator_adds_and_deletes_a_lead_and_a_barrier(cast):
    client = cast.client("facilitator")
    cid = cast.collaboration.pk
    client.post(
        reverse("support:lead-new", args=[cid]),
        {
            "source": "Bank foundation",
            "kind": "funding",
            "amount": "12500.50",
            "deadline": "2026-09-30",
            "status": "to_explore",
        },
    )
    lead = ResourceLead.objects.get(source="Bank foundation")
    assert (lead.amount, lead.deadline) == (Decimal("12500.50"), date(2026, 9, 30))
    client.post(reverse("support:barrier-new", args=[cid]), {"what": "Zoning", "status": "open"})
    barrier = Barrier.objects.get(what="Zoning")
    confirm = client.get(reverse("support:lead-delete", args=[cid, lead.pk]))
    assert "Delete this resource lead?" in confirm.content.decode()
    response = client.post(reverse("support:lead-delete", args=[cid, lead.pk]), follow=True)
    assert "Resource lead deleted: Bank foundation." in response.content.decode()
    client.post(reverse("support:barrier-delete", args=[cid, barrier.pk]))
    assert not ResourceLead.objects.exists()
    assert not Barrier.objects.exists()


def _field_error(response, field: str) -> str:
    """The field's message as shown beside the field (not only in the summary above)."""
    page = response.content.decode()
    block = page.split(f'id="div_id_{field}"', 1)[1].split('id="div_id_', 1)[0]
    assert 'aria-invalid="true"' in block
    return block.split(f'id="id_{field}_error"', 1)[1]


def test_bad_activity_is_refused_at_the_fields_and_the_input_kept(cast):
    response = cast.client("facilitator").post(
        reverse("support:activity-new", args=[cast.collaboration.pk]),
        {
            "date": "14/05/2026",
            "strategy": "lobbying",
            "mode": "remote",
            "description": "",
            "local_participants": "Kept local people",
            "follow_ups": "Kept follow-up",
        },
    )
    assert response.status_code == 200
    assert "YYYY-MM-DD" in _field_error(response, "date")
    assert "Choose one of the seven strategies." in _field_error(response, "strategy")
    assert "required" in _field_error(response, "description")
    page = response.content.decode()
    assert "Please correct the 3 problems below." in page
    assert 'value="14/05/2026"' in page
    assert "Kept local people" in page
    assert "Kept follow-up" in page
    assert not Activity.objects.exists()


def test_bad_lead_is_refused_at_the_fields_and_the_input_kept(cast):
    response = cast.client("facilitator").post(
        reverse("support:lead-new", args=[cast.collaboration.pk]),
        {
            "source": "",
            "kind": "funding",
            "amount": "-500",
            "deadline": "next Friday",
            "status": "to_explore",
            "notes": "Kept note",
        },
    )
    assert response.status_code == 200
    assert "zero or more" in _field_error(response, "amount")
    assert "YYYY-MM-DD" in _field_error(response, "deadline")
    assert "required" in _field_error(response, "source")
    page = response.content.decode()
    assert 'value="-500"' in page
    assert 'value="next Friday"' in page
    assert "Kept note" in page
    assert not ResourceLead.objects.exists()


def test_barrier_needs_a_description(cast):
    response = cast.client("facilitator").post(
        reverse("support:barrier-new", args=[cast.collaboration.pk]),
        {"what": "", "who_can_unblock": "Kept office", "status": "closed"},
    )
    assert response.status_code == 200
    assert "required" in _field_error(response, "what")
    assert "valid choice" in _field_error(response, "status")
    assert "Kept office" in response.content.decode()
    assert not Barrier.objects.exists()


def test_activity_form_explains_the_strategies(cast):
    response = cast.client("facilitator").get(
        reverse("support:activity-new", args=[cast.collaboration.pk])
    )
    page = response.content.decode()
    assert "The seven strategies" in page
    assert escape(str(Strategy.STAFF.explanation)) in page


def test_collaboration_menu_links_to_the_support_log(cast):
    url = reverse("support:log", args=[cast.collaboration.pk])
    dashboard = cast.client("viewer").get(reverse("collaboration", args=[cast.collaboration.pk]))
    assert f'href="{url}"' in dashboard.content.decode()
    page = cast.client("viewer").get(url).content.decode()
    assert f'href="{url}" aria-current="page"' in page


def test_an_activity_dated_after_today_is_refused_and_the_input_kept(cast):
    """Support that has not happened yet would count as support given."""
    from datetime import timedelta

    from django.utils import timezone

    tomorrow = timezone.localdate() + timedelta(days=1)
    response = cast.client("facilitator").post(
        reverse("support:activity-new", args=[cast.collaboration.pk]),
        {
            "date": tomorrow.isoformat(),
            "strategy": "training",
            "mode": "remote",
            "description": "Kept description",
        },
    )
    assert response.status_code == 200
    assert "is after today" in _field_error(response, "date")
    assert "Kept description" in response.content.decode()
    assert not Activity.objects.exists()
