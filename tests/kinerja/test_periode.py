"""The year's value of an indicator from its periods (DOMAIN.md §1, "Annual realisasi")."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.angka import rata_rata
from sakip.kinerja.periode import (
    TRIWULAN,
    Agregasi,
    akhir_periode,
    hari_menuju_tenggat,
    nilai_tahunan,
    tenggat_periode,
    triwulan_terakhir,
)

TW = [D(226), D(855), D(817), D(469)]  # seed 002 Lampiran, Dokumen per triwulan


def test_jumlah_adds_the_periods_of_a_flow() -> None:
    assert nilai_tahunan(TW, Agregasi.JUMLAH) == D(2367)  # 226 + 855 + 817 + 469


def test_jumlah_is_exact() -> None:
    assert nilai_tahunan([D("0.1"), D("0.2"), D("0.005")], Agregasi.JUMLAH) == D("0.305")


def test_terakhir_takes_the_latest_period_with_data() -> None:
    assert nilai_tahunan([D(60), D(70), D(80), D(85)], Agregasi.TERAKHIR) == D(85)
    assert nilai_tahunan([D(60), D(70), None, None], Agregasi.TERAKHIR) == D(70)


def test_rata_rata_is_the_rounded_mean_of_the_periods() -> None:
    assert nilai_tahunan([D("89.18"), D("89.57")], Agregasi.RATA_RATA) == D("89.38")  # 89,375
    assert nilai_tahunan([D(1), D(2), D(2)], Agregasi.RATA_RATA) == D("1.67")  # 5 / 3


def test_maksimum_takes_the_highest_period() -> None:
    assert nilai_tahunan([D(3), D(7), D(5), None], Agregasi.MAKSIMUM) == D(7)
    assert nilai_tahunan([D(-3), D(-7)], Agregasi.MAKSIMUM) == D(-3)


@pytest.mark.parametrize(
    ("agregasi", "hasil"),
    [
        (Agregasi.JUMLAH, D(1081)),  # 226 + 855
        (Agregasi.TERAKHIR, D(855)),
        (Agregasi.RATA_RATA, D("540.50")),  # 1081 / 2
        (Agregasi.MAKSIMUM, D(855)),
    ],
)
def test_sampai_takes_the_value_as_of_a_period(agregasi: Agregasi, hasil: D) -> None:
    assert nilai_tahunan(TW, agregasi, sampai=2) == hasil


def test_sampai_at_the_last_period_is_the_whole_year() -> None:
    assert nilai_tahunan(TW, Agregasi.JUMLAH, sampai=4) == D(2367)
    assert nilai_tahunan(TW, Agregasi.JUMLAH, sampai=1) == D(226)


def test_a_missing_period_is_left_out_not_counted_as_zero() -> None:
    assert nilai_tahunan([D(80), None, D(90)], Agregasi.RATA_RATA) == D("85.00")  # not 56,67
    assert nilai_tahunan([None, D(5), None, D(7)], Agregasi.JUMLAH) == D(12)
    assert nilai_tahunan([D(0), D(0)], Agregasi.JUMLAH) == D(0)


@pytest.mark.parametrize("agregasi", list(Agregasi))
def test_no_period_with_data_gives_none(agregasi: Agregasi) -> None:
    assert nilai_tahunan([None, None, None, None], agregasi) is None
    assert nilai_tahunan([], agregasi) is None
    assert nilai_tahunan([D(5), None, None], agregasi, sampai=1) is not None
    assert nilai_tahunan([None, None, D(5)], agregasi, sampai=2) is None


@pytest.mark.parametrize(("sampai", "banyak"), [(0, 4), (5, 4), (-1, 4), (1, 0)])
def test_sampai_outside_the_periods_is_an_error(sampai: int, banyak: int) -> None:
    with pytest.raises(
        KinerjaError,
        match=rf"^periode ke-{sampai} tidak ada \(indikator ini punya {banyak} periode\)$",
    ):
        nilai_tahunan(TW[:banyak], Agregasi.JUMLAH, sampai=sampai)


def test_a_float_period_is_refused_naming_the_period() -> None:
    with pytest.raises(KinerjaError, match=r"^nilai periode ke-2: 855\.0 adalah float"):
        nilai_tahunan([D(226), 855.0], Agregasi.JUMLAH)  # type: ignore[list-item]


PERIODE = st.lists(
    st.one_of(st.none(), st.decimals(min_value=-(10**9), max_value=10**9, places=2)),
    min_size=1,
    max_size=12,
)


@given(PERIODE, st.data())
def test_each_aggregation_follows_its_rule(nilai: list[D | None], data: st.DataObject) -> None:
    sampai = data.draw(st.one_of(st.none(), st.integers(min_value=1, max_value=len(nilai))))
    diambil = nilai if sampai is None else nilai[:sampai]
    ada = [n for n in diambil if n is not None]
    hasil = {a: nilai_tahunan(nilai, a, sampai) for a in Agregasi}
    if not ada:
        assert set(hasil.values()) == {None}
        return
    assert hasil[Agregasi.JUMLAH] == sum(ada, D(0))
    assert hasil[Agregasi.TERAKHIR] == ada[-1]
    assert hasil[Agregasi.RATA_RATA] == rata_rata(ada)
    assert hasil[Agregasi.MAKSIMUM] == max(ada)
    assert min(ada) <= hasil[Agregasi.RATA_RATA] <= max(ada)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("periode", "akhir"),
    [
        ("TW1", date(2024, 3, 31)),
        ("TW2", date(2024, 6, 30)),
        ("TW3", date(2024, 9, 30)),
        ("TW4", date(2024, 12, 31)),
        ("S1", date(2024, 6, 30)),
        ("S2", date(2024, 12, 31)),
        ("TAHUN", date(2024, 12, 31)),
    ],
)
def test_each_period_ends_on_the_last_day_of_its_last_month(periode: str, akhir: date) -> None:
    assert akhir_periode(2024, periode) == akhir


def test_the_deadline_counts_calendar_days_after_the_period() -> None:
    assert tenggat_periode(2024, "TW1", 10) == date(2024, 4, 10)
    assert tenggat_periode(2024, "TW4", 10) == date(2025, 1, 10)
    assert tenggat_periode(2024, "TW2", 0) == date(2024, 6, 30)


def test_an_unknown_period_or_negative_days_is_refused() -> None:
    with pytest.raises(KinerjaError, match="periode 'TW5' tidak dikenal"):
        akhir_periode(2024, "TW5")
    with pytest.raises(KinerjaError, match="tidak boleh negatif"):
        tenggat_periode(2024, "TW1", -1)


@given(st.integers(min_value=1990, max_value=2100), st.sampled_from(["TW1", "TW2", "TW3", "TW4"]))
def test_a_quarter_ends_the_day_before_the_next_begins(tahun: int, periode: str) -> None:
    akhir = akhir_periode(tahun, periode)
    assert (akhir + timedelta(days=1)).day == 1
    assert akhir.month == {"TW1": 3, "TW2": 6, "TW3": 9, "TW4": 12}[periode]


@pytest.mark.parametrize(
    ("hari_ini", "harapan"),
    [
        (date(2026, 11, 25), (2026, "TW3")),
        (date(2026, 10, 1), (2026, "TW3")),
        (date(2026, 9, 30), (2026, "TW2")),  # TW III has not ended yet on its last day
        (date(2027, 1, 5), (2026, "TW4")),
        (date(2026, 3, 31), (2025, "TW4")),
        (date(2026, 4, 1), (2026, "TW1")),
    ],
)
def test_the_quarter_reported_now_is_the_last_one_ended(
    hari_ini: date, harapan: tuple[int, str]
) -> None:
    assert triwulan_terakhir(hari_ini) == harapan


def test_days_to_the_deadline_count_down_to_zero_then_below() -> None:
    assert hari_menuju_tenggat(date(2026, 10, 3), 2026, "TW3", 10) == 7
    assert hari_menuju_tenggat(date(2026, 10, 10), 2026, "TW3", 10) == 0
    assert hari_menuju_tenggat(date(2026, 11, 25), 2026, "TW3", 10) == -46


@given(st.dates(min_value=date(1991, 1, 1), max_value=date(2100, 12, 31)))
def test_the_quarter_reported_now_has_ended_and_the_next_has_not(hari_ini: date) -> None:
    tahun, periode = triwulan_terakhir(hari_ini)
    assert akhir_periode(tahun, periode) < hari_ini
    berikut = akhir_periode(tahun, periode) + timedelta(days=1)
    akhir_berikut = (
        akhir_periode(tahun + 1, "TW1")
        if periode == "TW4"
        else akhir_periode(tahun, TRIWULAN[TRIWULAN.index(periode) + 1])
    )
    assert berikut <= hari_ini <= akhir_berikut
