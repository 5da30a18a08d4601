"""The toolkit in Spanish: the stages' and tools' text kept as data beside the English
(fixtures/toolkit.es.json), loaded into the database and shown in the active language; and
every worksheet's sections, prompts, labels, help and choices translated in the stages
app's catalog (stages/locale/es)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from modeltranslation.translator import translator

from stages.models import Stage, Tool
from stages.toolkit import load_toolkit, toolkit_entries
from stages.worksheets.declarations import DEFINITIONS
from tests.factories import make_user

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
CATALOG = Path(settings.BASE_DIR) / "stages" / "locale" / "es" / "LC_MESSAGES" / "django.po"
MODELS = {"stages.stage": Stage, "stages.tool": Tool}

# Worksheet words spelled the same in English and Spanish.
SAME_IN_BOTH = {"Sector"}


@pytest.fixture(autouse=True)
def language_restored():
    """A request in Spanish leaves Spanish active in the test's thread: put back the language
    the test started with, so the tests after these read what they expect."""
    with translation.override(translation.get_language()):
        yield


def _spanish() -> dict[str, dict[str, dict[str, str]]]:
    return json.loads((FIXTURES / "toolkit.es.json").read_text(encoding="utf-8"))


def _translated_fields(model) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).fields)


def test_the_spanish_data_covers_every_stage_and_tool_and_every_translated_field():
    spanish = _spanish()
    assert set(spanish) == set(MODELS)
    for entry in toolkit_entries():
        label, english = entry["model"], entry["fields"]
        texts = spanish[label][english["slug"]]
        assert set(texts) == set(_translated_fields(MODELS[label])), english["slug"]
        for field, text in texts.items():
            assert text.strip(), (english["slug"], field)
            assert text != english[field], (english["slug"], field)
    slugs = {e["fields"]["slug"] for e in toolkit_entries()}
    assert {slug for label in spanish for slug in spanish[label]} == slugs


@pytest.mark.django_db
def test_the_loader_puts_the_spanish_beside_the_untouched_english():
    Tool.objects.update(name_es="", definition_es=None)
    Stage.objects.update(question_es="")
    load_toolkit(Stage, Tool)
    spanish = _spanish()
    for entry in toolkit_entries():
        model = MODELS[entry["model"]]
        row = model.objects.get(slug=entry["fields"]["slug"])
        for field in _translated_fields(model):
            english = entry["fields"][field]
            assert getattr(row, f"{field}_es") == spanish[entry["model"]][row.slug][field]
            assert getattr(row, f"{field}_en") == english
            # The model's own column keeps the source text, as seedcheck/ reads it.
            assert model.objects.filter(pk=row.pk, **{f"{field}_en": english}).exists()
            with translation.override("en"):
                assert getattr(row, field) == english
            with translation.override("es"):
                assert getattr(row, field) == spanish[entry["model"]][row.slug][field]


@pytest.mark.django_db
def test_loading_while_spanish_is_active_still_writes_the_english_columns():
    with translation.override("es"):
        load_toolkit(Stage, Tool)
    tool = Tool.objects.get(slug="share-discretion")
    assert (tool.name_en, tool.name_es) == ("Share Discretion", "Compartir la facultad de decisión")


@pytest.mark.django_db
def test_a_missing_translation_shows_the_english():
    Tool.objects.filter(slug="tell-the-story").update(name_es="", why_it_matters_es=None)
    tool = Tool.objects.get(slug="tell-the-story")
    with translation.override("es"):
        assert tool.name == "Tell the Story"
        assert tool.why_it_matters.startswith("Sharing results")
        assert tool.definition.startswith("La documentación")


def _texts(value) -> Iterator[Promise]:
    """Every translatable text in a declaration, wherever it sits: section titles, prompts,
    field and table labels, help, choices, and whatever text a declaration may grow."""
    if isinstance(value, Promise):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item)


@pytest.mark.parametrize("slug", list(DEFINITIONS))
def test_every_worksheet_text_has_its_spanish(slug):
    texts = list(_texts(DEFINITIONS[slug]))
    assert len(texts) > 10
    untranslated = []
    for text in texts:
        with translation.override("en"):
            english = str(text)
        with translation.override("es"):
            spanish = str(text)
        if not spanish.strip() or (spanish == english and english not in SAME_IN_BOTH):
            untranslated.append(english)
    assert untranslated == []


def test_every_message_of_the_stages_catalog_is_translated_and_not_fuzzy():
    with CATALOG.open("rb") as po:
        catalog = read_po(po)
    assert catalog.locale_identifier == "es"
    gaps = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s.strip() for s in strings):
            gaps.append(message.id)
    assert len(catalog) > 400
    assert gaps == []


def _page(client, path: str, **language) -> str:
    response = client.get(path, **language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language",
    [{"HTTP_ACCEPT_LANGUAGE": "es"}, {"cookie": "es"}],
    ids=["browser-language", "cookie"],
)
def test_a_worksheet_page_in_spanish(cast, language):
    client = cast.client("partner")
    if "cookie" in language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language.pop("cookie")
    url = reverse("stages:worksheet", args=[cast.collaboration.pk, "account-for-resources"])
    page = _page(client, url, **language)
    assert '<html lang="es">' in page
    for spanish in [
        # the tool and its stage, from the database
        "Hacer un inventario de los recursos",
        "¿Puede una colaboración intersectorial ayudar a resolver mi problema?",
        "La identificación de los recursos, financieros y no financieros",
        "Evaluar los recursos permite a los socios planificar",
        # the declaration, from the catalog: section titles, prompts, labels, choices
        "Lo que aportan los socios",
        "¿Qué puede ofrecer cada socio: dinero, tiempo del personal, conocimientos, datos",
        "Registro de recursos",
        "Valor estimado",
        "Instalaciones o equipo",
        "Prometido",
        "Cómo aprovechar los recursos",
        "¿Quién mantiene este registro al día?",
        "Lo que falta y de dónde podría venir",
        # an example answer
        "20 plazas al año sin costo de matrícula en su certificado de primera infancia",
    ]:
        assert spanish in page, spanish
    for english in [
        "Account for Resources",
        "Can intersector collaboration help to solve my problem?",
        "The determination of financial and non-financial resources",
        "What partners bring",
        "What can each partner offer",
        "Resource ledger",
        "Estimated value",
        "Facility or equipment",
        "Pledged",
        "Putting resources to use",
        "Who keeps this ledger up to date?",
        "Gaps and possible sources",
        "20 tuition-free places a year",
    ]:
        assert english not in page, english


@pytest.mark.django_db
def test_the_same_worksheet_page_in_english_is_untouched(cast):
    url = reverse("stages:worksheet", args=[cast.collaboration.pk, "account-for-resources"])
    page = _page(cast.client("partner"), url, HTTP_ACCEPT_LANGUAGE="en")
    assert "Account for Resources" in page and "Resource ledger" in page
    assert "Registro de recursos" not in page and "Hacer un inventario" not in page


@pytest.mark.django_db
def test_staff_see_the_spanish_beside_the_english_in_the_admin(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    tool = Tool.objects.get(slug="share-discretion")
    page = _page(client, reverse("admin:stages_tool_change", args=[tool.pk]))
    assert 'name="name_en"' in page and 'value="Share Discretion"' in page
    assert 'name="name_es"' in page and 'value="Compartir la facultad de decisión"' in page
    assert 'name="why_it_matters_es"' in page


@pytest.mark.django_db
def test_the_landing_page_shows_visitors_the_toolkit_in_their_language(client):
    spanish = _spanish()
    page = _page(client, "/", HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9")
    for tool in Tool.objects.all():
        assert spanish["stages.tool"][tool.slug]["name"] in page
        assert tool.name_en not in page
    for stage in Stage.objects.all():
        assert spanish["stages.stage"][stage.slug]["question"] in page
        assert stage.question_en not in page


@pytest.mark.django_db
def test_a_stage_page_in_spanish(cast):
    url = reverse("dashboards:stage", args=[cast.collaboration.pk, "implementation"])
    page = _page(cast.client("viewer"), url, HTTP_ACCEPT_LANGUAGE="es")
    stage = _spanish()["stages.stage"]["implementation"]
    assert stage["question"] in page and stage["summary"] in page
    assert "Sumar a un patrocinador o impulsor influyente" in page
    assert "How does our intersector collaboration achieve its goals?" not in page
    assert "Recruit a Powerful Sponsor or Champion" not in page
