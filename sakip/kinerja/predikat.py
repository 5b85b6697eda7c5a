"""The predikat order D < C < CC < B < BB < A < AA and the AKIP bands.

Used twice: as the grade of an AKIP evaluation (PermenPAN-RB 88/2021) and as
the order on which a qualitative target such as "BB" is compared (DOMAIN.md §1).
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

from sakip.kinerja.angka import Angka, ke_desimal
from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.skala import SkalaPenilaian, Tingkat


class Predikat(Enum):
    """AKIP grades; ``peringkat`` is the rank D=1 … AA=7 used by qualitative targets."""

    D = ("D", 1, "Sangat Kurang")
    C = ("C", 2, "Kurang")
    CC = ("CC", 3, "Cukup (Memadai)")
    B = ("B", 4, "Baik")
    BB = ("BB", 5, "Sangat Baik")
    A = ("A", 6, "Memuaskan")
    AA = ("AA", 7, "Sangat Memuaskan")

    def __init__(self, kode: str, peringkat: int, sebutan: str) -> None:
        self.kode = kode
        self.peringkat = peringkat
        self.sebutan = sebutan

    def __str__(self) -> str:
        return self.kode

    @classmethod
    def dari_teks(cls, teks: str) -> Predikat:
        """Read "BB", " bb ", "Predikat BB"; raise :class:`KinerjaError` otherwise."""
        bersih = teks.strip().upper().removeprefix("PREDIKAT").strip().strip('"“”')
        for p in cls:
            if p.kode == bersih:
                return p
        raise KinerjaError(
            f"{teks!r} bukan predikat (yang dikenal: {', '.join(p.kode for p in cls)})"
        )

    @classmethod
    def cocok(cls, teks: str) -> bool:
        try:
            cls.dari_teks(teks)
        except KinerjaError:
            return False
        return True


SKALA_PREDIKAT_AKIP = SkalaPenilaian(
    nama="Predikat AKIP (PermenPAN-RB 88/2021)",
    tingkat=(
        Tingkat("AA", "Sangat Memuaskan", Decimal(90)),
        Tingkat("A", "Memuaskan", Decimal(80)),
        Tingkat("BB", "Sangat Baik", Decimal(70)),
        Tingkat("B", "Baik", Decimal(60)),
        Tingkat("CC", "Cukup (Memadai)", Decimal(50)),
        Tingkat("C", "Kurang", Decimal(30)),
        Tingkat("D", "Sangat Kurang", None),
    ),
    batas_bawah_inklusif=False,
    minimum=Decimal(0),
    maksimum=Decimal(100),
)
"""Bands with exclusive lower bounds except D: AA > 90–100 … C > 30–50, D 0–30."""


def predikat_akip(nilai: Angka) -> Predikat:
    """Predikat of an AKIP nilai (PermenPAN-RB 88/2021).

    Lower bounds are exclusive, so 70,00 is B, 80,00 is BB and 81,80 is A, as
    seed 000 Tabel 3.1 and the 37-PD recap show. A nilai outside 0–100 (such
    as the seed's typo 814,80) raises :class:`KinerjaError`.
    """
    tingkat = SKALA_PREDIKAT_AKIP.kategori(ke_desimal(nilai, "nilai AKIP"))
    assert tingkat is not None
    return Predikat.dari_teks(tingkat.kode)
