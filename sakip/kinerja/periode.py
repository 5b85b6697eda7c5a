"""The year's value of an indicator from its periods (DOMAIN.md §1, "Annual realisasi")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
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


# Last month of each reporting period; "TAHUN" closes with the year.
_BULAN_AKHIR = {"TW1": 3, "TW2": 6, "TW3": 9, "TW4": 12, "S1": 6, "S2": 12, "TAHUN": 12}


def akhir_periode(tahun: int, periode: str) -> date:
    """The last day of a reporting period (TW I ends 31 March, S1 30 June, the year 31 December)."""
    try:
        bulan = _BULAN_AKHIR[periode]
    except KeyError:
        raise KinerjaError(
            f"periode {periode!r} tidak dikenal; gunakan {', '.join(_BULAN_AKHIR)}"
        ) from None
    if bulan == 12:
        return date(tahun, 12, 31)
    return date(tahun, bulan + 1, 1) - timedelta(days=1)


def tenggat_periode(tahun: int, periode: str, hari_setelah: int) -> date:
    """The date by which a unit reports a period: ``hari_setelah`` calendar days after it ends.

    Pemda set their own deadline in their e-SAKIP rules (commonly the 10th of
    the month after the quarter), so the number of days is configuration
    (``Pengaturan.hari_tenggat``), not a constant.
    """
    if hari_setelah < 0:
        raise KinerjaError(f"jumlah hari tenggat tidak boleh negatif: {hari_setelah}")
    return akhir_periode(tahun, periode) + timedelta(days=hari_setelah)


TRIWULAN = ("TW1", "TW2", "TW3", "TW4")


def triwulan_terakhir(hari_ini: date) -> tuple[int, str]:
    """The quarter that units report now: the last one that ended before ``hari_ini``.

    On 25 November 2026 that is TW III 2026; in the first days of January, TW IV
    of the year before.
    """
    for periode in reversed(TRIWULAN):
        if akhir_periode(hari_ini.year, periode) < hari_ini:
            return hari_ini.year, periode
    return hari_ini.year - 1, "TW4"


def hari_menuju_tenggat(hari_ini: date, tahun: int, periode: str, hari_setelah: int) -> int:
    """Days left until the period's deadline: 0 on the day itself, negative once it has passed."""
    return (tenggat_periode(tahun, periode, hari_setelah) - hari_ini).days
