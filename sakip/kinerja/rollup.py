"""Roll-ups: a parent's capaian and serapan from its children (DOMAIN.md §3, §6)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from sakip.kinerja.angka import Angka, bulatkan, jumlah, ke_desimal, persentase, rata_rata
from sakip.kinerja.galat import KinerjaError


class MetodeRollup(StrEnum):
    RATA_RATA = "rata_rata"
    """Mean of the children (seed 002 Lampiran; the default)."""
    TERTIMBANG_PAGU = "tertimbang_pagu"
    """Mean weighted by each child's pagu."""


class MetodeSerapan(StrEnum):
    RASIO_TOTAL = "rasio_total"
    """Σ realisasi / Σ pagu of the programs taken together (seed 000 Tabel 2.5; the default)."""
    RATA_RATA_PERSEN = "rata_rata_persen"
    """Plain mean of the programs' percentages (seed 000 Tabel 3.16: 89,07 instead of 94,93)."""


@dataclass(frozen=True)
class Anak:
    """One child in a roll-up: its capaian and, for weighting, its pagu."""

    capaian: Decimal | None
    pagu: Decimal | None = None


def rollup_capaian(
    anak: Sequence[Anak], metode: MetodeRollup = MetodeRollup.RATA_RATA
) -> Decimal | None:
    """A parent's capaian from its children's, rounded to two decimals.

    Mean of children (seed 002 Lampiran: sub kegiatan 124,47; 200,00; 102,00 →
    kegiatan 142,16; kegiatan 100; 142,16; 100; 83,33 → 106,37), or weighted by
    pagu. A child without capaian (no data) is left out; a child with capaian 0
    counts. Weighted roll-up needs the pagu of every child that has a capaian
    and a total pagu above 0.
    """
    if metode is MetodeRollup.RATA_RATA:
        return rata_rata(a.capaian for a in anak)
    berdata = [a for a in anak if a.capaian is not None]
    if not berdata:
        return None
    tanpa_pagu = [
        i for i, a in enumerate(anak, start=1) if a.capaian is not None and a.pagu is None
    ]
    if tanpa_pagu:
        raise KinerjaError(
            "rata-rata tertimbang pagu: anak ke-"
            + ", ".join(str(i) for i in tanpa_pagu)
            + " tidak memiliki pagu"
        )
    total_pagu = sum((ke_desimal(a.pagu, "pagu") for a in berdata), Decimal(0))
    if total_pagu <= 0:
        raise KinerjaError("rata-rata tertimbang pagu: jumlah pagu anak-anaknya 0")
    tertimbang = sum(
        (ke_desimal(a.capaian, "capaian") * ke_desimal(a.pagu, "pagu") for a in berdata),
        Decimal(0),
    )
    return bulatkan(tertimbang / total_pagu)


@dataclass(frozen=True)
class NodeKinerja:
    """A node of the cascade (sasaran → program → kegiatan → sub kegiatan, or units).

    A leaf carries its own capaian; a parent's is rolled up from ``anak``.
    """

    nama: str
    capaian: Decimal | None = None
    pagu: Decimal | None = None
    anak: tuple[NodeKinerja, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class HasilRollup:
    nama: str
    capaian: Decimal | None
    pagu: Decimal | None
    anak: tuple[HasilRollup, ...] = ()


def rollup_pohon(node: NodeKinerja, metode: MetodeRollup = MetodeRollup.RATA_RATA) -> HasilRollup:
    """Roll a whole cascade up, level by level, each level from the rounded one below.

    Seed 002 Lampiran: sub kegiatan → kegiatan = mean of its sub kegiatan →
    Bagian = mean of its kegiatan → program = mean of its Bagian/kegiatan.
    A parent's pagu is the sum of its children's.
    """
    if not node.anak:
        return HasilRollup(node.nama, node.capaian, node.pagu)
    anak = tuple(rollup_pohon(a, metode) for a in node.anak)
    nilai = rollup_capaian([Anak(a.capaian, a.pagu) for a in anak], metode)
    return HasilRollup(node.nama, nilai, jumlah(a.pagu for a in anak), anak)


def serapan_gabungan(
    pos: Sequence[tuple[Angka | None, Angka | None]],
    metode: MetodeSerapan = MetodeSerapan.RASIO_TOTAL,
) -> Decimal | None:
    """Serapan of several budget lines ``(pagu, realisasi)`` taken together.

    Default Σ realisasi / Σ pagu (seed 000 Tabel 2.5: Sasaran 1, 192.687.497.546 /
    202.978.570.206 → 94,93); or the plain mean of each line's percentage.
    """
    if metode is MetodeSerapan.RATA_RATA_PERSEN:
        return rata_rata(persentase(r, p) for p, r in pos)
    return persentase(jumlah(r for _, r in pos), jumlah(p for p, _ in pos))
