"""Test settings: the real settings with a fast password hasher and plain static storage."""

import os

from toolkit_site.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    # Report PDFs made in tests stay in memory: nothing is written outside the repository.
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WHITENOISE_AUTOREFRESH = True

# Concurrency tests run many requests at once against the live server. An in-memory SQLite
# test database would be one connection shared by every server thread; a file gives each
# thread its own connection, with the same WAL mode and IMMEDIATE transactions as production.
# One file per test run, so two runs at once (say, the browser tests beside the rest) never
# share it; Django deletes it when the run ends.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _name = BASE_DIR / f"test-db-{os.getpid()}.sqlite3"  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(_name)}  # noqa: F405
# Tasks run inside the request, so a test sees their outcome at once.
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "reports"],
    }
}
