"""WSGI entry point: `gunicorn toolkit_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit_site.settings")

application = get_wsgi_application()
