"""WSGI entry point: `gunicorn toolkit_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

from toolkit_site.memory import keep_freed_memory

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit_site.settings")
keep_freed_memory()

application = get_wsgi_application()
