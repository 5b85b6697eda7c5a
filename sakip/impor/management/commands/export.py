"""``sakip export --unit U [--year Y] FILE``: write a unit's data as YAML, JSON or Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sakip.impor.berkas import tulis_json, tulis_xlsx, tulis_yaml
from sakip.impor.ekspor import export_dataset
from sakip.organisasi.models import Unit


class Command(BaseCommand):
    help = "Mengekspor data sebuah unit (beserta unit di bawahnya) ke .yaml, .json atau .xlsx."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas")
        parser.add_argument("--unit", required=True, help="slug unit, misalnya setda-kaltim")
        parser.add_argument(
            "--year", "--tahun", dest="tahun", type=int, help="hanya data tahun ini"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        unit = Unit.objects.filter(slug=options["unit"]).first()
        if unit is None:
            raise CommandError(f"Unit {options['unit']!r} tidak ada.")
        data = export_dataset(unit, options["tahun"])
        jalur = Path(options["berkas"])
        akhiran = jalur.suffix.lower()
        if akhiran in {".yaml", ".yml"}:
            jalur.write_text(tulis_yaml(data), encoding="utf-8")
        elif akhiran == ".json":
            jalur.write_text(tulis_json(data), encoding="utf-8")
        elif akhiran == ".xlsx":
            jalur.write_bytes(tulis_xlsx(data))
        else:
            raise CommandError("Gunakan akhiran .yaml, .json atau .xlsx.")
        jumlah = sum(len(v) for v in data.values())
        self.stdout.write(self.style.SUCCESS(f"Ekspor {jumlah} baris ke {jalur}."))
