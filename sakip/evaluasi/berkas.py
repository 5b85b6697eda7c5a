"""The history table (seed 000 Tabel 3.1) and the PD recap as workbooks, numbers as numbers."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from sakip.evaluasi.selectors import RekapPD, RiwayatEvaluasi

JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMAT_NILAI = "0.00"


def _judul(ws: Worksheet, *judul: str) -> None:
    for teks in judul:
        ws.append([teks])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([])


def _kepala(ws: Worksheet, kolom: list[str], lebar: list[int]) -> None:
    ws.append(kolom)
    for i, w in enumerate(lebar, start=1):
        ws.cell(ws.max_row, i).font = Font(bold=True)
        ws.column_dimensions[ws.cell(ws.max_row, i).column_letter].width = w


def _angka(ws: Worksheet, dari_kolom: int) -> None:
    for sel in ws[ws.max_row][dari_kolom - 1 :]:
        sel.number_format = FORMAT_NILAI


def _simpan(wb: Workbook) -> bytes:
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def xlsx_riwayat(r: RiwayatEvaluasi) -> bytes:
    """Component × year, total, predikat, and the computed change of the last two years."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Riwayat"
    _judul(
        ws,
        f"Nilai Hasil Evaluasi Akuntabilitas Kinerja {r.unit.nama}",
        f"Tahun {r.tahun[0]}–{r.tahun[-1]}" if r.tahun else "Belum ada nilai",
    )
    _kepala(
        ws,
        ["No", "Komponen Penilaian", *map(str, r.tahun), r.judul_perubahan],
        [5, 45, *([10] * len(r.tahun)), 20],
    )
    for no, b in enumerate(r.komponen, start=1):
        ws.append([no, b.nama, *b.nilai, b.perubahan])
        _angka(ws, 3)
    ws.append(["", "Nilai Hasil Evaluasi AKIP", *r.total, r.perubahan_total])
    _angka(ws, 3)
    ws.append(["", "Kategori Penilaian", *[p.kode if p else None for p in r.predikat], None])
    return _simpan(wb)


def xlsx_rekap(r: RekapPD) -> bytes:
    """Two sheets: the PD by cluster with nilai and predikat; the distribution vs last year."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Perangkat Daerah"
    _judul(ws, f"Hasil Penilaian SAKIP Tahun {r.tahun} Perangkat Daerah {r.pemda.nama}")
    _kepala(ws, ["No", "Perangkat Daerah", "Kluster", "Nilai", "Predikat"], [5, 60, 20, 10, 10])
    for kluster, baris in r.kluster:
        for no, b in enumerate(baris, start=1):
            ws.append([no, b.unit.nama, kluster, b.nilai, b.predikat.kode])
            ws.cell(ws.max_row, 4).number_format = FORMAT_NILAI
    wp = wb.create_sheet("Predikat")
    _judul(wp, f"Rekap Predikat SAKIP Tahun {r.tahun}")
    _kepala(
        wp,
        ["Predikat", f"Jumlah PD {r.tahun - 1}", f"Jumlah PD {r.tahun}", "% Kenaikan"],
        [28, 16, 16, 14],
    )
    for p, jumlah in r.rekap.sebaran.items():
        wp.append([f"{p.kode} ({p.sebutan})", r.lalu.sebaran[p] if r.lalu else None, jumlah])
    lalu_bb = r.lalu.minimal_bb if r.lalu else None
    wp.append(["Minimal BB", lalu_bb, r.rekap.minimal_bb, r.perubahan_jumlah_bb])
    _angka(wp, 4)
    wp.append(["Jumlah seluruh PD", r.lalu.jumlah if r.lalu else None, r.rekap.jumlah])
    lalu_persen = r.lalu.persen_minimal_bb if r.lalu else None
    wp.append(["% PD minimal BB", lalu_persen, r.rekap.persen_minimal_bb, r.selisih_persen_bb])
    _angka(wp, 2)
    for tahun, sumber in ((r.tahun - 1, r.lalu_sumber), (r.tahun, r.sumber)):
        if sumber:
            wp.append([f"Kolom {tahun}: sebaran predikat tercatat — {sumber}"])
    return _simpan(wb)
