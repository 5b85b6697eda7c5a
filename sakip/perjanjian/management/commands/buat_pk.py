"""``sakip buat-pk --unit U --year Y``: draft a unit's PK for a year from its Renstra."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sakip.organisasi.models import Unit
from sakip.pengukuran.services import DitolakError
from sakip.perjanjian.services import buat_pk


class Command(BaseCommand):
    help = "Menyusun draf Perjanjian Kinerja dari target Renstra tahun itu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="slug unit, mis. kaltim-biro-hukum")
        parser.add_argument("--year", type=int, required=True, help="tahun PK")

    def handle(self, *args: Any, **options: Any) -> None:
        unit = Unit.objects.filter(slug=options["unit"]).first()
        if unit is None:
            raise CommandError(f"Unit {options['unit']!r} tidak ada.")
        try:
            pk = buat_pk(unit, options["year"])
        except DitolakError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{pk} dibuat sebagai draf: {pk.target.count()} target, "
                f"{pk.anggaran.count()} program beranggaran."
            )
        )
