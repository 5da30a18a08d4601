import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Collaboration report")

    def ready(self) -> None:
        # WeasyPrint logs every step of every rendering ("Step 4 - Creating pages") at INFO;
        # keep its warnings (a refused URL, a CSS error), not its progress.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
