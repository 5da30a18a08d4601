from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demonstration and benchmark data; sits on top of every other app, imported by none."""

    name = "demo"
    verbose_name = "Demo and benchmark data"
