"""Figures stated in a report's paragraphs: Rupiah amounts and means.

Evaluators of both seeds complain of analyses that do not match the tables;
the text is where a copied or stale figure survives (seed 000 states a budget
no table carries, seed 002 a mean of 103.11 % beside tables of 108,25).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sakip.kinerja.periksa.dokumen import Paragraf
from sakip.kinerja.periksa.presisi import Tercetak, baca_tercetak

_POLA_RUPIAH = re.compile(r"Rp\.?\s*(\d{1,3}(?:[.,]\d{3}){2,}(?:,\d{1,2})?)", re.IGNORECASE)
# What comes just before an amount tells whether the text states it as a budget total
# ("anggaran sebesar Rp …") or as something else: what is left or saved ("sisa
# anggaran Rp …", pagu − realisasi), an overpayment in an audit finding, a
# single purchase. Only totals can be checked against the tables' totals.
_POLA_BUKAN_TOTAL = re.compile(
    r"\b(sisa|selisih|kelebihan|lebih|kurang|hemat|penghematan|efisiensi|setor|menyetor|"
    r"pengembalian|kerugian|denda|temuan)\w*\W+(?:\w+\W+){0,5}$",
    re.IGNORECASE,
)
_POLA_TOTAL = re.compile(
    r"\b(anggaran|pagu|belanja|dana|total|jumlah|alokasi)\w*\W+(?:\w+\W+){0,6}$", re.IGNORECASE
)
_POLA_TARGET_TETAP = re.compile(
    r"(tidak|belum)\s+(meng|me)?(ubah|rubah|revisi)\w*\s+target"
    r"|target\w*\s+(tidak|belum)\s+(di)?(ubah|rubah|revisi)",
    re.IGNORECASE,
)
_POLA_RATA = re.compile(
    r"(?:rata\s*[-–—]\s*rata|rerata)\W{0,4}(?:\w+\W{1,4}){0,3}?\**\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*\**\s*%",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class JumlahTeks:
    """An amount stated in a paragraph; ``rincian`` when it is a part of another one there."""

    nilai: Decimal
    teks: str
    paragraf: Paragraf
    rincian: bool = False
    total: bool = True
    """Whether the text states it as a budget total (not a remainder, a saving, a finding)."""


@dataclass(frozen=True)
class RataTeks:
    """A mean ("rata-rata … 108,25 %") stated in a paragraph."""

    nilai: Tercetak
    paragraf: Paragraf


def jumlah_dalam_teks(paragraf: list[Paragraf]) -> list[JumlahTeks]:
    """The Rupiah amounts of the paragraphs, each marked as a part when the paragraph splits another.

    Seed 000 Ikhtisar: "anggaran sebesar Rp. 535.648.948.995,- dengan rincian
    Belanja Operasi Rp. 505.167.524.530,- dan Belanja Modal Rp. 30.481.424.465,-":
    the two parts add up to the first, so only the first is a stated total.
    """
    hasil: list[JumlahTeks] = []
    for p in paragraf:
        isi: list[tuple[Decimal, str]] = []
        jenis_total: list[bool] = []
        for m in _POLA_RUPIAH.finditer(p.teks):
            angka = baca_tercetak(m.group(1))
            if angka is not None:
                isi.append((angka.nilai, m.group(0)))
                sebelum = p.teks[max(0, m.start() - 60) : m.start()]
                jenis_total.append(
                    bool(_POLA_TOTAL.search(sebelum)) and not _POLA_BUKAN_TOTAL.search(sebelum)
                )
        bagian: set[int] = set()
        for i, (nilai, _) in enumerate(isi):
            lain = [k for k in range(i + 1, len(isi)) if k not in bagian]
            for panjang in range(2, len(lain) + 1):
                pilihan = lain[:panjang]
                if sum((isi[k][0] for k in pilihan), Decimal(0)) == nilai:
                    bagian.update(pilihan)
                    break
        hasil.extend(
            JumlahTeks(nilai, teks, p, rincian=i in bagian, total=jenis_total[i])
            for i, (nilai, teks) in enumerate(isi)
        )
    return hasil


def rata_dalam_teks(paragraf: list[Paragraf]) -> list[RataTeks]:
    """Means stated as a percentage: "nilai rata – rata **103.11%**" (seed 002 line 482)."""
    hasil: list[RataTeks] = []
    for p in paragraf:
        for m in _POLA_RATA.finditer(p.teks):
            angka = baca_tercetak(m.group(1))
            if angka is not None:
                hasil.append(RataTeks(angka, p))
    return hasil


def menyebut_target_tetap(teks: str) -> bool:
    """Whether an explanation says the target was not revised with the budget.

    Seed 002 Tabel 3.9 explains its 483,33 % with "pada perubahan tidak mengubah
    target kinerja": the budget grew in the APBD-Perubahan, the PK target did not.
    Such an explanation does not excuse the outlier; the PK needs correcting.
    """
    return bool(_POLA_TARGET_TETAP.search(teks))


def tanpa_isi(teks: str) -> bool:
    """Whether a cell or field says nothing: empty, or only a dash as tables print "none"."""
    return not teks.strip(" \t\n-–—")
