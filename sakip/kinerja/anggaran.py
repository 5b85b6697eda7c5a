"""Budget figures: serapan, sisa, shares and the totals of the budget tree (DOMAIN.md §5)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.kinerja.angka import Angka, format_rupiah, jumlah, ke_desimal, persentase
from sakip.kinerja.galat import KinerjaError


def _rupiah(nilai: Angka | None, nama: str) -> Decimal | None:
    if nilai is None:
        return None
    hasil = ke_desimal(nilai, nama)
    if hasil < 0:
        raise KinerjaError(f"{nama} negatif ({format_rupiah(hasil)})")
    return hasil


def serapan(realisasi: Angka | None, pagu: Angka | None) -> Decimal | None:
    """Penyerapan anggaran (%) = realisasi / pagu × 100; None without pagu.

    Seed 002 Tabel 3.10: 138.760.253.340 of 145.373.575.253 → 95,45.
    """
    return persentase(_rupiah(realisasi, "realisasi"), _rupiah(pagu, "pagu"))


def sisa_anggaran(pagu: Angka, realisasi: Angka) -> Decimal:
    """Sisa = pagu − realisasi, exact (seed 002: 6.613.321.913)."""
    p, r = _rupiah(pagu, "pagu"), _rupiah(realisasi, "realisasi")
    assert p is not None and r is not None
    return p - r


def porsi(bagian: Angka | None, total_pagu: Angka | None) -> Decimal | None:
    """Share of the total ("tertimbang") = realisasi of a category / total pagu × 100.

    Seed 002 Tabel 3.10: Belanja Operasi 112.273.506.348 / 145.373.575.253 → 77,23.
    """
    return persentase(_rupiah(bagian, "bagian"), _rupiah(total_pagu, "total pagu"))


def melebihi_pagu(realisasi: Angka | None, pagu: Angka | None) -> bool:
    """Realisasi above pagu is an error to flag (seed 000: Fasilitasi Kunjungan Tamu 126,10 %)."""
    r, p = _rupiah(realisasi, "realisasi"), _rupiah(pagu, "pagu")
    return r is not None and p is not None and r > p


@dataclass(frozen=True)
class PosAnggaran:
    """A node of the budget tree: program → kegiatan → sub kegiatan (or any depth).

    A leaf carries its own pagu and realisasi; a parent's are the sums of its
    ``rincian`` (its own figures, if any, are what a report printed and are
    left to the consistency checks).
    """

    kode: str
    nama: str
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    rincian: tuple[PosAnggaran, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TotalAnggaran:
    kode: str
    nama: str
    pagu: Decimal | None
    realisasi: Decimal | None
    rincian: tuple[TotalAnggaran, ...] = ()

    @property
    def serapan(self) -> Decimal | None:
        return serapan(self.realisasi, self.pagu)

    @property
    def sisa(self) -> Decimal | None:
        if self.pagu is None:
            return None
        return sisa_anggaran(self.pagu, self.realisasi or Decimal(0))

    @property
    def melebihi_pagu(self) -> bool:
        return melebihi_pagu(self.realisasi, self.pagu)


def total_anggaran(pos: PosAnggaran) -> TotalAnggaran:
    """Totals at every level are the sums of the level below.

    Seed 000 Tabel 3.19 adds up at every level: sub kegiatan → kegiatan →
    program → Biro (e.g. Biro Umum 251.785.671.392 / 236.488.219.721).
    """
    if not pos.rincian:
        return TotalAnggaran(
            kode=pos.kode,
            nama=pos.nama,
            pagu=_rupiah(pos.pagu, f"pagu {pos.kode}"),
            realisasi=_rupiah(pos.realisasi, f"realisasi {pos.kode}"),
        )
    rincian = tuple(total_anggaran(r) for r in pos.rincian)
    return TotalAnggaran(
        kode=pos.kode,
        nama=pos.nama,
        pagu=jumlah(r.pagu for r in rincian),
        realisasi=jumlah(r.realisasi for r in rincian),
        rincian=rincian,
    )


def total_semua(pos: Sequence[PosAnggaran]) -> TotalAnggaran:
    """The total of several trees (e.g. the nine Biro of seed 000 Tabel 3.19)."""
    return total_anggaran(PosAnggaran(kode="", nama="Jumlah", rincian=tuple(pos)))


def pohon_menurut_kode(pos: Sequence[PosAnggaran]) -> tuple[PosAnggaran, ...]:
    """Nest flat budget rows by their dotted codes: "5.1.02" goes under "5.1".

    The rows of a jenis belanja table (seed 002 Tabel 3.10: 5.1 Belanja Operasi
    over 5.1.01 Pegawai, 5.1.02 Barang dan Jasa, 5.1.05 Hibah) arrive flat; nested,
    ``total_anggaran`` derives each parent from its children, so a parent's
    printed figure is never trusted over the sum of what it contains. A row goes
    under the longest code that is a prefix of its own, whatever the order given.
    """
    kode = {p.kode for p in pos}
    if len(kode) != len(pos):
        raise KinerjaError("kode rincian anggaran ganda")

    def induk(k: str) -> str | None:
        bagian = k.split(".")
        for n in range(len(bagian) - 1, 0, -1):
            calon = ".".join(bagian[:n])
            if calon in kode:
                return calon
        return None

    anak: dict[str | None, list[PosAnggaran]] = {}

    def urutan(p: PosAnggaran) -> list[tuple[int, int, str]]:
        # Numbers in numeric order ("5.2" before "5.10"), any text after them.
        return [(0, int(b), "") if b.isdigit() else (1, 0, b) for b in p.kode.split(".")]

    for p in sorted(pos, key=urutan):
        anak.setdefault(induk(p.kode), []).append(p)

    def susun(p: PosAnggaran) -> PosAnggaran:
        rincian = tuple(susun(a) for a in anak.get(p.kode, []))
        return PosAnggaran(p.kode, p.nama, p.pagu, p.realisasi, rincian) if rincian else p

    return tuple(susun(p) for p in anak.get(None, []))
