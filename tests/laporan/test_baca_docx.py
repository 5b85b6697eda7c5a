"""Reading a Word report for the consistency checks (sakip.laporan.baca_docx).

Two kinds of DOCX: the Kaltim 2024 report we generate (read back, its tables carry
seed 000's figures), and a report made by hand in Word, built here with python-docx
with the merged cells, spanning header and caption planners write.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from sakip.kinerja.periksa.dokumen import Dokumen
from sakip.laporan.baca_docx import DocxError, baca_docx, tabel_dari_grid
from sakip.laporan.periksa import dokumen_periksa
from sakip.laporan.services import buat_laporan, susun_dokumen
from sakip.organisasi.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def kaltim(demo_kaltim: None, django_db_blocker: object) -> Iterator[Dokumen]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        hasil = buat_laporan(Unit.objects.get(slug="setda-kaltim"), 2024, "docx")
    yield baca_docx(hasil.isi, hasil.nama_berkas)


def test_the_report_page_reads_the_document_model_as_the_docx_reader_reads_the_file(
    kaltim: Dokumen,
) -> None:
    # The page checks the model directly (no DOCX written); it must see what a
    # planner checking the downloaded DOCX sees.
    model, _templat = susun_dokumen(Unit.objects.get(slug="setda-kaltim"), 2024)
    langsung = dokumen_periksa(model)
    assert langsung.tahun == kaltim.tahun == 2024
    ringkas = [(t.label, t.kolom, t.rumus_kolom, t.baris) for t in langsung.tabel]
    assert ringkas == [(t.label, t.kolom, t.rumus_kolom, t.baris) for t in kaltim.tabel]
    # A caption read from a file loses a closing parenthesis ("… Utama (IKU"), as in text.
    for a, b in zip(langsung.tabel, kaltim.tabel, strict=True):
        assert a.judul.startswith(b.judul), (a.judul, b.judul)
    dari_berkas = {p.teks for p in kaltim.paragraf}
    beda = [p.teks for p in langsung.paragraf if p.teks not in dari_berkas]
    assert not beda, beda[:8]


def _baris(t: object, teks: str) -> list[str]:
    for b in t.baris:  # type: ignore[attr-defined]
        if any(teks in s for s in b):
            return list(b)
    raise AssertionError(teks)


def test_generated_kaltim_report_reads_back_with_captions_headers_and_figures(
    kaltim: Dokumen,
) -> None:
    assert kaltim.tahun == 2024
    assert kaltim.nama == "LKjIP-setda-kaltim-2024-draf.docx"
    t33 = kaltim.cari_tabel("Tabel 3.3")
    assert t33 is not None and t33.judul == "Pengukuran Kinerja Tahun 2024"
    assert t33.kolom == [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Target",
        "Realisasi",
        "Capaian (%)",
        "Kategori",
    ]
    # The column-number row is the table's formulas, not a body row.
    assert t33.rumus_kolom == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]
    assert not any(b[0] == "(1)" for b in t33.baris)
    # Seed 000 Tabel 3.3: IKU-08 target 71, realisasi 86,69, capaian 122,10.
    iku08 = _baris(t33, "86,69")
    assert iku08[3:7] == ["71", "86,69", "122,10", "Berhasil"]
    assert sum(1 for b in t33.baris if b[6] == "Berhasil") >= 13
    t34 = kaltim.cari_tabel("Tabel 3.4")
    assert t34 is not None and t34.judul.startswith("Perbandingan Target dan Realisasi")
    assert t34.kolom[:4] == ["No", "Indikator Kinerja", "Satuan", "Target"]
    assert len(t34.baris) == 5 and [b[0] for b in t34.baris] == ["1", "2", "3", "4", "5"]
    assert t34.angka(0, 5) is not None and t34.angka(0, 5).nilai == 100  # type: ignore[union-attr]
    # Tables numbered with a letter prefix keep their label.
    assert kaltim.cari_tabel("Tabel IE.1") is not None
    assert kaltim.cari_tabel("Tabel L.2") is not None
    # The Daftar Tabel lists captions too, but only tables carry them.
    label = [t.label for t in kaltim.tabel]
    assert len(label) == len(set(label)) and None not in label
    assert [t.urutan for t in kaltim.tabel] == list(range(len(kaltim.tabel)))
    assert any("Laporan Kinerja" in p.teks for p in kaltim.paragraf)


def _sel(tabel: object, r: int, c: int, teks: str) -> None:
    tabel.cell(r, c).text = teks  # type: ignore[attr-defined]


def docx_buatan_tangan(*, tandai_kepala: bool = False) -> bytes:
    """A page of a Paser-like report as a planner types it in Word."""
    doc = Document()
    doc.add_paragraph("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2023")
    doc.add_paragraph("Sekretariat Daerah Kabupaten Paser")
    doc.add_paragraph("Realisasi anggaran per program disajikan pada tabel berikut.")
    doc.add_paragraph("Tabel 3.5")
    doc.add_paragraph("Realisasi Anggaran per Program")
    doc.add_paragraph("Tahun 2023")
    t = doc.add_table(rows=6, cols=5)
    for c, teks in enumerate(["No", "Sasaran", "Program", "Anggaran", ""]):
        _sel(t, 0, c, teks)
    _sel(t, 1, 3, "Pagu (Rp)")
    _sel(t, 1, 4, "Realisasi (Rp)")
    for c, teks in enumerate(["(1)", "(2)", "(3)", "(4)", "(5)"]):
        _sel(t, 2, c, teks)
    for r, baris in enumerate(
        [
            ["1", "Meningkatnya tata kelola", "Program A", "1.000.000", "900.000"],
            ["2", "", "Program B", "2.000.000", "2.100.000"],
            ["Jumlah", "", "", "3.000.000", "3.000.000"],
        ],
        start=3,
    ):
        for c, teks in enumerate(baris):
            _sel(t, r, c, teks)
    # Word's merges: No, Sasaran and Program span the two header rows; Anggaran
    # spans Pagu and Realisasi; Sasaran is one cell for both programs; Jumlah spans
    # the first three columns.
    for c in range(3):
        t.cell(0, c).merge(t.cell(1, c))
    t.cell(0, 3).merge(t.cell(0, 4))
    t.cell(3, 1).merge(t.cell(4, 1))
    t.cell(5, 0).merge(t.cell(5, 2))
    if tandai_kepala:
        for r in (0, 1, 2):
            t.rows[r]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    doc.add_paragraph("Sumber: Bagian Keuangan")
    doc.add_paragraph("Total realisasi anggaran Tahun 2023 sebesar Rp 3.000.000.")
    t2 = doc.add_table(rows=2, cols=2)
    for c, teks in enumerate(["Uraian", "Nilai"]):
        _sel(t2, 0, c, teks)
    for c, teks in enumerate(["Nilai AKIP", "70,51"]):
        _sel(t2, 1, c, teks)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("tandai_kepala", [False, True], ids=["tanpa-tblHeader", "tblHeader"])
def test_hand_made_docx_with_merged_cells_and_caption(tandai_kepala: bool) -> None:
    d = baca_docx(docx_buatan_tangan(tandai_kepala=tandai_kepala), "paser.docx")
    assert d.tahun == 2023 and d.nama == "paser.docx"
    assert len(d.tabel) == 2
    t = d.tabel[0]
    assert t.label == "Tabel 3.5"
    assert t.judul == "Realisasi Anggaran per Program Tahun 2023"
    # The spanning header over its two columns; vertically merged headers once.
    assert t.kolom == [
        "No",
        "Sasaran",
        "Program",
        "Anggaran Pagu (Rp)",
        "Anggaran Realisasi (Rp)",
    ]
    assert t.rumus_kolom == ["(1)", "(2)", "(3)", "(4)", "(5)"]
    # The merged Sasaran is the group's value on its first row; a spanning body cell
    # stands in its first column.
    assert t.baris == [
        ["1", "Meningkatnya tata kelola", "Program A", "1.000.000", "900.000"],
        ["2", "", "Program B", "2.000.000", "2.100.000"],
        ["Jumlah", "", "", "3.000.000", "3.000.000"],
    ]
    assert t.angka(1, 4) is not None and t.angka(1, 4).nilai == 2_100_000  # type: ignore[union-attr]
    assert t.baris_berkas == [None, None, None]
    # A table right after a sentence ending with "." has no caption of its own.
    t2 = d.tabel[1]
    assert t2.label is None and t2.kolom == ["Uraian", "Nilai"]
    assert t2.baris == [["Nilai AKIP", "70,51"]]
    teks = [p.teks for p in d.paragraf]
    assert teks.index("Tabel 3.5") < teks.index("Sumber: Bagian Keuangan")
    assert "Total realisasi anggaran Tahun 2023 sebesar Rp 3.000.000." in teks


def test_a_column_number_row_opening_the_body_is_the_formulas() -> None:
    t = tabel_dari_grid(
        "Tabel 2.1",
        "Target",
        [["No", "Indikator", "Target"]],
        [["1", "2", "3=2*1"], ["1", "IKU", "100"]],
        urutan=3,
    )
    assert t.rumus_kolom == ["1", "2", "3=2*1"]
    assert t.baris == [["1", "IKU", "100"]] and t.urutan == 3 and t.nama == "Tabel 2.1"


def test_a_file_that_is_not_a_word_document_is_refused_in_indonesian() -> None:
    with pytest.raises(DocxError, match="bukan dokumen Word"):
        baca_docx(b"PK\x03\x04 bukan docx")
    with pytest.raises(DocxError):
        baca_docx(b"%PDF-1.7")
