"""The predikat order and the AKIP bands (PermenPAN-RB 88/2021; DOMAIN.md §8)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.predikat import SKALA_PREDIKAT_AKIP, Predikat, predikat_akip


@pytest.mark.parametrize(
    ("predikat", "kode", "peringkat", "sebutan"),
    [
        (Predikat.D, "D", 1, "Sangat Kurang"),
        (Predikat.C, "C", 2, "Kurang"),
        (Predikat.CC, "CC", 3, "Cukup (Memadai)"),
        (Predikat.B, "B", 4, "Baik"),
        (Predikat.BB, "BB", 5, "Sangat Baik"),
        (Predikat.A, "A", 6, "Memuaskan"),
        (Predikat.AA, "AA", 7, "Sangat Memuaskan"),
    ],
)
def test_each_predikat_has_its_code_rank_and_name(
    predikat: Predikat, kode: str, peringkat: int, sebutan: str
) -> None:
    assert (predikat.kode, predikat.peringkat, predikat.sebutan) == (kode, peringkat, sebutan)
    assert str(predikat) == kode
    assert Predikat.dari_teks(kode) is predikat


def test_the_akip_scale_uses_the_codes_and_names_of_the_predikat() -> None:
    assert [(t.kode, t.nama) for t in SKALA_PREDIKAT_AKIP.tingkat] == [
        (p.kode, p.sebutan) for p in sorted(Predikat, key=lambda p: -p.peringkat)
    ]


@pytest.mark.parametrize(
    ("teks", "predikat"),
    [
        ("BB", Predikat.BB),
        (" bb ", Predikat.BB),
        ("Predikat BB", Predikat.BB),
        ("predikat  a", Predikat.A),
        ('"A"', Predikat.A),
        ("“AA”", Predikat.AA),
        ("cc", Predikat.CC),
    ],
)
def test_dari_teks_reads_a_predikat_as_written(teks: str, predikat: Predikat) -> None:
    assert Predikat.dari_teks(teks) is predikat
    assert Predikat.cocok(teks)


@pytest.mark.parametrize("teks", ["E", "BBB", "", "80", "Baik", "A+"])
def test_dari_teks_refuses_anything_else_and_lists_the_known_codes(teks: str) -> None:
    with pytest.raises(
        KinerjaError, match=r"bukan predikat \(yang dikenal: D, C, CC, B, BB, A, AA\)"
    ):
        Predikat.dari_teks(teks)
    assert not Predikat.cocok(teks)


@pytest.mark.parametrize(
    ("nilai", "predikat"),
    [
        ("100", Predikat.AA),
        ("90.01", Predikat.AA),
        ("90", Predikat.A),  # lower bounds are exclusive
        ("81.80", Predikat.A),  # seed 000 Tabel 3.1, 2023
        ("80.01", Predikat.A),
        ("80", Predikat.BB),  # seed 000: 80,00 → BB
        ("70.01", Predikat.BB),
        ("70", Predikat.B),  # seed 000: 70,00 → B
        ("60.01", Predikat.B),
        ("60", Predikat.CC),
        ("59.30", Predikat.CC),  # seed 000
        ("50.01", Predikat.CC),
        ("50", Predikat.C),
        ("30.01", Predikat.C),
        ("30", Predikat.D),  # D is the one band with an inclusive lower end: 0–30
        ("0.01", Predikat.D),
        ("0", Predikat.D),
    ],
)
def test_predikat_akip_at_every_band_boundary(nilai: str, predikat: Predikat) -> None:
    assert predikat_akip(D(nilai)) is predikat


def test_predikat_akip_reads_ints_and_indonesian_text() -> None:
    assert predikat_akip(75) is Predikat.BB
    assert predikat_akip("81,80") is Predikat.A  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("nilai", "tampil"), [("-0.01", "-0,01"), ("100.01", "100,01"), ("814.80", "814,80")]
)
def test_predikat_akip_refuses_a_nilai_outside_0_to_100(nilai: str, tampil: str) -> None:
    # 814,80 is seed 000's typo for 81,48 or 81,80: it must not silently become AA.
    with pytest.raises(KinerjaError, match=rf"^{tampil} di luar rentang skala .*\(0–100\)"):
        predikat_akip(D(nilai))


def test_predikat_akip_refuses_floats_naming_the_value() -> None:
    with pytest.raises(KinerjaError, match=r"^nilai AKIP: 81\.8 adalah float"):
        predikat_akip(81.8)  # type: ignore[arg-type]


# The bands as DOMAIN.md §8 writes them: (predikat, lower, upper, lower inclusive).
BANDS = [
    (Predikat.AA, D(90), D(100), False),
    (Predikat.A, D(80), D(90), False),
    (Predikat.BB, D(70), D(80), False),
    (Predikat.B, D(60), D(70), False),
    (Predikat.CC, D(50), D(60), False),
    (Predikat.C, D(30), D(50), False),
    (Predikat.D, D(0), D(30), True),
]


def _bands_containing(nilai: D) -> list[Predikat]:
    return [
        p
        for p, bawah, atas, inklusif in BANDS
        if (bawah < nilai or (inklusif and bawah == nilai)) and nilai <= atas
    ]


def test_every_nilai_from_0_to_100_in_cents_falls_in_exactly_one_band() -> None:
    sebelumnya = Predikat.D
    for sen in range(10001):
        nilai = D(sen).scaleb(-2)
        band = _bands_containing(nilai)
        assert len(band) == 1, nilai  # no gap, no overlap
        hasil = predikat_akip(nilai)
        assert hasil is band[0], nilai
        assert hasil.peringkat >= sebelumnya.peringkat, nilai  # monotone in nilai
        sebelumnya = hasil


NILAI = st.decimals(min_value=0, max_value=100, allow_nan=False, allow_infinity=False, places=4)


@given(NILAI, NILAI)
def test_a_higher_nilai_never_gets_a_lower_predikat(a: D, b: D) -> None:
    rendah, tinggi = sorted((a, b))
    assert predikat_akip(rendah).peringkat <= predikat_akip(tinggi).peringkat


@given(NILAI)
def test_predikat_akip_agrees_with_the_bands_at_any_precision(nilai: D) -> None:
    assert [predikat_akip(nilai)] == _bands_containing(nilai)
