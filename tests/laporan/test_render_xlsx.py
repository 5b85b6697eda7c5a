"""The spreadsheet renderer (sakip.laporan.render_xlsx), read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.workbook.workbook import Workbook

from sakip.laporan.dokumen import Dokumen, Judul, Sampul, Tabel, beri_nomor, sel_teks
from sakip.laporan.render_xlsx import _nama_lembar, xlsx
from tests.laporan.test_render_html import dokumen_contoh


@pytest.fixture(scope="module")
def data() -> bytes:
    return xlsx(dokumen_contoh())


@pytest.fixture(scope="module")
def wb(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def test_one_sheet_per_table_after_the_list(wb: Workbook) -> None:
    assert wb.sheetnames == ["Daftar Tabel", "Tabel 1.1", "Tabel 3.1", "Tabel 3.2"]


def test_list_links_to_every_table(wb: Workbook) -> None:
    ws = wb["Daftar Tabel"]
    assert [c.value for c in ws[3]] == ["No", "Nomor", "Judul"]
    baris = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    assert baris == [
        [1, "Tabel 1.1", "Struktur"],
        [2, "Tabel 3.1", "Capaian Indikator Kinerja Utama Tahun 2024"],
        [3, "Tabel 3.2", "Anggaran per Sasaran"],
    ]
    for r, nama in ((4, "Tabel 1.1"), (5, "Tabel 3.1"), (6, "Tabel 3.2")):
        cell = ws.cell(row=r, column=2)
        assert cell.hyperlink.location == f"'{nama}'!A1"
        assert cell.style == "Hyperlink"
    # and each table sheet links back
    assert wb["Tabel 3.1"]["A2"].hyperlink.location == "'Daftar Tabel'!A1"


def test_numbers_are_numbers_with_a_display_format(wb: Workbook) -> None:
    ws = wb["Tabel 3.1"]
    assert ws["A1"].value == "Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024"
    assert ws["A1"].font.b
    persen = ws["E5"]
    assert persen.value == pytest.approx(122.1) and persen.number_format == "#,##0.00"
    assert persen.alignment.horizontal == "right"
    assert ws["C5"].value == 71 and ws["C5"].number_format == "#,##0.00"
    assert ws["D5"].value == pytest.approx(86.69)
    rupiah = wb["Tabel 3.2"]["B4"]
    assert rupiah.value == 202978570206 and isinstance(rupiah.value, int)
    assert rupiah.number_format == '"Rp "#,##0'
    assert wb["Tabel 3.2"]["C4"].value == 1234 and wb["Tabel 3.2"]["C4"].number_format == "#,##0"


def test_text_stays_text(wb: Workbook) -> None:
    ws = wb["Tabel 3.1"]
    assert ws["B5"].value == "Indeks <script>alert(1)</script> & Kepuasan"
    # empty figures are the printed dash; a formula-looking text is not a formula
    assert ws["C6"].value == "-" and ws["E6"].value == "-"
    assert ws["D6"].value == "=1+1" and ws["D6"].data_type == "s"
    assert ws["B6"].alignment.indent == 1
    assert ws["A5"].alignment.horizontal == "center"


def test_header_rows_are_merged_bold_and_frozen(wb: Workbook) -> None:
    ws = wb["Tabel 3.1"]
    assert "C3:E3" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["C3"].value == "Tahun 2024"
    for cell in ws[3] + ws[4]:
        assert cell.border.top.style == "thin"
        # a covered cell of a merged block shows the first cell's font and fill
        if not isinstance(cell, MergedCell):
            assert cell.font.b and cell.fill.fgColor.rgb.endswith("D9D9D9")
    assert ws["E3"].border.right.style == "thin"
    assert ws["C3"].alignment.horizontal == "center" and ws["C3"].alignment.wrap_text
    assert ws.freeze_panes == "A5"
    assert ws.print_title_rows == "$3:$4"
    # the source line under the table, one row apart
    assert ws["A8"].value == "Sumber: Bagian Organisasi <Setda>"
    jumlah = wb["Tabel 3.2"]
    assert "A5:B5" in {str(r) for r in jumlah.merged_cells.ranges}
    assert jumlah["A5"].font.b and jumlah["C5"].font.b


def test_widths_and_page_setup(wb: Workbook) -> None:
    lebar = wb["Tabel 3.2"]
    assert [lebar.column_dimensions[k].width for k in "ABC"] == [22.5, 13.5, 9.0]
    assert lebar.page_setup.orientation == "landscape"
    assert lebar.page_setup.fitToWidth == 1 and lebar.sheet_properties.pageSetUpPr.fitToPage
    sempit = wb["Tabel 3.1"]
    assert sempit.page_setup.orientation == "portrait"
    # without widths: from the content, the long indicator wider than the number column
    assert sempit.column_dimensions["B"].width > sempit.column_dimensions["A"].width


def test_properties_come_from_the_data_moment(wb: Workbook, data: bytes) -> None:
    assert wb.properties.title == "LKjIP Sekretariat Daerah Tahun 2024"
    assert wb.properties.creator == "sakip"
    assert wb.properties.created == dt.datetime(2025, 2, 3, 4, 5, 6)
    inti = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    # not the clock of the save
    assert ">2025-02-03T04:05:06Z</dcterms:modified>" in inti


def test_same_document_same_bytes(data: bytes) -> None:
    assert xlsx(dokumen_contoh()) == data
    for info in zipfile.ZipFile(io.BytesIO(data)).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
    # a report without a data moment is deterministic too
    d = dokumen_contoh()
    d.data_pada = None
    assert xlsx(d) == xlsx(d)


def test_a_report_without_tables_still_opens() -> None:
    d = Dokumen("Kosong", Sampul("LKjIP", "Unit", "Induk", 2024))
    wb = load_workbook(io.BytesIO(xlsx(d)))
    assert wb.sheetnames == ["Daftar Tabel"]
    assert wb["Daftar Tabel"]["C4"].value == "(tidak ada tabel)"


def test_sheet_names_are_valid_and_unique() -> None:
    terpakai = {"daftar tabel"}
    assert _nama_lembar("Tabel 3.4", terpakai) == "Tabel 3.4"
    assert _nama_lembar("Tabel 3.4", terpakai) == "Tabel 3.4 (2)"
    assert _nama_lembar("TABEL 3.4", terpakai) == "TABEL 3.4 (3)"  # Excel ignores case
    assert _nama_lembar("Tabel A/B:C[1]*?", terpakai) == "Tabel A-B-C-1---"
    panjang = _nama_lembar("Tabel " + "x" * 40, terpakai)
    assert len(panjang) == 31
    assert len(_nama_lembar("Tabel " + "x" * 40, terpakai)) == 31
    assert _nama_lembar("'Tabel'", terpakai) == "Tabel"


def test_unnumbered_chapter_prefix_with_odd_characters() -> None:
    """A chapter prefix becomes part of a sheet name and of the links to it."""
    d = Dokumen("X", Sampul("LKjIP", "Unit", "Induk", 2024))
    d.tambah(
        Judul("LAMPIRAN", awalan="L/1"),
        Tabel("a", "Satu", [[sel_teks("A")]], [[sel_teks("1")]]),
        Tabel("b", "Dua", [[sel_teks("A")]], [[sel_teks("2")]]),
    )
    beri_nomor(d)
    wb = load_workbook(io.BytesIO(xlsx(d)))
    assert wb.sheetnames == ["Daftar Tabel", "Tabel L-1.1", "Tabel L-1.2"]
    assert wb["Daftar Tabel"]["B5"].hyperlink.location == "'Tabel L-1.2'!A1"
