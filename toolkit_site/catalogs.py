"""The translation catalogs: every `locale/<lang>/LC_MESSAGES/*.po` of the repository (the
site's own at the root, the toolkit's in `stages/locale`), compiled to `.mo` with Babel's
pure-Python compiler, so installing needs no system package.

    python -m toolkit_site.catalogs          # compile every catalog (`make install` runs it)
    python -m toolkit_site.catalogs --check  # untranslated, fuzzy or broken messages: exit 1
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", "staticfiles", ".git"}


def po_files(root: Path = ROOT) -> list[Path]:
    """The root's `locale/` and each app's, never installed packages' (`.venv`)."""
    found = list(root.glob("locale/*/LC_MESSAGES/*.po"))
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and folder.name not in SKIP and not folder.name.startswith("."):
            found += folder.rglob("locale/*/LC_MESSAGES/*.po")
    return sorted(set(found))


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def gaps(catalog: Catalog) -> list[str]:
    """Messages without a translation (any plural form empty) or marked fuzzy."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        name = message.id if isinstance(message.id, str) else message.id[0]
        if message.fuzzy:
            found.append(f"fuzzy: {name}")
        elif not all(strings):
            found.append(f"untranslated: {name}")
    return found


PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w+\}")
TAG = re.compile(r"</?[a-z][^>]*>")


def broken(catalog: Catalog) -> list[str]:
    """Translations that lose or invent a named placeholder (`%(name)s`, `{name}`) or change
    the HTML tags, in any plural form. A singular form may leave out the count ("Le queda 1
    carácter"). A bare "%" ("50% of") is text: the messages name every value they take."""
    found = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[0])) | set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            placeholders = set(PLACEHOLDER.findall(string))
            if not placeholders <= wanted or (len(strings) == 1 and placeholders != wanted):
                found.append(f"placeholders {sorted(placeholders)} for {sorted(wanted)}: {ids[0]}")
            if sorted(TAG.findall(ids[0])) != sorted(TAG.findall(string)):
                found.append(f"markup differs: {ids[0]}")
    return found


def _key(message) -> tuple[str | None, str | tuple[str, ...]]:
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))


def clashes(site: Catalog, app: Catalog) -> list[str]:
    """Messages translated one way in the site's catalog and another in an app's. Django
    reads the site's catalog (LOCALE_PATHS) first, so the app's translation would never show;
    one of the two needs a context (pgettext)."""
    ours = {_key(message): message.string for message in site if message.id}
    return [
        f"{message.id!r}: {ours[_key(message)]!r} hides {message.string!r}"
        for message in app
        if message.id and _key(message) in ours and ours[_key(message)] != message.string
    ]


def compile_all(root: Path = ROOT) -> list[Path]:
    """Write the `.mo` beside each `.po` (fuzzy messages left out, as gettext does)."""
    written = []
    for po in po_files(root):
        catalog = read(po)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo)
    return written


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = [f"{po.relative_to(ROOT)}: {gap}" for po in po_files() for gap in gaps(read(po))]
        print("\n".join(problems) or "Every message is translated.")
        return 1 if problems else 0
    for mo in compile_all():
        print(f"compiled {mo.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
