"""Reading an LKjIP from text: markdown-style (``| a | b |``) or tab-separated tables.

This is how the seeds come (a report converted to text), and how a planner
can paste a report made by hand. Tables split over pages are joined again: a
table without a caption that repeats the previous table's header, or a
tab-separated block that continues one after a blank line, is the same table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip.kinerja.periksa.dokumen import (
    Dokumen,
    Paragraf,
    Tabel,
    adalah_baris_nomor_kolom,
    tahun_dokumen,
)
from sakip.kinerja.periksa.presisi import baca_tercetak

POLA_JUDUL_TABEL = re.compile(
    r"^\W*tabel\s+(?P<nomor>(?:[IVX]+|\d+)(?:\.\d+)*)\.?\s*(?P<sisa>.*?)\W*$", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class _Blok:
    baris: list[tuple[int, list[str]]]  # (line number, cells)
    mulai: int
    markdown: bool


def bersihkan_sel(teks: str) -> str:
    """A cell's printed text without markdown emphasis, HTML tags and TeX dollars."""
    teks = _TAG.sub(" ", teks).replace("**", "").replace("\\%", "%")
    teks = re.sub(r"\$([^$]*)\$", r"\1", teks)
    return re.sub(r"\s+", " ", teks).strip()


def _sel_markdown(baris: str) -> list[str]:
    isi = baris.strip()
    if isi.startswith("|"):
        isi = isi[1:]
    if isi.endswith("|"):
        isi = isi[:-1]
    return [bersihkan_sel(s) for s in isi.split("|")]


def _pemisah(baris: str) -> bool:
    return bool(re.fullmatch(r"[\s|:\-\t]+", baris)) and "-" in baris


def baca_teks(teks: str, nama: str = "") -> Dokumen:
    """Read a report's text into a :class:`Dokumen` (year, tables, paragraphs)."""
    baris = teks.splitlines()
    blok: list[_Blok] = []
    paragraf: list[Paragraf] = []
    i = 0
    while i < len(baris):
        b = baris[i]
        if b.lstrip().startswith("|"):
            isi: list[tuple[int, list[str]]] = []
            while i < len(baris) and baris[i].lstrip().startswith("|"):
                if not _pemisah(baris[i]):
                    isi.append((i + 1, _sel_markdown(baris[i])))
                i += 1
            blok.append(_Blok(isi, isi[0][0] if isi else i, True))
            continue
        if "\t" in b and b.strip():
            isi = []
            while i < len(baris):
                if "\t" in baris[i] and baris[i].strip():
                    if not _pemisah(baris[i]):
                        isi.append((i + 1, [bersihkan_sel(s) for s in baris[i].split("\t")]))
                    i += 1
                    continue
                # one or two blank lines inside a tab table: a page break
                j = i
                while j < len(baris) and not baris[j].strip() and j - i < 2:
                    j += 1
                if j > i and j < len(baris) and "\t" in baris[j]:
                    i = j
                    continue
                break
            if isi:
                blok.append(_Blok(isi, isi[0][0], False))
            continue
        if b.strip():
            paragraf.append(Paragraf(b.strip(), i + 1))
        i += 1
    tabel = _susun_tabel(blok, baris)
    awal = "\n".join(baris[:400])
    return Dokumen(tahun=tahun_dokumen(awal), tabel=tabel, paragraf=paragraf, nama=nama)


def _judul_sebelum(baris: list[str], mulai: int) -> tuple[str | None, str] | None:
    """The caption just above a table: ("Tabel 3.1", title) or (None, title) or None."""
    atas: list[str] = []
    j = mulai - 2  # index of the line above the table's first line
    while j >= 0 and len(atas) < 4:
        teks = bersihkan_sel(baris[j])
        if not teks:
            if atas and POLA_JUDUL_TABEL.match(atas[0]):
                break
            j -= 1
            if atas:
                # a blank line between caption lines ends the search unless a "Tabel" line is above
                k = j
                while k >= 0 and not baris[k].strip():
                    k -= 1
                if k >= 0 and POLA_JUDUL_TABEL.match(bersihkan_sel(baris[k])):
                    j = k
                    continue
                break
            continue
        if baris[j].lstrip().startswith("|") or "\t" in baris[j]:
            break
        atas.insert(0, teks)
        if POLA_JUDUL_TABEL.match(teks):
            break
        j -= 1
    if not atas:
        return None
    m = POLA_JUDUL_TABEL.match(atas[0])
    if m and not m["sisa"].lower().startswith(("di ", "berikut", "tersebut")):
        nomor = m["nomor"]
        judul = " ".join([m["sisa"], *atas[1:]]).strip()
        if re.fullmatch(r"[\d.]+", nomor):
            return f"Tabel {nomor}", judul
        return None, f"{nomor} {judul}".strip()
    if m:
        return None
    # An unnumbered title: a short line that is not a sentence ("Pengukuran Kinerja Tahun 2023").
    judul = atas[-1]
    if len(judul) <= 150 and not judul.endswith((":", ".", ";")):
        return None, judul
    return None


def _susun_tabel(blok: list[_Blok], baris: list[str]) -> list[Tabel]:
    hasil: list[Tabel] = []
    for b in blok:
        if not b.baris:
            continue
        judul = _judul_sebelum(baris, b.mulai)
        kepala, rumus, badan = _pisah_kepala([sel for _, sel in b.baris], b.markdown)
        nomor_baris = [n for n, _ in b.baris][len(b.baris) - len(badan) :]
        kolom = _gabung_kepala(kepala)
        sebelumnya = hasil[-1] if hasil else None
        if (
            judul is None
            and sebelumnya is not None
            and (_kepala_sama(kolom, sebelumnya.kolom) or (not b.markdown and not kepala))
        ):
            sebelumnya.baris.extend(badan)
            sebelumnya.baris_berkas.extend(nomor_baris)
            continue
        label, teks_judul = judul if judul else (None, "")
        hasil.append(
            Tabel(
                label=label,
                judul=teks_judul,
                kolom=kolom,
                baris=badan,
                rumus_kolom=rumus,
                baris_berkas=list(nomor_baris),
                urutan=len(hasil),
            )
        )
    return hasil


def _baris_kepala_lanjutan(sel: list[str]) -> bool:
    # A second header row leaves the first cell empty (it is spanned from above:
    # "| | Target | Realisasi |", "| | | 2019 | 2020 |"); a body row of text does not.
    isi = [s for s in sel if s.strip()]
    if len(isi) < 2 or sel[0].strip():
        return False
    for s in isi:
        angka = baca_tercetak(s)
        if angka is not None and not (angka.tempat == 0 and 1990 <= angka.nilai <= 2100):
            return False
    return True


def _pisah_kepala(
    sel: list[list[str]], markdown: bool
) -> tuple[list[list[str]], list[str], list[list[str]]]:
    """Header rows, the column-number row (if any) and the body."""
    if not sel:
        return [], [], []
    kepala = [sel[0]]
    i = 1
    rumus: list[str] = []
    while i < len(sel):
        if adalah_baris_nomor_kolom(sel[i]):
            rumus = sel[i]
            i += 1
            break
        if _baris_kepala_lanjutan(sel[i]) and i <= 3:
            kepala.append(sel[i])
            i += 1
            continue
        break
    if adalah_baris_nomor_kolom(sel[0]):
        return [], sel[0], sel[1:]
    return kepala, rumus, sel[i:]


def _gabung_kepala(kepala: list[list[str]]) -> list[str]:
    """One header per column; a spanning header is repeated over the columns it spans."""
    if not kepala:
        return []
    lebar = max(len(k) for k in kepala)
    isi = [k + [""] * (lebar - len(k)) for k in kepala]
    for r in range(len(isi) - 1):
        for c in range(1, lebar):
            di_bawah = any(isi[rr][c].strip() for rr in range(r + 1, len(isi)))
            if not isi[r][c].strip() and di_bawah and isi[r][c - 1].strip():
                # spanning header: only when the column to the left is spanned too
                kiri_dibawah = any(isi[rr][c - 1].strip() for rr in range(r + 1, len(isi)))
                if kiri_dibawah:
                    isi[r][c] = isi[r][c - 1]
    return [
        " ".join(s for s in (isi[r][c].strip() for r in range(len(isi))) if s) for c in range(lebar)
    ]


def _kepala_sama(a: list[str], b: list[str]) -> bool:
    normal = [re.sub(r"\W+", "", s).lower() for s in a]
    return bool(a) and normal == [re.sub(r"\W+", "", s).lower() for s in b]


# The DOCX reader (sakip.laporan.baca_docx) finds captions and header rows the same
# way, so a report reads alike whatever format it came in.
judul_sebelum = _judul_sebelum
pisah_kepala = _pisah_kepala
gabung_kepala = _gabung_kepala
