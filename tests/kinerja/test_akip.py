"""AKIP evaluation: components → nilai → predikat (sakip.kinerja.akip; DOMAIN.md §8)."""

from decimal import Decimal as D

import pytest

from sakip.kinerja import KinerjaError
from sakip.kinerja.akip import (
    MODEL_12_2015,
    MODEL_88_2021,
    HasilEvaluasi,
    Komponen,
    ModelEvaluasi,
    bobot_subkomponen,
    evaluasi_akip,
    nilai_akip,
    nilai_jawaban,
    nilai_komponen,
    nilai_subkomponen,
)
from sakip.kinerja.predikat import Predikat

# --- models -----------------------------------------------------------------------


def test_model_88_2021_has_four_components_weighing_30_30_15_25() -> None:
    assert [(k.kode, k.bobot) for k in MODEL_88_2021.komponen] == [
        ("perencanaan", D(30)),
        ("pengukuran", D(30)),
        ("pelaporan", D(15)),
        ("evaluasi_internal", D(25)),
    ]


def test_model_12_2015_has_five_components_weighing_30_25_15_10_20() -> None:
    assert [(k.kode, k.bobot) for k in MODEL_12_2015.komponen] == [
        ("perencanaan", D(30)),
        ("pengukuran", D(25)),
        ("pelaporan", D(15)),
        ("evaluasi_internal", D(10)),
        ("capaian", D(20)),
    ]


@pytest.mark.parametrize(
    ("bobot", "total"),
    [((D(30), D(30), D(15), D(20)), "95"), ((D(30), D(30), D(15), D(30)), "105"), ((), "0")],
)
def test_a_model_whose_weights_do_not_sum_to_100_is_refused(
    bobot: tuple[D, ...], total: str
) -> None:
    komponen = tuple(Komponen(f"k{i}", f"K{i}", b) for i, b in enumerate(bobot))
    with pytest.raises(
        KinerjaError, match=rf"^model 'uji': bobot komponen berjumlah {total}, bukan 100$"
    ):
        ModelEvaluasi("uji", "Uji", komponen)


def test_a_model_may_split_its_weights_into_decimals() -> None:
    model = ModelEvaluasi(
        "uji", "Uji", (Komponen("a", "A", D("33.33")), Komponen("b", "B", D("66.67")))
    )
    assert nilai_akip({"a": D("33.33"), "b": D(60)}, model) == D("93.33")


# --- nilai_akip ---------------------------------------------------------------------


def test_nilai_akip_without_a_model_sums_the_scores_as_given() -> None:
    # seed 000 Tabel 3.1, 2023: a five-component hybrid, 30 + 15,40 + 8 + 14,80 + 13,60
    skor = {
        "perencanaan": D("30.00"),
        "pengukuran": D("15.40"),
        "pelaporan": D("8.00"),
        "evaluasi_internal": D("14.80"),  # above the 12/2015 maximum of 10: accepted
        "capaian": D("13.60"),
    }
    assert nilai_akip(skor) == D("81.80")


def test_nilai_akip_without_a_model_takes_any_component_names_and_rounds_the_sum() -> None:
    assert nilai_akip({"x": D("10.005"), "y": 20}) == D("30.01")  # 30,005 rounds up
    assert nilai_akip({"x": "40,5", "y": 0}) == D("40.50")  # type: ignore[dict-item]  # text is read


def test_nilai_akip_with_model_88_2021() -> None:
    skor = {
        "perencanaan": D("25.50"),
        "pengukuran": D("22.75"),
        "pelaporan": D(11),
        "evaluasi_internal": D("18.25"),
    }
    assert nilai_akip(skor, MODEL_88_2021) == D("77.50")  # 25,50 + 22,75 + 11 + 18,25


def test_nilai_akip_at_every_maximum_is_100() -> None:
    skor = {k.kode: k.bobot for k in MODEL_88_2021.komponen}
    assert nilai_akip(skor, MODEL_88_2021) == D("100.00")
    assert nilai_akip({k.kode: k.bobot for k in MODEL_12_2015.komponen}, MODEL_12_2015) == D(100)


def test_nilai_akip_with_a_model_refuses_a_missing_component_in_model_order() -> None:
    skor = {"pengukuran": D(20), "perencanaan": D(20)}
    with pytest.raises(
        KinerjaError,
        match=r"^PermenPAN-RB 88/2021: komponen belum dinilai: pelaporan, evaluasi_internal$",
    ):
        nilai_akip(skor, MODEL_88_2021)


def test_nilai_akip_with_a_model_refuses_unknown_components_sorted() -> None:
    skor = {k.kode: D(1) for k in MODEL_88_2021.komponen} | {"zeta": D(1), "capaian": D(1)}
    with pytest.raises(
        KinerjaError, match=r"^PermenPAN-RB 88/2021: komponen tidak dikenal: capaian, zeta$"
    ):
        nilai_akip(skor, MODEL_88_2021)


def test_unknown_components_are_reported_before_missing_ones() -> None:
    with pytest.raises(KinerjaError, match=r"komponen tidak dikenal: capaian"):
        nilai_akip({"capaian": D(10)}, MODEL_88_2021)


def test_nilai_akip_with_a_model_refuses_a_score_above_its_weight() -> None:
    skor = {k.kode: D(10) for k in MODEL_88_2021.komponen} | {"pelaporan": D("15.01")}
    with pytest.raises(
        KinerjaError,
        match=r"^PermenPAN-RB 88/2021: skor Pelaporan Kinerja 15,01 melebihi bobotnya 15,00$",
    ):
        nilai_akip(skor, MODEL_88_2021)


def test_seed_000_hybrid_does_not_fit_model_12_2015() -> None:
    skor = {
        "perencanaan": D("30.00"),
        "pengukuran": D("15.40"),
        "pelaporan": D("8.00"),
        "evaluasi_internal": D("14.80"),
        "capaian": D("13.60"),
    }
    with pytest.raises(KinerjaError, match=r"skor Evaluasi Internal 14,80 melebihi bobotnya 10,00"):
        nilai_akip(skor, MODEL_12_2015)


@pytest.mark.parametrize("model", [None, MODEL_88_2021])
def test_nilai_akip_refuses_a_negative_score(model: ModelEvaluasi | None) -> None:
    skor = {k.kode: D(10) for k in MODEL_88_2021.komponen} | {"pelaporan": D(-1)}
    with pytest.raises(KinerjaError, match=r"^skor komponen 'pelaporan' negatif \(-1,00\)$"):
        nilai_akip(skor, model)


def test_nilai_akip_refuses_a_total_above_100() -> None:
    with pytest.raises(KinerjaError, match=r"^nilai AKIP 100,01 melebihi 100$"):
        nilai_akip({"a": D(60), "b": D("40.01")})
    assert nilai_akip({"a": D(60), "b": D(40)}) == D(100)
    # 100,004 rounds to 100,00, which is not above 100
    assert nilai_akip({"a": D(60), "b": D("40.004")}) == D("100.00")


@pytest.mark.parametrize("model", [None, MODEL_88_2021])
def test_nilai_akip_refuses_no_scores(model: ModelEvaluasi | None) -> None:
    with pytest.raises(KinerjaError, match=r"^nilai AKIP: tidak ada skor komponen$"):
        nilai_akip({}, model)


def test_nilai_akip_refuses_floats_naming_the_component() -> None:
    with pytest.raises(KinerjaError, match=r"^skor komponen 'pelaporan': 8.0 adalah float"):
        nilai_akip({"pelaporan": 8.0})  # type: ignore[dict-item]


# --- evaluasi_akip ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("skor", "nilai", "predikat"),
    [
        (
            {"a": D("30.00"), "b": D("15.40"), "c": D(8), "d": D("14.80"), "e": D("13.60")},
            "81.80",
            Predikat.A,
        ),
        ({"a": D(40), "b": D(30)}, "70.00", Predikat.B),  # seed 000: 70,00 → B
        ({"a": D(40), "b": D(40)}, "80.00", Predikat.BB),  # seed 000: 80,00 → BB
        ({"a": D("59.30")}, "59.30", Predikat.CC),
        ({"a": D(0)}, "0.00", Predikat.D),
        ({"a": D("90.004"), "b": D("0.002")}, "90.01", Predikat.AA),  # 90,006 → 90,01
    ],
)
def test_evaluasi_akip_gives_the_nilai_and_its_predikat(
    skor: dict[str, D], nilai: str, predikat: Predikat
) -> None:
    assert evaluasi_akip(skor) == HasilEvaluasi(nilai=D(nilai), predikat=predikat)


def test_evaluasi_akip_with_a_model() -> None:
    skor = {
        "perencanaan": D("27.00"),
        "pengukuran": D("27.00"),
        "pelaporan": D("13.50"),
        "evaluasi_internal": D("22.51"),
    }
    # 27 + 27 + 13,50 + 22,51 = 90,01 → AA
    assert evaluasi_akip(skor, MODEL_88_2021) == HasilEvaluasi(D("90.01"), Predikat.AA)
    with pytest.raises(KinerjaError, match=r"komponen belum dinilai: evaluasi_internal"):
        evaluasi_akip({k: v for k, v in skor.items() if k != "evaluasi_internal"}, MODEL_88_2021)


# --- the LKE worksheet: answers, sub-components, components ---------------------------


@pytest.mark.parametrize(
    ("jawaban", "nilai"),
    [
        ("AA", 100),
        ("A", 90),
        ("BB", 80),
        ("B", 70),
        ("CC", 60),
        ("C", 50),
        ("D", 30),
        ("E", 0),
        ("Y", 100),
        ("T", 0),
        ("Ya", 100),
        ("YA", 100),
        (" ya ", 100),
        ("Tidak", 0),
        ("tidak", 0),
        ("y", 100),
        (" bb ", 80),
        ("aa", 100),
    ],
)
def test_nilai_jawaban(jawaban: str, nilai: int) -> None:
    assert nilai_jawaban(jawaban) == D(nilai)


@pytest.mark.parametrize("jawaban", ["F", "", "AAA", "Mungkin", "100", "Yes"])
def test_nilai_jawaban_refuses_an_unknown_answer(jawaban: str) -> None:
    with pytest.raises(
        KinerjaError,
        match=rf"^jawaban LKE {jawaban!r} tidak dikenal \(AA, A, BB, B, CC, C, D, E, atau Y/T\)$",
    ):
        nilai_jawaban(jawaban)


@pytest.mark.parametrize(
    ("bobot", "keberadaan", "kualitas", "pemanfaatan"),
    [
        (30, "6", "9", "15"),  # Perencanaan: 20 %, 30 %, 50 % of 30
        (15, "3", "4.5", "7.5"),  # Pelaporan
        (25, "5", "7.5", "12.5"),  # Evaluasi Internal
        (D("10"), "2", "3", "5"),
    ],
)
def test_bobot_subkomponen_is_20_30_50_percent_of_the_component(
    bobot: int, keberadaan: str, kualitas: str, pemanfaatan: str
) -> None:
    hasil = bobot_subkomponen(bobot)
    assert hasil == {
        "keberadaan": D(keberadaan),
        "kualitas": D(kualitas),
        "pemanfaatan": D(pemanfaatan),
    }
    assert list(hasil) == ["keberadaan", "kualitas", "pemanfaatan"]
    assert sum(hasil.values()) == D(bobot)


def test_bobot_subkomponen_refuses_floats() -> None:
    with pytest.raises(KinerjaError, match=r"^bobot komponen: 30\.0 adalah float"):
        bobot_subkomponen(30.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("jawaban", "bobot", "nilai"),
    [
        (["A", "BB", "B"], D(9), "7.20"),  # mean 80 × 9 / 100 (the docstring example)
        (["AA", "AA"], D(6), "6.00"),
        (["Y", "T"], D(6), "3.00"),  # mean 50 × 6 / 100
        (["Ya", "Tidak", "Ya", "Ya"], D(5), "3.75"),  # mean 75 × 5 / 100
        (["A", "A", "B"], D(9), "7.50"),  # mean 83,33 × 9 / 100 = 7,4997
        (["A", "B", "B"], D(3), "2.30"),  # mean 76,67 × 3 / 100 = 2,3001
        (["C", "D", "E"], D("7.5"), "2.00"),  # mean 26,67 × 7,5 / 100 = 2,00025
        (["E"], D(15), "0.00"),
        (["AA"], D("4.5"), "4.50"),
    ],
)
def test_nilai_subkomponen_is_the_mean_answer_times_the_weight(
    jawaban: list[str], bobot: D, nilai: str
) -> None:
    hasil = nilai_subkomponen(jawaban, bobot)
    assert hasil == D(nilai)
    assert str(hasil) == nilai


def test_nilai_subkomponen_uses_the_rounded_mean() -> None:
    # AA × 5 and A: mean 590 / 6 = 98,333… → 98,33 (DESIGN.md: figures derive from the
    # rounded value); 98,33 × 4,5 / 100 = 4,42485 → 4,42, where the unrounded mean gives 4,425 → 4,43.
    assert nilai_subkomponen(["AA"] * 5 + ["A"], D("4.5")) == D("4.42")


def test_nilai_subkomponen_refuses_no_answers_and_unknown_answers() -> None:
    with pytest.raises(KinerjaError, match=r"^sub-komponen tanpa jawaban kriteria$"):
        nilai_subkomponen([], 9)
    with pytest.raises(KinerjaError, match=r"jawaban LKE 'F' tidak dikenal"):
        nilai_subkomponen(["A", "F"], 9)
    with pytest.raises(KinerjaError, match=r"^bobot sub-komponen: 9\.0 adalah float"):
        nilai_subkomponen(["A"], 9.0)  # type: ignore[arg-type]


def test_nilai_komponen_of_perencanaan() -> None:
    jawaban = {
        "keberadaan": ["AA", "AA"],  # 100 × 6 / 100 = 6,00
        "kualitas": ["A", "BB", "B"],  # 80 × 9 / 100 = 7,20
        "pemanfaatan": ["B", "CC"],  # 65 × 15 / 100 = 9,75
    }
    assert nilai_komponen(jawaban, 30) == D("22.95")


def test_nilai_komponen_of_pelaporan_sums_the_rounded_sub_components() -> None:
    jawaban = {
        "keberadaan": ["A", "B", "B"],  # 76,67 × 3 / 100 = 2,3001 → 2,30
        "kualitas": ["BB", "CC"],  # 70 × 4,5 / 100 = 3,15
        "pemanfaatan": ["C", "D", "E"],  # 26,67 × 7,5 / 100 = 2,00025 → 2,00
    }
    assert nilai_komponen(jawaban, 15) == D("7.45")


def test_nilai_komponen_all_aa_reaches_the_weight() -> None:
    jawaban = {"keberadaan": ["AA"], "kualitas": ["AA", "Y"], "pemanfaatan": ["AA"]}
    assert nilai_komponen(jawaban, 25) == D("25.00")


def test_nilai_komponen_refuses_unknown_and_missing_sub_components() -> None:
    with pytest.raises(KinerjaError, match=r"^sub-komponen tidak dikenal: manfaat, mutu$"):
        nilai_komponen(
            {
                "keberadaan": ["A"],
                "kualitas": ["A"],
                "pemanfaatan": ["A"],
                "mutu": ["A"],
                "manfaat": ["A"],
            },
            30,
        )
    with pytest.raises(KinerjaError, match=r"^sub-komponen belum dinilai: kualitas, pemanfaatan$"):
        nilai_komponen({"keberadaan": ["A"]}, 30)
    with pytest.raises(KinerjaError, match=r"^sub-komponen tanpa jawaban kriteria$"):
        nilai_komponen({"keberadaan": ["A"], "kualitas": [], "pemanfaatan": ["A"]}, 30)
