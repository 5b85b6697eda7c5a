"""The year's value of an indicator from its periods (DOMAIN.md §1, "Annual realisasi")."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum

from sakip.kinerja.angka import Angka, jumlah, ke_desimal, rata_rata
from sakip.kinerja.galat import KinerjaError


class Agregasi(StrEnum):
    """How an indicator's periods make its year; each indicator declares one."""

    JUMLAH = "jumlah"
    """Flows: seed 002 Lampiran, 226 + 855 + 817 + 469 = 2.367 Dokumen."""
    TERAKHIR = "terakhir"
    """Stocks and cumulative percentages: the latest period's value (TW IV) is the year's."""
    RATA_RATA = "rata_rata"
    """Indices, e.g. IKM of two semesters (seed 000 Tabel SKM)."""
    MAKSIMUM = "maksimum"
    """The highest period value."""


def nilai_tahunan(
    nilai_periode: Sequence[Angka | None],
    agregasi: Agregasi,
    sampai: int | None = None,
) -> Decimal | None:
    """The year's realisasi (or target) from its period values in order (TW I … TW IV).

    ``sampai`` limits the periods taken (``sampai=2``: the value as of TW II),
    so a TW II capaian compares like with like when targets per period follow
    the same rule. A missing period (None) is left out; no period with data
    gives None, never 0. Sums are exact; a mean is rounded to two decimals.
    """
    if sampai is not None:
        if not 1 <= sampai <= len(nilai_periode):
            raise KinerjaError(
                f"periode ke-{sampai} tidak ada (indikator ini punya {len(nilai_periode)} periode)"
            )
        nilai_periode = nilai_periode[:sampai]
    ada = [
        ke_desimal(n, f"nilai periode ke-{i}")
        for i, n in enumerate(nilai_periode, 1)
        if n is not None
    ]
    if not ada:
        return None
    if agregasi is Agregasi.JUMLAH:
        return jumlah(ada)
    if agregasi is Agregasi.TERAKHIR:
        return ada[-1]
    if agregasi is Agregasi.RATA_RATA:
        return rata_rata(ada)
    return max(ada)
