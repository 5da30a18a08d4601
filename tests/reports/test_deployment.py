"""How report files and background work are set up from the environment: the database task
worker by default, and an S3-compatible bucket when one is named."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from django.conf import settings

SHOW = (
    "import json; from django.conf import settings; "
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(json.dumps({'tasks': settings.TASKS['default']['BACKEND'], "
    "'storage': type(s).__module__ + '.' + type(s).__name__, "
    "'bucket': getattr(s, 'bucket_name', None), 'endpoint': getattr(s, 'endpoint_url', None), "
    "'location': getattr(s, 'location', None), 'acl': getattr(s, 'default_acl', 'none')}))"
)


def _settings(env: dict) -> dict:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TASKS_"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW],
        cwd=settings.BASE_DIR,
        env={**keep, "DJANGO_SETTINGS_MODULE": "toolkit_site.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_by_default_tasks_go_to_the_database_worker_and_files_to_local_media():
    shown = _settings({})
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"
    assert shown["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"


def test_a_named_bucket_keeps_files_in_an_s3_compatible_store():
    shown = _settings(
        {
            "AWS_STORAGE_BUCKET_NAME": "intersector-files",
            "AWS_S3_ENDPOINT_URL": "https://objects.example.org",
            "AWS_LOCATION": "production",
        }
    )
    assert shown["storage"] == "storages.backends.s3.S3Storage"
    assert shown["bucket"] == "intersector-files"
    assert shown["endpoint"] == "https://objects.example.org"
    assert shown["location"] == "production"
    assert shown["acl"] is None


def test_tasks_can_run_inside_the_request_when_asked():
    assert _settings({"TASKS_BACKEND": "immediate"})["tasks"] == (
        "django.tasks.backends.immediate.ImmediateBackend"
    )
