"""``sakip template FILE.xlsx``: the blank import workbook with its instructions sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sakip.impor.berkas import tulis_xlsx


class Command(BaseCommand):
    help = "Menulis templat Excel kosong untuk impor."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas")

    def handle(self, *args: Any, **options: Any) -> None:
        Path(options["berkas"]).write_bytes(tulis_xlsx({}, kosong=True))
        self.stdout.write(self.style.SUCCESS(f"Templat ditulis ke {options['berkas']}."))
