"""The report as HTML: the app's preview (a fragment) and a standalone page (no external files).

Everything that comes from data is escaped; the lists link to anchors of their
headings, tables and figures, so a planner can jump around the preview as in Word.
"""

from __future__ import annotations

import base64
import re
from html import escape

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
)

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


def jangkar(teks: str) -> str:
    """A stable id from a label or heading: "Tabel 3.4" → "tabel-3-4"."""
    return re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-") or "bagian"


def _sel(s: Sel, tag: str) -> str:
    atribut = []
    kelas = [KELAS_RATA[s.rata]] + (["fw-bold"] if s.tebal else [])
    kelas = [k for k in kelas if k]
    if kelas:
        atribut.append(f'class="{" ".join(kelas)}"')
    if s.rentang_kolom > 1:
        atribut.append(f'colspan="{s.rentang_kolom}"')
    if s.inden:
        atribut.append(f'style="padding-left:{0.3 + s.inden:.1f}rem"')
    if s.nilai is not None and s.format != "teks":
        atribut.append(f'data-nilai="{s.nilai}"')
    return f"<{tag}{' ' if atribut else ''}{' '.join(atribut)}>{escape(s.teks)}</{tag}>"


def _tabel(t: Tabel) -> str:
    bagian = [
        f'<div class="table-responsive" id="{jangkar(t.label)}">',
        '<table class="table table-sm table-bordered lkjip">',
        f"<caption>{escape(t.label)} {escape(t.judul)}</caption>",
        "<thead>",
        *("<tr>" + "".join(_sel(s, "th") for s in b) + "</tr>" for b in t.kepala),
        "</thead><tbody>",
        *("<tr>" + "".join(_sel(s, "td") for s in b) + "</tr>" for b in t.baris),
        "</tbody></table>",
    ]
    if t.sumber:
        bagian.append(f'<p class="sumber">Sumber: {escape(t.sumber)}</p>')
    bagian.append("</div>")
    return "\n".join(bagian)


def _grafik(g: Grafik) -> str:
    data = base64.b64encode(g.png).decode()
    alt = escape(g.keterangan or g.judul)
    sumber = f'<p class="sumber">Sumber: {escape(g.sumber)}</p>' if g.sumber else ""
    return (
        f'<figure id="{jangkar(g.label)}"><img src="data:image/png;base64,{data}" alt="{alt}">'
        f"<figcaption>{escape(g.label)} {escape(g.judul)}</figcaption>{sumber}</figure>"
    )


def _daftar(dokumen: Dokumen, blok: Daftar) -> str:
    if blok.jenis == "isi":
        butir = [
            f'<li class="tingkat-{j.tingkat}"><a href="#{jangkar(j.teks)}">{escape(j.teks)}</a></li>'
            for j in dokumen.judul_bab()
            if j.di_daftar_isi
        ]
    else:
        butir = [
            f'<li><a href="#{jangkar(b.label)}">{escape(b.label)} {escape(b.judul)}</a></li>'
            for b in dokumen.blok
            if (isinstance(b, Tabel) and blok.jenis == "Tabel")
            or (isinstance(b, Grafik) and b.jenis == blok.jenis)
        ]
    if not butir:
        return '<p class="text-muted fst-italic">(tidak ada)</p>'
    return f'<ul class="daftar daftar-{jangkar(blok.jenis)}">' + "".join(butir) + "</ul>"


def _paragraf(p: Paragraf) -> str:
    kelas = KELAS_GAYA[p.gaya]
    atribut = f' class="{kelas}"' if kelas else ""
    if p.gaya == "narasi_otomatis":
        atribut += ' title="Dibuat otomatis dari angka"'
    label = f"<strong>{escape(p.label)}</strong> " if p.label else ""
    return f"<p{atribut}>{label}{escape(p.teks)}</p>"


def _tanda_tangan(t: TandaTangan) -> str:
    nip = f"<br>NIP. {escape(t.nip)}" if t.nip else ""
    return (
        f'<div class="tanda-tangan">{escape(t.tempat_tanggal)}<br>{escape(t.jabatan)}'
        f"<br><br><br><strong><u>{escape(t.nama)}</u></strong>{nip}</div>"
    )


def html_isi(dokumen: Dokumen) -> str:
    """The report body (already numbered) as an HTML fragment, for the app's preview."""
    s = dokumen.sampul
    bagian = []
    if dokumen.tanda_draf:
        bagian.append(
            '<div class="alert alert-warning draf" role="note">DRAF — memuat data yang belum '
            "diverifikasi</div>"
        )
    bagian.append(
        f'<header class="sampul text-center"><p>{escape(s.nama_induk.upper())}</p>'
        f'<h1>{escape(s.judul)}</h1><p class="fw-bold">{escape(s.nama_unit.upper())}</p>'
        f"<p>TAHUN {s.tahun}</p>{f'<p>{escape(s.kota.upper())}</p>' if s.kota else ''}</header>"
    )
    for b in dokumen.blok:
        if isinstance(b, Judul):
            h = min(b.tingkat + 1, 4)
            bagian.append(f'<h{h} id="{jangkar(b.teks)}">{escape(b.teks)}</h{h}>')
        elif isinstance(b, Paragraf):
            bagian.append(_paragraf(b))
        elif isinstance(b, Tabel):
            bagian.append(_tabel(b))
        elif isinstance(b, Grafik):
            bagian.append(_grafik(b))
        elif isinstance(b, Daftar):
            bagian.append(_daftar(dokumen, b))
        elif isinstance(b, TandaTangan):
            bagian.append(_tanda_tangan(b))
        elif isinstance(b, PemisahHalaman):
            bagian.append('<hr class="page-break">')
    return "\n".join(bagian)


CSS = """
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 11pt; line-height: 1.45;
       max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #000; }
h2 { text-align: center; margin-top: 3rem; page-break-before: always; }
h3, h4 { margin-top: 1.5rem; }
p { text-align: justify; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: .5rem 0; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
th { background: #d9d9d9; text-align: center; }
thead { display: table-header-group; }
caption { caption-side: top; font-weight: bold; text-align: center; padding: .3rem; color: #000; }
.text-end { text-align: right; } .text-center { text-align: center; } .fw-bold { font-weight: bold; }
.text-muted { color: #555; } .fst-italic { font-style: italic; } .small, .sumber { font-size: 8.5pt; }
figure { text-align: center; margin: 1rem 0; page-break-inside: avoid; }
figure img { max-width: 100%; } figcaption { font-weight: bold; }
.narasi-otomatis { border-left: 3px solid #aaa; padding-left: .5rem; }
.narasi-operator { border-left: 3px solid #0d6efd; padding-left: .5rem; }
.tanda-tangan { margin: 2rem 0 2rem 55%; text-align: center; }
.sampul { margin: 4rem 0; } .draf { border: 2px solid #b58900; padding: .5rem; text-align: center; }
.daftar { list-style: none; padding-left: 0; } .daftar .tingkat-2 { padding-left: 1.5rem; }
.daftar .tingkat-3 { padding-left: 3rem; }
@media print { @page { size: A4; margin: 2.5cm 2cm; } body { margin: 0; max-width: none; }
  .page-break { page-break-after: always; border: 0; } tr { page-break-inside: avoid; } }
"""


def html_lengkap(dokumen: Dokumen) -> bytes:
    """A standalone UTF-8 page of the whole report, with its own print-friendly style."""
    return (
        '<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(dokumen.judul)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{html_isi(dokumen)}\n</body>\n</html>\n"
    ).encode()
