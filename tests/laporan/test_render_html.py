"""The HTML renderer (sakip.laporan.render_html) on a small document built by hand."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from decimal import Decimal as D
from html.parser import HTMLParser

from PIL import Image

from sakip.laporan.dokumen import (
    Daftar,
    Dokumen,
    Grafik,
    Judul,
    Paragraf,
    PemisahHalaman,
    Sampul,
    Sel,
    Tabel,
    TandaTangan,
    beri_nomor,
    sel_angka,
    sel_persen,
    sel_rupiah,
    sel_teks,
)
from sakip.laporan.render_html import html_isi, html_lengkap, jangkar, jangkar_baris


def png_kecil() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buf, "PNG")
    return buf.getvalue()


def dokumen_contoh(*, draf: bool = False) -> Dokumen:
    """Two numbered chapters, a table with a two-row header, a wide table, a chart, the lists.

    Numbered with beri_nomor, as the builder does before any renderer runs.
    """
    d = Dokumen(
        judul="LKjIP Sekretariat Daerah Tahun 2024",
        sampul=Sampul(
            judul="Laporan Kinerja Instansi Pemerintah",
            nama_unit="Sekretariat Daerah",
            nama_induk="Pemerintah Provinsi Kalimantan Timur",
            tahun=2024,
            kota="Samarinda",
        ),
        data_pada=dt.datetime(2025, 2, 3, 4, 5, 6, tzinfo=dt.UTC),
        tanda_draf=draf,
    )
    capaian = Tabel(
        kunci="capaian",
        judul="Capaian Indikator Kinerja Utama Tahun 2024",
        kepala=[
            [sel_teks("No"), sel_teks("Indikator"), Sel("Tahun 2024", rentang_kolom=3)],
            [Sel(""), Sel(""), sel_teks("Target"), sel_teks("Realisasi"), Sel("%")],
        ],
        baris=[
            [
                sel_teks("1", rata="tengah"),
                sel_teks("Indeks <script>alert(1)</script> & Kepuasan"),
                sel_angka(D("71"), 2),
                sel_angka(D("86.69")),
                sel_persen(D("122.10")),
            ],
            [
                sel_teks("2", rata="tengah"),
                sel_teks("Sub indikator", inden=1),
                sel_angka(None),
                sel_teks("=1+1"),
                sel_persen(None),
            ],
        ],
        sumber="Bagian Organisasi <Setda>",
    )
    anggaran = Tabel(
        kunci="anggaran",
        judul="Anggaran per Sasaran",
        kepala=[[sel_teks("Sasaran"), sel_teks("Pagu"), sel_teks("Kegiatan")]],
        baris=[
            [sel_teks("Sasaran 1"), sel_rupiah(D("202978570206")), sel_angka(1234, 0)],
            [Sel("Jumlah", rentang_kolom=2, tebal=True), sel_angka(D("1234"), 0, tebal=True)],
        ],
        lebar_kolom=[5, 3, 2],
        lanskap=True,
    )
    d.tambah(
        Judul("KATA PENGANTAR", di_daftar_isi=True),
        Paragraf("Puji syukur."),
        TandaTangan("Samarinda, 3 Februari 2025", "Sekretaris Daerah", "SRI WAHYUNI", "1970"),
        Judul("DAFTAR ISI"),
        Daftar("isi"),
        Judul("DAFTAR TABEL"),
        Daftar("Tabel"),
        Judul("DAFTAR GRAFIK"),
        Daftar("Grafik"),
        PemisahHalaman(),
        Judul("BAB I PENDAHULUAN", awalan="1"),
        Judul("A. Gambaran Umum", tingkat=2),
        Paragraf("Uraian pada {ref:capaian} dan {ref:tren}.", "narasi_otomatis"),
        Paragraf("Teks <b>unit</b>\nbaris kedua", "narasi_operator", label="Faktor pendorong:"),
        Paragraf("butir satu", "daftar_butir"),
        Grafik("tren", "Tren Capaian <2024>", png_kecil(), sumber="Olahan", keterangan="Garis"),
        Tabel(
            kunci="struktur",
            judul="Struktur",
            kepala=[],
            baris=[[sel_teks("Sekretaris"), sel_teks("1")]],
        ),
        Judul("BAB III AKUNTABILITAS KINERJA", awalan="3"),
        Judul("A. Gambaran Umum", tingkat=2),
        capaian,
        Paragraf("Data belum tersedia.", "kosong"),
        anggaran,
    )
    beri_nomor(d)
    return d


class _Pemeriksa(HTMLParser):
    """Collects ids and links, and checks that every opened element is closed in order."""

    KOSONG = {"br", "hr", "img", "meta", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.tumpukan: list[str] = []
        self.id: list[str] = []
        self.href: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.id.append(a["id"] or "")
        if a.get("href"):
            self.href.append(a["href"] or "")
        if tag not in self.KOSONG:
            self.tumpukan.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.tumpukan and self.tumpukan[-1] == tag, (tag, self.tumpukan[-5:])
        self.tumpukan.pop()


def _periksa(html: str) -> _Pemeriksa:
    p = _Pemeriksa()
    p.feed(html)
    p.close()
    assert not p.tumpukan, p.tumpukan
    return p


def test_numbers_are_printed_as_the_builder_formatted_them() -> None:
    html = html_isi(dokumen_contoh())
    assert "122,10" in html and "86,69" in html
    assert "Rp 202.978.570.206" in html
    assert 'data-nilai="122.10"' in html and 'data-nilai="202978570206"' in html
    # a text cell and an empty number carry no raw value
    assert 'data-nilai="None"' not in html


def test_text_from_data_is_escaped() -> None:
    html = html_isi(dokumen_contoh())
    assert "<script>" not in html
    assert "Indeks &lt;script&gt;alert(1)&lt;/script&gt; &amp; Kepuasan" in html
    assert "Teks &lt;b&gt;unit&lt;/b&gt;<br>\nbaris kedua" in html
    assert "Sumber: Bagian Organisasi &lt;Setda&gt;" in html
    assert "Grafik 1.1 Tren Capaian &lt;2024&gt;" in html
    _periksa(html)  # and the markup is balanced


def test_every_list_entry_links_to_an_element_of_the_page() -> None:
    d = dokumen_contoh()
    p = _periksa(html_isi(d))
    assert len(p.id) == len(set(p.id)), "ids are unique"
    tautan = [h[1:] for h in p.href if h.startswith("#")]
    assert set(tautan) <= set(p.id)
    html = html_isi(d)
    for t in d.tabel():
        assert f'<a href="#{jangkar(t.label)}">{t.label} ' in html
    assert '<a href="#tabel-3-1">Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024</a>' in html
    assert '<a href="#grafik-1-1">Grafik 1.1 Tren Capaian &lt;2024&gt;</a>' in html
    # The same heading text in two chapters: two targets, two links.
    assert 'id="a-gambaran-umum"' in html and 'id="a-gambaran-umum-2"' in html
    assert html.count('href="#a-gambaran-umum') == 2


def test_every_body_row_has_an_id_a_finding_can_link_to() -> None:
    d = dokumen_contoh()
    html = html_isi(d)
    p = _periksa(html)
    assert len(p.id) == len(set(p.id))
    # Rows counted from 1 as Lokasi.baris counts them; header rows have no id.
    assert jangkar_baris("tabel-3-1", 2) == "tabel-3-1-baris-2"
    assert '<tr id="tabel-3-1-baris-1"><td class="text-center">1</td>' in html
    assert '<tr id="tabel-3-1-baris-2">' in html and "tabel-3-1-baris-3" not in html
    assert '<tr id="tabel-3-2-baris-2"><td class="fw-bold" colspan="2">Jumlah</td>' in html
    assert '<tr id="tabel-1-1-baris-1"><td>Sekretaris</td>' in html
    # A body that opens with the row of column numbers: the checks read it as the
    # columns' formulas, so the first data row is row 1 here too.
    t = d.cari_tabel("struktur")
    t.baris.insert(0, [sel_teks("(1)"), sel_teks("(2)")])
    html = html_isi(d)
    assert "<tr><td>(1)</td><td>(2)</td></tr>" in html
    assert '<tr id="tabel-1-1-baris-1"><td>Sekretaris</td>' in html


def test_headings_tables_and_figures() -> None:
    html = html_isi(dokumen_contoh())
    assert re.search(r'<h1 id="bab-iii-akuntabilitas-kinerja"[^>]*>BAB III', html)
    assert re.search(r'<h2 id="a-gambaran-umum"[^>]*>A\. Gambaran Umum</h2>', html)
    assert '<table class="table table-sm table-bordered lkjip">' in html
    assert "<caption>Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024</caption>" in html
    thead = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert '<th colspan="3" scope="col">Tahun 2024</th>' in thead
    assert thead.count("<tr>") == 2
    assert '<td class="text-end" data-nilai="122.10">122,10</td>' in html
    assert '<td class="text-center">1</td>' in html
    assert 'style="padding-left:1.3rem">Sub indikator' in html
    assert '<td class="fw-bold" colspan="2">Jumlah</td>' in html
    # The wide table can scroll sideways and prints on a landscape page.
    assert '<div class="table-responsive lanskap" id="tabel-3-2">' in html
    # The table without a header has no empty <thead>.
    assert "<thead>\n</thead>" not in html
    src = re.search(r'<img src="data:image/png;base64,([^"]+)" alt="Garis"', html)
    assert src and base64.b64decode(src.group(1)) == png_kecil()
    assert "<figcaption>Grafik 1.1 Tren Capaian &lt;2024&gt;</figcaption>" in html


def test_references_paragraph_styles_and_other_blocks() -> None:
    html = html_isi(dokumen_contoh())
    assert (
        '<p class="narasi-otomatis" title="Dibuat otomatis dari angka">'
        "Uraian pada Tabel 3.1 dan Grafik 1.1.</p>"
    ) in html
    assert '<p class="narasi-operator"><strong>Faktor pendorong:</strong> Teks' in html
    assert '<p class="text-muted fst-italic">Data belum tersedia.</p>' in html
    assert '<p class="daftar-butir"><span class="butir">•</span> butir satu</p>' in html
    assert '<hr class="page-break">' in html
    assert "SRI WAHYUNI" in html and "NIP. 1970" in html
    assert '<header class="sampul' in html and "PEMERINTAH PROVINSI KALIMANTAN TIMUR" in html


def test_draft_banner_only_for_a_draft() -> None:
    assert "DRAF" not in html_isi(dokumen_contoh())
    assert html_isi(dokumen_contoh(draf=True)).startswith(
        '<div class="alert alert-warning draf" role="note">DRAF'
    )


def test_standalone_page_is_self_contained_and_deterministic() -> None:
    halaman = html_lengkap(dokumen_contoh())
    assert halaman == html_lengkap(dokumen_contoh())
    teks = halaman.decode("utf-8")
    assert teks.startswith('<!doctype html>\n<html lang="id">')
    assert '<meta charset="utf-8">' in teks
    assert "<title>LKjIP Sekretariat Daerah Tahun 2024</title>" in teks
    assert "thead { display: table-header-group; }" in teks
    assert "size: A4" in teks and "page-break-inside: avoid" in teks
    # nothing fetched from elsewhere
    assert "<link" not in teks and not re.search(r"(src|href)=\"(https?:)?//", teks)
    assert html_isi(dokumen_contoh()) in teks
    _periksa(teks)
