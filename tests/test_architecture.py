"""The apps depend on each other in one direction only, bottom up (see INSTALLED_APPS):
`collaborations` knows no other app, `stages` uses it, `charts` is a library for those above,
and `demo` sits on top where nothing imports it. A new import or URL name that points upward
or sideways, or makes a cycle, fails here. The site's own templates (`templates/_*.html`,
`base.html`) wire the apps together and may link to any of them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Each app with the apps it may use. Apps on one level do not use each other.
LEVELS = {
    "collaborations": 0,
    "stages": 1,
    "charts": 2,
    "support": 3,
    "health": 3,
    "dashboards": 4,
    "reports": 5,
    "transfer": 6,
    "notifications": 5,
    "demo": 6,
}


def _imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found & LEVELS.keys()


def import_violations(root: Path) -> list[str]:
    problems = []
    for app, level in LEVELS.items():
        for path in sorted((root / app).rglob("*.py")):
            for other in sorted(_imported_apps(path) - {app}):
                if LEVELS[other] >= level:
                    problems.append(f"{path.relative_to(root)} imports {other}")
    return problems


URL_NAME = re.compile(r"""(?:\{% url |reverse\(|redirect\()\s*['"]([a-z_]+):""")


def url_violations(root: Path) -> list[str]:
    """URL names (`app:name`) that an app's code or templates use from an app above it."""
    problems = []
    for app, level in LEVELS.items():
        places = [*(root / app).rglob("*.py"), *(root / "templates" / app).rglob("*.html")]
        places += list((root / app).rglob("*.html"))
        for path in sorted(places):
            for other in sorted(set(URL_NAME.findall(path.read_text())) & LEVELS.keys()):
                if other != app and LEVELS[other] >= level:
                    problems.append(f"{path.relative_to(root)} names a URL of {other}")
    return problems


def test_every_project_app_has_a_level():
    project_apps = {
        app for app in settings.INSTALLED_APPS if "." not in app and (ROOT / app).is_dir()
    }
    assert project_apps == LEVELS.keys()


def test_apps_import_only_apps_below_them():
    assert import_violations(ROOT) == []


def test_apps_name_only_urls_of_apps_below_them():
    assert url_violations(ROOT) == []


@pytest.mark.parametrize(
    ("app", "code", "expected"),
    [
        ("collaborations", "from stages.models import Tool\n", "imports stages"),
        ("health", "import support.summary\n", "imports support"),
        ("charts", "from dashboards.progress import stage_progress\n", "imports dashboards"),
    ],
)
def test_an_upward_import_is_caught(tmp_path, app, code, expected):
    (tmp_path / app).mkdir()
    (tmp_path / app / "upward.py").write_text(code)
    assert [f"{app}/upward.py {expected}"] == import_violations(tmp_path)


def test_an_upward_url_name_is_caught(tmp_path):
    (tmp_path / "templates" / "collaborations").mkdir(parents=True)
    (tmp_path / "templates" / "collaborations" / "page.html").write_text(
        "<a href=\"{% url 'stages:worksheet' 1 'x' %}\">x</a>"
    )
    assert url_violations(tmp_path) == ["templates/collaborations/page.html names a URL of stages"]
