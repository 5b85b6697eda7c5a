"""``sakip import FILE``: import a dataset (YAML, JSON or Excel) in one transaction."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sakip.impor.berkas import baca_berkas
from sakip.impor.services import ImporGagal, import_dataset


class Command(BaseCommand):
    help = "Mengimpor dataset (.yaml, .json, .xlsx); utuh atau tidak sama sekali."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas")
        parser.add_argument(
            "--sebagai",
            metavar="USERNAME",
            help="impor dengan hak pengguna ini (tanpa opsi: hak penuh baris perintah)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = None
        if options["sebagai"]:
            user = get_user_model().objects.filter(username=options["sebagai"]).first()
            if user is None:
                raise CommandError(f"Pengguna {options['sebagai']!r} tidak ada.")
        ds = baca_berkas(options["berkas"])
        try:
            hasil = import_dataset(ds, user)
        except ImporGagal as gagal:
            for g in gagal.galat:
                self.stderr.write(f"- {g}")
            raise CommandError(
                f"Impor dibatalkan: {len(gagal.galat)} kesalahan; tidak ada data yang disimpan."
            ) from gagal
        rincian = ", ".join(f"{n} {lembar}" for lembar, n in hasil.jumlah.items())
        self.stdout.write(self.style.SUCCESS(f"Impor berhasil: {hasil.total} baris ({rincian})."))
