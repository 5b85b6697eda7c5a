"""AKIP evaluation: component scores → nilai → predikat (DOMAIN.md §8)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sakip.kinerja.angka import Angka, bulatkan, format_angka, ke_desimal, rata_rata
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
