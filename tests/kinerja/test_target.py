"""What a target can be: a number, a predikat, or a range (sakip.kinerja.target)."""

from decimal import Decimal as D

import pytest

from sakip.kinerja import KinerjaError
from sakip.kinerja.predikat import Predikat
from sakip.kinerja.target import Rentang, parse_target, sebagai_realisasi, sebagai_target


def test_rentang_keeps_its_bounds_and_prints_them_the_indonesian_way() -> None:
    rentang = Rentang(D("2.5"), D(4))
    assert (rentang.bawah, rentang.atas) == (D("2.5"), D(4))
    assert str(rentang) == "2,5–4"
    assert str(Rentang(D(3), D(3))) == "3–3"  # a one-point range is allowed


def test_rentang_refuses_a_lower_bound_above_the_upper_one() -> None:
    with pytest.raises(
        KinerjaError, match=r"^rentang 5–3,5: batas bawah lebih besar dari batas atas$"
    ):
        Rentang(D(5), D("3.5"))


@pytest.mark.parametrize(
    ("teks", "target"),
    [
        ("85", D(85)),
        ("85 %", D(85)),
        ("86,69", D("86.69")),
        ("12 Dokumen", D(12)),
        ("1.234", D(1234)),
        ("0", D(0)),
        ("-5", D(-5)),  # read; capaian refuses it later
        ("BB", Predikat.BB),
        ("Predikat A", Predikat.A),
        (" aa ", Predikat.AA),
        ("80–90", Rentang(D(80), D(90))),
        ("80 - 90", Rentang(D(80), D(90))),
        ("80-90", Rentang(D(80), D(90))),
        ("80 — 90", Rentang(D(80), D(90))),
        ("80 s.d. 90", Rentang(D(80), D(90))),
        ("80 s.d 90", Rentang(D(80), D(90))),
        ("80 sd 90", Rentang(D(80), D(90))),
        ("80 S.D. 90", Rentang(D(80), D(90))),
        ("80 s/d 90", Rentang(D(80), D(90))),
        ("80 sampai 90", Rentang(D(80), D(90))),
        ("80 sampai dengan 90", Rentang(D(80), D(90))),
        ("80% - 90%", Rentang(D(80), D(90))),
        ("80 % – 90 %", Rentang(D(80), D(90))),
        ("1,5 - 2,5", Rentang(D("1.5"), D("2.5"))),
        ("3 ± 1", Rentang(D(2), D(4))),  # inflation: 3 − 1 … 3 + 1
        ("3±1", Rentang(D(2), D(4))),
        ("3 +/- 1", Rentang(D(2), D(4))),
        ("3 +- 0,5", Rentang(D("2.5"), D("3.5"))),
        ("3,5 ± 1 %", Rentang(D("2.5"), D("4.5"))),
        ("1 ± 2", Rentang(D(-1), D(3))),  # read; a band to hold refuses it later
        ("-", None),
        ("", None),
    ],
)
def test_parse_target_reads_numbers_predikat_and_ranges(
    teks: str, target: D | Predikat | Rentang | None
) -> None:
    assert parse_target(teks) == target


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("tinggi", "bukan angka"),
        ("E", "bukan angka"),
        ("90 - 80", "batas bawah lebih besar dari batas atas"),
        ("1.23.4 - 5", "pemisah ribuan"),
    ],
)
def test_parse_target_refuses_what_it_cannot_read(teks: str, pesan: str) -> None:
    with pytest.raises(KinerjaError, match=pesan):
        parse_target(teks)


def test_sebagai_target_keeps_parsed_targets_and_reads_the_rest() -> None:
    rentang = Rentang(D(2), D(4))
    assert sebagai_target(None) is None
    assert sebagai_target(Predikat.B) is Predikat.B
    assert sebagai_target(rentang) is rentang
    assert sebagai_target("80 s.d. 90") == Rentang(D(80), D(90))
    assert sebagai_target("-") is None
    assert sebagai_target(85) == D(85)
    assert isinstance(sebagai_target(85), D)
    assert sebagai_target(D("86.69")) == D("86.69")


def test_sebagai_target_refuses_floats_naming_the_target() -> None:
    with pytest.raises(KinerjaError, match=r"^target: 85\.0 adalah float"):
        sebagai_target(85.0)  # type: ignore[arg-type]


def test_sebagai_realisasi_reads_numbers_and_predikat() -> None:
    assert sebagai_realisasi(None) is None
    assert sebagai_realisasi(Predikat.BB) is Predikat.BB
    assert sebagai_realisasi("bb") is Predikat.BB
    assert sebagai_realisasi("86,69 %") == D("86.69")
    assert sebagai_realisasi("-") is None
    assert sebagai_realisasi(86) == D(86)
    assert sebagai_realisasi(D("0")) == D(0)


def test_sebagai_realisasi_refuses_ranges_and_floats() -> None:
    with pytest.raises(KinerjaError, match=r"sesudah angka bukan satuan"):
        sebagai_realisasi("80 - 90")
    with pytest.raises(KinerjaError, match=r"^realisasi: 86\.5 adalah float"):
        sebagai_realisasi(86.5)  # type: ignore[arg-type]
