"""``sakip kirim_pengingat``: e-mail units still missing data of the TW that is due."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sakip.core.pengingat import kirim_pengingat


class Command(BaseCommand):
    help = (
        "Mengirim e-mail pengingat kepada operator unit yang isian triwulannya belum lengkap "
        "menjelang tenggat. Jalankan sekali sehari (cron/systemd timer)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tanggal", help="hitung seolah-olah hari ini tanggal ini (YYYY-MM-DD), untuk uji"
        )
        parser.add_argument(
            "--coba", action="store_true", help="tampilkan siapa yang akan dikirimi, tanpa mengirim"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        hari_ini = timezone.localdate()
        if options["tanggal"]:
            try:
                hari_ini = dt.date.fromisoformat(options["tanggal"])
            except ValueError as exc:
                raise CommandError(
                    f"--tanggal {options['tanggal']!r}: gunakan bentuk YYYY-MM-DD, mis. 2026-10-03."
                ) from exc
        terkirim = kirim_pengingat(hari_ini, kirim=not options["coba"])
        kata = "akan dikirim" if options["coba"] else "terkirim"
        for p, alamat in terkirim:
            self.stdout.write(f"{p.unit.slug}: {p.pesan} → {', '.join(alamat)}")
        self.stdout.write(f"{len(terkirim)} pengingat {kata}.")
