"""Every table of the report as a workbook: one sheet per table, numbers as numbers.

Planners re-use the report's tables in other documents and check them with their
own formulas, so a cell holds the number behind the printed text (Sel.nilai), with
a display format; an Indonesian Excel shows it as ``1.234,56`` by its locale. The
first sheet lists the tables with links, as the Daftar Tabel does.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sakip.laporan.dokumen import Dokumen, Sel, Tabel
from sakip.laporan.render_docx import TANGGAL_TETAP, zip_deterministik

FORMAT_ANGKA = {
    "bilangan": "#,##0",
    "desimal": "#,##0.00",
    # The report's percentages are already in percent (122,10), not fractions.
    "persen": "#,##0.00",
    "rupiah": '"Rp "#,##0',
}
RATA = {"kiri": "left", "tengah": "center", "kanan": "right"}
GARIS = Side(style="thin", color="000000")
BINGKAI = Border(left=GARIS, right=GARIS, top=GARIS, bottom=GARIS)
ISI_KEPALA = PatternFill("solid", fgColor="D9D9D9")
CM_KE_LEBAR = 4.5  # Excel column width units per centimetre, near enough for Calibri 11
TERLARANG = re.compile(r"[\[\]:*?/\\]")


def _nama_lembar(label: str, terpakai: set[str]) -> str:
    dasar = TERLARANG.sub("-", label)[:31] or "Tabel"
    nama, i = dasar, 2
    while nama.lower() in terpakai:
        akhiran = f" ({i})"
        nama, i = dasar[: 31 - len(akhiran)] + akhiran, i + 1
    terpakai.add(nama.lower())
    return nama


def _nilai(sel: Sel) -> object:
    if sel.format != "teks" and sel.nilai is not None:
        if isinstance(sel.nilai, Decimal) and sel.nilai != sel.nilai.to_integral_value():
            return float(sel.nilai)
        return int(sel.nilai)
    return sel.teks


def _tulis_baris(ws: Worksheet, r: int, baris: list[Sel], kepala: bool) -> int:
    """Write one row from column 1; returns the last column used."""
    c = 1
    for sel in baris:
        cell = ws.cell(row=r, column=c, value=sel.teks if kepala else _nilai(sel))
        if not kepala and sel.format != "teks" and sel.nilai is not None:
            cell.number_format = FORMAT_ANGKA[sel.format]
        cell.font = Font(bold=kepala or sel.tebal)
        cell.alignment = Alignment(
            horizontal="center" if kepala else RATA[sel.rata],
            vertical="center" if kepala else "top",
            wrap_text=True,
            indent=sel.inden,
        )
        cell.border = BINGKAI
        if kepala:
            cell.fill = ISI_KEPALA
        if sel.rentang_kolom > 1:
            for k in range(c + 1, c + sel.rentang_kolom):
                ws.cell(row=r, column=k).border = BINGKAI
            ws.merge_cells(
                start_row=r, start_column=c, end_row=r, end_column=c + sel.rentang_kolom - 1
            )
        c += sel.rentang_kolom
    return c - 1


def _lembar_tabel(ws: Worksheet, t: Tabel) -> None:
    ws.cell(row=1, column=1, value=f"{t.label} {t.judul}").font = Font(bold=True, size=12)
    r = 3
    for baris in t.kepala:
        _tulis_baris(ws, r, baris, kepala=True)
        r += 1
    ws.freeze_panes = ws.cell(row=r, column=1)
    for baris in t.baris:
        _tulis_baris(ws, r, baris, kepala=False)
        r += 1
    if t.sumber:
        ws.cell(row=r + 1, column=1, value=f"Sumber: {t.sumber}").font = Font(italic=True, size=9)
    n = t.jumlah_kolom
    if t.lebar_kolom and len(t.lebar_kolom) == n:
        lebar = [max(5.0, w * CM_KE_LEBAR) for w in t.lebar_kolom]
    else:
        lebar = [14.0] * n
    for i, w in enumerate(lebar, 1):
        ws.column_dimensions[get_column_letter(i)].width = round(w, 1)
    ws.page_setup.orientation = "landscape" if t.lanskap else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"3:{2 + len(t.kepala)}" if t.kepala else None


def xlsx(dokumen: Dokumen) -> bytes:
    """Every table of ``dokumen`` (already numbered), one sheet each, after a linked list."""
    wb = Workbook()
    daftar = wb.active
    daftar.title = "Daftar Tabel"
    daftar["A1"] = f"Daftar Tabel — {dokumen.judul}"
    daftar["A1"].font = Font(bold=True, size=12)
    for i, judul in enumerate(("No", "Nomor", "Judul"), 1):
        sel = daftar.cell(row=3, column=i, value=judul)
        sel.font, sel.fill, sel.border = Font(bold=True), ISI_KEPALA, BINGKAI
    daftar.column_dimensions["A"].width = 5
    daftar.column_dimensions["B"].width = 12
    daftar.column_dimensions["C"].width = 100
    daftar.freeze_panes = "A4"
    terpakai = {daftar.title.lower()}
    for i, t in enumerate(dokumen.tabel(), 1):
        nama = _nama_lembar(t.label, terpakai)
        _lembar_tabel(wb.create_sheet(nama), t)
        r = 3 + i
        daftar.cell(row=r, column=1, value=i).border = BINGKAI
        tautan = daftar.cell(row=r, column=2, value=t.label)
        tautan.hyperlink = f"#'{nama}'!A1"
        tautan.style = "Hyperlink"
        tautan.border = BINGKAI
        daftar.cell(row=r, column=3, value=t.judul).border = BINGKAI
    saat = (dokumen.data_pada or TANGGAL_TETAP).astimezone(dt.UTC).replace(tzinfo=None)
    wb.properties.title = dokumen.judul
    wb.properties.creator = dokumen.penulis
    wb.properties.lastModifiedBy = dokumen.penulis
    wb.properties.created = saat
    wb.properties.modified = saat
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return _tanpa_jam_simpan(zip_deterministik(keluaran.getvalue()), saat)


def _tanpa_jam_simpan(data: bytes, saat: dt.datetime) -> bytes:
    # openpyxl stamps docProps/core.xml's modified time with the clock at save,
    # whatever the properties say; put the data moment back so equal reports are
    # equal bytes (a finalised report is compared by hash).
    import zipfile

    masuk = zipfile.ZipFile(io.BytesIO(data))
    inti = masuk.read("docProps/core.xml").decode()
    cap = saat.strftime("%Y-%m-%dT%H:%M:%SZ")
    inti = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{cap}\g<2>", inti)
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            isi = inti.encode() if info.filename == "docProps/core.xml" else masuk.read(info)
            z.writestr(info, isi)
    return keluar.getvalue()
