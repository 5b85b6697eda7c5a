"""Comparisons with last year, the Renstra end target and the budget (DOMAIN.md §4, §6)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.capaian import OpsiCapaian, Polaritas, RumusNegatif
from sakip.kinerja.perbandingan import efisiensi, perubahan_persen, selisih, tingkat_kemajuan

# --- perubahan_persen -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sekarang", "sebelumnya", "hasil"),
    [
        (30, 22, "36.36"),  # seed 000 §3.d: 22 → 30 PD, (30 / 22 − 1) × 100 = 36,3636…
        (100, 95, "5.26"),  # 5,2631…
        (D("81.80"), D(70), "16.86"),  # 1,168571… − 1
        (D(80), D(100), "-20.00"),
        (D(100), D(100), "0.00"),
        (D(0), D(50), "-100.00"),
        (D(1), D(3), "-66.67"),  # (1/3 − 1) × 100 = −66,666…
        ("81,80", "70", "16.86"),
    ],
)
def test_perubahan_persen_is_the_ratio_to_last_year_minus_one(
    sekarang: object, sebelumnya: object, hasil: str
) -> None:
    assert perubahan_persen(sekarang, sebelumnya) == D(hasil)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sekarang", "sebelumnya"),
    [(D(5), D(0)), (D(5), None), (None, D(5)), (None, None), ("-", D(5)), (D(5), "-")],
)
def test_perubahan_persen_is_none_without_a_previous_value_or_from_zero(
    sekarang: object, sebelumnya: object
) -> None:
    assert perubahan_persen(sekarang, sebelumnya) is None  # type: ignore[arg-type]


def test_perubahan_persen_refuses_floats_naming_the_year() -> None:
    with pytest.raises(KinerjaError, match=r"^nilai tahun ini: 5\.0 adalah float"):
        perubahan_persen(5.0, D(4))  # type: ignore[arg-type]
    with pytest.raises(KinerjaError, match=r"^nilai tahun sebelumnya: 4\.0 adalah float"):
        perubahan_persen(D(5), 4.0)  # type: ignore[arg-type]


# --- selisih ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sekarang", "sebelumnya", "hasil"),
    [
        (D("121.83"), D("110.61"), "11.22"),  # seed 002 Tabel 3.8.2
        (D("13.60"), D("15.20"), "-1.60"),  # seed 000 Tabel 3.1
        (D("1.005"), D(0), "1.01"),  # rounded half-up
        (D(5), D(5), "0.00"),
        (D(0), D(0), "0.00"),  # a difference from 0 is defined, unlike a ratio
    ],
)
def test_selisih_is_the_difference_in_points(sekarang: D, sebelumnya: D, hasil: str) -> None:
    nilai = selisih(sekarang, sebelumnya)
    assert nilai == D(hasil)
    assert str(nilai) == hasil


@pytest.mark.parametrize(
    ("sekarang", "sebelumnya"), [(D(5), None), (None, D(5)), (None, None), ("-", D(1))]
)
def test_selisih_is_none_without_both_values(sekarang: object, sebelumnya: object) -> None:
    assert selisih(sekarang, sebelumnya) is None  # type: ignore[arg-type]


# --- tingkat_kemajuan -------------------------------------------------------------


@pytest.mark.parametrize(
    ("realisasi", "target_akhir", "hasil"),
    [
        (D("81.80"), D(72), "113.61"),  # seed 000 Tabel 3.6: 1,136111…
        (D("86.41"), D(86), "100.48"),  # 1,004767…
        ("81,80", "72", "113.61"),
        (D(36), D(72), "50.00"),
    ],
)
def test_tingkat_kemajuan_is_realisasi_over_the_end_target(
    realisasi: object, target_akhir: object, hasil: str
) -> None:
    assert tingkat_kemajuan(realisasi, target_akhir) == D(hasil)  # type: ignore[arg-type]


def test_tingkat_kemajuan_of_a_lower_is_better_indicator_uses_its_capaian_formula() -> None:
    assert tingkat_kemajuan(D(8), D(10), Polaritas.MINIMAL) == D("120.00")  # (20 − 8) / 10
    rasio = OpsiCapaian(rumus_negatif=RumusNegatif.RASIO)
    assert tingkat_kemajuan(D(8), D(10), Polaritas.MINIMAL, rasio) == D("125.00")  # 10 / 8
    assert tingkat_kemajuan(D(8), "5 - 10", Polaritas.STABIL) == D(100)


def test_tingkat_kemajuan_without_data_is_none() -> None:
    assert tingkat_kemajuan(None, D(72)) is None
    assert tingkat_kemajuan(D(80), None) is None
    assert tingkat_kemajuan(D(80), "-") is None


# --- efisiensi --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capaian", "serapan", "hasil"),
    [
        (D("121.82"), D("97.28"), "24.54"),  # seed 002 Tabel 3.12
        (D("106.97"), D("94.93"), "12.04"),
        (D("89.07"), D("94.93"), "-5.86"),  # more spent than achieved
        (D(100), D(100), "0.00"),
    ],
)
def test_efisiensi_is_capaian_minus_serapan(capaian: D, serapan: D, hasil: str) -> None:
    assert efisiensi(capaian, serapan) == D(hasil)


def test_efisiensi_without_either_figure_is_none() -> None:
    assert efisiensi(None, D("97.28")) is None
    assert efisiensi(D("121.82"), None) is None


# --- properties -------------------------------------------------------------------

POSITIF = st.decimals(min_value=D("0.01"), max_value=D(10**9), places=2)
NILAI = st.decimals(min_value=-D(10**9), max_value=D(10**9), places=2)


@given(st.decimals(min_value=0, max_value=D(10**9), places=2), POSITIF)
def test_perubahan_persen_sign_follows_the_direction_of_change(sekarang: D, sebelumnya: D) -> None:
    nilai = perubahan_persen(sekarang, sebelumnya)
    assert nilai is not None
    if sekarang > sebelumnya:
        assert nilai >= 0
    elif sekarang < sebelumnya:
        assert nilai <= 0
    else:
        assert nilai == 0
    # a change of at least 0,005 % cannot round to 0
    if abs(sekarang - sebelumnya) * 100 / sebelumnya >= D("0.005"):
        assert (nilai > 0) == (sekarang > sebelumnya)
        assert nilai != 0


@given(NILAI, NILAI)
def test_selisih_is_antisymmetric_and_efisiensi_is_a_selisih(a: D, b: D) -> None:
    assert selisih(a, b) == -selisih(b, a)  # type: ignore[operator]
    assert selisih(a, b) == a - b  # exact for two-place values
    assert efisiensi(a, b) == selisih(a, b)


@given(POSITIF, st.decimals(min_value=0, max_value=D(10**9), places=2))
def test_tingkat_kemajuan_equals_capaian_against_the_end_target(target: D, realisasi: D) -> None:
    exact = realisasi / target * 100
    nilai = tingkat_kemajuan(realisasi, target)
    assert nilai is not None
    assert abs(nilai - exact) <= D("0.005")
