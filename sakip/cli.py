"""The ``sakip`` command: the project's manage.py.

Every Django management command works through it (``sakip migrate``,
``sakip createsuperuser``); the project's own commands may be written with
hyphens as in the docs (``sakip load-demo`` runs ``load_demo``).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "sakip"

    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
