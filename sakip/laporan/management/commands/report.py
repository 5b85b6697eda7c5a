"""``sakip report --unit U --year Y --format docx|pdf|html|xlsx -o FILE``: the LKjIP from stored data."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sakip.laporan.services import FORMAT, LaporanError, buat_laporan, finalisasi
from sakip.organisasi.models import Unit


class BilahKemajuan:
    """A one-line progress bar on a terminal; plain lines when the output is a file or pipe."""

    LEBAR = 30

    def __init__(self, keluar: TextIO, diam: bool = False) -> None:
        self.keluar = keluar
        self.diam = diam
        self.tty = keluar.isatty()
        self.mulai = time.monotonic()
        self.tahap_lalu = ""

    def __call__(self, persen: int, tahap: str) -> None:
        if self.diam:
            return
        if self.tty:
            isi = self.LEBAR * persen // 100
            self.keluar.write(
                f"\r[{'#' * isi}{' ' * (self.LEBAR - isi)}] {persen:3d}% {tahap[:50]:<50}"
            )
            if persen >= 100:
                self.keluar.write("\n")
        elif tahap != self.tahap_lalu:
            self.keluar.write(f"{persen:3d}% {tahap}\n")
        self.tahap_lalu = tahap
        self.keluar.flush()


class Command(BaseCommand):
    help = "Menyusun LKjIP sebuah unit dari data tersimpan (DOCX, PDF, HTML atau XLSX)."
    # The system checks cost a tenth of a second on every run and `sakip check` does them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="slug unit, mis. setda-kaltim")
        parser.add_argument("--year", type=int, required=True, help="tahun laporan")
        parser.add_argument("--format", choices=sorted(FORMAT), default="docx")
        parser.add_argument(
            "-o", "--output", help="berkas keluaran (bawaan: nama baku di folder ini)"
        )
        parser.add_argument(
            "--verified-only",
            action="store_true",
            help="hanya data terverifikasi (tanpa tanda DRAF), seperti laporan final",
        )
        parser.add_argument(
            "--as-of",
            help="susun dari data sebagaimana pada waktu itu (ISO 8601, mis. 2025-02-01T12:00)",
        )
        parser.add_argument(
            "--finalise",
            action="store_true",
            help="simpan sebagai laporan final (tidak dapat diubah) lalu tulis DOCX-nya",
        )
        parser.add_argument("--quiet", action="store_true", help="tanpa bilah kemajuan")

    def handle(self, *args: Any, **o: Any) -> None:
        unit = Unit.objects.filter(slug=o["unit"]).first()
        if unit is None:
            raise CommandError(f"Unit {o['unit']!r} tidak ada. Lihat daftar slug di admin → Unit.")
        pada = None
        if o["as_of"]:
            try:
                pada = dt.datetime.fromisoformat(o["as_of"])
            except ValueError as exc:
                raise CommandError(f"--as-of {o['as_of']!r}: bukan waktu ISO 8601.") from exc
            if timezone.is_naive(pada):
                pada = timezone.make_aware(pada)
        bilah = BilahKemajuan(sys.stderr, diam=o["quiet"])
        try:
            if o["finalise"]:
                final = finalisasi(unit, o["year"], kemajuan=bilah)
                isi, nama = bytes(final.isi), final.nama_berkas
                catatan = f"final revisi {final.revisi}, SHA-256 {final.sha256}"
            else:
                hasil = buat_laporan(
                    unit,
                    o["year"],
                    o["format"],
                    hanya_terverifikasi=o["verified_only"],
                    pada=pada,
                    kemajuan=bilah,
                )
                isi, nama, catatan = hasil.isi, hasil.nama_berkas, ""
        except LaporanError as exc:
            raise CommandError(str(exc)) from exc
        tujuan = Path(o["output"] or nama)
        tujuan.write_bytes(isi)
        self.stdout.write(
            self.style.SUCCESS(
                f"{tujuan} ditulis ({len(isi) / 1024:.0f} KB){'; ' + catatan if catatan else ''}."
            )
        )
