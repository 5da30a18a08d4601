"""Pages are sent compressed; static files keep hashed names, precompressed copies and a
year of caching in production."""

from __future__ import annotations

import gzip
import json

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from whitenoise.middleware import WhiteNoiseMiddleware

from toolkit_site.compression import compressed

YEAR = 365 * 24 * 3600


@pytest.mark.django_db
def test_pages_are_gzipped_for_browsers_that_ask(cast):
    client = cast.client("facilitator")
    url = reverse("collaboration", args=[cast.collaboration.pk])
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content).decode().count("<html") == 1


@pytest.mark.django_db
def test_each_response_is_padded_differently_against_breach(cast, settings):
    client = cast.client("facilitator")
    url = reverse("collaboration", args=[cast.collaboration.pk])
    packed = [client.get(url, HTTP_ACCEPT_ENCODING="gzip") for _ in range(8)]
    # The whole page each time, compressed to different lengths.
    assert all(gzip.decompress(r.content).rstrip().endswith(b"</html>") for r in packed)
    assert len({len(r.content) for r in packed}) > 1
    assert all(int(r["Content-Length"]) == len(r.content) for r in packed)


def test_the_compression_level_is_the_sites_choice():
    page = b"<p>" + b"Where each partner stands, and why it matters. " * 2000 + b"</p>"
    fastest, smallest = compressed(page, 1, 0), compressed(page, 9, 0)
    assert gzip.decompress(fastest) == gzip.decompress(smallest) == page
    assert len(smallest) < len(fastest) < len(page) / 8
    padded = compressed(page, 1, 100)
    assert gzip.decompress(padded) == page
    assert len(fastest) <= len(padded) < len(fastest) + 101


def test_static_files_are_hashed_precompressed_and_cached_for_a_year(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = False
    settings.DEBUG = False
    call_command("collectstatic", "--no-input", verbosity=0)
    hashed = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]["css/app.css"]
    assert hashed != "css/app.css" and hashed.startswith("css/app.")
    assert staticfiles_storage.url("css/app.css") == f"/static/{hashed}"
    assert (tmp_path / f"{hashed}.gz").exists()

    serve = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
    request = RequestFactory().get(f"/static/{hashed}", HTTP_ACCEPT_ENCODING="gzip")
    response = serve(request)
    assert response.status_code == 200
    assert response["Content-Encoding"] in ("gzip", "br")
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age >= YEAR
