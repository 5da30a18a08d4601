from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationsConfig(AppConfig):
    name = "collaborations"
    verbose_name = _("Collaborations")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from collaborations import language

        # Django's sign-in hook: the one moment a person's language preference is read into
        # their session (see collaborations.language).
        user_logged_in.connect(language.signed_in, dispatch_uid="collaborations.language")
