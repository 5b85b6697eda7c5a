"""Indeks Kepuasan Masyarakat from survey answers (PermenPAN-RB 14/2017; DOMAIN.md §9)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sakip.kinerja.angka import Angka, bulatkan, ke_desimal, rata_rata
from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.skala import SkalaPenilaian, Tingkat

UNSUR_PELAYANAN: tuple[str, ...] = (
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Sarana dan Prasarana",
    "Penanganan Pengaduan, Saran dan Masukan",
)
"""The nine unsur of PermenPAN-RB 14/2017, in the regulation's order."""

BOBOT_REGULASI = Decimal("0.111")
"""The regulation's rounded 1/9, which official IKM figures use (the default)."""
BOBOT_TEPAT = Decimal(1) / Decimal(9)
"""Exact 1/9, a setting for agencies that use it."""
KONVERSI = Decimal(25)

MUTU_IKM = SkalaPenilaian(
    nama="Mutu pelayanan (PermenPAN-RB 14/2017)",
    tingkat=(
        Tingkat("A", "Sangat Baik", Decimal("88.31")),
        Tingkat("B", "Baik", Decimal("76.61")),
        Tingkat("C", "Kurang Baik", Decimal("65.00")),
        Tingkat("D", "Tidak Baik", None),
    ),
    # The regulation's D interval starts at 25,00, but with its rounded weight 0,111 the
    # lowest IKM a survey can give is 9 × 1 × 0,111 × 25 = 24,975 (24,98): D as well.
    minimum=len(UNSUR_PELAYANAN) * BOBOT_REGULASI * KONVERSI,
    maksimum=Decimal(100),
)
"""IKM 25,00–64,99 D Tidak Baik; 65,00–76,60 C; 76,61–88,30 B; 88,31–100,00 A."""

MUTU_UNSUR = SkalaPenilaian(
    nama="Mutu unsur pelayanan, skala 1–4 (PermenPAN-RB 14/2017)",
    tingkat=(
        Tingkat("A", "Sangat Baik", Decimal("3.5324")),
        Tingkat("B", "Baik", Decimal("3.0644")),
        Tingkat("C", "Kurang Baik", Decimal("2.60")),
        Tingkat("D", "Tidak Baik", None),
    ),
    minimum=Decimal(1),
    maksimum=Decimal(4),
)
"""NRR of one unsur: 1,00–2,5996 D; 2,60–3,064 C; 3,0644–3,532 B; 3,5324–4,00 A."""


@dataclass(frozen=True)
class HasilIKM:
    jumlah_responden: int
    nrr: tuple[Decimal, ...]
    """Nilai rata-rata per unsur, three decimals as the regulation's tables print them."""
    ikm: Decimal
    mutu: Tingkat

    @property
    def kinerja(self) -> str:
        """The kinerja unit pelayanan label, e.g. "Baik"."""
        return self.mutu.nama


def nrr_per_unsur(jawaban: Sequence[Sequence[int | None]]) -> tuple[Decimal, ...]:
    """NRR per unsur = sum of the answers / the respondents who answered it.

    Each respondent gives nine answers, each 1–4 or None (skipped). An unsur
    that no respondent answered is an error, not a zero (DOMAIN.md §9). NRR is
    kept at three decimals (3,460), as PermenPAN-RB 14/2017 and seed 000 print it.
    """
    if not jawaban:
        raise KinerjaError("survei tanpa responden: IKM tidak dapat dihitung")
    total = [0] * len(UNSUR_PELAYANAN)
    banyak = [0] * len(UNSUR_PELAYANAN)
    for baris, jawab in enumerate(jawaban, start=1):
        if len(jawab) != len(UNSUR_PELAYANAN):
            raise KinerjaError(
                f"responden ke-{baris}: {len(jawab)} jawaban, seharusnya {len(UNSUR_PELAYANAN)}"
            )
        for i, nilai in enumerate(jawab):
            if nilai is None:
                continue
            if isinstance(nilai, bool) or not isinstance(nilai, int) or not 1 <= nilai <= 4:
                raise KinerjaError(
                    f"responden ke-{baris}, unsur {i + 1} ({UNSUR_PELAYANAN[i]}): "
                    f"jawaban {nilai!r} di luar 1–4"
                )
            total[i] += nilai
            banyak[i] += 1
    kosong = [UNSUR_PELAYANAN[i] for i, n in enumerate(banyak) if n == 0]
    if kosong:
        raise KinerjaError(f"unsur tanpa jawaban satu pun: {', '.join(kosong)}")
    return tuple(bulatkan(Decimal(t) / n, 3) for t, n in zip(total, banyak, strict=True))


def ikm_dari_nrr(nrr: Sequence[Angka], bobot: Decimal = BOBOT_REGULASI) -> Decimal:
    """IKM = Σ (NRR × bobot) × 25, rounded to two decimals.

    Seed 000 (Biro Administrasi Pimpinan): 3,460 3,400 3,540 3,520 3,540 3,340
    3,380 3,440 3,500 → Σ 31,12 × 0,111 × 25 = 86,358 → 86,36.
    """
    if len(nrr) != len(UNSUR_PELAYANAN):
        raise KinerjaError(f"IKM butuh {len(UNSUR_PELAYANAN)} nilai unsur, bukan {len(nrr)}")
    nilai = [ke_desimal(n, f"NRR unsur {i}") for i, n in enumerate(nrr, start=1)]
    for n in nilai:
        MUTU_UNSUR.kategori(n)  # raises for an NRR outside 1–4
    return bulatkan(sum((n * bobot for n in nilai), Decimal(0)) * KONVERSI)


def mutu_pelayanan(ikm: Angka) -> Tingkat:
    """Mutu A–D and its kinerja label for an IKM value (PermenPAN-RB 14/2017)."""
    tingkat = MUTU_IKM.kategori(ke_desimal(ikm, "IKM"))
    assert tingkat is not None
    return tingkat


def hitung_ikm(
    jawaban: Sequence[Sequence[int | None]], bobot: Decimal = BOBOT_REGULASI
) -> HasilIKM:
    """Unsur averages, IKM, mutu and kinerja label of one unit and period."""
    nrr = nrr_per_unsur(jawaban)
    ikm = ikm_dari_nrr(nrr, bobot)
    return HasilIKM(jumlah_responden=len(jawaban), nrr=nrr, ikm=ikm, mutu=mutu_pelayanan(ikm))


def unsur_terendah(nrr: Sequence[Angka], banyak: int = 3) -> list[tuple[str, Decimal]]:
    """The ``banyak`` lowest unsur (name, NRR), lowest first; ties keep the regulation's order."""
    if len(nrr) != len(UNSUR_PELAYANAN):
        raise KinerjaError(f"butuh {len(UNSUR_PELAYANAN)} nilai unsur, bukan {len(nrr)}")
    pasangan = [(UNSUR_PELAYANAN[i], ke_desimal(n)) for i, n in enumerate(nrr)]
    return sorted(pasangan, key=lambda p: p[1])[:banyak]


def ikm_gabungan(nilai: Iterable[Angka | None]) -> Decimal | None:
    """Mean of IKM values: a Biro's year from its semesters, a Setda from its Biro.

    Seed 000: Biro (89,18; 89,57) → 89,38; Setda = mean of the nine Biro → 86,40.
    """
    return rata_rata(nilai)
