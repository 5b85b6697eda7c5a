"""The document model → an editable Word file.

Word features the issue asks for: heading styles, an automatic Daftar Isi and
Daftar Tabel/Grafik (TOC fields that Word refreshes on opening), numbered
captions in their own styles, page numbers, landscape sections for wide tables
and header rows repeated on every page. Tables are written as WordprocessingML
in one piece rather than cell by cell through python-docx: a 300-row table is
the bulk of the Kaltim report and the cell API is what would make it slow.

The output is deterministic (fixed zip timestamps, properties from the data
moment), so a finalised report rebuilt from history gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from sakip.laporan.dokumen import (
    Daftar,
    Dokumen,
    Grafik,
    Judul,
    Paragraf,
    PemisahHalaman,
    Sel,
    Tabel,
    TandaTangan,
    entri_daftar,
)

# The date written into the file's properties when a report has no data moment.
TANGGAL_TETAP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

GAYA_PARAGRAF = {
    "Isi Laporan": ("Normal", None),
    "Narasi Otomatis": ("Normal", None),
    "Narasi Operator": ("Normal", None),
    "Daftar Angka": ("Normal", None),
    "Daftar Butir": ("Normal", None),
    "Isi Tabel": ("Normal", 9),
    "Catatan Tabel": ("Normal", 8.5),
    "Judul Tabel": ("Caption", None),
    "Judul Grafik": ("Caption", None),
    "Judul Gambar": ("Caption", None),
    "TOC 1": ("Normal", None),
    "TOC 2": ("Normal", None),
    "TOC 3": ("Normal", None),
    "Table of Figures": ("Normal", None),
}
GAYA_JUDUL_BLOK = {"Tabel": "Judul Tabel", "Grafik": "Judul Grafik", "Gambar": "Judul Gambar"}
GAYA_BLOK = {
    "biasa": "Isi Laporan",
    "narasi_otomatis": "Narasi Otomatis",
    "narasi_operator": "Narasi Operator",
    "daftar_angka": "Daftar Angka",
    "daftar_butir": "Daftar Butir",
    "tengah": "Isi Laporan",
    "catatan": "Catatan Tabel",
    "kosong": "Isi Laporan",
}
A4 = (Cm(21), Cm(29.7))


Kemajuan = Callable[[int, str], None]


def docx(
    dokumen: Dokumen,
    templat: bytes | None = None,
    halaman: dict[str, int] | None = None,
) -> bytes:
    """Render ``dokumen`` (already numbered) as DOCX bytes.

    ``templat`` is an agency's Word template: its styles, headers and footers are
    kept and its body, rendered with docxtpl, is the cover. ``halaman`` gives the
    page of each Daftar entry (known only after a PDF pass) to fill the cached
    results of the TOC fields.
    """
    doc, dengan_sampul = _dokumen_dasar(dokumen, templat)
    penulis = _Penulis(doc, dokumen, halaman or {})
    if not dengan_sampul:
        penulis.sampul()
    penulis.isi()
    _properti(doc, dokumen)
    keluaran = io.BytesIO()
    doc.save(keluaran)
    return zip_deterministik(keluaran.getvalue())


def zip_deterministik(data: bytes) -> bytes:
    """The same zip with fixed member timestamps, so equal content gives equal bytes."""
    masuk = zipfile.ZipFile(io.BytesIO(data))
    keluar_buf = io.BytesIO()
    with zipfile.ZipFile(keluar_buf, "w", zipfile.ZIP_DEFLATED) as keluar:
        for info in masuk.infolist():
            baru = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = 0o600 << 16
            keluar.writestr(baru, masuk.read(info.filename))
    return keluar_buf.getvalue()


def konteks_sampul(dokumen: Dokumen) -> dict[str, object]:
    """What an agency's template may use on its cover (docs/laporan.md)."""
    s = dokumen.sampul
    return {
        "judul": s.judul,
        "nama_unit": s.nama_unit,
        "nama_induk": s.nama_induk,
        "tahun": s.tahun,
        "kota": s.kota,
    }


def _dokumen_dasar(dokumen: Dokumen, templat: bytes | None) -> tuple[object, bool]:
    if templat:
        from docxtpl import DocxTemplate

        tpl = DocxTemplate(io.BytesIO(templat))
        tpl.render(konteks_sampul(dokumen), autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        doc = Document(io.BytesIO(buf.getvalue()))
        _pastikan_gaya(doc, bawaan=False)
        dengan_sampul = any(p.text.strip() for p in doc.paragraphs)
        if dengan_sampul:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        return doc, dengan_sampul
    doc = Document()
    _pastikan_gaya(doc, bawaan=True)
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = Cm(3)
    section.right_margin = Cm(2.5)
    section.different_first_page_header_footer = True
    _nomor_halaman(section.footer.paragraphs[0])
    return doc, False


def _pastikan_gaya(doc: object, bawaan: bool) -> None:
    """Create the report's styles the base document lacks; set the house look when it is ours."""
    styles = doc.styles  # type: ignore[attr-defined]
    ada = {s.name for s in styles}
    for nama, (dasar, ukuran) in GAYA_PARAGRAF.items():
        if nama in ada:
            continue
        gaya = styles.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
        gaya.base_style = styles[dasar] if dasar in ada else styles["Normal"]
        if ukuran:
            gaya.font.size = Pt(ukuran)
    lebar_teks = Cm(15.5)
    for nama in ("Isi Laporan", "Narasi Otomatis", "Narasi Operator"):
        pf = styles[nama].paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf.first_line_indent = Cm(1)
        pf.space_after = Pt(6)
        pf.line_spacing = 1.15
    for nama in ("Daftar Angka", "Daftar Butir"):
        pf = styles[nama].paragraph_format
        pf.left_indent = Cm(1)
        pf.first_line_indent = Cm(-0.6)
        pf.space_after = Pt(3)
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    isi_tabel = styles["Isi Tabel"].paragraph_format
    isi_tabel.space_before = isi_tabel.space_after = Pt(0)
    isi_tabel.line_spacing = 1.0
    isi_tabel.first_line_indent = Cm(0)
    styles["Catatan Tabel"].font.italic = True
    styles["Catatan Tabel"].paragraph_format.space_after = Pt(10)
    for nama in GAYA_JUDUL_BLOK.values():
        gaya = styles[nama]
        gaya.font.bold = True
        gaya.font.italic = False
        gaya.font.size = Pt(10)
        gaya.font.color.rgb = RGBColor(0, 0, 0)
        gaya.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        gaya.paragraph_format.space_before = Pt(6)
        gaya.paragraph_format.space_after = Pt(4)
    styles["Judul Tabel"].paragraph_format.keep_with_next = True
    for nama, kiri in (("TOC 1", 0), ("TOC 2", 0.6), ("TOC 3", 1.2), ("Table of Figures", 0)):
        pf = styles[nama].paragraph_format
        pf.left_indent = Cm(kiri)
        pf.space_after = Pt(2)
        pf.tab_stops.add_tab_stop(lebar_teks, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    if not bawaan:
        return
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    for tingkat, ukuran in ((1, 14), (2, 12), (3, 11)):
        gaya = styles[f"Heading {tingkat}"]
        gaya.font.name = "Arial"
        gaya.font.size = Pt(ukuran)
        gaya.font.bold = True
        gaya.font.italic = False
        gaya.font.color.rgb = RGBColor(0, 0, 0)
        gaya.paragraph_format.space_before = Pt(12 if tingkat == 1 else 10)
        gaya.paragraph_format.space_after = Pt(8 if tingkat == 1 else 4)
        gaya.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _nomor_halaman(paragraf: object) -> None:
    paragraf.alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]
    _field(paragraf, "PAGE", "1")


def _field(paragraf: object, instruksi: str, hasil: str) -> None:
    p = paragraf._p  # type: ignore[attr-defined]
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {escape(instruksi)} </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}><w:t>{escape(hasil)}</w:t></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p.append(parse_xml(xml))


def _properti(doc: object, dokumen: Dokumen) -> None:
    cp = doc.core_properties  # type: ignore[attr-defined]
    pada = dokumen.data_pada or TANGGAL_TETAP
    cp.author = cp.last_modified_by = dokumen.penulis
    cp.title = dokumen.judul
    cp.created = cp.modified = cp.last_printed = pada.replace(tzinfo=None, microsecond=0)
    cp.revision = 1
    cp.comments = f"Data per {pada.isoformat(timespec='seconds')}"
    # Word refreshes the Daftar Isi/Tabel/Grafik when the file is opened.
    settings = doc.settings.element  # type: ignore[attr-defined]
    if settings.find(qn("w:updateFields")) is None:
        settings.append(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'))


class _Penulis:
    def __init__(self, doc: object, dokumen: Dokumen, halaman: dict[str, int]) -> None:
        self.doc = doc
        self.dokumen = dokumen
        self.halaman = halaman
        self.lanskap = False
        self.gaya_id = {
            nama: doc.styles[nama].style_id  # type: ignore[attr-defined]
            for nama in ("Isi Tabel", "Heading 1", "Heading 2", "Heading 3", *GAYA_PARAGRAF)
        }
        self.bab_pertama = True

    def _p(self, teks: str = "", gaya: str | None = None) -> Any:
        """A paragraph in a style given by name, looked up once: python-docx's own lookup
        scans every style on each call, which was a third of the render time."""
        p = self.doc.add_paragraph(teks)  # type: ignore[attr-defined]
        if gaya is not None:
            p._p.get_or_add_pPr().get_or_add_pStyle().val = self.gaya_id[gaya]
        return p

    # --- the parts -------------------------------------------------------------------

    def sampul(self) -> None:
        s = self.dokumen.sampul
        doc = self.doc
        for _ in range(4):
            doc.add_paragraph()  # type: ignore[attr-defined]
        self._tengah(s.nama_induk.upper(), 16, tebal=True)
        self._tengah("", 12)
        self._tengah(s.judul.upper(), 20, tebal=True)
        self._tengah(s.nama_unit.upper(), 16, tebal=True)
        self._tengah(f"TAHUN {s.tahun}", 16, tebal=True)
        if s.logo_png:
            p = doc.add_paragraph()  # type: ignore[attr-defined]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run().add_picture(io.BytesIO(s.logo_png), width=Cm(4))
        for _ in range(6):
            doc.add_paragraph()  # type: ignore[attr-defined]
        if s.kota:
            self._tengah(s.kota.upper(), 14, tebal=True)
        if self.dokumen.tanda_draf:
            self._tengah("DRAF — memuat data yang belum diverifikasi", 12, tebal=True)
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # type: ignore[attr-defined]

    def _tengah(self, teks: str, ukuran: float, tebal: bool = False) -> None:
        p = self.doc.add_paragraph()  # type: ignore[attr-defined]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(teks)
        run.font.size = Pt(ukuran)
        run.bold = tebal

    def isi(self) -> None:
        if self.dokumen.tanda_draf:
            for section in self.doc.sections:  # type: ignore[attr-defined]
                p = section.header.add_paragraph("DRAF — memuat data yang belum diverifikasi")
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for blok in self.dokumen.blok:
            lanskap = isinstance(blok, Tabel) and blok.lanskap
            if isinstance(blok, Judul | Tabel | Grafik) and lanskap != self.lanskap:
                self._ganti_orientasi(lanskap)
            if isinstance(blok, Judul):
                self.judul(blok)
            elif isinstance(blok, Paragraf):
                self.paragraf(blok)
            elif isinstance(blok, Tabel):
                self.tabel(blok)
            elif isinstance(blok, Grafik):
                self.grafik(blok)
            elif isinstance(blok, Daftar):
                self.daftar(blok)
            elif isinstance(blok, TandaTangan):
                self.tanda_tangan(blok)
            elif isinstance(blok, PemisahHalaman):
                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # type: ignore[attr-defined]

    def _ganti_orientasi(self, lanskap: bool) -> None:
        lama = self.doc.sections[-1]  # type: ignore[attr-defined]
        baru = self.doc.add_section(WD_SECTION.NEW_PAGE)  # type: ignore[attr-defined]
        baru.orientation = WD_ORIENT.LANDSCAPE if lanskap else WD_ORIENT.PORTRAIT
        lebar, tinggi = sorted((lama.page_width, lama.page_height))
        baru.page_width, baru.page_height = (tinggi, lebar) if lanskap else (lebar, tinggi)
        baru.different_first_page_header_footer = False
        self.lanskap = lanskap

    def judul(self, blok: Judul) -> None:
        p = self._p(blok.teks, f"Heading {min(blok.tingkat, 3)}")
        if blok.tingkat == 1:
            if not self.bab_pertama and not self.lanskap:
                p.paragraph_format.page_break_before = True
            self.bab_pertama = False

    def paragraf(self, blok: Paragraf) -> None:
        p = self._p(gaya=GAYA_BLOK[blok.gaya])
        if blok.gaya == "tengah":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.first_line_indent = Cm(0)
        if blok.gaya in ("daftar_butir",):
            p.add_run("•\t")
        if blok.label:
            p.add_run(f"{blok.label} ").bold = True
        run = p.add_run(blok.teks)
        if blok.gaya == "kosong":
            run.italic = True

    def grafik(self, blok: Grafik) -> None:
        p = self.doc.add_paragraph()  # type: ignore[attr-defined]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(io.BytesIO(blok.png), width=Cm(blok.lebar_cm))
        self._p(f"{blok.label} {blok.judul}", GAYA_JUDUL_BLOK[blok.jenis])
        if blok.sumber:
            self._p(f"Sumber: {blok.sumber}", "Catatan Tabel")

    def tanda_tangan(self, blok: TandaTangan) -> None:
        baris = [blok.tempat_tanggal, blok.jabatan, "", "", "", blok.nama]
        if blok.nip:
            baris.append(f"NIP. {blok.nip}")
        for i, teks in enumerate(baris):
            p = self._p(gaya="Isi Tabel")
            p.paragraph_format.left_indent = Cm(9)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(teks)
            if i == 5:
                run.bold = True
                run.underline = True

    def daftar(self, blok: Daftar) -> None:
        entri = entri_daftar(self.dokumen, blok.jenis)
        if blok.jenis == "isi":
            instruksi = 'TOC \\o "1-3" \\h \\z \\u'
        else:
            instruksi = f'TOC \\h \\z \\t "{GAYA_JUDUL_BLOK[blok.jenis]},1"'
        body = self.doc.element.body  # type: ignore[attr-defined]
        # python-docx keeps the body's own sectPr last; raw paragraphs go in before it.
        sectpr = body.find(qn("w:sectPr"))
        if not entri:
            entri = [(1, "(tidak ada)")]
        for i, (tingkat, teks) in enumerate(entri):
            gaya = (
                self.gaya_id["Table of Figures"]
                if blok.jenis != "isi"
                else self.gaya_id[f"TOC {min(tingkat, 3)}"]
            )
            runs = []
            if i == 0:
                runs += [
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                    f'<w:r><w:instrText xml:space="preserve"> {escape(instruksi)} </w:instrText></w:r>',
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                ]
            nomor = self.halaman.get(teks)
            runs.append(f'<w:r><w:t xml:space="preserve">{escape(teks)}</w:t></w:r>')
            runs.append(f"<w:r><w:tab/><w:t>{nomor if nomor is not None else ''}</w:t></w:r>")
            if i == len(entri) - 1:
                runs.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
            p = parse_xml(
                f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{gaya}"/></w:pPr>{"".join(runs)}</w:p>'
            )
            if sectpr is not None:
                sectpr.addprevious(p)
            else:
                body.append(p)

    # --- tables ------------------------------------------------------------------------

    def tabel(self, blok: Tabel) -> None:
        doc = self.doc
        self._p(f"{blok.label} {blok.judul}", "Judul Tabel")
        section = doc.sections[-1]  # type: ignore[attr-defined]
        lebar_teks = int((section.page_width - section.left_margin - section.right_margin) / 635)
        n = blok.jumlah_kolom
        relatif = blok.lebar_kolom or [1.0] * n
        if len(relatif) != n:
            raise ValueError(f"{blok.label}: {len(relatif)} lebar kolom untuk {n} kolom")
        total = sum(relatif)
        lebar = [max(300, int(lebar_teks * r / total)) for r in relatif]
        xml = [
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(lebar)}" w:type="dxa"/>',
            '<w:jc w:val="center"/><w:tblBorders>',
            *(
                f'<w:{sisi} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                for sisi in ("top", "left", "bottom", "right", "insideH", "insideV")
            ),
            '</w:tblBorders><w:tblLayout w:type="fixed"/>',
            '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>',
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>',
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{w}"/>' for w in lebar),
            "</w:tblGrid>",
        ]
        gaya = self.gaya_id["Isi Tabel"]
        for baris in blok.kepala:
            xml.append(self._baris(baris, lebar, gaya, kepala=True))
        for baris in blok.baris:
            xml.append(self._baris(baris, lebar, gaya, kepala=False))
        xml.append("</w:tbl>")
        tbl = parse_xml("".join(xml))
        body = doc.element.body  # type: ignore[attr-defined]
        sectpr = body.find(qn("w:sectPr"))
        if sectpr is not None:
            sectpr.addprevious(tbl)
        else:
            body.append(tbl)
        if blok.sumber:
            self._p(f"Sumber: {blok.sumber}", "Catatan Tabel")
        else:
            self._p(gaya="Catatan Tabel")

    @staticmethod
    def _baris(baris: list[Sel], lebar: list[int], gaya: str, kepala: bool) -> str:
        tr = ["<w:tr><w:trPr><w:cantSplit/>"]
        if kepala:
            tr.append("<w:tblHeader/>")
        tr.append("</w:trPr>")
        kolom = 0
        for sel in baris:
            w = sum(lebar[kolom : kolom + sel.rentang_kolom])
            kolom += sel.rentang_kolom
            tcpr = [f'<w:tcW w:w="{w}" w:type="dxa"/>']
            if sel.rentang_kolom > 1:
                tcpr.append(f'<w:gridSpan w:val="{sel.rentang_kolom}"/>')
            if kepala:
                tcpr.append('<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>')
            tcpr.append('<w:vAlign w:val="center"/>' if kepala else '<w:vAlign w:val="top"/>')
            rata = (
                "center"
                if kepala
                else {"kiri": "left", "tengah": "center", "kanan": "right"}[sel.rata]
            )
            ppr = f'<w:pPr><w:pStyle w:val="{gaya}"/><w:jc w:val="{rata}"/>'
            if sel.inden:
                ppr += f'<w:ind w:left="{sel.inden * 170}"/>'
            ppr += "</w:pPr>"
            rpr = "<w:rPr><w:b/></w:rPr>" if (kepala or sel.tebal) else ""
            tr.append(
                f"<w:tc><w:tcPr>{''.join(tcpr)}</w:tcPr><w:p>{ppr}"
                f'<w:r>{rpr}<w:t xml:space="preserve">{escape(sel.teks)}</w:t></w:r></w:p></w:tc>'
            )
        if kolom != len(lebar):
            raise ValueError(f"baris tabel berisi {kolom} kolom, seharusnya {len(lebar)}")
        tr.append("</w:tr>")
        return "".join(tr)


__all__ = ["TANGGAL_TETAP", "docx", "konteks_sampul", "zip_deterministik"]
