"""Findings out of the app: JSON for tools, XLSX for the team that corrects the data.

One row per finding with where it is, what is printed, what it should be, the
formula assumed, and whether the team accepted it and why, so a spreadsheet of
findings can be sorted, filtered and worked through.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from sakip.kinerja.periksa.temuan import URUTAN_TINGKAT, Temuan
from sakip.periksa.models import PenerimaanTemuan

# (header, width in characters)
KOLOM_XLSX = (
    ("Tingkat", 11),
    ("Kode", 26),
    ("Tabel", 24),
    ("Baris", 7),
    ("Uraian", 40),
    ("Kolom", 18),
    ("Baris berkas", 8),
    ("Pesan", 80),
    ("Tercetak", 18),
    ("Seharusnya", 18),
    ("Rumus", 30),
    ("Diterima", 9),
    ("Alasan diterima", 40),
    ("Tautan", 30),
    ("Sidik", 18),
)


def ringkasan(
    temuan: Iterable[Temuan], penerimaan: Mapping[str, PenerimaanTemuan] | None = None
) -> dict[str, int]:
    """Findings per severity (``galat``, ``peringatan``, ``catatan``) and ``diterima``."""
    daftar = list(temuan)
    jumlah = Counter(t.tingkat.value for t in daftar)
    hasil = {t.value: jumlah.get(t.value, 0) for t in URUTAN_TINGKAT}
    hasil["diterima"] = sum(1 for t in daftar if penerimaan and t.sidik in penerimaan)
    return hasil


def ke_json(
    temuan: Iterable[Temuan], penerimaan: Mapping[str, PenerimaanTemuan] | None = None
) -> str:
    """The findings as a JSON document: a summary and one object per finding."""
    daftar = list(temuan)
    baris = []
    for t in daftar:
        d = t.sebagai_dict()
        p = penerimaan.get(t.sidik) if penerimaan else None
        d["diterima"] = (
            None
            if p is None
            else {
                "alasan": p.alasan,
                "oleh": p.diterima_oleh.get_username() if p.diterima_oleh else None,
                "pada": p.diterima_pada.isoformat(),
            }
        )
        baris.append(d)
    return json.dumps(
        {"ringkasan": ringkasan(daftar, penerimaan), "temuan": baris},
        ensure_ascii=False,
        indent=2,
    )


def ke_xlsx(
    temuan: Iterable[Temuan],
    penerimaan: Mapping[str, PenerimaanTemuan] | None = None,
    judul: str = "",
) -> bytes:
    """The findings as a workbook: one row per finding, bold frozen header, autofilter."""
    buku = Workbook()
    lembar = buku.active
    assert lembar is not None
    lembar.title = "Temuan"
    awal = 1
    if judul:
        lembar.cell(row=1, column=1, value=judul).font = Font(bold=True, size=12)
        awal = 3
    for c, (nama, lebar) in enumerate(KOLOM_XLSX, start=1):
        sel = lembar.cell(row=awal, column=c, value=nama)
        sel.font = Font(bold=True)
        lembar.column_dimensions[get_column_letter(c)].width = lebar
    bungkus = Alignment(wrap_text=True, vertical="top")
    daftar = list(temuan)
    for r, t in enumerate(daftar, start=awal + 1):
        p = penerimaan.get(t.sidik) if penerimaan else None
        nilai = (
            t.tingkat.label,
            t.kode,
            t.lokasi.tabel,
            t.lokasi.baris,
            t.lokasi.uraian,
            t.lokasi.kolom,
            t.lokasi.baris_berkas,
            t.pesan,
            t.tercetak,
            t.seharusnya,
            t.rumus,
            "ya" if p else "tidak",
            p.alasan if p else None,
            t.lokasi.tautan,
            t.sidik,
        )
        for c, v in enumerate(nilai, start=1):
            sel = lembar.cell(row=r, column=c, value=v)
            sel.alignment = bungkus
    lembar.freeze_panes = lembar.cell(row=awal + 1, column=1)
    akhir = get_column_letter(len(KOLOM_XLSX))
    lembar.auto_filter.ref = f"A{awal}:{akhir}{awal + max(len(daftar), 1)}"
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()
