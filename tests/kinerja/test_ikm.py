"""Indeks Kepuasan Masyarakat (sakip.kinerja.ikm; PermenPAN-RB 14/2017; DOMAIN.md §9)."""

import re
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.ikm import (
    BOBOT_REGULASI,
    BOBOT_TEPAT,
    MUTU_IKM,
    MUTU_UNSUR,
    UNSUR_PELAYANAN,
    HasilIKM,
    hitung_ikm,
    ikm_dari_nrr,
    ikm_gabungan,
    mutu_pelayanan,
    nrr_per_unsur,
    unsur_terendah,
)

# Four respondents; the third skipped unsur 9.
JAWABAN: list[list[int | None]] = [
    [4, 4, 3, 3, 4, 4, 3, 3, 4],
    [3, 4, 3, 2, 4, 3, 3, 4, 4],
    [4, 3, 3, 3, 4, 4, 2, 3, None],
    [3, 3, 4, 3, 4, 3, 3, 3, 3],
]
# Sums per unsur: 14 14 13 11 16 14 11 13 | 11 of 3 answers
NRR = (
    D("3.500"),  # 14 / 4
    D("3.500"),  # 14 / 4
    D("3.250"),  # 13 / 4
    D("2.750"),  # 11 / 4
    D("4.000"),  # 16 / 4
    D("3.500"),  # 14 / 4
    D("2.750"),  # 11 / 4
    D("3.250"),  # 13 / 4
    D("3.667"),  # 11 / 3 = 3,6666…: the skipped answer is left out, not a 0
)


def test_nine_unsur_in_the_regulations_order() -> None:
    assert len(UNSUR_PELAYANAN) == 9
    assert UNSUR_PELAYANAN[0] == "Persyaratan"
    assert UNSUR_PELAYANAN[3] == "Biaya/Tarif"
    assert UNSUR_PELAYANAN[8] == "Penanganan Pengaduan, Saran dan Masukan"


def test_weights() -> None:
    assert D("0.111") == BOBOT_REGULASI
    assert D("0.9999999999999999999999999999") == BOBOT_TEPAT * 9  # 1/9 to 28 digits


# --- nrr_per_unsur ----------------------------------------------------------------


def test_nrr_per_unsur_is_the_sum_over_the_respondents_who_answered() -> None:
    nrr = nrr_per_unsur(JAWABAN)
    assert nrr == NRR
    assert [str(n) for n in nrr] == [str(n) for n in NRR]  # three places: 3,500 not 3,5


def test_nrr_per_unsur_of_one_respondent() -> None:
    assert nrr_per_unsur([[1, 2, 3, 4, 1, 2, 3, 4, 1]]) == tuple(
        D(n)
        for n in ("1.000", "2.000", "3.000", "4.000", "1.000", "2.000", "3.000", "4.000", "1.000")
    )


def test_nrr_per_unsur_rounds_to_three_places_half_up() -> None:
    # unsur 1: 1 + 2 + 2 = 5 of 3 answers = 1,6666… → 1,667;
    # unsur 2: 1 + 1 + 1 + 1 + 1 + 2 = 7 of 6 answers = 1,1666… → 1,167
    jawaban: list[list[int | None]] = [
        [1, 1, 4, 4, 4, 4, 4, 4, 4],
        [2, 1, 4, 4, 4, 4, 4, 4, 4],
        [2, 1, 4, 4, 4, 4, 4, 4, 4],
        [None, 1, 4, 4, 4, 4, 4, 4, 4],
        [None, 1, 4, 4, 4, 4, 4, 4, 4],
        [None, 2, 4, 4, 4, 4, 4, 4, 4],
    ]
    nrr = nrr_per_unsur(jawaban)
    assert nrr[0] == D("1.667")
    assert nrr[1] == D("1.167")


def test_nrr_per_unsur_refuses_a_survey_without_respondents() -> None:
    with pytest.raises(KinerjaError, match=r"^survei tanpa responden: IKM tidak dapat dihitung$"):
        nrr_per_unsur([])


@pytest.mark.parametrize("banyak", [8, 10, 0])
def test_nrr_per_unsur_refuses_a_respondent_with_the_wrong_number_of_answers(banyak: int) -> None:
    jawaban = [[4] * 9, [3] * banyak]
    with pytest.raises(KinerjaError, match=rf"^responden ke-2: {banyak} jawaban, seharusnya 9$"):
        nrr_per_unsur(jawaban)


@pytest.mark.parametrize("buruk", [0, 5, -1, True, False, "3", D(3), 3.0])
def test_nrr_per_unsur_refuses_an_answer_outside_1_to_4(buruk: object) -> None:
    jawaban = [[4] * 9, [4, 4, buruk, 4, 4, 4, 4, 4, 4]]
    with pytest.raises(
        KinerjaError,
        match=r"^responden ke-2, unsur 3 \(Waktu Penyelesaian\): jawaban "
        + re.escape(repr(buruk))
        + " di luar 1–4$",
    ):
        nrr_per_unsur(jawaban)  # type: ignore[arg-type]


def test_an_unsur_nobody_answered_is_an_error_not_a_zero() -> None:
    jawaban = [
        [4, 4, 4, None, 4, 4, 4, 4, None],
        [3, 3, 3, None, 3, 3, 3, 3, None],
    ]
    with pytest.raises(
        KinerjaError,
        match=r"^unsur tanpa jawaban satu pun: Biaya/Tarif, Penanganan Pengaduan, Saran dan Masukan$",
    ):
        nrr_per_unsur(jawaban)


# --- ikm_dari_nrr -----------------------------------------------------------------


def test_ikm_of_seed_000_biro_administrasi_pimpinan() -> None:
    nrr = [
        D(n)
        for n in ("3.460", "3.400", "3.540", "3.520", "3.540", "3.340", "3.380", "3.440", "3.500")
    ]
    assert ikm_dari_nrr(nrr) == D("86.36")  # Σ 31,12 × 0,111 × 25 = 86,358
    assert ikm_dari_nrr(nrr, BOBOT_TEPAT) == D("86.44")  # 31,12 / 9 × 25 = 86,444…


def test_ikm_of_the_four_respondents() -> None:
    # Σ NRR = 3,5 + 3,5 + 3,25 + 2,75 + 4 + 3,5 + 2,75 + 3,25 + 3,667 = 30,167
    assert ikm_dari_nrr(NRR) == D("83.71")  # 30,167 × 0,111 × 25 = 83,713425
    assert ikm_dari_nrr(NRR, BOBOT_REGULASI) == D("83.71")
    assert ikm_dari_nrr(NRR, BOBOT_TEPAT) == D("83.80")  # 30,167 / 9 × 25 = 83,7972…


def test_ikm_at_the_ends_of_the_scale() -> None:
    assert ikm_dari_nrr([4] * 9) == D("99.90")  # 36 × 0,111 × 25: the rounded weight
    assert ikm_dari_nrr([4] * 9, BOBOT_TEPAT) == D("100.00")
    assert ikm_dari_nrr([1] * 9) == D("24.98")  # 9 × 0,111 × 25 = 24,975
    assert ikm_dari_nrr([1] * 9, BOBOT_TEPAT) == D("25.00")


@pytest.mark.parametrize("banyak", [8, 10, 0])
def test_ikm_dari_nrr_needs_nine_values(banyak: int) -> None:
    with pytest.raises(KinerjaError, match=rf"^IKM butuh 9 nilai unsur, bukan {banyak}$"):
        ikm_dari_nrr([D(3)] * banyak)


@pytest.mark.parametrize(
    ("nrr", "tampil"), [("4.5", "4,50"), ("0.999", "0,999"), ("4.0001", "4,0001")]
)
def test_ikm_dari_nrr_refuses_an_nrr_outside_1_to_4(nrr: str, tampil: str) -> None:
    with pytest.raises(KinerjaError, match=rf"^{tampil} di luar rentang skala 'Mutu unsur"):
        ikm_dari_nrr([D(3)] * 8 + [D(nrr)])


def test_ikm_dari_nrr_refuses_floats_naming_the_unsur() -> None:
    with pytest.raises(KinerjaError, match=r"^NRR unsur 2: 3\.5 adalah float"):
        ikm_dari_nrr([D(3), 3.5] + [D(3)] * 7)  # type: ignore[arg-type]


# --- mutu -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ikm", "kode", "nama"),
    [
        ("24.98", "D", "Tidak Baik"),  # the lowest IKM the 0,111 weight gives
        ("25", "D", "Tidak Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("65", "C", "Kurang Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("76.61", "B", "Baik"),
        ("86.36", "B", "Baik"),
        ("88.30", "B", "Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("100", "A", "Sangat Baik"),
    ],
)
def test_mutu_pelayanan_boundaries(ikm: str, kode: str, nama: str) -> None:
    mutu = mutu_pelayanan(D(ikm))
    assert (mutu.kode, mutu.nama) == (kode, nama)


@pytest.mark.parametrize("ikm", ["24.97", "0", "100.01", "864.0"])
def test_mutu_pelayanan_refuses_an_ikm_below_the_lowest_possible_or_above_100(ikm: str) -> None:
    with pytest.raises(KinerjaError, match=r"di luar rentang skala 'Mutu pelayanan"):
        mutu_pelayanan(D(ikm))


def test_mutu_pelayanan_reads_text_and_refuses_floats() -> None:
    assert mutu_pelayanan("88,31").kode == "A"  # type: ignore[arg-type]
    with pytest.raises(KinerjaError, match=r"^IKM: 86\.4 adalah float"):
        mutu_pelayanan(86.4)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("nrr", "kode"),
    [
        ("1", "D"),
        ("2.5996", "D"),
        ("2.5999", "D"),
        ("2.60", "C"),
        ("3.064", "C"),
        ("3.0643", "C"),
        ("3.0644", "B"),
        ("3.532", "B"),
        ("3.5323", "B"),
        ("3.5324", "A"),
        ("4", "A"),
    ],
)
def test_mutu_of_one_unsur_on_the_1_to_4_scale(nrr: str, kode: str) -> None:
    assert MUTU_UNSUR.kategori(D(nrr)).kode == kode  # type: ignore[union-attr]


def test_the_ikm_and_unsur_scales_agree_through_the_conversion_factor_25() -> None:
    # 2,60 × 25 = 65,00 (C); 3,0644 × 25 = 76,61 (B); 3,5324 × 25 = 88,31 (A)
    for tingkat_unsur, tingkat_ikm in zip(MUTU_UNSUR.tingkat, MUTU_IKM.tingkat, strict=True):
        assert tingkat_unsur.kode == tingkat_ikm.kode
        if tingkat_unsur.batas_bawah is not None:
            assert tingkat_ikm.batas_bawah is not None
            assert abs(tingkat_unsur.batas_bawah * 25 - tingkat_ikm.batas_bawah) <= D("0.01")


# --- hitung_ikm -------------------------------------------------------------------


def test_hitung_ikm_gives_nrr_ikm_mutu_and_kinerja_label() -> None:
    hasil = hitung_ikm(JAWABAN)
    assert hasil == HasilIKM(
        jumlah_responden=4, nrr=NRR, ikm=D("83.71"), mutu=MUTU_IKM.tingkat_berkode("B")
    )
    assert hasil.kinerja == "Baik"


def test_hitung_ikm_with_the_exact_weight() -> None:
    hasil = hitung_ikm(JAWABAN, BOBOT_TEPAT)
    assert hasil.ikm == D("83.80")
    assert hasil.kinerja == "Baik"


def test_hitung_ikm_at_the_extremes_of_a_survey() -> None:
    terbaik = hitung_ikm([[4] * 9] * 3)
    assert (terbaik.ikm, terbaik.mutu.kode, terbaik.kinerja) == (D("99.90"), "A", "Sangat Baik")
    # every answer 1: 24,98 with the regulation's weight, still mutu D (no error)
    terburuk = hitung_ikm([[1] * 9] * 3)
    assert (terburuk.ikm, terburuk.mutu.kode, terburuk.kinerja) == (D("24.98"), "D", "Tidak Baik")


def test_hitung_ikm_of_units_rated_d_and_c() -> None:
    # five unsur answered 3 and four answered 2 by everyone: Σ NRR = 15 + 8 = 23;
    # 23 × 0,111 × 25 = 63,825 → 63,83, below 65,00: D
    hasil = hitung_ikm([[3, 3, 3, 3, 3, 2, 2, 2, 2]] * 5)
    assert (hasil.ikm, hasil.mutu.kode, hasil.kinerja) == (D("63.83"), "D", "Tidak Baik")
    # every answer 3: Σ NRR = 27; 27 × 0,111 × 25 = 74,925 → 74,93: C
    hasil = hitung_ikm([[3] * 9])
    assert (hasil.ikm, hasil.mutu.kode, hasil.kinerja) == (D("74.93"), "C", "Kurang Baik")


def test_hitung_ikm_passes_on_the_survey_errors() -> None:
    with pytest.raises(KinerjaError, match=r"survei tanpa responden"):
        hitung_ikm([])


# --- unsur_terendah, ikm_gabungan ----------------------------------------------------


def test_unsur_terendah_lowest_first_and_ties_keep_the_regulations_order() -> None:
    assert unsur_terendah(NRR) == [
        ("Biaya/Tarif", D("2.750")),  # unsur 4
        ("Perilaku Pelaksana", D("2.750")),  # unsur 7, tied with 4, comes after it
        ("Waktu Penyelesaian", D("3.250")),  # unsur 3, tied with unsur 8
    ]
    assert unsur_terendah(NRR, banyak=4)[3] == ("Sarana dan Prasarana", D("3.250"))
    assert unsur_terendah(NRR, banyak=1) == [("Biaya/Tarif", D("2.750"))]
    assert len(unsur_terendah(NRR, banyak=20)) == 9


def test_unsur_terendah_of_all_equal_values_is_the_regulations_order() -> None:
    assert [nama for nama, _ in unsur_terendah([D(3)] * 9, banyak=9)] == list(UNSUR_PELAYANAN)


def test_unsur_terendah_needs_nine_values() -> None:
    with pytest.raises(KinerjaError, match=r"^butuh 9 nilai unsur, bukan 3$"):
        unsur_terendah([D(3)] * 3)


def test_ikm_gabungan_is_the_rounded_mean() -> None:
    assert ikm_gabungan([D("89.18"), D("89.57")]) == D("89.38")  # seed 000: 89,375
    assert ikm_gabungan([D("83.96"), D("82.17")]) == D("83.07")  # 83,065 → 83,07 half-up
    assert ikm_gabungan([D("80.00"), None]) == D("80.00")  # a semester without a survey
    assert ikm_gabungan([]) is None
    assert ikm_gabungan([None, None]) is None


# --- properties -------------------------------------------------------------------

RESPONDEN = st.lists(
    st.lists(st.integers(min_value=1, max_value=4), min_size=9, max_size=9), min_size=1, max_size=30
)


@given(RESPONDEN)
def test_every_survey_has_an_ikm_between_24_98_and_99_90_and_a_mutu(
    jawaban: list[list[int]],
) -> None:
    hasil = hitung_ikm(jawaban)
    assert D("24.98") <= hasil.ikm <= D("99.90")
    assert all(D(1) <= n <= D(4) for n in hasil.nrr)
    assert hasil.mutu == MUTU_IKM.kategori(hasil.ikm)
    # IKM is Σ NRR × 0,111 × 25 of the printed (three-place) NRR
    assert abs(hasil.ikm - sum(hasil.nrr, D(0)) * D("2.775")) <= D("0.005")


@given(RESPONDEN, st.integers(min_value=0, max_value=8))
def test_raising_one_answer_never_lowers_the_ikm(jawaban: list[list[int]], unsur: int) -> None:
    if jawaban[0][unsur] == 4:
        return
    lebih_baik = [list(baris) for baris in jawaban]
    lebih_baik[0][unsur] += 1
    assert hitung_ikm(lebih_baik).ikm >= hitung_ikm(jawaban).ikm
