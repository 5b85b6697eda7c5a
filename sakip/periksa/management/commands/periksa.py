"""``sakip periksa FILE | --unit U --year Y``: consistency checks on a report or on stored data."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sakip.kinerja.periksa.dokumen import Dokumen
from sakip.kinerja.periksa.temuan import URUTAN_TINGKAT, Temuan, Tingkat
from sakip.organisasi.models import Unit
from sakip.periksa.ekspor import ke_json, ke_xlsx, ringkasan
from sakip.periksa.models import PenerimaanTemuan

EKSTENSI_TEKS = {".txt", ".md", ".markdown"}


def baca_dokumen(jalur: Path) -> Dokumen:
    """Read an LKjIP from a .txt/.md file (markdown or tab tables) or from a .docx."""
    if not jalur.is_file():
        raise CommandError(f"Berkas {jalur} tidak ada.")
    akhiran = jalur.suffix.lower()
    try:
        if akhiran in EKSTENSI_TEKS:
            from sakip.kinerja.periksa.baca_teks import baca_teks

            return baca_teks(jalur.read_text(encoding="utf-8"), jalur.name)
        if akhiran == ".docx":
            # Written elsewhere (the DOCX reader of the report app); imported only when needed.
            from sakip.laporan.baca_docx import baca_docx

            return baca_docx(jalur.read_bytes(), jalur.name)
    except Exception as exc:  # a corrupt DOCX raises whatever its zip/XML layer raises
        raise CommandError(f"Berkas {jalur} tidak dapat dibaca: {exc}") from exc
    raise CommandError(
        f"Berkas {jalur}: jenis {akhiran or '(tanpa ekstensi)'} tidak dikenal; "
        "gunakan .txt, .md atau .docx."
    )


class Command(BaseCommand):
    help = (
        "Memeriksa konsistensi sebuah LKjIP (berkas .txt/.md/.docx) atau data tersimpan sebuah "
        "unit (--unit, --year): jumlah, rata-rata, capaian, predikat, tahun, realisasi kosong, "
        "capaian ekstrem tanpa penjelasan, realisasi anggaran di atas pagu, dan lain-lain. "
        "Status keluar 1 bila ada temuan tingkat galat yang belum diterima; 0 bila tidak."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("berkas", nargs="?", help="LKjIP yang diperiksa (.txt, .md, .docx)")
        parser.add_argument("--unit", help="slug unit yang data tersimpannya diperiksa")
        parser.add_argument("--year", type=int, help="tahun data yang diperiksa (dengan --unit)")
        parser.add_argument(
            "--kode",
            action="append",
            help="hanya pemeriksaan berkode ini (boleh diulang atau dipisah koma)",
        )
        parser.add_argument(
            "--laporan",
            action="store_true",
            help="dengan --unit: periksa juga LKjIP unit itu sebagaimana disusun sekarang",
        )
        parser.add_argument("--xlsx", help="tulis temuan ke berkas XLSX ini")
        parser.add_argument("--json", help="tulis temuan ke berkas JSON ini")

    def handle(self, *args: Any, **o: Any) -> None:
        kode = [k.strip() for v in o["kode"] or [] for k in v.split(",") if k.strip()] or None
        penerimaan: dict[str, PenerimaanTemuan] = {}
        if o["berkas"]:
            if o["unit"] or o["year"] or o["laporan"]:
                raise CommandError("Pilih salah satu: BERKAS, atau --unit dengan --year.")
            from sakip.kinerja.periksa.lkjip import periksa_dokumen

            dokumen = baca_dokumen(Path(o["berkas"]))
            temuan = periksa_dokumen(dokumen, kode)
            judul = f"Pemeriksaan {Path(o['berkas']).name}"
        elif o["unit"] and o["year"]:
            from sakip.periksa.selectors import penerimaan as ambil_penerimaan
            from sakip.periksa.selectors import temuan_data

            unit = Unit.objects.filter(slug=o["unit"]).first()
            if unit is None:
                raise CommandError(
                    f"Unit {o['unit']!r} tidak ada. Lihat daftar slug di admin → Unit."
                )
            temuan = temuan_data(unit, o["year"], kode)
            if o["laporan"]:
                from sakip.kinerja.periksa.temuan import urutkan
                from sakip.laporan.periksa import temuan_laporan

                pilihan = set(kode) if kode else None
                temuan = urutkan(
                    [
                        *temuan,
                        *(
                            t
                            for t in temuan_laporan(unit, o["year"])
                            if pilihan is None or t.kode in pilihan
                        ),
                    ]
                )
            penerimaan = ambil_penerimaan(unit, o["year"])
            judul = f"Pemeriksaan data {unit.nama} tahun {o['year']}"
        else:
            raise CommandError("Sebutkan BERKAS, atau --unit dengan --year.")

        self.cetak(judul, temuan, penerimaan)
        if o["xlsx"]:
            Path(o["xlsx"]).write_bytes(ke_xlsx(temuan, penerimaan, judul))
            self.stdout.write(f"{o['xlsx']} ditulis.")
        if o["json"]:
            Path(o["json"]).write_text(ke_json(temuan, penerimaan), encoding="utf-8")
            self.stdout.write(f"{o['json']} ditulis.")
        if any(t.tingkat is Tingkat.GALAT and t.sidik not in penerimaan for t in temuan):
            sys.exit(1)

    def cetak(self, judul: str, temuan: list[Temuan], penerimaan: dict[str, Any]) -> None:
        self.stdout.write(judul)
        gaya = {
            Tingkat.GALAT: self.style.ERROR,
            Tingkat.PERINGATAN: self.style.WARNING,
            Tingkat.CATATAN: self.style.NOTICE,
        }
        for tingkat in URUTAN_TINGKAT:
            milik = [t for t in temuan if t.tingkat is tingkat]
            if not milik:
                continue
            self.stdout.write("")
            self.stdout.write(gaya[tingkat](f"{tingkat.label} ({len(milik)})"))
            for t in milik:
                tanda = " [diterima]" if t.sidik in penerimaan else ""
                self.stdout.write(f"- {t.kode}{tanda} · {t.lokasi}")
                self.stdout.write(f"  {t.pesan}")
                if t.sidik in penerimaan:
                    self.stdout.write(f"  Alasan diterima: {penerimaan[t.sidik].alasan}")
        r = ringkasan(temuan, penerimaan)
        self.stdout.write("")
        self.stdout.write(
            f"Ringkasan: {len(temuan)} temuan — {r['galat']} galat, {r['peringatan']} "
            f"peringatan, {r['catatan']} catatan; {r['diterima']} diterima."
        )
