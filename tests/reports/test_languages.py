"""The report in either language, chosen at download: the person's own by default, kept as
its own file per language, and the PDF's metadata, running header and page counter in it."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from collaborations.models import Profile, Role
from reports.models import ReportFile
from tests.factories import make_collaboration, make_member, make_partner, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    collaboration = make_collaboration(name="Riverside Youth Jobs", community="Springfield")
    make_partner(collaboration, name="Workforce Alliance")
    user = make_user("vera@example.org", first_name="Vera")
    make_member(collaboration, Role.VIEWER, user)
    client = Client()
    client.force_login(user)
    return client, collaboration, user


def test_the_dashboard_offers_the_pdf_in_each_language_the_readers_own_first(reader):
    client, collaboration, user = reader
    Profile.objects.update_or_create(user=user, defaults={"language": "es"})
    client.force_login(user)
    html = client.get(f"/collaborations/{collaboration.pk}/").content.decode()
    assert f'action="/collaborations/{collaboration.pk}/report.pdf"' in html
    assert '<option value="es" lang="es" selected>Español</option>' in html
    assert '<option value="en" lang="en">English</option>' in html


def test_the_report_page_shows_the_document_in_the_language_asked_for(reader):
    client, collaboration, _user = reader
    html = client.get(f"/collaborations/{collaboration.pk}/report/?language=es").content.decode()
    assert '<html lang="en"' in html  # the page around it stays in the reader's language
    assert "Sign out" in html
    assert 'lang="es"' in html.split("<article", 1)[1][:200]
    assert '<h2 id="contents-title">Contenido</h2>' in html
    assert '<option value="es" selected>Español</option>' in html


def test_the_pdf_is_made_in_spanish_when_asked(reader):
    client, collaboration, _user = reader
    response = client.get(f"/collaborations/{collaboration.pk}/report.pdf?language=es")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('riverside-youth-jobs-informe.pdf"')
    pdf = PdfReader(io.BytesIO(response.getvalue()))
    assert pdf.metadata.title == "Riverside Youth Jobs: informe de la colaboración"
    assert pdf.trailer["/Root"]["/Lang"] == "es"
    pages = [page.extract_text() for page in pdf.pages]
    count = len(pages)
    assert "Página" not in pages[0]  # the cover has no footer
    assert f"Página 2 de {count}" in pages[1]
    # The running header: the collaboration and the chapter, in Spanish.
    assert "Riverside Youth Jobs" in pages[1]
    assert "Contenido" in pages[1]
    assert "Page" not in "".join(pages)
    (report_file,) = ReportFile.objects.all()
    assert report_file.options.endswith(";lang=es")


def test_each_language_is_its_own_file_and_the_readers_language_is_the_default(reader):
    client, collaboration, user = reader
    client.get(f"/collaborations/{collaboration.pk}/report.pdf?language=es")
    english = client.get(f"/collaborations/{collaboration.pk}/report.pdf")
    pdf = PdfReader(io.BytesIO(english.getvalue()))
    assert pdf.metadata.title == "Riverside Youth Jobs: collaboration report"
    assert f"Page 2 of {len(pdf.pages)}" in pdf.pages[1].extract_text()
    languages = sorted(
        o.rsplit("=", 1)[1] for o in ReportFile.objects.values_list("options", flat=True)
    )
    assert languages == ["en", "es"]
    Profile.objects.update_or_create(user=user, defaults={"language": "es"})
    client.force_login(user)
    spanish = client.get(f"/collaborations/{collaboration.pk}/report.pdf")
    assert spanish["Content-Disposition"].endswith('-informe.pdf"')
    assert ReportFile.objects.count() == 2  # the Spanish file made before, served again
