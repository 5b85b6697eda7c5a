"""The public tables as workbooks: numbers as numbers, so readers can check them with formulas."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from sakip.kinerja import KinerjaError, parse_target
from sakip.publik.selectors import DaftarIKU, DokumenPK

JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMAT_DESIMAL = "#,##0.##"
FORMAT_RUPIAH = '"Rp "#,##0'


def nilai_sel(teks: str | None) -> Decimal | str | None:
    """A target as a cell: the number when it is one ("100,00" → 100), the text otherwise ("BB", "3 ± 1")."""
    if not teks:
        return None
    try:
        nilai = parse_target(teks)
    except KinerjaError:
        return teks
    return nilai if isinstance(nilai, Decimal) else teks


def _kepala(ws: Worksheet, judul: list[str], kolom: list[str], lebar: list[int]) -> None:
    for teks in judul:
        ws.append([teks])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([])
    ws.append(kolom)
    for i, w in enumerate(lebar, start=1):
        ws.cell(ws.max_row, i).font = Font(bold=True)
        ws.cell(ws.max_row, i).alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[ws.cell(ws.max_row, i).column_letter].width = w


def _simpan(wb: Workbook) -> bytes:
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def xlsx_pk(dokumen: DokumenPK) -> bytes:
    """The signed PK: targets per indicator, then the budget per program/kegiatan."""
    pk = dokumen.pk
    wb = Workbook()
    ws = wb.active
    ws.title = "Target"
    _kepala(
        ws,
        [
            f"Perjanjian Kinerja {pk.unit.nama} Tahun {pk.tahun}",
            f"Revisi {pk.revisi}, ditandatangani",
        ],
        ["No", "Kode", "Sasaran/Program", "Indikator", "Satuan", "Target"],
        [5, 14, 50, 60, 14, 12],
    )
    for no, b in enumerate(dokumen.target, start=1):
        ws.append([no, b.kode, b.sasaran, b.indikator, b.satuan, nilai_sel(b.target)])
        ws.cell(ws.max_row, 6).number_format = FORMAT_DESIMAL
    if dokumen.anggaran:
        wa = wb.create_sheet("Anggaran")
        _kepala(
            wa,
            [f"Anggaran Perjanjian Kinerja {pk.unit.nama} Tahun {pk.tahun}"],
            ["No", "Kode", "Program/Kegiatan", "Pagu (Rp)"],
            [5, 16, 70, 22],
        )
        for no, a in enumerate(dokumen.anggaran, start=1):
            wa.append([no, a.kode, a.nama, a.pagu])
            wa.cell(wa.max_row, 4).number_format = FORMAT_RUPIAH
        wa.append(["", "", "Jumlah", dokumen.total_pagu])
        wa.cell(wa.max_row, 3).font = Font(bold=True)
        wa.cell(wa.max_row, 4).number_format = FORMAT_RUPIAH
    return _simpan(wb)


def xlsx_iku(daftar: DaftarIKU) -> bytes:
    """The IKU of a Renstra with formula and a target column per year."""
    r = daftar.renstra
    wb = Workbook()
    ws = wb.active
    ws.title = "IKU"
    _kepala(
        ws,
        [f"Indikator Kinerja Utama {r.unit.nama}", f"{r.nama} ({r.tahun_mulai}–{r.tahun_selesai})"],
        [
            "No",
            "Kode",
            "Sasaran",
            "Indikator",
            "Satuan",
            "Formulasi perhitungan",
            *(f"Target {t}" for t in daftar.tahun),
        ],
        [5, 10, 45, 55, 12, 50, *(12 for _ in daftar.tahun)],
    )
    for no, b in enumerate(daftar.iku, start=1):
        ws.append(
            [no, b.kode, b.sasaran, b.nama, b.satuan, b.formula, *(nilai_sel(t) for t in b.target)]
        )
        for i in range(len(daftar.tahun)):
            ws.cell(ws.max_row, 7 + i).number_format = FORMAT_DESIMAL
    return _simpan(wb)
