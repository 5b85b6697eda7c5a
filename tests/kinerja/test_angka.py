"""Numbers in and out, and the one rounding rule (sakip.kinerja.angka; DOMAIN.md §2)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.angka import (
    NilaiSatuan,
    _baca_pemisah,
    bulatkan,
    format_angka,
    format_nilai,
    format_persen,
    format_rupiah,
    jumlah,
    ke_desimal,
    ke_desimal_atau_none,
    parse_angka,
    parse_nilai,
    persentase,
    rata_rata,
)

# --- ke_desimal / ke_desimal_atau_none ----------------------------------------------


def test_ke_desimal_returns_a_decimal_unchanged_with_its_exponent() -> None:
    hasil = ke_desimal(D("1.50"))
    assert hasil == D("1.50")
    assert str(hasil) == "1.50"


def test_ke_desimal_turns_an_int_into_a_decimal() -> None:
    hasil = ke_desimal(7)
    assert isinstance(hasil, D)
    assert hasil == D(7)


def test_ke_desimal_reads_indonesian_text() -> None:
    assert ke_desimal("1.234,5") == D("1234.5")


def test_ke_desimal_refuses_text_without_a_number() -> None:
    with pytest.raises(KinerjaError, match=r"realisasi: kosong \('-'\)"):
        ke_desimal("-", "realisasi")


@pytest.mark.parametrize("nilai", [1.5, 0.0, 100.0])
def test_ke_desimal_refuses_floats_and_names_the_value(nilai: float) -> None:
    with pytest.raises(KinerjaError, match=rf"^pagu: {nilai!r} adalah float"):
        ke_desimal(nilai, "pagu")


@pytest.mark.parametrize("nilai", [True, False])
def test_ke_desimal_refuses_bools_although_they_are_ints(nilai: bool) -> None:
    with pytest.raises(KinerjaError, match=rf"^nilai: {nilai} bukan angka$"):
        ke_desimal(nilai)


@pytest.mark.parametrize("nilai", [D("NaN"), D("sNaN"), D("Infinity"), D("-Infinity")])
def test_ke_desimal_refuses_non_finite_decimals(nilai: D) -> None:
    with pytest.raises(KinerjaError, match=r"bukan angka yang terhingga"):
        ke_desimal(nilai)


@pytest.mark.parametrize("nilai", [None, [1], object()])
def test_ke_desimal_refuses_other_types(nilai: object) -> None:
    with pytest.raises(KinerjaError, match=r"bukan angka"):
        ke_desimal(nilai)


@pytest.mark.parametrize("kosong", [None, "", "-", " - ", "–", "—", "n/a", "NA", "#N/A"])
def test_ke_desimal_atau_none_keeps_no_data_as_none(kosong: str | None) -> None:
    assert ke_desimal_atau_none(kosong) is None


def test_ke_desimal_atau_none_keeps_zero_as_zero() -> None:
    assert ke_desimal_atau_none(0) == D(0)
    assert ke_desimal_atau_none("0") == D(0)
    assert ke_desimal_atau_none("0") is not None


def test_ke_desimal_atau_none_reads_numbers_and_refuses_floats() -> None:
    assert ke_desimal_atau_none("85 %") == D(85)
    with pytest.raises(KinerjaError, match=r"capaian: 1\.5 adalah float"):
        ke_desimal_atau_none(1.5, "capaian")


# --- bulatkan ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "tempat", "hasil"),
    [
        (D("83.065"), 2, "83.07"),  # DESIGN.md example: the tie goes up
        (D("2.675"), 2, "2.68"),  # a float would give 2.67 (2.67499999...)
        (D("2.674"), 2, "2.67"),
        (D("2.6751"), 2, "2.68"),
        (D("-2.675"), 2, "-2.68"),  # half-up is away from zero for negative values
        (D("-83.065"), 2, "-83.07"),
        (D("-2.674"), 2, "-2.67"),
        (D("2.5"), 0, "3"),
        (D("3.4605"), 3, "3.461"),
        (D("86.3978"), 2, "86.40"),  # seed 000: mean IKM of the nine Biro
        (5, 2, "5.00"),
    ],
)
def test_bulatkan_rounds_half_up(nilai: D | int, tempat: int, hasil: str) -> None:
    dibulatkan = bulatkan(nilai, tempat)
    assert dibulatkan == D(hasil)
    assert str(dibulatkan) == hasil  # the exponent is the requested number of places


def test_bulatkan_refuses_floats() -> None:
    with pytest.raises(KinerjaError, match=r"float"):
        bulatkan(2.675)  # type: ignore[arg-type]


# --- persentase, rata_rata, jumlah ------------------------------------------------


@pytest.mark.parametrize(
    ("bagian", "total", "hasil"),
    [
        (30, 37, "81.08"),  # seed 000 §3.d: 0,810810... → 81,08
        (14, 17, "82.35"),  # seed 002: 0,823529... → 82,35
        (1, 8, "12.50"),
        (1, 3, "33.33"),
        (2, 3, "66.67"),  # 66,666... rounds up
        (D("0.5"), 100, "0.50"),
        (0, 5, "0.00"),
        (-1, 4, "-25.00"),
    ],
)
def test_persentase_is_part_over_whole_times_100_rounded(
    bagian: int, total: int, hasil: str
) -> None:
    assert persentase(bagian, total) == D(hasil)


@pytest.mark.parametrize(("bagian", "total"), [(None, 5), (5, None), (None, None), (5, 0)])
def test_persentase_is_none_without_data_or_with_a_zero_whole(
    bagian: int | None, total: int | None
) -> None:
    assert persentase(bagian, total) is None


def test_persentase_names_the_bad_argument() -> None:
    with pytest.raises(KinerjaError, match=r"^jumlah: "):
        persentase(1, 2.0)  # type: ignore[arg-type]
    with pytest.raises(KinerjaError, match=r"^bagian: "):
        persentase(1.0, 2)  # type: ignore[arg-type]


def test_rata_rata_of_seed_000_sasaran_2() -> None:
    # (100 + 100 + 122,10 + 105,78) / 4 = 427,88 / 4 = 106,97
    assert rata_rata([D(100), D(100), D("122.10"), D("105.78")]) == D("106.97")


def test_rata_rata_counts_a_zero_but_leaves_out_none() -> None:
    assert rata_rata([D(0), D(100), D(100), D(100)]) == D("75.00")  # seed 002 Lampiran
    assert rata_rata([None, D(80), D(90)]) == D("85.00")  # 170 / 2, not 170 / 3
    assert rata_rata([None, D(0)]) == D("0.00")


def test_rata_rata_rounds_half_up() -> None:
    assert rata_rata([1, 2, 2]) == D("1.67")  # 5 / 3 = 1,666...
    assert rata_rata([D("0.01"), D("0.02")]) == D("0.02")  # 0,015 → 0,02


def test_rata_rata_without_any_value_is_none() -> None:
    assert rata_rata([]) is None
    assert rata_rata([None, None]) is None


def test_rata_rata_refuses_floats() -> None:
    with pytest.raises(KinerjaError, match=r"float"):
        rata_rata([D(1), 2.0])  # type: ignore[list-item]


def test_jumlah_is_exact_and_not_rounded() -> None:
    assert jumlah([D("0.1"), D("0.2")]) == D("0.3")
    assert jumlah([D("1.005"), D("2.0001")]) == D("3.0051")
    assert jumlah([D(226), 855, 817, 469]) == D(2367)  # seed 002 Lampiran


def test_jumlah_leaves_out_none_and_is_none_without_values() -> None:
    assert jumlah([None, D(5), None, D(7)]) == D(12)
    assert jumlah([]) is None
    assert jumlah([None]) is None
    assert jumlah([D(0)]) == D(0)


# --- parse_nilai / parse_angka ----------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "angka", "satuan"),
    [
        ("1.234.567,89", "1234567.89", None),
        ("Rp 1.234.567,-", "1234567", "Rp"),
        ("Rp.138.760.253.340,-", "138760253340", "Rp"),
        ("Rp138.760.253.340", "138760253340", "Rp"),
        ("rp 5.000", "5000", "Rp"),
        ("Rp\u00a01.000", "1000", "Rp"),  # no-break space as Word writes it
        ("Rp 1.234,50", "1234.50", "Rp"),
        ("-Rp 5.000", "-5000", "Rp"),
        ("Rp -5.000", "-5000", "Rp"),
        ("85 %", "85", "%"),
        ("100%", "100", "%"),
        ("85,5%", "85.5", "%"),
        ("12 Dokumen", "12", "Dokumen"),
        ("2.340 Laporan", "2340", "Laporan"),
        ("12Dokumen", "12", "Dokumen"),
        ("  86,69  ", "86.69", None),
        ("1,004,422,800", "1004422800", None),  # English, several commas
        ("98.80", "98.80", None),  # English, a point not followed by three digits
        ("1,234.5", "1234.5", None),  # English, a point after a comma
        ("1.234", "1234", None),  # Indonesian reading: thousands
        ("1,234", "1.234", None),  # Indonesian reading: decimals
        ("0.500", "0.500", None),  # a leading 0 cannot start a thousands group
        ("1234.567", "1234.567", None),  # four digits before the point: no grouping
        ("1.234.567", "1234567", None),
        ("-1.234,5", "-1234.5", None),
        ("\u22125", "-5", None),  # the typographic minus sign
        ("- 5", "-5", None),
        ("+7", "7", None),
        ("0", "0", None),
        ("12,-", "12", None),
    ],
)
def test_parse_nilai_reads_indonesian_and_unambiguous_english(
    teks: str, angka: str, satuan: str | None
) -> None:
    hasil = parse_nilai(teks)
    assert hasil == NilaiSatuan(D(angka), satuan)
    assert str(hasil.angka) == angka  # exactly as written, no float on the way


@pytest.mark.parametrize("teks", ["-", "", "   ", "–", "—", "n/a", "N/A", "#N/A", "na"])
def test_parse_nilai_reads_no_data_as_none(teks: str) -> None:
    assert parse_nilai(teks) == NilaiSatuan(None, None)
    assert parse_angka(teks) is None


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("abc", r"^'abc' bukan angka$"),
        ("Rp", r"^'Rp' bukan angka$"),
        ("%", r"bukan angka"),
        ("Rp -Rp 5", r"bukan angka"),  # the currency twice
        ("1.23.456", r"pemisah ribuan '\.' tidak pada tempatnya"),
        ("12.34.567", r"pemisah ribuan '\.' tidak pada tempatnya"),
        ("1,2,3", r"pemisah ribuan ',' tidak pada tempatnya"),
        ("1.2,34", r"pemisah ribuan '\.' tidak pada tempatnya"),
        ("1,234,5.6", r"pemisah ribuan ',' tidak pada tempatnya"),
        ("1.234,5.6", r"pemisah desimal '\.' muncul lebih dari sekali"),
        ("1,234.5,6", r"pemisah desimal ',' muncul lebih dari sekali"),
        ("12,", r"angka diakhiri pemisah"),
        ("12.", r"angka diakhiri pemisah"),
        ("1.234.", r"angka diakhiri pemisah"),
        ("Rp 5.000 juta", r"ada teks 'juta' sesudah nilai rupiah"),
        ("Rp 5.000 %", r"ada teks '%' sesudah nilai rupiah"),
        ("12 #", r"'#' sesudah angka bukan satuan"),
        ("5 5", r"'5' sesudah angka bukan satuan"),
        ("80 - 90", r"'- 90' sesudah angka bukan satuan"),
    ],
)
def test_parse_nilai_refuses_what_it_cannot_read_naming_the_text(teks: str, pesan: str) -> None:
    with pytest.raises(KinerjaError, match=pesan):
        parse_nilai(teks)
    with pytest.raises(KinerjaError, match=pesan):
        parse_angka(teks)


@pytest.mark.parametrize("bukan_teks", [5, D(5), None, 1.5])
def test_parse_nilai_only_takes_text(bukan_teks: object) -> None:
    with pytest.raises(KinerjaError, match=r"bukan teks"):
        parse_nilai(bukan_teks)  # type: ignore[arg-type]


def test_parse_angka_gives_the_number_without_the_satuan() -> None:
    assert parse_angka("Rp 1.234.567,-") == D(1234567)
    assert parse_angka("12 Dokumen") == D(12)


# --- formatting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "tempat", "teks"),
    [
        (D("1234567.891"), 2, "1.234.567,89"),
        (D("1234567.895"), 2, "1.234.567,90"),  # half-up
        (D("122.1"), 2, "122,10"),
        (D("-1234.5"), 2, "-1.234,50"),
        (D("0.005"), 2, "0,01"),
        (D("-0.005"), 2, "-0,01"),
        (D(0), 2, "0,00"),
        (100, 2, "100,00"),
        (D("1234.5"), 0, "1.235"),
        (D("3.4605"), 3, "3,461"),
        (D("138760253340"), 0, "138.760.253.340"),
        ("1.234,5", 2, "1.234,50"),  # text is read first
        # tempat=None: as the value is, without trailing zeros
        (D("85.50"), None, "85,5"),
        (D("86.69"), None, "86,69"),
        (D(100), None, "100"),
        (D("100.00"), None, "100"),
        (D("1E+3"), None, "1.000"),
        (D("1234567.125"), None, "1.234.567,125"),
        (D("-0.05"), None, "-0,05"),
        (85, None, "85"),
    ],
)
def test_format_angka_writes_indonesian_numbers(
    nilai: D | int, tempat: int | None, teks: str
) -> None:
    assert format_angka(nilai, tempat) == teks


def test_format_angka_defaults_to_two_places_and_none_is_a_dash() -> None:
    assert format_angka(D("86.4")) == "86,40"
    assert format_angka(None) == "-"
    assert format_angka(None, None) == "-"


def test_format_angka_refuses_floats() -> None:
    with pytest.raises(KinerjaError, match=r"float"):
        format_angka(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (D(1234567), "Rp 1.234.567"),
        (D("1234567.00"), "Rp 1.234.567"),  # no cents printed when there are none
        (D("1234.5"), "Rp 1.234,50"),
        (D("0.01"), "Rp 0,01"),
        (D("138760253340"), "Rp 138.760.253.340"),
        (0, "Rp 0"),
        (-5000, "-Rp 5.000"),
        (D("-1234.56"), "-Rp 1.234,56"),
        (None, "-"),
    ],
)
def test_format_rupiah(nilai: D | int | None, teks: str) -> None:
    assert format_rupiah(nilai) == teks


@pytest.mark.parametrize(
    ("nilai", "tempat", "teks"),
    [
        (D("122.1"), 2, "122,10 %"),
        (D("483.333"), 2, "483,33 %"),
        (D(85), None, "85 %"),
        (D("-1.6"), 2, "-1,60 %"),
        (None, 2, "-"),
    ],
)
def test_format_persen(nilai: D | None, tempat: int | None, teks: str) -> None:
    assert format_persen(nilai, tempat) == teks


def test_format_persen_defaults_to_two_places() -> None:
    assert format_persen(D(100)) == "100,00 %"


@pytest.mark.parametrize(
    ("nilai", "satuan", "teks"),
    [
        (D(85), "Persen", "85 %"),
        (D(85), "persen", "85 %"),
        (D(85), "%", "85 %"),
        (D("85.5"), " Persen ", "85,5 %"),
        (D(12), "Dokumen", "12 Dokumen"),
        (D(12), " Dokumen ", "12 Dokumen"),
        (D(2340), "Laporan", "2.340 Laporan"),
        (D("86.60"), "Indeks", "86,6 Indeks"),
        (D(12), None, "12"),
        (D(12), "", "12"),
        (None, "Dokumen", "-"),
        (None, None, "-"),
    ],
)
def test_format_nilai_writes_the_value_with_its_satuan(
    nilai: D | None, satuan: str | None, teks: str
) -> None:
    assert format_nilai(nilai, satuan) == teks


def test_format_nilai_honours_a_number_of_places() -> None:
    assert format_nilai(D("86.6"), "Indeks", tempat=2) == "86,60 Indeks"
    assert format_nilai(D("85"), "Persen", tempat=2) == "85,00 %"


# --- properties -------------------------------------------------------------------

DUA_DESIMAL = st.decimals(
    min_value=D("-1e12"), max_value=D("1e12"), places=2, allow_nan=False, allow_infinity=False
)
EMPAT_DESIMAL = st.decimals(
    min_value=D("-1e12"), max_value=D("1e12"), places=4, allow_nan=False, allow_infinity=False
)


@given(DUA_DESIMAL)
def test_parse_angka_reads_back_what_format_angka_writes(x: D) -> None:
    teks = format_angka(x)
    assert parse_angka(teks) == x
    assert "." not in teks.split(",")[-1]  # the last group is the decimals, after a comma


@given(EMPAT_DESIMAL)
def test_parse_angka_reads_back_format_angka_without_fixed_places(x: D) -> None:
    # "1.234" (thousands) and "1,234" (decimals) must both come back as written.
    assert parse_angka(format_angka(x, None)) == x


@given(DUA_DESIMAL)
def test_parse_angka_reads_back_format_rupiah(x: D) -> None:
    teks = format_rupiah(x)
    assert teks.startswith("-Rp " if x < 0 else "Rp ")
    assert parse_nilai(teks) == NilaiSatuan(x, "Rp")


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_rupiah_of_whole_rupiah_has_no_cents(x: int) -> None:
    teks = format_rupiah(x)
    assert "," not in teks
    assert parse_angka(teks) == x


@given(EMPAT_DESIMAL)
def test_bulatkan_moves_a_value_by_at_most_half_a_cent(x: D) -> None:
    dibulatkan = bulatkan(x)
    assert abs(dibulatkan - x) <= D("0.005")
    assert bulatkan(dibulatkan) == dibulatkan
    assert bulatkan(-x) == -dibulatkan  # symmetric: half-up rounds away from zero


@given(st.lists(st.one_of(st.none(), DUA_DESIMAL), max_size=12))
def test_rata_rata_lies_between_the_smallest_and_largest_value(nilai: list[D | None]) -> None:
    ada = [n for n in nilai if n is not None]
    hasil = rata_rata(nilai)
    if not ada:
        assert hasil is None
    else:
        assert hasil is not None
        assert min(ada) <= hasil <= max(ada)


@given(st.lists(st.one_of(st.none(), DUA_DESIMAL), max_size=12))
def test_jumlah_equals_the_exact_sum_of_the_values_present(nilai: list[D | None]) -> None:
    ada = [n for n in nilai if n is not None]
    assert jumlah(nilai) == (sum(ada, D(0)) if ada else None)


@pytest.mark.parametrize("teks", ["12.", ".5", "1,"])
def test_the_separator_reader_refuses_a_number_cut_short(teks: str) -> None:
    # parse_nilai refuses these before the reader sees them; the reader guards itself too.
    with pytest.raises(KinerjaError, match=r"angka tidak lengkap"):
        _baca_pemisah(teks, teks)
