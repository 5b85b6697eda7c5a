"""Capaian of one indicator (sakip.kinerja.capaian; DOMAIN.md §1)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.capaian import OpsiCapaian, Polaritas, RumusNegatif, capaian, perlu_penjelasan
from sakip.kinerja.predikat import Predikat
from sakip.kinerja.target import Rentang

MAKS, MIN, STABIL = Polaritas.MAKSIMAL, Polaritas.MINIMAL, Polaritas.STABIL
RASIO = OpsiCapaian(rumus_negatif=RumusNegatif.RASIO)


def test_defaults_are_higher_is_better_selisih_and_no_cap() -> None:
    opsi = OpsiCapaian()
    assert opsi.rumus_negatif is RumusNegatif.SELISIH
    assert opsi.capaian_target_nol_terlampaui == D(0)
    assert opsi.batas_atas is None and opsi.batas_bawah is None
    assert capaian(D(100), D(150)) == D("150.00")  # R / T, not (2T − R) / T, and not capped


# --- higher is better: R / T × 100 ------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisasi", "hasil"),
    [
        (D(71), D("86.69"), "122.10"),  # seed 000 Tabel 3.4: 1,22098… → 122,10
        (D(90), D("95.20"), "105.78"),  # 1,057777…
        (D(85), D("86.41"), "101.66"),  # 1,016588…
        (D(6), D(29), "483.33"),  # an outlier as seed 002 prints them: 4,8333…
        (D(80), D(80), "100.00"),
        (D(80), D(72), "90.00"),
        (D(3), D(1), "33.33"),
        (D(3), D(2), "66.67"),
        (D(80), D(0), "0.00"),  # realisasi 0 is a capaian of 0, unlike no realisasi
        (D(10), D(-2), "-20.00"),
        ("71", "86,69", "122.10"),  # text as typed
        ("85 %", "86,41 %", "101.66"),
        (12, 9, "75.00"),  # ints
    ],
)
def test_higher_is_better_is_realisasi_over_target(
    target: object, realisasi: object, hasil: str
) -> None:
    nilai = capaian(target, realisasi)  # type: ignore[arg-type]
    assert nilai == D(hasil)
    assert str(nilai) == hasil  # always two places


# --- lower is better ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisasi", "hasil"),
    [
        (D(10), D(8), "120.00"),  # (20 − 8) / 10
        (D(10), D(12), "80.00"),  # (20 − 12) / 10
        (D(10), D(10), "100.00"),
        (D(10), D(0), "200.00"),
        (D(10), D(20), "0.00"),
        (D(10), D(25), "-50.00"),  # (20 − 25) / 10: no floor by default
        (D(10), D(-2), "220.00"),  # (20 + 2) / 10
        (D(3), D(1), "166.67"),  # (6 − 1) / 3 = 1,6666…
        (D("2.5"), D("2.75"), "90.00"),  # (5 − 2,75) / 2,5
    ],
)
def test_lower_is_better_selisih_is_two_target_minus_realisasi_over_target(
    target: D, realisasi: D, hasil: str
) -> None:
    assert capaian(target, realisasi, MIN) == D(hasil)
    assert capaian(target, realisasi, MIN, OpsiCapaian(rumus_negatif=RumusNegatif.SELISIH)) == D(
        hasil
    )


@pytest.mark.parametrize(
    ("target", "realisasi", "hasil"),
    [
        (D(10), D(8), "125.00"),  # 10 / 8
        (D(10), D(12), "83.33"),  # 10 / 12 = 0,8333…
        (D(10), D(10), "100.00"),
        (D(10), D(25), "40.00"),
        (D(3), D(9), "33.33"),
        (D(10), D(0), "200.00"),  # no division by zero: the value SELISIH gives
    ],
)
def test_lower_is_better_rasio_is_target_over_realisasi(
    target: D, realisasi: D, hasil: str
) -> None:
    assert capaian(target, realisasi, MIN, RASIO) == D(hasil)


def test_lower_is_better_rasio_refuses_a_negative_realisasi() -> None:
    with pytest.raises(
        KinerjaError, match=r"^realisasi negatif \(-1,5\) tidak bisa diukur dengan rumus T/R$"
    ):
        capaian(D(10), D("-1.5"), MIN, RASIO)


def test_the_negative_formula_does_not_change_higher_is_better() -> None:
    assert capaian(D(10), D(8), MAKS, RASIO) == D("80.00")


# --- target 0 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("polaritas", "opsi", "realisasi", "hasil"),
    [
        # lower is better ("Jumlah Temuan", seed 002 Tabel 2.2: "0 = 100%")
        (MIN, OpsiCapaian(), D(0), "100.00"),
        (MIN, OpsiCapaian(), D(3), "0.00"),
        (MIN, OpsiCapaian(), D(-1), "100.00"),
        (MIN, RASIO, D(0), "100.00"),  # the target-0 rule comes before T / R
        (MIN, RASIO, D(2), "0.00"),
        (MIN, OpsiCapaian(capaian_target_nol_terlampaui=D(50)), D(3), "50.00"),
        (MIN, OpsiCapaian(capaian_target_nol_terlampaui=D(50)), D(0), "100.00"),
        # higher is better: any realisasi ≥ 0 meets a target of 0
        (MAKS, OpsiCapaian(), D(0), "100.00"),
        (MAKS, OpsiCapaian(), D(5), "100.00"),
        (MAKS, OpsiCapaian(), D(-1), "0.00"),
    ],
)
def test_target_zero(polaritas: Polaritas, opsi: OpsiCapaian, realisasi: D, hasil: str) -> None:
    nilai = capaian(D(0), realisasi, polaritas, opsi)
    assert nilai == D(hasil)
    assert str(nilai) == hasil


@pytest.mark.parametrize("polaritas", list(Polaritas))
def test_a_negative_target_is_refused(polaritas: Polaritas) -> None:
    with pytest.raises(KinerjaError, match=r"^target negatif \(-5\): capaian tidak terdefinisi"):
        capaian(D(-5), D(3), polaritas)


# --- qualitative targets on D < C < CC < B < BB < A < AA -----------------------------


@pytest.mark.parametrize(
    ("target", "realisasi", "hasil"),
    [
        ("BB", "BB", "100.00"),  # met
        ("BB", "A", "100.00"),  # exceeded: no bonus above 100
        ("BB", "AA", "100.00"),
        ("AA", "AA", "100.00"),
        ("D", "D", "100.00"),
        ("BB", "B", "80.00"),  # rank 4 / rank 5
        ("A", "BB", "83.33"),  # 5 / 6 = 0,8333…
        ("A", "CC", "50.00"),  # 3 / 6
        ("AA", "D", "14.29"),  # 1 / 7 = 0,142857…
        ("B", "C", "50.00"),  # 2 / 4
        (Predikat.BB, Predikat.B, "80.00"),
        ("Predikat BB", "b", "80.00"),
    ],
)
def test_qualitative_target_met_or_exceeded_is_100_else_rank_ratio(
    target: object, realisasi: object, hasil: str
) -> None:
    assert capaian(target, realisasi) == D(hasil)  # type: ignore[arg-type]


def test_qualitative_target_with_a_numeric_realisasi_is_an_error() -> None:
    pesan = r"^target BB berupa predikat, padahal realisasinya angka \(85\): isi realisasi"
    with pytest.raises(KinerjaError, match=pesan):
        capaian("BB", D(85))
    with pytest.raises(KinerjaError, match=pesan):
        capaian(Predikat.BB, "85")


def test_numeric_target_with_a_predikat_realisasi_is_an_error() -> None:
    with pytest.raises(
        KinerjaError, match=r"^realisasi BB berupa predikat, padahal targetnya angka \(85\)"
    ):
        capaian(D(85), "BB")
    with pytest.raises(KinerjaError, match=r"padahal targetnya angka \(80–90\)"):
        capaian("80 - 90", Predikat.A, STABIL)


@pytest.mark.parametrize("polaritas", [MIN, STABIL])
def test_qualitative_target_is_only_higher_is_better(polaritas: Polaritas) -> None:
    with pytest.raises(KinerjaError, match=r"^target predikat BB hanya bisa berpolaritas maksimal"):
        capaian("BB", "A", polaritas)


# --- range targets ----------------------------------------------------------------


@pytest.mark.parametrize("target", ["80–90", "80 - 90", "80 s.d. 90", Rentang(D(80), D(90))])
@pytest.mark.parametrize(
    ("polaritas", "realisasi", "hasil"),
    [
        # a band to hold: inside → 100; below a → R / a; above b → (2b − R) / b
        (STABIL, D(85), "100.00"),
        (STABIL, D(80), "100.00"),
        (STABIL, D(90), "100.00"),
        (STABIL, D(72), "90.00"),  # 72 / 80
        (STABIL, D(99), "90.00"),  # (180 − 99) / 90
        (STABIL, D(180), "0.00"),
        (STABIL, D(200), "-22.22"),  # (180 − 200) / 90 = −0,2222…
        # higher is better: measured against a
        (MAKS, D(85), "106.25"),  # 85 / 80
        (MAKS, D(72), "90.00"),
        # lower is better: measured against b
        (MIN, D(85), "105.56"),  # (180 − 85) / 90 = 1,05555…
        (MIN, D(99), "90.00"),
    ],
)
def test_range_target(target: object, polaritas: Polaritas, realisasi: D, hasil: str) -> None:
    assert capaian(target, realisasi, polaritas) == D(hasil)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("polaritas", "opsi", "realisasi", "hasil"),
    [
        (STABIL, OpsiCapaian(), D(3), "100.00"),
        (STABIL, OpsiCapaian(), D(2), "100.00"),
        (STABIL, OpsiCapaian(), D("4.0"), "100.00"),
        (STABIL, OpsiCapaian(), D(1), "50.00"),  # 1 / 2
        (STABIL, OpsiCapaian(), D(5), "75.00"),  # (8 − 5) / 4
        (STABIL, OpsiCapaian(), D("4.5"), "87.50"),  # (8 − 4,5) / 4
        # above the band DOMAIN.md prescribes (2b − R) / b whatever the negative formula
        (STABIL, RASIO, D(5), "75.00"),  # T / R would give 4 / 5 = 80
        (MAKS, OpsiCapaian(), D(3), "150.00"),  # 3 / 2
        (MIN, OpsiCapaian(), D(3), "125.00"),  # (8 − 3) / 4
        (MIN, RASIO, D(3), "133.33"),  # 4 / 3
    ],
)
def test_inflation_target_three_plus_minus_one(
    polaritas: Polaritas, opsi: OpsiCapaian, realisasi: D, hasil: str
) -> None:
    assert capaian("3 ± 1", realisasi, polaritas, opsi) == D(hasil)


@pytest.mark.parametrize(
    ("realisasi", "hasil"),
    [(D(3), "100.00"), (D(2), "66.67"), (D(4), "66.67"), (D(6), "0.00")],
)
def test_a_single_number_held_as_a_band(realisasi: D, hasil: str) -> None:
    # STABIL with target 3: below → 2 / 3; above → (6 − 4) / 3 and (6 − 6) / 3
    assert capaian(D(3), realisasi, STABIL) == D(hasil)


def test_a_band_around_zero() -> None:
    nol = Rentang(D(0), D(0))
    assert capaian(nol, D(0), STABIL) == D(100)
    assert capaian(nol, D(1), STABIL) == D(0)  # above a target of 0 (the setting, 0)
    above = OpsiCapaian(capaian_target_nol_terlampaui=D(25))
    assert capaian(nol, D(1), STABIL, above) == D(25)
    assert capaian(D(0), D(-1), STABIL) == D(0)  # below a lower bound of 0
    assert capaian(Rentang(D(0), D(2)), D(1), STABIL) == D(100)


def test_a_band_to_hold_with_a_negative_bound_is_an_error() -> None:
    with pytest.raises(KinerjaError, match=r"^rentang target -1–3 memuat nilai negatif"):
        capaian("1 ± 2", D(2), STABIL)
    with pytest.raises(KinerjaError, match=r"^target negatif \(-1\)"):
        capaian("1 ± 2", D(2), MAKS)  # measured against its lower bound, -1


# --- no data ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisasi"),
    [(None, D(5)), (D(5), None), (None, None), ("-", D(5)), (D(5), "-"), (D(5), ""), ("BB", None)],
)
def test_no_target_or_no_realisasi_gives_none_never_zero(target: object, realisasi: object) -> None:
    assert capaian(target, realisasi) is None  # type: ignore[arg-type]
    assert capaian(target, realisasi, MIN, RASIO) is None  # type: ignore[arg-type]


def test_floats_are_refused() -> None:
    with pytest.raises(KinerjaError, match=r"^target: 71\.0 adalah float"):
        capaian(71.0, D(80))  # type: ignore[arg-type]
    with pytest.raises(KinerjaError, match=r"^realisasi: 80\.5 adalah float"):
        capaian(D(71), 80.5)  # type: ignore[arg-type]


# --- cap and floor ----------------------------------------------------------------


def test_cap_applies_last_and_only_when_exceeded() -> None:
    opsi = OpsiCapaian(batas_atas=D(120))
    dibatasi = capaian(D(71), D("86.69"), opsi=opsi)  # 122,10 before the cap
    assert dibatasi == D(120)
    assert str(dibatasi) == "120.00"
    assert capaian(D(90), D("95.20"), opsi=opsi) == D("105.78")
    assert capaian(D(100), D(120), opsi=opsi) == D(120)


def test_floor_applies_last_and_only_when_undershot() -> None:
    opsi = OpsiCapaian(batas_bawah=D(0))
    dibatasi = capaian(D(10), D(25), MIN, opsi)  # −50,00 before the floor
    assert dibatasi == D(0)
    assert str(dibatasi) == "0.00"
    assert capaian(D(10), D(12), MIN, opsi) == D(80)


def test_cap_and_floor_together() -> None:
    opsi = OpsiCapaian(batas_atas=D(150), batas_bawah=D(0))
    assert capaian(D(6), D(29), opsi=opsi) == D(150)  # 483,33
    assert capaian(D(10), D(25), MIN, opsi) == D(0)  # −50
    assert capaian(D(10), D(8), MIN, opsi) == D(120)  # inside: unchanged
    assert OpsiCapaian(batas_atas=D(100), batas_bawah=D(100)).batas_atas == D(100)  # equal is fine


def test_a_floor_above_the_cap_is_refused() -> None:
    with pytest.raises(
        KinerjaError, match=r"^opsi capaian: batas bawah lebih besar dari batas atas$"
    ):
        OpsiCapaian(batas_atas=D(50), batas_bawah=D("50.01"))


# --- perlu_penjelasan ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "perlu"),
    [
        (D(150), False),
        (D("150.01"), True),
        (D("483.33"), True),
        (D(50), False),
        (D("49.99"), True),
        (D(0), True),
        (D(100), False),
        (D(-10), True),
        ("150,01", True),
        (None, False),
        ("-", False),
    ],
)
def test_perlu_penjelasan_above_150_or_below_50(nilai: object, perlu: bool) -> None:
    assert perlu_penjelasan(nilai) is perlu  # type: ignore[arg-type]


def test_perlu_penjelasan_with_an_agencys_own_thresholds() -> None:
    assert perlu_penjelasan(D("79.99"), bawah=D(80), atas=D(120)) is True
    assert perlu_penjelasan(D(80), bawah=D(80), atas=D(120)) is False
    assert perlu_penjelasan(D(120), bawah=D(80), atas=D(120)) is False
    assert perlu_penjelasan(D("120.01"), bawah=80, atas=120) is True


def test_perlu_penjelasan_refuses_floats() -> None:
    with pytest.raises(KinerjaError, match=r"^capaian: 151\.0 adalah float"):
        perlu_penjelasan(151.0)  # type: ignore[arg-type]
    with pytest.raises(KinerjaError, match=r"^batas atas: "):
        perlu_penjelasan(D(100), atas=150.0)  # type: ignore[arg-type]


# --- properties -------------------------------------------------------------------

TARGET = st.decimals(min_value=D("0.01"), max_value=D(10**6), places=2)
REALISASI = st.decimals(min_value=0, max_value=D(10**7), places=2)
REALISASI_POSITIF = st.decimals(min_value=D("0.01"), max_value=D(10**7), places=2)


@given(TARGET, REALISASI, REALISASI)
def test_higher_is_better_never_falls_when_realisasi_rises(t: D, r1: D, r2: D) -> None:
    rendah, tinggi = sorted((r1, r2))
    c_rendah, c_tinggi = capaian(t, rendah), capaian(t, tinggi)
    assert c_rendah is not None and c_tinggi is not None
    assert c_rendah <= c_tinggi


@given(TARGET, st.decimals(min_value=-(10**6), max_value=10**7, places=2), REALISASI)
def test_lower_is_better_selisih_never_rises_when_realisasi_rises(t: D, r1: D, r2: D) -> None:
    rendah, tinggi = sorted((r1, r2))
    c_rendah, c_tinggi = capaian(t, rendah, MIN), capaian(t, tinggi, MIN)
    assert c_rendah is not None and c_tinggi is not None
    assert c_rendah >= c_tinggi


@given(TARGET, REALISASI_POSITIF, REALISASI_POSITIF)
def test_lower_is_better_rasio_never_rises_when_realisasi_rises(t: D, r1: D, r2: D) -> None:
    # Realisasi > 0 only: at 0 the rule gives 200 (see the report), while T / R for a
    # small positive realisasi is above 200.
    rendah, tinggi = sorted((r1, r2))
    c_rendah, c_tinggi = capaian(t, rendah, MIN, RASIO), capaian(t, tinggi, MIN, RASIO)
    assert c_rendah is not None and c_tinggi is not None
    assert c_rendah >= c_tinggi


@given(st.decimals(min_value=0, max_value=D(10**6), places=2), REALISASI, REALISASI)
def test_monotone_with_a_target_of_zero_too(t: D, r1: D, r2: D) -> None:
    rendah, tinggi = sorted((r1, r2))
    assert capaian(t, rendah) <= capaian(t, tinggi)  # type: ignore[operator]
    assert capaian(t, rendah, MIN) >= capaian(t, tinggi, MIN)  # type: ignore[operator]


@given(TARGET, st.decimals(min_value=-(10**6), max_value=10**7, places=2))
def test_selisih_is_the_permenpanrb_8_2021_minimize_formula(t: D, r: D) -> None:
    # PermenPAN-RB 8/2021: capaian = (1 + (1 − R/T)) × 100, the same as (2T − R) / T × 100.
    exact = (1 + (1 - r / t)) * 100
    nilai = capaian(t, r, MIN)
    assert nilai is not None
    assert abs(nilai - exact) <= D("0.005")


@given(TARGET, REALISASI)
def test_a_cap_and_a_floor_bound_every_capaian(t: D, r: D) -> None:
    opsi = OpsiCapaian(batas_atas=D(120), batas_bawah=D(0))
    for polaritas in (MAKS, MIN):
        nilai = capaian(t, r, polaritas, opsi)
        assert nilai is not None
        assert D(0) <= nilai <= D(120)
        tanpa_batas = capaian(t, r, polaritas)
        assert tanpa_batas is not None
        assert nilai == min(max(tanpa_batas, D(0)), D(120))


@given(
    st.decimals(min_value=0, max_value=1000, places=2),
    st.decimals(min_value=0, max_value=1000, places=2),
    REALISASI,
)
def test_inside_a_band_is_100_and_outside_is_below_100(a: D, b: D, r: D) -> None:
    bawah, atas = sorted((a, b))
    nilai = capaian(Rentang(bawah, atas), r, STABIL)
    assert nilai is not None
    if bawah <= r <= atas:
        assert nilai == D(100)
    else:
        assert nilai <= D(100)
