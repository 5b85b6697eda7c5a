"""What each column of an LKjIP table holds, read from its header and its stated formula.

The recomputation checks (:mod:`~sakip.kinerja.periksa.cek_tabel`) need to know
which column is the target, the realisasi, the capaian (%), the pagu, the
budget realisasi and its percentage, a year's value, a change or an efficiency.
Real reports name them in many ways ("Kinerja % Capaian", "Anggaran (Rp.)
Pagu", "TINGKAT CAPAIAN REALISASI", "Tingkat Kemajuan (6=5/4*100)"), and some
print the column's formula in a row of column numbers under the header (seed
000 Tabel 3.4 "(6=5/4*100)", Tabel 3.16 "5=3-4"); this module turns both into
roles, and the stated formula into column indices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sakip.kinerja.periksa.dokumen import Tabel
from sakip.kinerja.periksa.presisi import baca_tercetak


class Peran(StrEnum):
    """The role of a column."""

    URAIAN = "uraian"
    SATUAN = "satuan"
    TARGET = "target"
    REALISASI = "realisasi"
    CAPAIAN = "capaian"
    PAGU = "pagu"
    REALISASI_ANGGARAN = "realisasi_anggaran"
    SERAPAN = "serapan"
    SISA = "sisa"
    TERTIMBANG = "tertimbang"
    EFISIENSI = "efisiensi"
    PERUBAHAN = "perubahan"
    KEMAJUAN = "kemajuan"
    NILAI = "nilai"
    KATEGORI = "kategori"
    LAIN = "lain"


class JenisRumus(StrEnum):
    """The shapes of formula a report states for a column."""

    RASIO = "rasio"
    """a / b × 100 ("6=5/4*100")."""
    SELISIH = "selisih"
    """a − b ("5=3-4")."""
    PERUBAHAN = "perubahan"
    """(a / b − 1) × 100 ("8=(7/6-1)*100")."""


@dataclass(frozen=True)
class RumusKolom:
    """A column's stated formula over two other columns (indices into the row)."""

    jenis: JenisRumus
    a: int
    b: int
    teks: str


@dataclass(frozen=True)
class Kolom:
    """One column: index, header, role, the year its header names, and its stated formula."""

    indeks: int
    kepala: str
    peran: Peran
    tahun: int | None = None
    rumus: RumusKolom | None = None

    @property
    def persen(self) -> bool:
        """Whether the header says the column is a percentage."""
        return "%" in self.kepala or "persen" in self.kepala.lower()


_TAHUN = re.compile(r"\b(19\d\d|20\d\d)\b")
_RUMUS = re.compile(r"(\d{1,2})\s*=\s*([()\d\s/*x×+\-.,]+)")
_POLA_RASIO = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})\s*[*x×]\s*100$")
_POLA_SELISIH = re.compile(r"^(\d{1,2})\s*-\s*(\d{1,2})$")
_POLA_PERUBAHAN = re.compile(r"^\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*-\s*1\s*\)\s*[*x×]\s*100$")


_URUTAN_PERAN: tuple[tuple[re.Pattern[str], Peran], ...] = tuple(
    (re.compile(pola), peran)
    for pola, peran in (
        (r"efisien", Peran.EFISIENSI),
        (r"tertimbang", Peran.TERTIMBANG),
        (r"sisa", Peran.SISA),
        (r"kemajuan", Peran.KEMAJUAN),
        (r"peningkatan|penurunan|kenaikan|perubahan", Peran.PERUBAHAN),
        (r"^realisasi.*target", Peran.REALISASI),
        (r"target kinerja|realisasi.*target|target.*realisasi", Peran.TARGET),
        (r"(anggaran|pagu|\brp\b|belanja|\bapbd).*(%|capaian|serapan)", Peran.SERAPAN),
        (r"(%|capaian|serapan).*(anggaran|pagu|\brp\b|belanja|\bapbd)", Peran.SERAPAN),
        (r"(anggaran|pagu|\brp\b|belanja|\bapbd).*realisasi", Peran.REALISASI_ANGGARAN),
        (r"realisasi.*(anggaran|pagu|\brp\b|belanja|\bapbd)", Peran.REALISASI_ANGGARAN),
        (r"anggaran|pagu|\brp\b|belanja|\bapbd", Peran.PAGU),
        (r"serapan", Peran.SERAPAN),
        (r"target", Peran.TARGET),
        (r"^capaian( kinerja)? realisasi$", Peran.REALISASI),
        (r"tingkat capaian realisasi", Peran.CAPAIAN),
        (r"capaian", Peran.CAPAIAN),
        (r"realisasi", Peran.REALISASI),
        (r"kategori|interpretasi|predikat|kriteria", Peran.KATEGORI),
        (r"\bnilai\b|hasil evaluasi|\bskor\b", Peran.NILAI),
        (r"satuan", Peran.SATUAN),
        (
            r"indikator|uraian|sasaran|program|kegiatan|komponen|perangkat daerah|\bnama\b"
            r"|jabatan",
            Peran.URAIAN,
        ),
    )
)
"""Header patterns in the order they are tried; the first match names the role.

The order matters: "Target Kinerja dan Pagu" is a target, "Anggaran (%)
Capaian" a budget percentage, "Target Capaian Tahun ke-" a target, "Capaian
Periode Akhir Renstra" a capaian, "Capaian Kinerja Realisasi" (a group header
over its sub-header) a realisasi (seed 000 Tabel 2.1–3.19, seed 002 Tabel 3.2–3.12).
"""


def peran_kepala(kepala: str) -> Peran:
    """The role a header names (see :data:`_URUTAN_PERAN`); LAIN when none."""
    k = re.sub(r"\s+", " ", kepala).strip().lower()
    for pola, peran in _URUTAN_PERAN:
        if pola.search(k):
            return peran
    return Peran.LAIN


def _nomor_kolom(tabel: Tabel) -> dict[int, int]:
    """Column number as printed ("(4)", "5=3-4") → column index; empty when ambiguous."""
    nomor: dict[int, int] = {}
    for i, sel in enumerate(tabel.rumus_kolom):
        m = re.match(r"^\W*(\d{1,2})", sel.strip())
        if not m:
            continue
        n = int(m.group(1))
        if n in nomor:
            return {}  # numbers repeat (seed 000 Tabel 3.19): they name no column
        nomor[n] = i
    return nomor


def _rumus(teks: str, nomor: dict[int, int], lebar: int) -> RumusKolom | None:
    m = _RUMUS.search(teks)
    if not m:
        return None
    isi = m.group(2).strip()
    while isi.endswith(")") and isi.count(")") > isi.count("("):
        isi = isi[:-1].strip()  # the closing bracket of "(6=5/4*100)"
    for pola, jenis in (
        (_POLA_RASIO, JenisRumus.RASIO),
        (_POLA_SELISIH, JenisRumus.SELISIH),
        (_POLA_PERUBAHAN, JenisRumus.PERUBAHAN),
    ):
        cocok = pola.match(isi)
        if cocok:
            a, b = int(cocok.group(1)), int(cocok.group(2))
            ia = nomor.get(a, a - 1 if not nomor else -1)
            ib = nomor.get(b, b - 1 if not nomor else -1)
            if 0 <= ia < lebar and 0 <= ib < lebar:
                return RumusKolom(jenis, ia, ib, f"{m.group(1)}={isi}")
    return None


def kolom_tabel(tabel: Tabel) -> list[Kolom]:
    """Every column of ``tabel`` with its role, year and stated formula."""
    nomor = _nomor_kolom(tabel)
    hasil: list[Kolom] = []
    for i in range(tabel.lebar):
        kepala = tabel.kolom[i] if i < len(tabel.kolom) else ""
        tahun = [int(t) for t in _TAHUN.findall(kepala)]
        nomor_teks = tabel.rumus_kolom[i] if i < len(tabel.rumus_kolom) else ""
        rumus = _rumus(nomor_teks, nomor, tabel.lebar) or _rumus(kepala, nomor, tabel.lebar)
        hasil.append(
            Kolom(
                indeks=i,
                kepala=kepala,
                peran=_peran_di_tabel(peran_kepala(kepala), kepala, hasil),
                tahun=tahun[-1] if tahun else None,
                rumus=rumus,
            )
        )
    return hasil


def kolom_peran(
    kolom: list[Kolom],
    peran: Peran,
    *,
    tahun: int | None = None,
    kata: tuple[str, ...] = (),
    kecuali: tuple[str, ...] = (),
) -> int | None:
    """Index of the first column of ``peran``, or None.

    With ``kata``, its header must also name one of those words; with
    ``kecuali``, none of those ("Target Akhir Renstra" is not the year's
    target); with ``tahun``, a header naming another year ("Tahun 2022
    Target") is not this year's column.
    """
    for k in kolom:
        h = k.kepala.lower()
        if k.peran is not peran or (kata and not any(w in h for w in kata)):
            continue
        if any(w in h for w in kecuali) or (tahun is not None and k.tahun not in (None, tahun)):
            continue
        return k.indeks
    return None


def _peran_di_tabel(peran: Peran, kepala: str, kiri: list[Kolom]) -> Peran:
    # "Capaian %" right after a pagu and a budget realisasi is the budget's percentage
    # (seed 000 Tabel 2.5; seed 002 Tabel 3.11 "TINGKAT CAPAIAN REALISASI").
    # "Capaian Kinerja (%)" beside "Serapan (%)" is the performance one (our own report).
    if peran is not Peran.CAPAIAN or "kinerja" in kepala.lower():
        return peran
    for k in reversed(kiri):
        if k.peran in (Peran.TARGET, Peran.REALISASI, Peran.SERAPAN):
            return peran
        if k.peran in (Peran.PAGU, Peran.REALISASI_ANGGARAN):
            return Peran.SERAPAN
    return peran


def tahun_serasi(a: Kolom, b: Kolom) -> bool:
    """Two columns belong together unless their headers name different years."""
    return a.tahun is None or b.tahun is None or a.tahun == b.tahun


def kiri_terdekat(kolom: list[Kolom], dari: Kolom, peran: Peran) -> Kolom | None:
    """The nearest column of ``peran`` left of ``dari`` whose year agrees with it.

    A column of the same year is preferred over one that names none (seed 002
    Tabel 3.8.x: "Capaian Kinerja Tahun 2023" goes with "Tahun 2023 Target").
    """
    calon = [k for k in kolom[: dari.indeks] if k.peran is peran and tahun_serasi(k, dari)]
    if not calon:
        return None
    sama = [k for k in calon if k.tahun is not None and k.tahun == dari.tahun]
    return (sama or calon)[-1]


def selaraskan(tabel: Tabel, kolom: list[Kolom], baris: int) -> list[str]:
    """A body row with its cells moved under the right headers.

    Some rows are printed shifted one or two columns to the left (seed 002
    Tabel 3.11, the "JUMLAH" of "KERJA SAMA": its pagu stands under "SUB
    KEGIATAN"). Such a row has a number under a text column; shifted right by
    the least amount that puts no number under a text column and drops no
    filled cell, it reads as the others do. A row that cannot be aligned so is
    returned as printed.
    """
    sel = list(tabel.baris[baris]) + [""] * max(0, len(kolom) - len(tabel.baris[baris]))
    teks = {k.indeks for k in kolom if k.peran in (Peran.URAIAN, Peran.SATUAN)}

    def salah(isi: list[str]) -> bool:
        return any(i in teks and _angka_besar(s) for i, s in enumerate(isi[: len(kolom)]))

    if not salah(sel):
        return sel
    for geser in (1, 2):
        if any(s.strip() for s in sel[len(sel) - geser :]):
            continue
        baru = [""] * geser + sel[: len(sel) - geser]
        if not salah(baru):
            return baru
    return sel


def _angka_besar(teks: str) -> bool:
    # A Rupiah amount or a percentage under a text column is a shifted cell; a small
    # whole number ("1", "2.1") is a row number and stays where it is.
    t = baca_tercetak(teks)
    return t is not None and (t.persen or abs(t.nilai) >= 1000 or "rp" in teks.lower())
