"""AKIP evaluation: component scores → nilai → predikat (DOMAIN.md §8)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sakip.kinerja.angka import (
    Angka,
    bulatkan,
    format_angka,
    ke_desimal,
    persentase,
    rata_rata,
)
from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.predikat import Predikat, predikat_akip

SERATUS = Decimal(100)


@dataclass(frozen=True)
class Komponen:
    kode: str
    nama: str
    bobot: Decimal


@dataclass(frozen=True)
class ModelEvaluasi:
    """An evaluation model: its components and their maximum scores (weights)."""

    kode: str
    nama: str
    komponen: tuple[Komponen, ...]

    def __post_init__(self) -> None:
        total = sum((k.bobot for k in self.komponen), Decimal(0))
        if total != SERATUS:
            raise KinerjaError(f"model {self.kode!r}: bobot komponen berjumlah {total}, bukan 100")


MODEL_88_2021 = ModelEvaluasi(
    kode="permenpanrb-88-2021",
    nama="PermenPAN-RB 88/2021",
    komponen=(
        Komponen("perencanaan", "Perencanaan Kinerja", Decimal(30)),
        Komponen("pengukuran", "Pengukuran Kinerja", Decimal(30)),
        Komponen("pelaporan", "Pelaporan Kinerja", Decimal(15)),
        Komponen("evaluasi_internal", "Evaluasi Akuntabilitas Kinerja Internal", Decimal(25)),
    ),
)

MODEL_12_2015 = ModelEvaluasi(
    kode="permenpanrb-12-2015",
    nama="PermenPAN-RB 12/2015",
    komponen=(
        Komponen("perencanaan", "Perencanaan Kinerja", Decimal(30)),
        Komponen("pengukuran", "Pengukuran Kinerja", Decimal(25)),
        Komponen("pelaporan", "Pelaporan Kinerja", Decimal(15)),
        Komponen("evaluasi_internal", "Evaluasi Internal", Decimal(10)),
        Komponen("capaian", "Capaian Kinerja", Decimal(20)),
    ),
)


def nilai_akip(skor: Mapping[str, Angka], model: ModelEvaluasi | None = None) -> Decimal:
    """Nilai AKIP = sum of the component scores, rounded to two decimals.

    With a ``model`` every component must be scored, no other, and each within
    0 … its weight (PermenPAN-RB 88/2021; PermenPAN-RB 12/2015). Without one
    the scores are taken as given: seed 000 Tabel 3.1 used a five-component
    hybrid for 2022–2023 whose maxima it does not state (Evaluasi Internal
    14,80 exceeds the 12/2015 maximum of 10), e.g. 30,00 + 15,40 + 8,00 +
    14,80 + 13,60 = 81,80. The total must lie within 0–100.
    """
    if not skor:
        raise KinerjaError("nilai AKIP: tidak ada skor komponen")
    angka = {kode: ke_desimal(v, f"skor komponen {kode!r}") for kode, v in skor.items()}
    for kode, v in angka.items():
        if v < 0:
            raise KinerjaError(f"skor komponen {kode!r} negatif ({format_angka(v)})")
    if model is not None:
        dikenal = {k.kode: k for k in model.komponen}
        asing = sorted(set(angka) - set(dikenal))
        kurang = [k.kode for k in model.komponen if k.kode not in angka]
        if asing:
            raise KinerjaError(f"{model.nama}: komponen tidak dikenal: {', '.join(asing)}")
        if kurang:
            raise KinerjaError(f"{model.nama}: komponen belum dinilai: {', '.join(kurang)}")
        for kode, v in angka.items():
            if v > dikenal[kode].bobot:
                raise KinerjaError(
                    f"{model.nama}: skor {dikenal[kode].nama} {format_angka(v)} melebihi "
                    f"bobotnya {format_angka(dikenal[kode].bobot)}"
                )
    total = bulatkan(sum(angka.values(), Decimal(0)))
    if total > SERATUS:
        raise KinerjaError(f"nilai AKIP {format_angka(total)} melebihi 100")
    return total


@dataclass(frozen=True)
class HasilEvaluasi:
    nilai: Decimal
    predikat: Predikat


def evaluasi_akip(skor: Mapping[str, Angka], model: ModelEvaluasi | None = None) -> HasilEvaluasi:
    """Nilai and predikat together (seed 000 Tabel 3.1: 2023 → 81,80 A)."""
    nilai = nilai_akip(skor, model)
    return HasilEvaluasi(nilai=nilai, predikat=predikat_akip(nilai))


# PermenPAN-RB 88/2021: each component splits into three sub-components.
PORSI_SUBKOMPONEN = {
    "keberadaan": Decimal(20),
    "kualitas": Decimal(30),
    "pemanfaatan": Decimal(50),
}

NILAI_JAWABAN_LKE = {
    "AA": Decimal(100),
    "A": Decimal(90),
    "BB": Decimal(80),
    "B": Decimal(70),
    "CC": Decimal(60),
    "C": Decimal(50),
    "D": Decimal(30),
    "E": Decimal(0),
    "Y": Decimal(100),
    "T": Decimal(0),
}
"""Answer values of an LKE criterion (PermenPAN-RB 88/2021); Y/T for yes/no criteria."""


def nilai_jawaban(jawaban: str) -> Decimal:
    """The value of one LKE answer: AA 100 · A 90 · … · D 30 · E 0; Y 100 / T 0."""
    kode = jawaban.strip().upper()
    if kode in {"YA"}:
        kode = "Y"
    elif kode in {"TIDAK"}:
        kode = "T"
    if kode not in NILAI_JAWABAN_LKE:
        raise KinerjaError(
            f"jawaban LKE {jawaban!r} tidak dikenal (AA, A, BB, B, CC, C, D, E, atau Y/T)"
        )
    return NILAI_JAWABAN_LKE[kode]


def bobot_subkomponen(bobot_komponen: Angka) -> dict[str, Decimal]:
    """Weights of keberadaan (20 %), kualitas (30 %), pemanfaatan (50 %) of a component."""
    bobot = ke_desimal(bobot_komponen, "bobot komponen")
    return {nama: bobot * porsi / SERATUS for nama, porsi in PORSI_SUBKOMPONEN.items()}


def nilai_subkomponen(jawaban: Sequence[str], bobot: Angka) -> Decimal:
    """Mean of the criteria's answer values × the sub-component's weight / 100.

    PermenPAN-RB 88/2021: the criteria of a sub-component weigh equally. E.g. a
    kualitas sub-component of Perencanaan (weight 9) answered A, BB, B → mean
    80 → 7,20.
    """
    if not jawaban:
        raise KinerjaError("sub-komponen tanpa jawaban kriteria")
    rerata = rata_rata(nilai_jawaban(j) for j in jawaban)
    assert rerata is not None
    return bulatkan(rerata * ke_desimal(bobot, "bobot sub-komponen") / SERATUS)


def nilai_komponen(jawaban_per_subkomponen: Mapping[str, Sequence[str]], bobot: Angka) -> Decimal:
    """Score of one 88/2021 component from the answers of its three sub-components."""
    bobot_sub = bobot_subkomponen(bobot)
    asing = sorted(set(jawaban_per_subkomponen) - set(bobot_sub))
    if asing:
        raise KinerjaError(f"sub-komponen tidak dikenal: {', '.join(asing)}")
    kurang = [s for s in bobot_sub if s not in jawaban_per_subkomponen]
    if kurang:
        raise KinerjaError(f"sub-komponen belum dinilai: {', '.join(kurang)}")
    return bulatkan(
        sum(
            (nilai_subkomponen(j, bobot_sub[s]) for s, j in jawaban_per_subkomponen.items()),
            Decimal(0),
        )
    )


# --- A whole worksheet (LKE) -------------------------------------------------------


@dataclass(frozen=True)
class SubKomponenLKE:
    """One sub-component of a filled worksheet: its weight and its criteria's answers.

    ``jawaban`` holds one answer code per criterion, ``None`` where not yet answered.
    """

    kode: str
    bobot: Decimal
    jawaban: tuple[str | None, ...]


@dataclass(frozen=True)
class KomponenLKE:
    kode: str
    bobot: Decimal
    sub: tuple[SubKomponenLKE, ...]


@dataclass(frozen=True)
class SkorLKE:
    """Sub-totals, component scores, nilai and predikat of a worksheet.

    A sub-component is scored only when each of its criteria is answered, a
    component only when each of its sub-components is, the nilai only when every
    component is: a half-filled worksheet shows what it has, never a partial total.
    """

    subkomponen: dict[tuple[str, str], Decimal | None]
    komponen: dict[str, Decimal | None]
    nilai: Decimal | None
    predikat: Predikat | None
    terjawab: int
    jumlah_kriteria: int

    @property
    def lengkap(self) -> bool:
        return self.nilai is not None


def periksa_bobot_lke(komponen: Sequence[KomponenLKE]) -> None:
    """A worksheet's weights must add up: components to 100, sub-components to their component.

    PermenPAN-RB 88/2021 (30 + 30 + 15 + 25; each split 20/30/50 %) and
    PermenPAN-RB 12/2015 (30 + 25 + 15 + 10 + 20, with its own sub-component
    weights) both hold; a worksheet edited by hand that breaks this is refused.
    """
    if not komponen:
        raise KinerjaError("lembar kerja evaluasi tanpa komponen")
    total = sum((k.bobot for k in komponen), Decimal(0))
    if total != SERATUS:
        raise KinerjaError(f"bobot komponen LKE berjumlah {format_angka(total, None)}, bukan 100")
    for k in komponen:
        if not k.sub:
            raise KinerjaError(f"komponen {k.kode!r} tanpa sub-komponen")
        jumlah_sub = sum((s.bobot for s in k.sub), Decimal(0))
        if jumlah_sub != k.bobot:
            raise KinerjaError(
                f"bobot sub-komponen {k.kode!r} berjumlah {format_angka(jumlah_sub, None)}, "
                f"bukan {format_angka(k.bobot, None)}"
            )


def skor_lke(komponen: Sequence[KomponenLKE]) -> SkorLKE:
    """Score a worksheet: each sub-component by :func:`nilai_subkomponen`, then sums.

    PermenPAN-RB 88/2021: nilai of a sub-component = mean of its criteria's
    answer values × its weight; a component is the sum of its sub-components,
    the nilai AKIP the sum of the components, each rounded to two decimals
    where it is computed so a reader can re-add the printed sub-totals.
    """
    periksa_bobot_lke(komponen)
    per_sub: dict[tuple[str, str], Decimal | None] = {}
    per_komponen: dict[str, Decimal | None] = {}
    terjawab = jumlah_kriteria = 0
    for k in komponen:
        nilai_sub: list[Decimal | None] = []
        for s in k.sub:
            jumlah_kriteria += len(s.jawaban)
            isi = [j for j in s.jawaban if j]
            terjawab += len(isi)
            n = nilai_subkomponen(isi, s.bobot) if isi and len(isi) == len(s.jawaban) else None
            per_sub[(k.kode, s.kode)] = n
            nilai_sub.append(n)
        lengkap = all(n is not None for n in nilai_sub)
        per_komponen[k.kode] = (
            bulatkan(sum((n for n in nilai_sub if n is not None), Decimal(0))) if lengkap else None
        )
    skor = {kode: n for kode, n in per_komponen.items() if n is not None}
    if len(skor) == len(per_komponen):
        hasil = evaluasi_akip(skor)
        return SkorLKE(
            per_sub, per_komponen, hasil.nilai, hasil.predikat, terjawab, jumlah_kriteria
        )
    return SkorLKE(per_sub, per_komponen, None, None, terjawab, jumlah_kriteria)


# --- The recap of a Pemda's Perangkat Daerah ----------------------------------------

PREDIKAT_MINIMAL_BB = Predikat.BB


@dataclass(frozen=True)
class RekapPredikat:
    """How many PD hold each predikat, and how many (and what share) hold at least BB."""

    sebaran: dict[Predikat, int]
    jumlah: int
    minimal_bb: int
    persen_minimal_bb: Decimal | None


def rekap_predikat(nilai: Sequence[Angka]) -> RekapPredikat:
    """Predikat distribution AA…D of the PD's nilai and the share with predikat ≥ BB.

    Seed 000 Bab III.C.3.d: 37 PD → A 8, BB 22, B 6, CC 1; 30 of 37 at least
    BB = 81,08 % (IKU "Persentase PD dengan predikat SAKIP minimal BB").
    """
    sebaran: dict[Predikat, int] = {}
    for n in nilai:
        p = predikat_akip(n)
        sebaran[p] = sebaran.get(p, 0) + 1
    return rekap_sebaran(sebaran)


def rekap_sebaran(sebaran: Mapping[Predikat, int]) -> RekapPredikat:
    """The recap from the number of PD per predikat, as a report prints it.

    For a year whose PD scores are not at hand but whose distribution is: seed
    000 Bab III.C.3.d "Resume Hasil Penilaian SAKIP 2024" gives 2023 as A 2,
    BB 20, B 14, CC 1 — 22 of 37 at least BB, so 2024's 30 is +36,36 %.
    A predikat not named counts 0; a negative count is refused.
    """
    for p, c in sebaran.items():
        if c < 0:
            raise KinerjaError(f"jumlah PD berpredikat {p.kode} tidak boleh negatif ({c})")
    urut = {p: sebaran.get(p, 0) for p in sorted(Predikat, key=lambda p: -p.peringkat)}
    minimal = sum(c for p, c in urut.items() if p.peringkat >= PREDIKAT_MINIMAL_BB.peringkat)
    jumlah = sum(urut.values())
    return RekapPredikat(urut, jumlah, minimal, persentase(minimal, jumlah) if jumlah else None)
