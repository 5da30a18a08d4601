"""The report's long tables, written row by row in Python (reports.templatetags.report_layout):
every cell in its place, "—" where nothing was given, what people typed escaped, sign-offs
saying who recorded them and when, on the page and on paper, in either language."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from stages.models import SignOff, Tool, Worksheet
from tests.factories import make_partner
from tests.reports.helpers import HOSTILE, fill

pytestmark = pytest.mark.django_db

SCRIPT = "&lt;script&gt;alert(&quot;report&quot;)&lt;/script&gt;"
IMAGE = "&lt;img src=&quot;http://127.0.0.1:9/pixel.png&quot;&gt;"
STAKEHOLDER = {
    "id": "row-1",
    "organization": HOSTILE[0],
    "sector": "business",
    "stake": "",
    "influence": 4,
    "interest": None,
    "closeness": "Close",
    "status": "declined",
}


def _documents(cast, printed, language: str = "en") -> tuple[str, str]:
    """The report page and the printed document, both in `language`."""
    cid = cast.collaboration.pk
    client = cast.client("viewer")
    query = f"?language={language}"
    page = client.get(reverse("reports:report", args=[cid]) + query).content.decode()
    client.get(reverse("reports:pdf", args=[cid]) + query)
    return page, printed[-1]


def test_a_table_shows_each_cell_in_its_column_and_a_dash_for_nothing(cast, printed):
    fill(cast.collaboration, {"engage-potential-partners": Worksheet.Status.IN_PROGRESS})
    Worksheet.objects.filter(tool__slug="engage-potential-partners").update(
        answers={"stakeholders": [STAKEHOLDER]}
    )
    page, paper = _documents(cast, printed)
    row = (
        f"<tr><td>{SCRIPT}</td><td>Business</td><td>—</td><td>4</td><td>—</td>"
        "<td>Close</td><td>Declined</td></tr>"
    )
    assert row in page
    # Seven columns do not fit the page: on paper, a block per row, each value under its label.
    assert row not in paper
    block = (
        '<dl class="row-block">'
        '<div class="row-block__item row-block__item--text">'
        f"<dt>Organization</dt><dd>{SCRIPT}</dd></div>"
        '<div class="row-block__item row-block__item--sector">'
        "<dt>Sector</dt><dd>Business</dd></div>"
    )
    assert block in paper
    assert (
        '<dt>Interest</dt><dd>—</dd></div><div class="row-block__item row-block__item--text">'
        in paper
    )
    for html in (page, paper):
        assert HOSTILE[0] not in html


def test_each_answer_and_table_under_its_label_unless_the_section_says_it(cast, printed):
    fill(cast.collaboration, {"engage-potential-partners": Worksheet.Status.IN_PROGRESS})
    Worksheet.objects.filter(tool__slug="engage-potential-partners").update(
        answers={"stakeholders": [], "networks": HOSTILE[1], "alignment": ""}
    )
    for html in _documents(cast, printed):
        section = html[html.index('id="tool-engage-potential-partners"') :]
        section = " ".join(section[: section.index("</section>")].split())
        assert (
            '<div class="worksheet-section"> <h4>Who has a stake in the issue</h4> '
            "<h5>Stakeholder map</h5> "
            '<p class="muted">No rows yet.</p> </div>'
        ) in section
        # The first answer is named by its section's title; the next by its own label.
        assert (
            '<div class="worksheet-section"> <h4>Existing networks and efforts</h4> '
            f'<p class="answer">{IMAGE}</p> <h5>How interests and resources align</h5> '
            '<p class="muted">Not answered yet.</p> </div>'
        ) in section


def test_a_narrow_table_is_a_table_on_paper_too(cast, printed):
    partner = cast.partner.partner
    fill(cast.collaboration, {"establish-transparency-of-viewpoints": Worksheet.Status.COMPLETE})
    Worksheet.objects.filter(tool__slug="establish-transparency-of-viewpoints").update(
        answers={
            "viewpoints": [
                {"id": "r", "partner": partner.pk, "priorities": HOSTILE[1], "concerns": ""}
            ]
        }
    )
    for html in _documents(cast, printed):
        region = '<div class="table-responsive" tabindex="0" role="region"'
        assert f'{region} aria-label="Partner viewpoints">' in html
        assert (
            '<thead><tr><th scope="col">Partner</th><th scope="col">Priorities</th>'
            '<th scope="col">Concerns and apprehensions</th>'
            '<th scope="col">Non-negotiables</th></tr></thead>'
        ) in html
        assert f"<tr><td>Workforce Alliance</td><td>{IMAGE}</td><td>—</td><td>—</td></tr>" in html


def _sign_offs(cast) -> tuple[SignOff, SignOff]:
    """Two positions on the vision: the partner's own, and one the facilitator recorded for
    another organization."""
    fill(cast.collaboration, {"share-a-vision-of-success": Worksheet.Status.COMPLETE})
    city = make_partner(cast.collaboration, name=HOSTILE[4])
    tool = Tool.objects.get(slug="share-a-vision-of-success")
    own = SignOff.objects.create(
        collaboration=cast.collaboration,
        tool=tool,
        partner=cast.partner.partner,
        position=SignOff.Position.RESERVATIONS,
        note=HOSTILE[0],
        user=cast.partner.user,
    )
    behalf = SignOff.objects.create(
        collaboration=cast.collaboration,
        tool=tool,
        partner=city,
        position=SignOff.Position.AGREES,
        user=cast.facilitator.user,
        on_behalf=True,
    )
    moment = timezone.make_aware(datetime.datetime(2026, 5, 29, 23, 30), datetime.UTC)
    SignOff.objects.update(updated_at=moment)
    return own, behalf


def test_sign_offs_say_where_each_partner_stands_and_who_recorded_it(cast, printed, settings):
    settings.TIME_ZONE = "America/Chicago"  # 23:30 UTC is still May 29 there
    _sign_offs(cast)
    city = "&lt;a href=&quot;javascript:alert(1)&quot;&gt;click me&lt;/a&gt;"
    for html in _documents(cast, printed):
        assert (
            '<tr><td>Workforce Alliance</td><td class="position-reservations">'
            f"Agrees with reservations</td><td>{SCRIPT}</td>"
            "<td>part@example.org, May 29, 2026</td></tr>"
        ) in html
        assert (
            f'<tr><td>{city}</td><td class="position-agrees">Agrees</td><td>—</td>'
            f"<td>recorded by fac@example.org for {city}, May 29, 2026</td></tr>"
        ) in html
        # The appendix lists the reservation, not the agreement.
        assert (
            "<tr><td>2. Share a Vision of Success</td><td>Workforce Alliance</td>"
            f"<td>Agrees with reservations</td><td>{SCRIPT}</td>"
            "<td>part@example.org, May 29, 2026</td></tr>"
        ) in html
        assert HOSTILE[4] not in html


def test_sign_offs_and_changes_read_in_spanish(cast, printed, settings):
    settings.TIME_ZONE = "Asia/Tokyo"  # 23:30 UTC is already May 30 there
    _sign_offs(cast)
    Worksheet.objects.update(
        updated_by=cast.facilitator.user, updated_at=SignOff.objects.get(on_behalf=True).updated_at
    )
    for html in _documents(cast, printed, "es"):
        assert "<td>Está de acuerdo, con reservas</td>" in html
        assert "registrada por fac@example.org en nombre de &lt;a href=" in html
        assert "<td>part@example.org, 30 de mayo de 2026</td>" in html
        # Who last changed each worksheet.
        assert (
            "<tr><td>2. Compartir una visión del éxito</td><td>Completa</td>"
            "<td>30 de mayo de 2026</td><td>fac@example.org</td></tr>"
        ) in html
        assert "<td>Sin comenzar</td><td>—</td><td>—</td></tr>" in html


def test_totals_name_each_group_and_its_amount_by_status(cast, printed):
    city = make_partner(cast.collaboration, name=HOSTILE[1])
    fill(cast.collaboration, {"account-for-resources": Worksheet.Status.IN_PROGRESS})
    row = {"id": "r", "partner": city.pk, "kind": "funding", "description": "Grant"}
    Worksheet.objects.filter(tool__slug="account-for-resources").update(
        answers={"resources": [{**row, "value": 2500.5, "status": "pledged"}]}
    )
    for html in _documents(cast, printed):
        assert (
            f'<tr><td>{IMAGE}</td><td class="number">—</td><td class="number">$2,500.50</td>'
            '<td class="number">—</td><td class="number">—</td></tr>'
        ) in html
        assert (
            '<tr><td>Total</td><td class="number">$0</td><td class="number">$2,500.50</td>'
            '<td class="number">$0</td><td class="number">$0</td></tr>'
        ) in html
