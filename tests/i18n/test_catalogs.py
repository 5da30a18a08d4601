"""The catalogs have a gap nowhere: every message of every `.po` in the repository translated
and not fuzzy, and every catalog up to date with the code and templates, so a string added
without a translation fails here."""

from __future__ import annotations

import ast
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from django.conf import settings

from toolkit_site import catalogs

ROOT = Path(settings.BASE_DIR)
PO_FILES = catalogs.po_files(ROOT)
# What the copy for extraction leaves out: installed packages, built files, local data.
NOT_SOURCE = [".git", ".venv", "node_modules", "staticfiles", "media", "*.sqlite3*", "*.mo"]
NOT_SOURCE += ["__pycache__", ".pytest_cache", ".ruff_cache", "test-results"]


def _keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {
        (message.context, message.id if isinstance(message.id, str) else message.id[0])
        for message in catalog
        if message.id
    }


def test_the_site_has_a_spanish_catalog():
    assert ROOT / "locale/es/LC_MESSAGES/django.po" in PO_FILES


@pytest.mark.parametrize("po", PO_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_message_is_translated_and_none_is_fuzzy(po: Path):
    assert catalogs.gaps(catalogs.read(po)) == []


def test_a_gap_is_found():
    """The check above on a catalog with one message untranslated, one fuzzy and one plural
    missing a form."""
    text = """
msgid ""
msgstr ""
"Language: es\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Save"
msgstr "Guardar"

msgid "Sign out"
msgstr ""

#, fuzzy
msgid "Dashboard"
msgstr "Tablero"

msgid "%(count)s member"
msgid_plural "%(count)s members"
msgstr[0] "%(count)s miembro"
msgstr[1] ""
"""
    found = catalogs.gaps(read_po(io.StringIO(text)))
    assert found == [
        "untranslated: Sign out",
        "fuzzy: Dashboard",
        "untranslated: %(count)s member",
    ]


SITE_PO = ROOT / "locale/es/LC_MESSAGES/django.po"
APP_POS = [po for po in PO_FILES if po.parent != SITE_PO.parent]


def test_the_sites_catalog_never_hides_an_apps_translation():
    site = catalogs.read(SITE_PO)
    assert [clash for po in APP_POS for clash in catalogs.clashes(site, catalogs.read(po))] == []


def test_a_hidden_translation_is_found():
    site = read_po(
        io.StringIO('msgid "Partner"\nmsgstr "Socio(a)"\n\nmsgid "Save"\nmsgstr "Guardar"\n')
    )
    app = read_po(
        io.StringIO('msgid "Partner"\nmsgstr "Socio"\n\nmsgid "Save"\nmsgstr "Guardar"\n')
    )
    assert catalogs.clashes(site, app) == ["'Partner': 'Socio(a)' hides 'Socio'"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """A copy of the repository's source with its catalogs gathered afresh, as `make messages`
    does (Django's makemessages with GNU gettext)."""
    assert shutil.which("xgettext"), "GNU gettext is needed: `make install-dev` installs it"
    copy = tmp_path_factory.mktemp("source") / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    # The toolkit's strings have a catalog of their own, as `make messages` arranges.
    (copy / "stages" / "locale").mkdir(exist_ok=True)
    command = [sys.executable, "manage.py", "makemessages", "--locale", "es"]
    command += ["--no-obsolete", "--no-location"]
    subprocess.run(command, cwd=copy, check=True, capture_output=True, text=True)
    return copy


@pytest.mark.parametrize("po", PO_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_catalog_holds_exactly_the_messages_of_the_code(extracted: Path, po: Path):
    """Run `make messages` and translate what is new when this fails."""
    fresh = _keys(catalogs.read(extracted / po.relative_to(ROOT)))
    kept = _keys(catalogs.read(po))
    assert sorted(fresh - kept, key=str) == [], "messages in the code missing from the catalog"
    assert sorted(kept - fresh, key=str) == [], "messages in the catalog no longer in the code"


def test_a_new_message_in_a_template_is_noticed(extracted: Path, tmp_path: Path):
    """The extraction above sees a string added to a template: the comparison would fail."""
    copy = tmp_path / "repo"
    shutil.copytree(extracted, copy)
    template = copy / "templates" / "home.html"
    template.write_text(template.read_text() + '{% translate "A sentence nobody translated" %}\n')
    command = [sys.executable, "manage.py", "makemessages", "--locale", "es", "--no-location"]
    subprocess.run(command, cwd=copy, check=True, capture_output=True, text=True)
    fresh = _keys(catalogs.read(copy / "locale/es/LC_MESSAGES/django.po"))
    assert (None, "A sentence nobody translated") in fresh
    assert (None, "A sentence nobody translated") not in _keys(
        catalogs.read(ROOT / "locale/es/LC_MESSAGES/django.po")
    )


def test_placeholders_and_markup_survive_translation():
    """Every translation keeps its message's named placeholders and HTML tags."""
    assert [f"{po.name}: {p}" for po in PO_FILES for p in catalogs.broken(catalogs.read(po))] == []


def test_a_lost_placeholder_or_tag_is_found():
    text = """
msgid "Welcome to %(name)s."
msgstr "Bienvenido."

msgid "Mention <code>%(id)s</code>."
msgstr "Mencione %(id)s."

msgid "%(counter)s member"
msgid_plural "%(counter)s members"
msgstr[0] "un miembro"
msgstr[1] "%(count)s miembros"
"""
    assert catalogs.broken(read_po(io.StringIO(text))) == [
        "placeholders [] for ['%(name)s']: Welcome to %(name)s.",
        "markup differs: Mention <code>%(id)s</code>.",
        "placeholders ['%(count)s'] for ['%(counter)s']: %(counter)s member",
    ]


TRANSLATING = {"_", "gettext", "ngettext", "pgettext", "npgettext", "gettext_lazy"}


def hidden_messages(source: str) -> list[int]:
    """Lines of `source` where a message is translated inside an f-string's braces, where
    the extraction (xgettext) never looks: it would reach no catalog and show untranslated."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in TRANSLATING
                ):
                    lines.append(inner.lineno)
    return lines


def test_no_message_is_translated_inside_an_f_string():
    hidden = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(ROOT.rglob("*.py"))
        if not {".venv", "node_modules"} & set(path.relative_to(ROOT).parts)
        for line in hidden_messages(path.read_text())
    ]
    assert hidden == []


def test_a_message_inside_an_f_string_is_found():
    assert hidden_messages('label = f"{_(\'Support\')}: {name}"\nok = _("Support")\n') == [1]


def shown_otherwise(catalog: Catalog, translate) -> list[str]:
    """Messages of `catalog` that `translate` (msgid, context → text) does not give its
    translation, because a catalog loaded before it (an installed app's, such as the admin's)
    has the same message."""
    return [
        f"{message.id!r}: shown as {shown!r}, not {message.string!r}"
        for message in catalog
        if message.id and isinstance(message.id, str) and message.string
        if (shown := translate(message.id, message.context)) != message.string
    ]


@pytest.mark.parametrize("po", PO_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_translation_is_the_one_shown(po: Path):
    from django.utils import translation

    def translate(message: str, context: str | None) -> str:
        with translation.override("es"):
            if context:
                return translation.pgettext(context, message)
            return translation.gettext(message)

    assert shown_otherwise(catalogs.read(po), translate) == []


def test_a_translation_shown_otherwise_is_found():
    app = read_po(io.StringIO('msgid "Changed:"\nmsgstr "Cambió:"\n'))
    assert shown_otherwise(app, lambda message, context: "Modificado:") == [
        "'Changed:': shown as 'Modificado:', not 'Cambió:'"
    ]
