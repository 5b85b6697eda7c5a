"""Reading an LKjIP from DOCX into the document the consistency checks see.

A planner checks a report made by hand in Word, or one we generated, with the
same checks as a report pasted as text (issue 8). Captions and header rows are
found as :mod:`sakip.kinerja.periksa.baca_teks` finds them in text, so a report
reads alike whatever its format. Word's merged cells follow the text reader's
convention: a vertically merged cell (``w:vMerge``) is the group's value, given
to the group's first row and left empty below; a header spanning several
columns (``w:gridSpan``, "Anggaran" over "Pagu" and "Realisasi") is repeated
over them, while a spanning body cell ("Jumlah" over three columns) stands in
its first column only.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.oxml.ns import qn

from sakip.kinerja.periksa.baca_teks import gabung_kepala, judul_sebelum, pisah_kepala
from sakip.kinerja.periksa.dokumen import (
    Dokumen,
    Paragraf,
    Tabel,
    adalah_baris_nomor_kolom,
    tahun_dokumen,
)

# Our own appendix and executive-summary tables ("Tabel IE.1", "Tabel L.2") carry a
# letter prefix the text caption pattern reads as a Roman numeral.
_POLA_LABEL_HURUF = re.compile(r"^\s*Tabel\s+((?:IE|L)\.\d+)\.?\s*(.*?)\s*$", re.IGNORECASE)
# Text standing for a table in the list of lines captions are searched in: the
# caption search stops at a table line, as it does in text.
_TANDA_TABEL = "|"


class DocxError(ValueError):
    """The bytes are not a Word document python-docx can open."""


@dataclass
class _Sel:
    teks: str
    # "kiri": covered by a cell spanning from the left; "atas": by a merge from above.
    tertutup: str = ""


def teks_sel(tc: Any) -> str:
    """A cell's text, its paragraphs joined by line breaks (nested tables included)."""
    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))
    ).strip()


def _teks_paragraf(p: Any) -> str:
    bagian = []
    for x in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        bagian.append(x.text or "" if x.tag == qn("w:t") else " ")
    return re.sub(r"\s+", " ", "".join(bagian)).strip()


def _anak(el: Any, tag: str) -> Iterator[Any]:
    """Direct children with ``tag``, looking through content controls (``w:sdt``)."""
    for x in el.iterchildren():
        if x.tag == tag:
            yield x
        elif x.tag == qn("w:sdt"):
            isi = x.find(qn("w:sdtContent"))
            if isi is not None:
                yield from _anak(isi, tag)


def _blok_badan(body: Any) -> Iterator[Any]:
    for x in body.iterchildren():
        if x.tag in (qn("w:p"), qn("w:tbl")):
            yield x
        elif x.tag == qn("w:sdt"):
            isi = x.find(qn("w:sdtContent"))
            if isi is not None:
                yield from _blok_badan(isi)


def _nilai(el: Any, jalur: str) -> str | None:
    x = el.find(jalur)
    return None if x is None else x.get(qn("w:val"), "")


def _grid(tbl: Any) -> tuple[list[list[_Sel]], int]:
    """The table as a grid of cells, and how many leading rows Word repeats as header."""
    baris: list[list[_Sel]] = []
    n_kepala = 0
    masih_kepala = True
    for r, tr in enumerate(_anak(tbl, qn("w:tr"))):
        sel: list[_Sel] = []
        trpr = tr.find(qn("w:trPr"))
        sebelum = _nilai(trpr, qn("w:gridBefore")) if trpr is not None else None
        sel += [_Sel("") for _ in range(int(sebelum or 0))]
        for tc in _anak(tr, qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            rentang = int(_nilai(tcpr, qn("w:gridSpan")) or 1) if tcpr is not None else 1
            gabung = _nilai(tcpr, qn("w:vMerge")) if tcpr is not None else None
            lanjut = gabung is not None and gabung != "restart"
            kolom = len(sel)
            if lanjut and r > 0 and kolom < len(baris[-1]):
                sel.append(_Sel("", "atas"))
            else:
                sel.append(_Sel(re.sub(r"\s+", " ", teks_sel(tc))))
            sel += [_Sel("", "kiri") for _ in range(rentang - 1)]
        kepala = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        if masih_kepala and kepala:
            n_kepala += 1
        else:
            masih_kepala = False
        baris.append(sel)
    lebar = max((len(b) for b in baris), default=0)
    for b in baris:
        b += [_Sel("") for _ in range(lebar - len(b))]
    return baris, n_kepala


def _kepala_terisi(baris: list[_Sel]) -> list[str]:
    """A header row with each spanning header repeated over the columns it spans."""
    hasil: list[str] = []
    for s in baris:
        hasil.append(hasil[-1] if s.tertutup == "kiri" and hasil else s.teks)
    return hasil


def tabel_dari_grid(
    label: str | None,
    judul: str,
    kepala: list[list[str]],
    badan: list[list[str]],
    urutan: int = 0,
) -> Tabel:
    """A checked table from header rows and body rows of cell texts.

    The row of column numbers ("(1) (2) … (6=5/4*100)") becomes ``rumus_kolom``,
    whether it is the last header row (as Word repeats it on every page) or the
    first body row.
    """
    kepala = [list(k) for k in kepala]
    badan = [list(b) for b in badan]
    rumus: list[str] = []
    nomor = [i for i, k in enumerate(kepala) if adalah_baris_nomor_kolom(k)]
    if nomor:
        rumus = kepala.pop(nomor[-1])
    elif badan and adalah_baris_nomor_kolom(badan[0]):
        rumus = badan.pop(0)
    return Tabel(
        label=label,
        judul=judul,
        kolom=gabung_kepala(kepala),
        baris=badan,
        rumus_kolom=rumus,
        baris_berkas=[None] * len(badan),
        urutan=urutan,
    )


def _tabel(tbl: Any, judul: tuple[str | None, str] | None, urutan: int) -> Tabel | None:
    grid, n_kepala = _grid(tbl)
    if not grid:
        return None
    polos = [[s.teks for s in b] for b in grid]
    if not n_kepala:
        # No row marked as Word's repeating header: find the header as the text reader does.
        _kepala, _rumus, badan = pisah_kepala(polos, True)
        n_kepala = len(polos) - len(badan)
    kepala_terisi = [_kepala_terisi(b) for b in grid[:n_kepala]]
    label, teks_judul = judul if judul else (None, "")
    return tabel_dari_grid(label, teks_judul, kepala_terisi, polos[n_kepala:], urutan)


def _judul(baris: list[str], k: int) -> tuple[str | None, str] | None:
    """The caption of the table on line ``k`` (0-based) of the paragraphs-and-tables list."""
    j = k - 1
    while j >= 0 and not baris[j]:
        j -= 1
    if j >= 0 and (m := _POLA_LABEL_HURUF.match(baris[j])):
        return f"Tabel {m[1].upper()}", m[2]
    return judul_sebelum(baris, k + 1)


def baca_docx(isi: bytes, nama: str = "") -> Dokumen:
    """Read a Word report into a :class:`~sakip.kinerja.periksa.dokumen.Dokumen`.

    Every table with its caption (the paragraph(s) above it, "Tabel 3.4" and its
    title, as our generated reports and hand-made Word reports write them), its
    header, its column-number row and body; every paragraph of the body in
    order; and the year reported on from the opening text.
    """
    try:
        doc = Document(io.BytesIO(isi))
    except Exception as exc:  # python-docx raises zipfile, KeyError or lxml errors
        raise DocxError("Berkas bukan dokumen Word (.docx) yang dapat dibaca.") from exc
    baris: list[str] = []
    paragraf: list[Paragraf] = []
    tabel: list[Tabel] = []
    for el in _blok_badan(doc.element.body):
        if el.tag == qn("w:p"):
            teks = _teks_paragraf(el)
            baris.append(teks)
            if teks:
                paragraf.append(Paragraf(teks))
            continue
        t = _tabel(el, _judul(baris, len(baris)), len(tabel))
        baris.append(_TANDA_TABEL)
        if t is not None:
            tabel.append(t)
    awal = "\n".join(p.teks for p in paragraf[:400])
    return Dokumen(tahun=tahun_dokumen(awal), tabel=tabel, paragraf=paragraf, nama=nama)


__all__ = ["DocxError", "baca_docx", "tabel_dari_grid", "teks_sel"]
