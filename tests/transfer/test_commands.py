"""`export_collaboration` and `import_collaboration` from the command line."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from collaborations.models import Collaboration
from tests.factories import make_user
from tests.transfer.helpers import fill_everything

pytestmark = pytest.mark.django_db


def _export(cast, tmp_path) -> str:
    path = tmp_path / "collaboration.json"
    call_command(
        "export_collaboration", cast.collaboration.pk, "--output", str(path), stderr=StringIO()
    )
    return str(path)


def test_export_then_import_on_the_command_line(cast, tmp_path):
    fill_everything(cast)
    path = _export(cast, tmp_path)
    out = StringIO()
    call_command("import_collaboration", path, stdout=out)
    new = Collaboration.objects.exclude(pk=cast.collaboration.pk).get()
    assert f"Imported “Riverside Youth Jobs” as collaboration {new.pk}." in out.getvalue()
    assert new.worksheets.count() == 3
    assert "without an account" not in out.getvalue()


def test_import_lists_unknown_people_and_warns_when_nobody_facilitates(cast, tmp_path):
    fill_everything(cast)
    path = _export(cast, tmp_path)
    # The same people, known by other addresses in the other installation.
    text = Path(path).read_text(encoding="utf-8").replace("@example.org", "@elsewhere.org")
    (tmp_path / "elsewhere.json").write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_collaboration", str(tmp_path / "elsewhere.json"), stdout=out)
    text = out.getvalue()
    assert "fac@elsewhere.org: member (facilitator)" in text
    assert "part@elsewhere.org" in text
    assert "Nobody here facilitates it yet" in text
    assert "2 health checks by people without an account here were left out." in text


def test_import_can_name_a_facilitator(cast, tmp_path):
    path = _export(cast, tmp_path)
    someone = make_user("Head@Example.org")
    call_command(
        "import_collaboration", path, "--facilitator", "head@example.org", stdout=StringIO()
    )
    new = Collaboration.objects.exclude(pk=cast.collaboration.pk).get()
    assert new.memberships.get(user=someone).role == "facilitator"


def test_a_file_of_another_format_version_is_refused(cast, tmp_path):
    path = _export(cast, tmp_path)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["version"] = 99
    (tmp_path / "future.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match="format version 99; this installation reads version 1"):
        call_command("import_collaboration", str(tmp_path / "future.json"))
    assert Collaboration.objects.count() == 1


def test_files_that_are_not_exports_are_refused(tmp_path, db):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(CommandError, match="is not a JSON file"):
        call_command("import_collaboration", str(tmp_path / "notes.txt"))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_collaboration", str(tmp_path / "missing.json"))
    with pytest.raises(CommandError, match="There is no collaboration 424242"):
        call_command("export_collaboration", 424242, "--output", str(tmp_path / "x.json"))


def test_an_unknown_facilitator_is_refused(cast, tmp_path):
    path = _export(cast, tmp_path)
    with pytest.raises(CommandError, match=r"no account with the address nobody@example\.org"):
        call_command("import_collaboration", path, "--facilitator", "nobody@example.org")


def test_a_damaged_file_is_refused_with_a_message_instead_of_a_traceback(cast, tmp_path):
    """A date that cannot exist, such as 30 February, is named in the message and nothing is
    imported."""
    fill_everything(cast)
    path = _export(cast, tmp_path)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["measurements"][0]["date"] = "2026-02-30"
    (tmp_path / "damaged.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match="'2026-02-30' is not a date"):
        call_command("import_collaboration", str(tmp_path / "damaged.json"), stdout=StringIO())
    assert Collaboration.objects.count() == 1
