"""A document as the checks see it: its year, its tables and its paragraphs.

Readers (text with markdown or tab-separated tables, DOCX) produce this; the
checks never look at the file format. Cells keep their printed text, so a check
can compare a value at the precision it was printed with
(:mod:`sakip.kinerja.periksa.presisi`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sakip.kinerja.periksa.presisi import Tercetak, baca_tercetak

POLA_TAHUN = re.compile(r"\b(20\d\d|19\d\d)\b")
_POLA_NOMOR_KOLOM = re.compile(r"^\$?\(?\s*\d{1,2}\s*(=[^)]*(\)[^)]*)?)?\)?\s*\$?$")


@dataclass
class Tabel:
    """One table: caption, column headers and body rows of printed cell texts.

    ``kolom`` holds one header per column, the header rows joined top to
    bottom (a spanning header such as "Anggaran" is repeated over the columns
    it spans: "Anggaran Pagu", "Anggaran Realisasi"). ``rumus_kolom`` is the
    row of column numbers some tables print under the header ("5=3-4",
    "6=5/4*100"), the document's own statement of a column's formula.
    ``baris_berkas`` gives each body row's line in the source (or None).
    """

    label: str | None
    judul: str
    kolom: list[str]
    baris: list[list[str]]
    rumus_kolom: list[str] = field(default_factory=list)
    baris_berkas: list[int | None] = field(default_factory=list)
    urutan: int = 0

    @property
    def nama(self) -> str:
        """How a finding names the table: "Tabel 3.16" or its title."""
        if self.label:
            return self.label
        return f"tabel “{self.judul}”" if self.judul else f"tabel ke-{self.urutan + 1}"

    @property
    def lebar(self) -> int:
        return max([len(self.kolom), *(len(b) for b in self.baris)], default=0)

    def sel(self, baris: int, kolom: int) -> str:
        """Printed text of a body cell; "" beyond the row's end."""
        b = self.baris[baris]
        return b[kolom] if kolom < len(b) else ""

    def angka(self, baris: int, kolom: int) -> Tercetak | None:
        """The printed number of a body cell, or None when it holds no number."""
        return baca_tercetak(self.sel(baris, kolom))

    def baris_sumber(self, baris: int) -> int | None:
        return self.baris_berkas[baris] if baris < len(self.baris_berkas) else None


@dataclass
class Paragraf:
    teks: str
    baris_berkas: int | None = None


@dataclass
class Dokumen:
    """A report: its year (the year reported on), tables in order, paragraphs in order."""

    tahun: int | None
    tabel: list[Tabel]
    paragraf: list[Paragraf]
    nama: str = ""

    def cari_tabel(self, label: str) -> Tabel | None:
        for t in self.tabel:
            if t.label == label:
                return t
        return None


def adalah_baris_nomor_kolom(sel: list[str]) -> bool:
    """A row of column numbers: "(1) | (2) | … | (6=5/4*100)" or "1 | 2 | 5=3-4"."""
    isi = [s.strip() for s in sel if s.strip()]
    if len(isi) < 2:
        return False
    cocok = [s for s in isi if _POLA_NOMOR_KOLOM.match(s)]
    if len(cocok) < len(isi):
        return False
    angka = [int(m.group()) for s in cocok if (m := re.search(r"\d+", s))]
    return any("=" in s or "(" in s for s in cocok) or angka == sorted(angka)


def tahun_dokumen(teks_awal: str) -> int | None:
    """The year a report reports on, from its opening text.

    The year named beside "Laporan Kinerja"/"LKjIP" in the cover, foreword and
    summary ("LKjIP … Tahun 2024"); failing that, the most frequent year of
    the opening text. Seed 000: 2024; seed 002: 2023.
    """
    dekat = re.findall(
        r"(?:LKjIP|Laporan\s+Kinerja)[^.\n]{0,160}?\bTahun\s+(20\d\d)\b",
        teks_awal,
        flags=re.IGNORECASE,
    )
    if dekat:
        return int(Counter(dekat).most_common(1)[0][0])
    semua = POLA_TAHUN.findall(teks_awal)
    if not semua:
        return None
    return int(Counter(semua).most_common(1)[0][0])
