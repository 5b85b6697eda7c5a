"""Comparisons with the previous year, the Renstra end target and the budget.

DOMAIN.md §4 and §6.
"""

from __future__ import annotations

from decimal import Decimal

from sakip.kinerja.angka import Angka, bulatkan, ke_desimal_atau_none
from sakip.kinerja.capaian import OPSI_BAWAAN, OpsiCapaian, Polaritas, capaian
from sakip.kinerja.target import Target

SERATUS = Decimal(100)


def perubahan_persen(sekarang: Angka | None, sebelumnya: Angka | None) -> Decimal | None:
    """Change vs the previous value: (R_t / R_t−1 − 1) × 100, rounded.

    Undefined (None, shown "-") when either value is missing or the previous
    one is 0. Seed 000 Tabel 3.5 "8=(7/6-1)*100"; §3.d: 22 → 30 PD is +36,36;
    95 → 100 is +5,26.
    """
    now = ke_desimal_atau_none(sekarang, "nilai tahun ini")
    before = ke_desimal_atau_none(sebelumnya, "nilai tahun sebelumnya")
    if now is None or before is None or before == 0:
        return None
    return bulatkan((now / before - 1) * SERATUS)


def selisih(sekarang: Angka | None, sebelumnya: Angka | None) -> Decimal | None:
    """Difference in points, C_t − C_t−1 (seed 002 Tabel 3.8.2: 121,83 vs 110,61 → 11,22).

    Also the change column of seed 000 Tabel 3.1: 13,60 − 15,20 = −1,60.
    """
    now = ke_desimal_atau_none(sekarang, "nilai tahun ini")
    before = ke_desimal_atau_none(sebelumnya, "nilai tahun sebelumnya")
    if now is None or before is None:
        return None
    return bulatkan(now - before)


def tingkat_kemajuan(
    realisasi: Angka | str | None,
    target_akhir: Target | str | None,
    polaritas: Polaritas = Polaritas.MAKSIMAL,
    opsi: OpsiCapaian = OPSI_BAWAAN,
) -> Decimal | None:
    """Progress of this year's realisasi against the Renstra end-period target.

    R_t / T_end × 100 (seed 000 Tabel 3.6 "6=5/4*100": 81,80 vs 72 → 113,61;
    86,41 vs 86 → 100,48): the capaian rule applied to the end target, so a
    lower-is-better indicator is measured the same way as its capaian.
    """
    return capaian(target_akhir, realisasi, polaritas, opsi)


def efisiensi(nilai_capaian: Angka | None, nilai_serapan: Angka | None) -> Decimal | None:
    """Tingkat efisiensi = capaian kinerja (%) − penyerapan anggaran (%).

    Seed 000 Tabel 3.16 "5=3-4"; seed 002 Tabel 3.12: 121,82 − 97,28 → 24,54.
    """
    return selisih(nilai_capaian, nilai_serapan)
