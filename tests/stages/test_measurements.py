"""Measurements people can correct: recording, correcting and removing them with a history,
no dates after today, "latest" by date, indicators to reduce, and one standing everywhere."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from stages import services
from stages.indicators import Measured, indicator_standing, measured_by_indicator
from stages.models import Measurement, MeasurementChange, Tool, Worksheet
from stages.worksheets.declarations import definition_for

pytestmark = pytest.mark.django_db

MEASURES = "agree-on-measures-of-success"
TODAY = timezone.localdate()


def _days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def indicator(cast):
    """An indicator to reduce: from 100 down to 50."""
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug=MEASURES),
        answers={
            "indicators": [
                {"id": "i1", "name": "Youth out of work", "unit": "people", "baseline": 100,
                 "target": 50}
            ]
        },
        version=1,
        status=Worksheet.Status.IN_PROGRESS,
    )  # fmt: skip
    return reverse("stages:indicator", args=[cast.collaboration.pk, MEASURES, "indicators", "i1"])


def _measure(cast, value, date, user=None) -> Measurement:
    return Measurement.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug=MEASURES),
        table="indicators",
        row_id="i1",
        date=date,
        value=value,
        user=user,
    )


def _edit_url(cast, m: Measurement, action: str = "edit") -> str:
    name = "stages:measurement-edit" if action == "edit" else "stages:measurement-remove"
    return reverse(name, args=[cast.collaboration.pk, MEASURES, "indicators", "i1", m.pk])


def test_a_date_after_today_is_refused_with_a_clear_message(cast, indicator):
    response = cast.client("partner").post(
        indicator, {"date": _days(1).isoformat(), "value": "-5", "note": "typed ahead"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "is after today" in page
    assert "Record a measurement once it has been taken" in page
    assert 'value="typed ahead"' in page and 'value="-5"' in page
    assert not Measurement.objects.exists()


def test_recording_keeps_who_and_when_in_the_history(cast, indicator):
    response = cast.client("partner").post(indicator, {"date": TODAY.isoformat(), "value": "90"})
    assert response.status_code == 302
    change = MeasurementChange.objects.get()
    assert (change.action, change.user, change.value) == ("recorded", cast.partner.user, 90)
    page = cast.client("viewer").get(indicator).content.decode()
    assert "Recorded by" in page and "part@example.org" in page


def test_a_measurement_is_corrected_and_the_change_kept(cast, indicator):
    m = _measure(cast, 900, _days(-3), cast.partner.user)
    url = _edit_url(cast, m)
    client = cast.client("facilitator")
    assert client.get(url).status_code == 200
    response = client.post(url, {"date": _days(-3).isoformat(), "value": "90", "note": "typo"})
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.value == 90 and m.note == "typo"
    change = MeasurementChange.objects.get()
    assert (change.action, change.user, change.value) == ("changed", cast.facilitator.user, 90)
    page = cast.client("viewer").get(indicator).content.decode()
    assert "Corrected by fac@example.org" in page


def test_a_correction_into_the_future_is_refused_and_kept_in_the_form(cast, indicator):
    m = _measure(cast, 90, _days(-3))
    response = cast.client("partner").post(
        _edit_url(cast, m), {"date": _days(30).isoformat(), "value": "80"}
    )
    assert response.status_code == 422
    assert "is after today" in response.content.decode()
    assert 'value="80"' in response.content.decode()
    m.refresh_from_db()
    assert m.value == 90 and not MeasurementChange.objects.exists()


def test_a_measurement_is_removed_and_stays_in_the_history(cast, indicator):
    m = _measure(cast, -5, _days(-1))
    url = _edit_url(cast, m, "remove")
    assert cast.client("partner").post(url).status_code == 302
    assert not Measurement.objects.exists()
    change = MeasurementChange.objects.get()
    assert (change.action, change.value, change.user) == ("removed", -5, cast.partner.user)
    # A second click says it is gone; nothing breaks, nothing more is written.
    again = cast.client("partner").post(url, follow=True)
    assert again.status_code == 200
    assert "already been removed" in again.content.decode()
    assert MeasurementChange.objects.count() == 1
    assert "Removed by part@example.org" in cast.client("viewer").get(indicator).content.decode()


def _gone_page_keeps_what_was_typed(response, indicator) -> None:
    assert response.status_code == 404
    page = response.content.decode()
    assert "This measurement was removed while you were correcting it." in page
    record = page.split("Record a measurement")[1]
    assert f'action="{indicator}"' in record
    assert 'value="80"' in record and 'value="Recounted"' in record


def test_correcting_a_measurement_removed_since_the_page_loaded_keeps_what_was_typed(
    cast, indicator
):
    """Someone removed the measurement while another person was correcting it: the
    correction is not saved, and the indicator's page says so with the date, value and note
    typed in its form, to record them if they still hold."""
    m = _measure(cast, 90, _days(-3))
    url = _edit_url(cast, m)
    assert cast.client("partner").get(url).status_code == 200
    assert cast.client("facilitator").post(_edit_url(cast, m, "remove")).status_code == 302
    response = cast.client("partner").post(
        url, {"date": _days(-3).isoformat(), "value": "80", "note": "Recounted"}
    )
    _gone_page_keeps_what_was_typed(response, indicator)
    assert not Measurement.objects.exists()
    assert list(MeasurementChange.objects.values_list("action", flat=True)) == ["removed"]
    # Recorded from that form, it is a new measurement.
    again = cast.client("partner").post(
        indicator, {"date": _days(-3).isoformat(), "value": "80", "note": "Recounted"}
    )
    assert again.status_code == 302
    assert Measurement.objects.get().value == 80


def test_a_measurement_removed_as_its_correction_is_saved_is_no_error(cast, indicator, monkeypatch):
    """The removal lands between the correction's checks and its saving: the same page as
    when it was removed before, and nothing comes back to life."""
    m = _measure(cast, 90, _days(-3))
    correct = services.measurement_correct

    def removed_first(*, measurement, user):
        Measurement.objects.filter(pk=measurement.pk).delete()
        return correct(measurement=measurement, user=user)

    monkeypatch.setattr(services, "measurement_correct", removed_first)
    response = cast.client("partner").post(
        _edit_url(cast, m), {"date": _days(-3).isoformat(), "value": "80", "note": "Recounted"}
    )
    _gone_page_keeps_what_was_typed(response, indicator)
    assert not Measurement.objects.exists() and not MeasurementChange.objects.exists()


@pytest.mark.parametrize(
    ("who", "expected"),
    [("facilitator", 200), ("partner", 200), ("viewer", 403), ("outsider", 404)],
)
def test_who_may_correct_and_remove(cast, indicator, who, expected):
    m = _measure(cast, 90, _days(-3))
    client = cast.client(who)
    assert client.get(_edit_url(cast, m)).status_code == expected
    if expected != 200:
        assert client.post(_edit_url(cast, m), {"date": _days(-3), "value": "1"}).status_code == (
            expected
        )
        assert client.post(_edit_url(cast, m, "remove")).status_code == expected
        m.refresh_from_db()
        assert m.value == 90 and not MeasurementChange.objects.exists()


def test_anonymous_is_sent_to_sign_in_and_unknown_measurements_are_404(cast, indicator):
    m = _measure(cast, 90, _days(-3))
    response = cast.client("anonymous").get(_edit_url(cast, m))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert cast.client("anonymous").post(_edit_url(cast, m, "remove")).status_code == 302
    other = reverse(
        "stages:measurement-edit",
        args=[cast.collaboration.pk, MEASURES, "indicators", "i1", m.pk + 100],
    )
    assert cast.client("partner").get(other).status_code == 404


def test_latest_is_the_latest_by_date_not_the_last_typed(cast):
    table = definition_for(MEASURES).table("indicators")
    row = {"name": "Jobs", "baseline": 0, "target": 100}
    recent = _measure(cast, 60, _days(-2))
    older_typed_later = _measure(cast, 10, _days(-40))
    standing = indicator_standing(table, row, Measured.of([recent, older_typed_later]))
    assert standing.latest == recent and standing.percent == 60


def test_the_database_picks_each_indicators_latest_as_the_standing_does(cast):
    """Pages with many indicators have the database pick the latest measurement of each and
    count them; the result is what `Measured.of` finds among every measurement."""
    first = [_measure(cast, v, _days(d)) for v, d in ((60, -2), (10, -40), (30, -2))]
    other = Measurement.objects.create(
        collaboration=cast.collaboration,
        tool=first[0].tool,
        table="indicators",
        row_id="i2",
        date=_days(-5),
        value=7,
    )
    # Typed last, but recorded as earlier than the first on the same date.
    earlier = first[0].created_at - datetime.timedelta(minutes=5)
    Measurement.objects.filter(pk=first[2].pk).update(created_at=earlier)
    first[2].refresh_from_db()
    found = measured_by_indicator(Measurement.objects.filter(collaboration=cast.collaboration))
    assert found == {
        first[0].tool_id: {
            ("indicators", "i1"): Measured.of(first),
            ("indicators", "i2"): Measured.of([other]),
        }
    }
    # Of two on one date, the one recorded last.
    assert found[first[0].tool_id]["indicators", "i1"] == Measured(first[0], 3)


@pytest.mark.parametrize(("value", "percent"), [(100, 0), (120, 0), (70, 60), (50, 100), (30, 100)])
def test_progress_of_an_indicator_to_reduce(cast, value, percent):
    table = definition_for(MEASURES).table("indicators")
    row = {"name": "Youth out of work", "baseline": 100, "target": 50}
    standing = indicator_standing(table, row, Measured.of([_measure(cast, value, _days(-1))]))
    assert standing.reduces and str(standing.direction) == "reduce to"
    assert standing.percent == percent


def _standing_text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_dashboard_indicator_page_and_report_agree(cast, indicator):
    _measure(cast, 70, _days(-10))
    _measure(cast, 95, _days(-100))  # older: not the latest, though typed last
    viewer = cast.client("viewer")
    pages = {
        "dashboard": viewer.get(reverse("collaboration", args=[cast.collaboration.pk])),
        "indicator": viewer.get(indicator),
        "report": viewer.get(reverse("reports:report", args=[cast.collaboration.pk])),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        text = _standing_text(response.content.decode())
        assert "60% of the way from baseline to target" in text, name
        assert "reduce to" in text, name
        assert "70" in text and "95 " not in text.split("Measurements")[0], name


def test_a_measurement_at_zero_percent_is_still_a_measurement(cast, indicator):
    """A value below the baseline is 0% of the way, not "no measurement"."""
    _measure(cast, 130, _days(-1))
    for url in (
        reverse("collaboration", args=[cast.collaboration.pk]),
        reverse("reports:report", args=[cast.collaboration.pk]),
    ):
        text = cast.client("viewer").get(url).content.decode()
        assert "No indicator has a measurement yet" not in text
        assert "0% of the way from baseline to target" in text
