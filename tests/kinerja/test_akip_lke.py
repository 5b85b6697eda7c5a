"""A whole LKE worksheet scored by hand (DOMAIN.md §8) and the PD predikat recap."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import (
    KinerjaError,
    KomponenLKE,
    Predikat,
    SubKomponenLKE,
    periksa_bobot_lke,
    perubahan_persen,
    rekap_predikat,
    rekap_sebaran,
    skor_lke,
)

URUTAN_PREDIKAT = [
    Predikat.AA,
    Predikat.A,
    Predikat.BB,
    Predikat.B,
    Predikat.CC,
    Predikat.C,
    Predikat.D,
]


def _k(kode: str, bobot: int, *sub: tuple[str, str, tuple[str | None, ...]]) -> KomponenLKE:
    return KomponenLKE(kode, D(bobot), tuple(SubKomponenLKE(s, D(b), j) for s, b, j in sub))


def _lke_88(pemanfaatan_ei: tuple[str | None, ...] = ("B", "BB")) -> list[KomponenLKE]:
    return [
        _k(
            "perencanaan",
            30,
            ("keberadaan", "6", ("AA", "A")),
            ("kualitas", "9", ("A", "BB", "B")),
            ("pemanfaatan", "15", ("BB", "B")),
        ),
        _k(
            "pengukuran",
            30,
            ("keberadaan", "6", ("Y", "T")),
            ("kualitas", "9", ("B",)),
            ("pemanfaatan", "15", ("CC", "C", "D")),
        ),
        _k(
            "pelaporan",
            15,
            ("keberadaan", "3", ("AA",)),
            ("kualitas", "4.5", ("A", "A")),
            ("pemanfaatan", "7.5", ("BB",)),
        ),
        _k(
            "evaluasi_internal",
            25,
            ("keberadaan", "5", ("AA",)),
            ("kualitas", "7.5", ("E", "AA")),
            ("pemanfaatan", "12.5", pemanfaatan_ei),
        ),
    ]


def test_a_full_88_2021_worksheet_scored_by_hand() -> None:
    """Perencanaan 95×6 % = 5,70 + 80×9 % = 7,20 + 75×15 % = 11,25 → 24,15;
    Pengukuran 50×6 % = 3,00 + 70×9 % = 6,30 + 46,67×15 % = 7,00 → 16,30;
    Pelaporan 100×3 % = 3,00 + 90×4,5 % = 4,05 + 80×7,5 % = 6,00 → 13,05;
    Evaluasi internal 5,00 + 50×7,5 % = 3,75 + 75×12,5 % = 9,375 → 9,38 → 18,13;
    nilai 71,63 → BB."""
    skor = skor_lke(_lke_88())
    assert skor.subkomponen[("perencanaan", "keberadaan")] == D("5.70")
    assert skor.subkomponen[("pengukuran", "pemanfaatan")] == D("7.00")
    assert skor.subkomponen[("evaluasi_internal", "pemanfaatan")] == D("9.38")
    assert skor.komponen == {
        "perencanaan": D("24.15"),
        "pengukuran": D("16.30"),
        "pelaporan": D("13.05"),
        "evaluasi_internal": D("18.13"),
    }
    assert (skor.nilai, skor.predikat) == (D("71.63"), Predikat.BB)
    assert (skor.terjawab, skor.jumlah_kriteria, skor.lengkap) == (22, 22, True)


def test_a_half_filled_worksheet_has_sub_totals_but_no_nilai() -> None:
    skor = skor_lke(_lke_88(pemanfaatan_ei=("B", None)))
    assert skor.subkomponen[("evaluasi_internal", "pemanfaatan")] is None
    assert skor.komponen["evaluasi_internal"] is None
    assert skor.komponen["perencanaan"] == D("24.15")
    assert (skor.nilai, skor.predikat, skor.lengkap) == (None, None, False)
    assert (skor.terjawab, skor.jumlah_kriteria) == (21, 22)
    assert skor_lke(_lke_88(pemanfaatan_ei=(None, None))).terjawab == 20


def test_worksheet_weights_must_add_up() -> None:
    periksa_bobot_lke(_lke_88())
    with pytest.raises(KinerjaError, match="tanpa komponen"):
        periksa_bobot_lke([])
    with pytest.raises(KinerjaError, match="berjumlah 75, bukan 100"):
        periksa_bobot_lke(_lke_88()[:3])
    rusak = _lke_88()
    rusak[0] = _k("perencanaan", 30, ("keberadaan", "6", ("AA",)), ("kualitas", "9", ("A",)))
    with pytest.raises(KinerjaError, match="'perencanaan' berjumlah 15, bukan 30"):
        periksa_bobot_lke(rusak)
    rusak[0] = _k("perencanaan", 30)
    with pytest.raises(KinerjaError, match="tanpa sub-komponen"):
        skor_lke(rusak)


def test_the_37_pd_recap_of_kaltim_2024() -> None:
    """Seed 000 Bab III.C.3.d: A 8, BB 22, B 6, CC 1; 30 of 37 at least BB = 81,08 %."""
    a = ["80.90", "81.70", "80.40", "82.10", "81.00", "83.30", "80.50", "81.80"]
    bb = ["79.90", "78.00", "78.10", "73.20", "70.70", "73.30", "71.80", "70.20"]
    bb += ["75.50", "74.30", "70.10", "70.60", "75.90", "74.50", "74.90", "70.20"]
    bb += ["80.00", "76.40", "71.10", "76.90", "70.20", "72.70"]
    b_cc = ["63.80", "69.40", "67.30", "67.90", "70.00", "63.30", "59.30"]
    nilai = [*a, *bb, *b_cc]
    rekap = rekap_predikat(nilai)
    assert list(rekap.sebaran) == URUTAN_PREDIKAT
    assert {p.kode: c for p, c in rekap.sebaran.items() if c} == {
        "A": 8,
        "BB": 22,
        "B": 6,
        "CC": 1,
    }
    assert (rekap.jumlah, rekap.minimal_bb, rekap.persen_minimal_bb) == (37, 30, D("81.08"))


def test_an_empty_recap_has_no_share() -> None:
    rekap = rekap_predikat([])
    assert (rekap.jumlah, rekap.minimal_bb, rekap.persen_minimal_bb) == (0, 0, None)
    with pytest.raises(KinerjaError):
        rekap_predikat(["814.80"])


def test_the_2023_distribution_of_kaltim_gives_22_and_plus_36_36() -> None:
    """Seed 000 "Resume Hasil Penilaian SAKIP 2024": 2023 A 2, BB 20, B 14, CC 1 → 22 of 37."""
    lalu = rekap_sebaran({Predikat.A: 2, Predikat.BB: 20, Predikat.B: 14, Predikat.CC: 1})
    assert list(lalu.sebaran) == URUTAN_PREDIKAT
    assert (lalu.jumlah, lalu.minimal_bb, lalu.persen_minimal_bb) == (37, 22, D("59.46"))
    assert perubahan_persen(30, lalu.minimal_bb) == D("36.36")


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(KinerjaError, match="BB tidak boleh negatif"):
        rekap_sebaran({Predikat.BB: -1})
    assert rekap_sebaran({}).persen_minimal_bb is None


@given(st.lists(st.decimals(min_value=0, max_value=100, places=2), max_size=60))
def test_a_recap_from_its_own_distribution_is_the_same_recap(nilai: list[D]) -> None:
    rekap = rekap_predikat(nilai)
    assert rekap_sebaran(rekap.sebaran) == rekap
    assert rekap.jumlah == len(nilai) == sum(rekap.sebaran.values())
