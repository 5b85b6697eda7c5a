"""Every table of the report as a workbook: one sheet per table, numbers as numbers.

Planners re-use the report's tables in other documents and check them with their
own formulas, so a cell holds the number behind the printed text (Sel.nilai), with
a display format; Excel draws the separators by the user's locale, so an
Indonesian Excel shows ``1.234,56``. The first sheet lists the tables with links,
as the Daftar Tabel does. Like the other renderers it expects a document already
numbered by :func:`~sakip.laporan.dokumen.beri_nomor`.

The output is deterministic (properties from the data moment, fixed zip
timestamps), so equal reports are equal bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from sakip.laporan.dokumen import Dokumen, Sel, Tabel
from sakip.laporan.render_docx import TANGGAL_TETAP, zip_deterministik

NAMA_DAFTAR = "Daftar Tabel"
FORMAT_ANGKA = {
    "bilangan": "#,##0",
    "desimal": "#,##0.00",
    # The report's percentages are already in percent (122,10), not fractions: a "%"
    # format would multiply them by a hundred.
    "persen": "#,##0.00",
    "rupiah": '"Rp "#,##0',
}
RATA = {"kiri": "left", "tengah": "center", "kanan": "right"}
GARIS = Side(style="thin", color="000000")
BINGKAI = Border(left=GARIS, right=GARIS, top=GARIS, bottom=GARIS)
ISI_KEPALA = PatternFill("solid", fgColor="D9D9D9")
CM_KE_LEBAR = 4.5  # Excel column width units per centimetre, near enough for Calibri 11
LEBAR_MIN, LEBAR_MAKS = 5.0, 60.0
# Characters Excel refuses in a sheet name.
TERLARANG = re.compile(r"[\[\]:*?/\\]")
BARIS_KEPALA = 3  # row 1 the caption, row 2 the link back to the list


def _nama_lembar(label: str, terpakai: set[str]) -> str:
    """A valid, unique sheet name from a label: ≤ 31 characters, none of []:*?/\\.

    Excel compares names without case and forbids a leading or trailing apostrophe.
    """
    dasar = TERLARANG.sub("-", label)[:31].strip("'") or "Tabel"
    nama, i = dasar, 2
    while nama.lower() in terpakai:
        akhiran = f" ({i})"
        nama, i = dasar[: 31 - len(akhiran)] + akhiran, i + 1
    terpakai.add(nama.lower())
    return nama


def _tautkan(cell: Cell, nama_lembar: str) -> None:
    """Make ``cell`` a link to A1 of another sheet of the workbook.

    The target goes in the hyperlink's ``location``, the OOXML way of linking inside
    the workbook: a "#Sheet!A1" target would be written as an external relationship,
    which Excel may warn about. An apostrophe in the name is doubled, as in formulas.
    """
    lokasi = "'{}'!A1".format(nama_lembar.replace("'", "''"))
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=lokasi, display=str(cell.value))
    cell.style = "Hyperlink"


def _isi_teks(cell: Cell, teks: str) -> None:
    """Put text in a cell as text, whatever it looks like.

    openpyxl turns a string starting with "=" into a formula, so an indicator named
    "=HYPERLINK(...)" in the data would run in the planner's Excel; characters XML
    cannot carry (pasted from Word) would make the save fail.
    """
    teks = ILLEGAL_CHARACTERS_RE.sub("", teks)
    # An empty header cell stays blank rather than holding an empty string.
    cell.value = teks or None
    if teks:
        cell.data_type = "s"


def _angka(sel: Sel) -> int | float | None:
    """The number behind a numeric cell: int when whole (exact for rupiah), else float."""
    if sel.format == "teks" or sel.nilai is None:
        return None
    if isinstance(sel.nilai, Decimal):
        if not sel.nilai.is_finite():
            return None
        if sel.nilai == sel.nilai.to_integral_value():
            return int(sel.nilai)
        return float(sel.nilai)
    return int(sel.nilai)


def _tulis_baris(ws: Worksheet, r: int, baris: list[Sel], kepala: bool) -> None:
    """Write one row from column 1; a cell spanning columns is merged across them."""
    c = 1
    for sel in baris:
        cell = ws.cell(row=r, column=c)
        angka = None if kepala else _angka(sel)
        if angka is None:
            _isi_teks(cell, sel.teks)
        else:
            cell.value = angka
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
            # The merged block shows the first cell's value, font and fill; openpyxl
            # copies its borders onto the edges of the block.
            akhir = c + sel.rentang_kolom - 1
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=akhir)
        c += sel.rentang_kolom


def _lebar_isi(t: Tabel) -> list[float]:
    """Column widths from the longest text in each column, for tables without widths.

    A cell spanning columns says little about one column, so only single cells count;
    long texts wrap within the cap rather than make a column a screen wide.
    """
    panjang = [0] * t.jumlah_kolom
    for baris in [*t.kepala, *t.baris]:
        c = 0
        for sel in baris:
            if sel.rentang_kolom == 1 and c < len(panjang):
                terpanjang = max((len(s) for s in sel.teks.splitlines()), default=0)
                panjang[c] = max(panjang[c], terpanjang + sel.inden * 2)
            c += sel.rentang_kolom
    return [min(LEBAR_MAKS, max(LEBAR_MIN, p * 1.1 + 2)) for p in panjang]


def _lembar_tabel(ws: Worksheet, t: Tabel) -> None:
    judul = ws.cell(row=1, column=1)
    _isi_teks(judul, f"{t.label} {t.judul}")
    judul.font = Font(bold=True, size=12)
    kembali = ws.cell(row=2, column=1, value=f"« {NAMA_DAFTAR}")
    _tautkan(kembali, NAMA_DAFTAR)
    r = BARIS_KEPALA
    for baris in t.kepala:
        _tulis_baris(ws, r, baris, kepala=True)
        r += 1
    # The header stays in view while scrolling, and is printed on every page.
    ws.freeze_panes = ws.cell(row=r, column=1)
    if t.kepala:
        ws.print_title_rows = f"{BARIS_KEPALA}:{r - 1}"
    for baris in t.baris:
        _tulis_baris(ws, r, baris, kepala=False)
        r += 1
    if t.sumber:
        sumber = ws.cell(row=r + 1, column=1)
        _isi_teks(sumber, f"Sumber: {t.sumber}")
        sumber.font = Font(italic=True, size=9)
    n = t.jumlah_kolom
    if t.lebar_kolom and len(t.lebar_kolom) == n:
        # The builder's widths are about centimetres on the page.
        lebar = [max(LEBAR_MIN, w * CM_KE_LEBAR) for w in t.lebar_kolom]
    else:
        lebar = _lebar_isi(t)
    for i, w in enumerate(lebar, 1):
        ws.column_dimensions[get_column_letter(i)].width = round(w, 1)
    ws.page_setup.orientation = "landscape" if t.lanskap else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    # One page wide, as many pages tall as the rows need.
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _lembar_daftar(ws: Worksheet, dokumen: Dokumen) -> None:
    """The list of tables: fills the rows; the links are added as the sheets are made."""
    _isi_teks(ws["A1"], f"{NAMA_DAFTAR} — {dokumen.judul}")
    ws["A1"].font = Font(bold=True, size=12)
    for i, judul in enumerate(("No", "Nomor", "Judul"), 1):
        sel = ws.cell(row=BARIS_KEPALA, column=i, value=judul)
        sel.font, sel.fill, sel.border = Font(bold=True), ISI_KEPALA, BINGKAI
        sel.alignment = Alignment(horizontal="center")
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 100
    ws.freeze_panes = ws.cell(row=BARIS_KEPALA + 1, column=1)


def _saat(dokumen: Dokumen) -> dt.datetime:
    """The data moment as naive UTC, which is how openpyxl writes properties."""
    pada = dokumen.data_pada or TANGGAL_TETAP
    if pada.tzinfo is not None:
        pada = pada.astimezone(dt.UTC).replace(tzinfo=None)
    # A naive moment is taken as UTC, not the machine's zone: same input, same bytes.
    return pada.replace(microsecond=0)


def xlsx(dokumen: Dokumen) -> bytes:
    """Every table of ``dokumen`` (already numbered), one sheet each, after a linked list."""
    wb = Workbook()
    daftar = wb.active
    daftar.title = NAMA_DAFTAR
    _lembar_daftar(daftar, dokumen)
    terpakai = {NAMA_DAFTAR.lower()}
    tabel = list(dokumen.tabel())
    for no, t in enumerate(tabel, 1):
        nama = _nama_lembar(t.label, terpakai)
        _lembar_tabel(wb.create_sheet(nama), t)
        r = BARIS_KEPALA + no
        daftar.cell(row=r, column=1, value=no).border = BINGKAI
        tautan = daftar.cell(row=r, column=2, value=t.label)
        _tautkan(tautan, nama)
        tautan.border = BINGKAI
        judul = daftar.cell(row=r, column=3)
        _isi_teks(judul, t.judul)
        judul.border = BINGKAI
        judul.alignment = Alignment(wrap_text=True, vertical="top")
    if not tabel:
        kosong = daftar.cell(row=BARIS_KEPALA + 1, column=3, value="(tidak ada tabel)")
        kosong.font = Font(italic=True)
    saat = _saat(dokumen)
    wb.properties.title = dokumen.judul
    wb.properties.creator = dokumen.penulis
    wb.properties.lastModifiedBy = dokumen.penulis
    wb.properties.created = saat
    wb.properties.modified = saat
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return zip_deterministik(_waktu_ubah_tetap(keluaran.getvalue(), saat))


def _waktu_ubah_tetap(data: bytes, saat: dt.datetime) -> bytes:
    """The workbook with docProps/core.xml's modified time set back to the data moment.

    openpyxl's save stamps ``modified`` with the clock, whatever the properties say;
    a finalised report is compared by hash, so the data moment goes back in. The zip
    timestamps are fixed afterwards by :func:`zip_deterministik`.
    """
    stempel = saat.strftime("%Y-%m-%dT%H:%M:%SZ")
    masuk = zipfile.ZipFile(io.BytesIO(data))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            isi = masuk.read(info)
            if info.filename == "docProps/core.xml":
                isi = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stempel.encode() + rb"\g<2>",
                    isi,
                )
            z.writestr(info, isi)
    return keluar.getvalue()


__all__ = ["FORMAT_ANGKA", "xlsx"]
