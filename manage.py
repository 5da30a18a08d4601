#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit_site.settings")
    from django.core.management import execute_from_command_line

    from toolkit_site.memory import keep_freed_memory

    keep_freed_memory()

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
