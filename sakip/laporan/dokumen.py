"""The report as a document model: built once, rendered to DOCX, PDF, HTML and XLSX.

Pure Python (no Django): the builder (:mod:`sakip.laporan.bangun`) fills it from
stored data, :func:`beri_nomor` numbers its tables and figures per chapter, and
each renderer walks the same blocks. A renderer never computes a figure: every
cell carries the text to print and, for the spreadsheet, the number behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from sakip.kinerja import format_angka, format_persen, format_rupiah

FormatSel = Literal["teks", "bilangan", "desimal", "persen", "rupiah"]
Rata = Literal["kiri", "tengah", "kanan"]
GayaParagraf = Literal[
    "biasa",  # body text, justified
    "narasi_otomatis",  # generated from the numbers; looks like body text, its own Word style
    "narasi_operator",  # the operator's own text, never rewritten
    "daftar_angka",  # numbered list item (text carries its number)
    "daftar_butir",  # bulleted list item
    "tengah",  # centred (cover, signature)
    "catatan",  # small print under a table: "Sumber: ..."
    "kosong",  # "no data" sentence, italic
]


@dataclass(frozen=True)
class Sel:
    """One table cell: the printed text and, for XLSX, the value behind it."""

    teks: str
    nilai: Decimal | int | None = None
    format: FormatSel = "teks"
    rentang_kolom: int = 1
    tebal: bool = False
    rata: Rata = "kiri"
    inden: int = 0


def sel_teks(teks: object, *, tebal: bool = False, rata: Rata = "kiri", inden: int = 0) -> Sel:
    return Sel(
        "-" if teks is None or teks == "" else str(teks), tebal=tebal, rata=rata, inden=inden
    )


def sel_angka(nilai: Decimal | int | None, tempat: int | None = 2, *, tebal: bool = False) -> Sel:
    """A number in Indonesian format (``1.234,56``); ``-`` when there is none."""
    fmt: FormatSel = "bilangan" if tempat == 0 else "desimal"
    return Sel(format_angka(nilai, tempat), nilai, fmt, tebal=tebal, rata="kanan")


def sel_persen(nilai: Decimal | None, *, tebal: bool = False) -> Sel:
    """A percentage figure printed without the sign, as the seeds' "(%)" columns do."""
    return Sel(format_angka(nilai, 2), nilai, "persen", tebal=tebal, rata="kanan")


def sel_persen_tanda(nilai: Decimal | None, *, tebal: bool = False) -> Sel:
    return Sel(format_persen(nilai), nilai, "persen", tebal=tebal, rata="kanan")


def sel_rupiah(nilai: Decimal | None, *, tebal: bool = False, dengan_rp: bool = True) -> Sel:
    teks = format_rupiah(nilai) if dengan_rp else format_angka(nilai, 0)
    return Sel(teks, nilai, "rupiah", tebal=tebal, rata="kanan")


@dataclass
class Judul:
    """A heading; level 1 opens a chapter whose tables and figures carry ``awalan``."""

    teks: str
    tingkat: int = 1
    # Prefix of the chapter's numbers: "1" gives "Tabel 1.1"; None for unnumbered parts
    # such as the Kata Pengantar. Only meaningful on level 1.
    awalan: str | None = None
    # Level-1 parts outside the numbered body (Kata Pengantar, daftar) start a new page
    # and are listed in the Daftar Isi too.
    di_daftar_isi: bool = True


@dataclass
class Paragraf:
    teks: str
    gaya: GayaParagraf = "biasa"
    # A bold lead-in such as "Faktor pendorong:" before the text.
    label: str = ""


@dataclass
class Tabel:
    """A numbered table. ``kunci`` is a stable name for cross references and tests."""

    kunci: str
    judul: str
    kepala: list[list[Sel]]
    baris: list[list[Sel]]
    sumber: str = ""
    # Relative column widths; renderers scale them to the page.
    lebar_kolom: list[float] | None = None
    lanskap: bool = False
    nomor: str = ""

    @property
    def label(self) -> str:
        return f"Tabel {self.nomor}" if self.nomor else "Tabel"

    @property
    def jumlah_kolom(self) -> int:
        baris = self.kepala[0] if self.kepala else (self.baris[0] if self.baris else [])
        return sum(s.rentang_kolom for s in baris)


@dataclass
class Grafik:
    """A numbered figure: a chart ("Grafik") or a picture such as the organisation chart ("Gambar")."""

    kunci: str
    judul: str
    png: bytes
    jenis: Literal["Grafik", "Gambar"] = "Grafik"
    lebar_cm: float = 15.0
    sumber: str = ""
    nomor: str = ""
    # Alternative text for screen readers and the HTML preview.
    keterangan: str = ""

    @property
    def label(self) -> str:
        return f"{self.jenis} {self.nomor}" if self.nomor else self.jenis


@dataclass
class Daftar:
    """Where the Daftar Isi, Daftar Tabel or Daftar Grafik/Gambar goes."""

    jenis: Literal["isi", "Tabel", "Grafik", "Gambar"]


@dataclass
class TandaTangan:
    tempat_tanggal: str
    jabatan: str
    nama: str
    nip: str = ""


@dataclass
class PemisahHalaman:
    pass


Blok = Judul | Paragraf | Tabel | Grafik | Daftar | TandaTangan | PemisahHalaman


@dataclass
class Sampul:
    """What the cover shows; an agency template may lay it out in its own way."""

    judul: str
    nama_unit: str
    nama_induk: str
    tahun: int
    kota: str = ""
    logo_png: bytes | None = None


@dataclass
class Dokumen:
    judul: str
    sampul: Sampul
    blok: list[Blok] = field(default_factory=list)
    # The moment the data was read: printed nowhere in the body, written to the
    # file's properties so a finalised report regenerates byte for byte.
    data_pada: dt.datetime | None = None
    penulis: str = "sakip"
    # "Draf" marks a report that includes unverified data (DESIGN.md).
    tanda_draf: bool = False

    def tambah(self, *blok: Blok) -> None:
        self.blok.extend(blok)

    def tabel(self) -> Iterator[Tabel]:
        return (b for b in self.blok if isinstance(b, Tabel))

    def grafik(self) -> Iterator[Grafik]:
        return (b for b in self.blok if isinstance(b, Grafik))

    def cari_tabel(self, kunci: str) -> Tabel:
        for t in self.tabel():
            if t.kunci == kunci:
                return t
        raise KeyError(kunci)

    def judul_bab(self) -> Iterator[Judul]:
        return (b for b in self.blok if isinstance(b, Judul))


_RUJUKAN = re.compile(r"\{ref:([a-z0-9_.\-]+)\}")


def beri_nomor(dokumen: Dokumen) -> None:
    """Number tables and figures per chapter ("Tabel 3.4", "Grafik 1.1") and resolve references.

    Numbers restart at each level-1 heading that has an ``awalan``, so they are
    continuous by construction; a paragraph may refer to ``{ref:kunci}`` and gets
    the label ("Tabel 3.4") of the table or figure with that key.
    """
    awalan: str | None = None
    hitung: dict[str, int] = {}
    label: dict[str, str] = {}
    for b in dokumen.blok:
        if isinstance(b, Judul) and b.tingkat == 1:
            awalan = b.awalan
            hitung = {}
        elif isinstance(b, Tabel | Grafik):
            jenis = "Tabel" if isinstance(b, Tabel) else b.jenis
            if awalan is None:
                raise ValueError(f"{jenis} {b.judul!r} berada di luar bab bernomor")
            hitung[jenis] = hitung.get(jenis, 0) + 1
            b.nomor = f"{awalan}.{hitung[jenis]}"
            if b.kunci in label:
                raise ValueError(f"kunci {b.kunci!r} dipakai dua kali")
            label[b.kunci] = b.label
    for b in dokumen.blok:
        if isinstance(b, Paragraf) and "{ref:" in b.teks:
            b.teks = _RUJUKAN.sub(lambda m: label[m.group(1)], b.teks)


def entri_daftar(dokumen: Dokumen, jenis: str) -> list[tuple[int, str]]:
    """(level, text) of every entry a Daftar of ``jenis`` lists, in document order."""
    if jenis == "isi":
        return [(j.tingkat, j.teks) for j in dokumen.judul_bab() if j.di_daftar_isi]
    return [
        (1, f"{b.label} {b.judul}")
        for b in dokumen.blok
        if (isinstance(b, Tabel) and jenis == "Tabel")
        or (isinstance(b, Grafik) and b.jenis == jenis)
    ]
