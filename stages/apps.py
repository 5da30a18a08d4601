from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StagesConfig(AppConfig):
    name = "stages"
    verbose_name = _("Stages and tools")

    def ready(self) -> None:
        from stages import catalog  # noqa: F401  (forgets the kept toolkit when it changes)
