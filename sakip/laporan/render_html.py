"""The report as HTML: the app's preview (a fragment) and a standalone page (no external files).

Everything that comes from data is escaped; the template includes the fragment
with ``|safe``, so this module is the only guard. The Daftar Isi/Tabel/Grafik link
to anchors of their headings, tables and figures, so a planner can jump around the
preview as in Word. Like the other renderers, it expects a document already
numbered by :func:`~sakip.laporan.dokumen.beri_nomor` and computes no figure: cells
print ``Sel.teks`` as the builder formatted it.
"""

from __future__ import annotations

import base64
import re
from decimal import Decimal
from html import escape

from sakip.kinerja.periksa.dokumen import adalah_baris_nomor_kolom
from sakip.laporan.dokumen import (
    Blok,
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
)

TEKS_DRAF = "DRAF — memuat data yang belum diverifikasi"
KELAS_RATA = {"kiri": "", "tengah": "text-center", "kanan": "text-end"}
KELAS_GAYA = {
    "biasa": "",
    "narasi_otomatis": "narasi-otomatis",
    "narasi_operator": "narasi-operator",
    "daftar_angka": "daftar-angka",
    "daftar_butir": "daftar-butir",
    "tengah": "text-center",
    "catatan": "small",
    "kosong": "text-muted fst-italic",
}
# Bootstrap size classes for the preview: a bare <h1> is 2.5rem there, too loud for a
# chapter title. The standalone page styles the tags itself and ignores these.
KELAS_JUDUL = {1: "h3 text-center", 2: "h4", 3: "h5"}


def jangkar(teks: str) -> str:
    """A readable id from a label or heading: "Tabel 3.4" → "tabel-3-4"."""
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-") or "bagian"


def jangkar_baris(jangkar_tabel: str, baris: int) -> str:
    """The id of a table's body row: "tabel-3-4" and row 2 → "tabel-3-4-baris-2".

    Rows are counted from 1 as a consistency check counts them
    (:attr:`sakip.kinerja.periksa.temuan.Lokasi.baris`), so a finding links to its row.
    """
    return f"{jangkar_tabel}-baris-{baris}"


def _nomor_baris(t: Tabel) -> list[int | None]:
    """Each body row's number as the checks count it; a column-number row has none.

    The reader of a document takes a row of column numbers ("(1) (2) … (6)") that
    opens the body as the table's formulas, not as a row (see
    :func:`sakip.laporan.baca_docx.tabel_dari_grid`); the numbering here follows it.
    """

    def bernomor(baris: list[Sel]) -> bool:
        return adalah_baris_nomor_kolom([s.teks for s in baris])

    lewati = bool(t.baris) and not any(map(bernomor, t.kepala)) and bernomor(t.baris[0])
    nomor: list[int | None] = [None] if lewati else []
    nomor += range(1, len(t.baris) - len(nomor) + 1)
    return nomor


def _jangkar_dokumen(dokumen: Dokumen) -> dict[int, str]:
    """The id of every heading, table and figure, unique within the page, by ``id(blok)``.

    Computed once so that a Daftar placed before the blocks it lists links to the
    very ids those blocks get. Tables and figures use their number ("tabel-3-4"), or
    their key when unnumbered; headings their text. Two headings with the same text
    (a "Latar Belakang" in two chapters) get "-2", "-3" so every link has one target.
    """
    hasil: dict[int, str] = {}
    terpakai: set[str] = set()
    for b in dokumen.blok:
        if isinstance(b, Judul):
            dasar = jangkar(b.teks)
        elif isinstance(b, Tabel | Grafik):
            dasar = jangkar(b.label if b.nomor else f"{b.label} {b.kunci}")
        else:
            continue
        nama, i = dasar, 2
        while nama in terpakai:
            nama, i = f"{dasar}-{i}", i + 1
        terpakai.add(nama)
        hasil[id(b)] = nama
    return hasil


def _teks(teks: str) -> str:
    """Escaped text; the operator's line breaks are kept as in the Word report."""
    return escape(teks).replace("\r\n", "\n").replace("\n", "<br>\n")


def _angka_mentah(nilai: Decimal | int) -> str:
    # Fixed notation: str(Decimal("1E+3")) would give "1E+3" to a script reading data-nilai.
    return format(nilai, "f") if isinstance(nilai, Decimal) else str(nilai)


def _sel(s: Sel, kepala: bool) -> str:
    tag = "th" if kepala else "td"
    atribut = []
    # Header cells are centred and bold by the table's style, as in the DOCX.
    kelas = [] if kepala else [KELAS_RATA[s.rata], "fw-bold" if s.tebal else ""]
    kelas = [k for k in kelas if k]
    if kelas:
        atribut.append(f'class="{" ".join(kelas)}"')
    if s.rentang_kolom > 1:
        atribut.append(f'colspan="{s.rentang_kolom}"')
    if kepala:
        atribut.append('scope="col"')
    if s.inden:
        atribut.append(f'style="padding-left:{0.3 + s.inden:.1f}rem"')
    if s.nilai is not None and s.format != "teks":
        atribut.append(f'data-nilai="{escape(_angka_mentah(s.nilai))}"')
    buka = " ".join([tag, *atribut])
    return f"<{buka}>{_teks(s.teks)}</{tag}>"


def _tabel(t: Tabel, id_: str) -> str:
    # Every table may scroll sideways on a narrow screen; landscape ones are the wide
    # ones, and the class lets the standalone page print them on a landscape page.
    kelas = "table-responsive lanskap" if t.lanskap else "table-responsive"
    bagian = [
        f'<div class="{kelas}" id="{id_}">',
        '<table class="table table-sm table-bordered lkjip">',
        f"<caption>{escape(t.label)} {escape(t.judul)}</caption>",
    ]
    if t.kepala:
        bagian += [
            "<thead>",
            *("<tr>" + "".join(_sel(s, True) for s in b) + "</tr>" for b in t.kepala),
            "</thead>",
        ]
    bagian.append("<tbody>")
    for b, n in zip(t.baris, _nomor_baris(t), strict=True):
        id_baris = f' id="{jangkar_baris(id_, n)}"' if n is not None else ""
        bagian.append(f"<tr{id_baris}>" + "".join(_sel(s, False) for s in b) + "</tr>")
    bagian.append("</tbody></table>")
    if t.sumber:
        bagian.append(f'<p class="sumber small fst-italic">Sumber: {escape(t.sumber)}</p>')
    bagian.append("</div>")
    return "\n".join(bagian)


def _png(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def _grafik(g: Grafik, id_: str) -> str:
    alt = escape(g.keterangan or g.judul)
    sumber = (
        f'<p class="sumber small fst-italic">Sumber: {escape(g.sumber)}</p>' if g.sumber else ""
    )
    # The width the figure has on paper; max-width keeps it inside a narrow screen.
    gaya = f"width:{g.lebar_cm:g}cm;max-width:100%"
    return (
        f'<figure id="{id_}"><img src="{_png(g.png)}" alt="{alt}" style="{gaya}">'
        f"<figcaption>{escape(g.label)} {escape(g.judul)}</figcaption>{sumber}</figure>"
    )


def _daftar(dokumen: Dokumen, blok: Daftar, jangkar_blok: dict[int, str]) -> str:
    """The same entries as :func:`~sakip.laporan.dokumen.entri_daftar`, each a link."""
    butir: list[str] = []
    for b in dokumen.blok:
        if blok.jenis == "isi" and isinstance(b, Judul) and b.di_daftar_isi:
            teks, kelas = escape(b.teks), f' class="tingkat-{min(b.tingkat, 3)}"'
        elif (blok.jenis == "Tabel" and isinstance(b, Tabel)) or (
            isinstance(b, Grafik) and b.jenis == blok.jenis
        ):
            teks, kelas = f"{escape(b.label)} {escape(b.judul)}", ""
        else:
            continue
        butir.append(f'<li{kelas}><a href="#{jangkar_blok[id(b)]}">{teks}</a></li>')
    if not butir:
        return '<p class="text-muted fst-italic">(tidak ada)</p>'
    return f'<ul class="daftar daftar-{jangkar(blok.jenis)}">' + "".join(butir) + "</ul>"


def _paragraf(p: Paragraf) -> str:
    kelas = KELAS_GAYA[p.gaya]
    atribut = f' class="{kelas}"' if kelas else ""
    if p.gaya == "narasi_otomatis":
        # Tells the reader on hover why the text reads the way it does.
        atribut += ' title="Dibuat otomatis dari angka"'
    # The DOCX prefixes a bullet character; a numbered item carries its own number.
    butir = '<span class="butir">•</span> ' if p.gaya == "daftar_butir" else ""
    label = f"<strong>{escape(p.label)}</strong> " if p.label else ""
    return f"<p{atribut}>{butir}{label}{_teks(p.teks)}</p>"


def _tanda_tangan(t: TandaTangan) -> str:
    nip = f"<br>NIP. {escape(t.nip)}" if t.nip else ""
    return (
        f'<div class="tanda-tangan">{escape(t.tempat_tanggal)}<br>{escape(t.jabatan)}'
        f"<br><br><br><strong><u>{escape(t.nama)}</u></strong>{nip}</div>"
    )


def _sampul(s: Sampul) -> str:
    """The cover: the same lines, in the same order, as the DOCX cover."""
    bagian = [
        '<header class="sampul text-center">',
        f'<p class="fw-bold">{escape(s.nama_induk.upper())}</p>',
        f'<p class="judul-sampul fw-bold fs-3">{escape(s.judul.upper())}</p>',
        f'<p class="fw-bold">{escape(s.nama_unit.upper())}</p>',
        f'<p class="fw-bold">TAHUN {s.tahun}</p>',
    ]
    if s.logo_png:
        bagian.append(f'<p><img class="logo" src="{_png(s.logo_png)}" alt="Logo"></p>')
    if s.kota:
        bagian.append(f'<p class="fw-bold">{escape(s.kota.upper())}</p>')
    bagian.append("</header>")
    return "\n".join(bagian)


def _blok(dokumen: Dokumen, b: Blok, jangkar_blok: dict[int, str]) -> str:
    if isinstance(b, Judul):
        # Heading 1–3 of the DOCX become h1–h3; deeper levels stay h3, as there.
        h = min(max(b.tingkat, 1), 3)
        return f'<h{h} id="{jangkar_blok[id(b)]}" class="{KELAS_JUDUL[h]}">{escape(b.teks)}</h{h}>'
    if isinstance(b, Paragraf):
        return _paragraf(b)
    if isinstance(b, Tabel):
        return _tabel(b, jangkar_blok[id(b)])
    if isinstance(b, Grafik):
        return _grafik(b, jangkar_blok[id(b)])
    if isinstance(b, Daftar):
        return _daftar(dokumen, b, jangkar_blok)
    if isinstance(b, TandaTangan):
        return _tanda_tangan(b)
    if isinstance(b, PemisahHalaman):
        return '<hr class="page-break">'
    raise TypeError(f"blok tidak dikenal: {type(b).__name__}")


def html_isi(dokumen: Dokumen) -> str:
    """The report body (already numbered) as an HTML fragment, for the app's preview."""
    jangkar_blok = _jangkar_dokumen(dokumen)
    bagian = []
    if dokumen.tanda_draf:
        bagian.append(f'<div class="alert alert-warning draf" role="note">{TEKS_DRAF}</div>')
    bagian.append(_sampul(dokumen.sampul))
    bagian += (_blok(dokumen, b, jangkar_blok) for b in dokumen.blok)
    return "\n".join(bagian)


# The standalone page's own style: no CDN and no files, so the page can be mailed or
# archived as one file and printed from a browser on A4 with the report's look.
CSS = """
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 11pt; line-height: 1.45;
       max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #000; background: #fff; }
h1 { font-size: 14pt; text-align: center; margin-top: 3rem; }
h2 { font-size: 12pt; margin-top: 1.5rem; } h3 { font-size: 11pt; margin-top: 1.2rem; }
h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
p { text-align: justify; margin: 0 0 .5rem; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: .5rem 0 0; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
th { background: #d9d9d9; text-align: center; vertical-align: middle; font-weight: bold; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
caption { caption-side: top; font-weight: bold; text-align: center; padding: .3rem; color: #000; }
.table-responsive { overflow-x: auto; margin-bottom: 1rem; }
.text-end { text-align: right; } .text-center { text-align: center; } .fw-bold { font-weight: bold; }
.text-muted { color: #555; } .fst-italic { font-style: italic; } .small, .sumber { font-size: 8.5pt; }
.sumber { text-align: left; margin-top: .2rem; }
figure { text-align: center; margin: 1rem 0; page-break-inside: avoid; break-inside: avoid; }
figure img { max-width: 100%; height: auto; } figcaption { font-weight: bold; font-size: 10pt; }
.narasi-otomatis { border-left: 3px solid #aaa; padding-left: .5rem; }
.narasi-operator { border-left: 3px solid #0d6efd; padding-left: .5rem; }
.daftar-angka, .daftar-butir { padding-left: 1.6rem; text-indent: -.6rem; }
.tanda-tangan { margin: 2rem 0 2rem 55%; text-align: center; page-break-inside: avoid; }
.sampul { margin: 4rem 0; } .sampul p { text-align: center; } .sampul .logo { width: 4cm; }
.judul-sampul { font-size: 18pt; margin: 2rem 0 .5rem; }
.draf { border: 2px solid #b58900; padding: .5rem; text-align: center; font-weight: bold; }
.daftar { list-style: none; padding-left: 0; } .daftar a { color: inherit; text-decoration: none; }
.daftar .tingkat-2 { padding-left: 1.5rem; } .daftar .tingkat-3 { padding-left: 3rem; }
@page { size: A4; margin: 2.5cm 2.5cm 2.5cm 3cm; }
@page lanskap { size: A4 landscape; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  .sampul { page-break-after: always; break-after: page; }
  h1 { page-break-before: always; break-before: page; margin-top: 0; }
  .page-break { page-break-after: always; break-after: page; border: 0; margin: 0; }
  .table-responsive { overflow: visible; }
  .lanskap { page: lanskap; }
  a { color: inherit; text-decoration: none; }
}
"""


def html_lengkap(dokumen: Dokumen) -> bytes:
    """A standalone UTF-8 page of the whole report, with its own print-friendly style.

    Deterministic: nothing but the document goes in, so equal reports are equal bytes.
    """
    return (
        '<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape(dokumen.penulis)}">\n'
        f"<title>{escape(dokumen.judul)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{html_isi(dokumen)}\n</body>\n</html>\n"
    ).encode()


__all__ = ["CSS", "html_isi", "html_lengkap", "jangkar", "jangkar_baris"]
