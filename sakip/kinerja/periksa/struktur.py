"""The hierarchy of a table's rows, inferred from the document itself.

LKjIP tables nest rows without saying so: Biro → PROGRAM → kegiatan → sub
kegiatan in seed 000 Tabel 3.19, sasaran → program in Tabel 2.5, Bagian →
kegiatan → sub kegiatan in seed 002 Tabel 3.5. Upper levels are recognisable
by their label (an uppercase "BIRO …"/"PROGRAM …", "Sasaran 1 : …"); the
lower levels are not, so they are inferred from the figures: a kegiatan's pagu
is the exact sum of the sub kegiatan that follow it (DOMAIN.md §5), a
kegiatan's capaian the mean of its sub kegiatan (DOMAIN.md §3). Where no
reading fits, the rows are left uninterpreted rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.kinerja.angka import jumlah, rata_rata
from sakip.kinerja.periksa.dokumen import Tabel
from sakip.kinerja.periksa.presisi import Tercetak, sesuai

_POLA_NOMOR = re.compile(r"^\(?\s*(\d+(?:\.\d+)*)\.?\s*\)?$")
_POLA_SASARAN = re.compile(r"^sasaran\s*(strategis\s*)?\d+\b", re.IGNORECASE)
_POLA_TOTAL = re.compile(r"^(jumlah|total|grand total)\W*$", re.IGNORECASE)
BATAS_PENCARIAN = 4000
"""Partitions tried before a block is declared uninterpretable (keeps a check fast)."""


@dataclass
class Simpul:
    """One row in the inferred tree: its body-row index and its children."""

    baris: int
    anak: list[Simpul] = field(default_factory=list)


def label_baris(tabel: Tabel, r: int) -> str:
    """The row's label: its first cell that is text, not a number or a row number ("1.1")."""
    for c in range(len(tabel.baris[r])):
        s = tabel.sel(r, c).strip()
        if s and not _POLA_NOMOR.match(s) and tabel.angka(r, c) is None:
            return s
    return ""


def nomor_baris(tabel: Tabel, r: int) -> str:
    """The row number printed in the first cell ("1.", "(2)", "1.1"), without dots; "" if none."""
    m = _POLA_NOMOR.match(tabel.sel(r, 0).strip())
    return m.group(1) if m else ""


def kunci_tingkat(label: str) -> str | None:
    """The level a label announces: the first word of an uppercase label, or "sasaran"."""
    if _POLA_SASARAN.match(label):
        return "sasaran"
    huruf = [h for h in label if h.isalpha()]
    if len(huruf) >= 4 and all(h.isupper() for h in huruf):
        return label.split()[0].upper()
    return None


def pecah_berurutan(
    nilai: Sequence[Decimal], cocok: Callable[[Decimal, Sequence[Decimal]], bool]
) -> list[list[tuple[int, list[int]]]]:
    """Every way to split a run of rows into heads each followed by the rows it adds up.

    A head at position i owns i+1 … j when ``cocok(nilai[i], nilai[i+1 … j])``
    (an exact sum for money, a mean for capaian); a head owns at least one
    row. Returns the partitions as lists of (head, [children]); an empty list
    when none fits (or the search is too large to be sure).
    """
    hasil: list[list[tuple[int, list[int]]]] = []
    langkah = 0

    def cari(i: int, jalan: list[tuple[int, list[int]]]) -> bool:
        nonlocal langkah
        langkah += 1
        if langkah > BATAS_PENCARIAN:
            return False
        if i == len(nilai):
            hasil.append(list(jalan))
            return True
        for j in range(i + 2, len(nilai) + 1):
            if cocok(nilai[i], nilai[i + 1 : j]):
                jalan.append((i, list(range(i + 1, j))))
                if not cari(j, jalan) and langkah > BATAS_PENCARIAN:
                    return False
                jalan.pop()
        return True

    if not cari(0, []) and langkah > BATAS_PENCARIAN:
        return []
    return hasil


def sama_jumlah(induk: Decimal, anak: Sequence[Decimal]) -> bool:
    """Money adds up exactly (DOMAIN.md §5: Rupiah are exact)."""
    total = jumlah(anak)
    return total is not None and total == induk


def sama_rata(induk: Decimal, anak: Sequence[Decimal]) -> bool:
    """A printed capaian is the mean of its children's, at its printed precision (DOMAIN.md §3)."""
    rata = rata_rata(anak)
    return rata is not None and sesuai(rata, Tercetak(induk, 2, ""))


def pohon_uang(tabel: Tabel, kolom: int) -> list[Simpul] | None:
    """The tree of a money table read on column ``kolom``; None when it cannot be read.

    Rows whose label announces a level (uppercase first word, "Sasaran n")
    nest in the order the levels first appear; the other rows under the
    deepest labelled row are split into heads and the rows they add up to
    (:func:`pecah_berurutan`), or, if they add up to that row as they are,
    taken as its children. Rows without a value in ``kolom`` are left out.
    """
    baris = [
        r
        for r in range(len(tabel.baris))
        if _uang(tabel, r, kolom) is not None and not _POLA_TOTAL.match(label_baris(tabel, r))
    ]
    if not baris:
        return None
    urutan_tingkat: list[str] = []
    akar: list[Simpul] = []
    tumpukan: list[tuple[int, Simpul]] = []
    rinci: dict[int, list[int]] = {}
    for r in baris:
        kunci = kunci_tingkat(label_baris(tabel, r))
        if kunci is None:
            if not tumpukan:
                return None
            rinci.setdefault(id(tumpukan[-1][1]), []).append(r)
            continue
        if kunci not in urutan_tingkat:
            urutan_tingkat.append(kunci)
        dalam = urutan_tingkat.index(kunci)
        simpul = Simpul(r)
        while tumpukan and tumpukan[-1][0] >= dalam:
            tumpukan.pop()
        (tumpukan[-1][1].anak if tumpukan else akar).append(simpul)
        tumpukan.append((dalam, simpul))
    semua = _semua(akar)
    for simpul in semua:
        isi = rinci.get(id(simpul), [])
        if not isi:
            continue
        if simpul.anak:
            return None  # detail rows between two labelled levels: not a shape we know
        nilai = [_uang_pasti(tabel, r, kolom) for r in isi]
        induk = _uang_pasti(tabel, simpul.baris, kolom)
        if sama_jumlah(induk, nilai):
            simpul.anak = [Simpul(r) for r in isi]
            continue
        cara = pecah_berurutan(nilai, sama_jumlah)
        if len(cara) != 1:
            return None
        simpul.anak = [Simpul(isi[k], [Simpul(isi[a]) for a in anak]) for k, anak in cara[0]]
    return akar


def _semua(akar: list[Simpul]) -> list[Simpul]:
    hasil: list[Simpul] = []
    for s in akar:
        hasil.append(s)
        hasil.extend(_semua(s.anak))
    return hasil


def simpul_semua(akar: list[Simpul]) -> list[Simpul]:
    """Every node of a tree, parents before their children."""
    return _semua(akar)


def _uang(tabel: Tabel, r: int, kolom: int) -> Tercetak | None:
    angka = tabel.angka(r, kolom)
    if angka is None or angka.tempat != 0 or angka.persen:
        return None
    return angka


def _uang_pasti(tabel: Tabel, r: int, kolom: int) -> Decimal:
    angka = _uang(tabel, r, kolom)
    assert angka is not None
    return angka.nilai


def kolom_uang(tabel: Tabel) -> list[int]:
    """Columns of Rupiah amounts: most of their numbers are whole and at least a million."""
    hasil: list[int] = []
    for c in range(tabel.lebar):
        angka = [a for r in range(len(tabel.baris)) if (a := tabel.angka(r, c)) is not None]
        besar = [a for a in angka if a.tempat == 0 and not a.persen and a.nilai >= 1_000_000]
        if len(angka) >= 2 and len(besar) * 10 >= len(angka) * 8:
            hasil.append(c)
    return hasil
