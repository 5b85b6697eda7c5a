"""Rating scales as data (sakip.kinerja.skala; DOMAIN.md §7)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.ikm import MUTU_IKM, MUTU_UNSUR
from sakip.kinerja.predikat import SKALA_PREDIKAT_AKIP
from sakip.kinerja.skala import (
    SKALA_BAWAAN,
    SKALA_EMPAT_TINGKAT,
    SKALA_PERMENDAGRI_86_2017,
    SkalaPenilaian,
    Tingkat,
)

# --- the four-level scale of seed 002 Tabel 3.1 -----------------------------------


@pytest.mark.parametrize(
    ("nilai", "kode", "warna"),
    [
        ("483.33", "berhasil", "hijau"),
        ("100.01", "berhasil", "hijau"),
        ("100", "berhasil", "hijau"),
        ("99.99", "cukup_berhasil", "biru"),
        ("70", "cukup_berhasil", "biru"),
        ("69.99", "kurang_berhasil", "kuning"),
        ("40", "kurang_berhasil", "kuning"),
        ("39.99", "tidak_berhasil", "merah"),
        ("0", "tidak_berhasil", "merah"),
        ("-50", "tidak_berhasil", "merah"),  # no minimum: a negative SELISIH capaian has a level
    ],
)
def test_four_level_scale_boundaries(nilai: str, kode: str, warna: str) -> None:
    tingkat = SKALA_EMPAT_TINGKAT.kategori(D(nilai))
    assert tingkat is not None
    assert (tingkat.kode, tingkat.warna) == (kode, warna)


def test_four_level_scale_names() -> None:
    assert [t.nama for t in SKALA_EMPAT_TINGKAT.tingkat] == [
        "Berhasil",
        "Cukup Berhasil",
        "Kurang Berhasil",
        "Tidak Berhasil",
    ]


# --- the five-level scale of Permendagri 86/2017 ------------------------------------


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        ("100", "sangat_tinggi"),
        ("91", "sangat_tinggi"),
        ("90.99", "tinggi"),
        ("90.5", "tinggi"),  # in the gap between 76–90 and ≥ 91: the lower level
        ("90", "tinggi"),
        ("76", "tinggi"),
        ("75.99", "sedang"),
        ("75.5", "sedang"),
        ("66", "sedang"),
        ("65.99", "rendah"),
        ("65.5", "rendah"),
        ("51", "rendah"),
        ("50.99", "sangat_rendah"),
        ("50.5", "sangat_rendah"),
        ("50", "sangat_rendah"),
        ("0", "sangat_rendah"),
    ],
)
def test_permendagri_86_2017_scale_boundaries(nilai: str, kode: str) -> None:
    tingkat = SKALA_PERMENDAGRI_86_2017.kategori(D(nilai))
    assert tingkat is not None
    assert tingkat.kode == kode


def test_the_scales_an_agency_can_pick_by_name() -> None:
    assert SKALA_BAWAAN == {
        "empat_tingkat": SKALA_EMPAT_TINGKAT,
        "permendagri_86_2017": SKALA_PERMENDAGRI_86_2017,
    }


# --- kategori ---------------------------------------------------------------------


@pytest.mark.parametrize("kosong", [None, "-", "", "n/a"])
def test_no_data_has_no_level(kosong: str | None) -> None:
    assert SKALA_EMPAT_TINGKAT.kategori(kosong) is None  # type: ignore[arg-type]


def test_kategori_reads_ints_and_indonesian_text() -> None:
    assert SKALA_EMPAT_TINGKAT.kategori("99,99") == SKALA_EMPAT_TINGKAT.tingkat[1]  # type: ignore[arg-type]
    assert SKALA_EMPAT_TINGKAT.kategori(100) == SKALA_EMPAT_TINGKAT.tingkat[0]


def test_kategori_refuses_floats() -> None:
    with pytest.raises(KinerjaError, match=r"float"):
        SKALA_EMPAT_TINGKAT.kategori(99.5)  # type: ignore[arg-type]


def _skala(**kwargs: object) -> SkalaPenilaian:
    return SkalaPenilaian(
        nama="Uji",
        tingkat=(
            Tingkat("tinggi", "Tinggi", D(80)),
            Tingkat("sedang", "Sedang", D(50)),
            Tingkat("rendah", "Rendah", None),
        ),
        **kwargs,  # type: ignore[arg-type]
    )


def test_exclusive_lower_bounds_put_the_bound_itself_in_the_level_below() -> None:
    skala = _skala(batas_bawah_inklusif=False)
    assert skala.kategori(D(80)).kode == "sedang"  # type: ignore[union-attr]
    assert skala.kategori(D("80.01")).kode == "tinggi"  # type: ignore[union-attr]
    assert skala.kategori(D(50)).kode == "rendah"  # type: ignore[union-attr]
    inklusif = _skala()
    assert inklusif.kategori(D(80)).kode == "tinggi"  # type: ignore[union-attr]
    assert inklusif.kategori(D(50)).kode == "sedang"  # type: ignore[union-attr]


def test_values_outside_the_valid_range_are_refused() -> None:
    skala = _skala(minimum=D(0), maksimum=D(100))
    assert skala.kategori(D(0)).kode == "rendah"  # type: ignore[union-attr]
    assert skala.kategori(D(100)).kode == "tinggi"  # type: ignore[union-attr]
    with pytest.raises(KinerjaError, match=r"^100,01 di luar rentang skala 'Uji' \(0–100\)$"):
        skala.kategori(D("100.01"))
    with pytest.raises(KinerjaError, match=r"^-0,01 di luar rentang skala 'Uji' \(0–100\)$"):
        skala.kategori(D("-0.01"))
    # a value with more places keeps them in the message; fewer are shown with two
    with pytest.raises(KinerjaError, match=r"^100,0001 di luar"):
        skala.kategori(D("100.0001"))
    with pytest.raises(KinerjaError, match=r"^101,00 di luar"):
        skala.kategori(101)


def test_a_scale_bounded_on_one_side_only() -> None:
    atas_saja = _skala(maksimum=D(100))
    assert atas_saja.kategori(D(-1000)).kode == "rendah"  # type: ignore[union-attr]
    with pytest.raises(KinerjaError, match=r"\(-–100\)$"):
        atas_saja.kategori(D(101))
    bawah_saja = _skala(minimum=D(0))
    assert bawah_saja.kategori(D(1000)).kode == "tinggi"  # type: ignore[union-attr]
    with pytest.raises(KinerjaError, match=r"\(0–-\)$"):
        bawah_saja.kategori(D(-1))


def test_tingkat_berkode() -> None:
    assert SKALA_EMPAT_TINGKAT.tingkat_berkode("cukup_berhasil").nama == "Cukup Berhasil"
    with pytest.raises(
        KinerjaError, match=r"^skala 'Uji' tidak memiliki tingkat berkode 'berhasil'$"
    ):
        _skala().tingkat_berkode("berhasil")


def test_a_single_level_scale_takes_every_value() -> None:
    skala = SkalaPenilaian("Satu", (Tingkat("x", "Semua", None),))
    assert skala.kategori(D(-5)).kode == "x"  # type: ignore[union-attr]


# --- construction errors ------------------------------------------------------------


@pytest.mark.parametrize(
    ("tingkat", "kwargs", "pesan"),
    [
        ((), {}, r"^skala 'X': tidak ada tingkat$"),
        (
            (Tingkat("a", "A", D(50)), Tingkat("b", "B", D(10))),
            {},
            r"^skala 'X': tingkat terendah 'B' tidak boleh memiliki batas bawah",
        ),
        (
            (Tingkat("a", "A", D(50)), Tingkat("b", "B", None), Tingkat("c", "C", None)),
            {},
            r"^skala 'X': tingkat 'B' tanpa batas bawah$",
        ),
        (
            (Tingkat("a", "A", D(50)), Tingkat("b", "B", D(50)), Tingkat("c", "C", None)),
            {},
            r"^skala 'X': batas bawah harus turun .* tanpa kembar \(50, 50\)$",
        ),
        (
            (Tingkat("a", "A", D(40)), Tingkat("b", "B", D("70.5")), Tingkat("c", "C", None)),
            {},
            r"batas bawah harus turun dari tingkat tertinggi ke terendah tanpa kembar \(40, 70,5\)",
        ),
        (
            (Tingkat("a", "A", D(50)), Tingkat("a", "B", None)),
            {},
            r"^skala 'X': kode tingkat kembar$",
        ),
        (
            (Tingkat("a", "A", None),),
            {"minimum": D(100), "maksimum": D(100)},
            r"^skala 'X': minimum harus lebih kecil dari maksimum$",
        ),
        (
            (Tingkat("a", "A", None),),
            {"minimum": D(100), "maksimum": D(0)},
            "minimum harus lebih kecil dari maksimum",
        ),
    ],
)
def test_a_malformed_scale_is_refused(
    tingkat: tuple[Tingkat, ...], kwargs: dict[str, D], pesan: str
) -> None:
    with pytest.raises(KinerjaError, match=pesan):
        SkalaPenilaian("X", tingkat, **kwargs)  # type: ignore[arg-type]


# --- dari_data --------------------------------------------------------------------

DATA_EMPAT = {
    "nama": "Empat",
    "batas_bawah_inklusif": True,
    "minimum": "0",
    "maksimum": None,
    "tingkat": [
        {"kode": "berhasil", "nama": "Berhasil", "batas_bawah": "100", "warna": "hijau"},
        {"kode": "cukup", "nama": "Cukup Berhasil", "batas_bawah": 70, "warna": "biru"},
        {"kode": "kurang", "nama": "Kurang Berhasil", "batas_bawah": "40,5"},
        {"kode": "tidak", "nama": "Tidak Berhasil"},
    ],
}


def test_dari_data_builds_a_scale_from_configuration() -> None:
    skala = SkalaPenilaian.dari_data(DATA_EMPAT)
    assert skala.nama == "Empat"
    assert skala.tingkat == (
        Tingkat("berhasil", "Berhasil", D(100), "hijau"),
        Tingkat("cukup", "Cukup Berhasil", D(70), "biru"),
        Tingkat("kurang", "Kurang Berhasil", D("40.5"), None),  # "40,5" read the Indonesian way
        Tingkat("tidak", "Tidak Berhasil", None, None),
    )
    assert skala.batas_bawah_inklusif is True
    assert (skala.minimum, skala.maksimum) == (D(0), None)
    assert skala.kategori(D("40.5")).kode == "kurang"  # type: ignore[union-attr]
    assert skala.kategori(D("40.49")).kode == "tidak"  # type: ignore[union-attr]


def test_dari_data_defaults_inclusive_bounds_no_range_and_the_code_as_name() -> None:
    skala = SkalaPenilaian.dari_data(
        {
            "nama": "Dua",
            "tingkat": [{"kode": "ya", "batas_bawah": 1, "warna": 5}, {"kode": "tidak"}],
        }
    )
    assert skala.tingkat == (Tingkat("ya", "ya", D(1), None), Tingkat("tidak", "tidak", None))
    assert skala.batas_bawah_inklusif is True
    assert (skala.minimum, skala.maksimum) == (None, None)


def test_dari_data_with_exclusive_bounds() -> None:
    skala = SkalaPenilaian.dari_data(
        {
            "nama": "Eksklusif",
            "batas_bawah_inklusif": False,
            "tingkat": [{"kode": "atas", "batas_bawah": "90"}, {"kode": "bawah"}],
        }
    )
    assert skala.kategori(D(90)).kode == "bawah"  # type: ignore[union-attr]
    assert skala.kategori(D("90.01")).kode == "atas"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("dari_yaml", "persis"),
    [
        (
            76.61,
            "76.61",
        ),  # Decimal(76.61) would be 76.6099999999999994315658113919198513031005859375
        (88.31, "88.31"),
        (3.0644, "3.0644"),
        (3.064, "3.064"),  # not 3064: a float is not Indonesian text
        (0.1, "0.1"),
        (100.0, "100.0"),
        (1e16, "1E+16"),
    ],
)
def test_dari_data_reads_yaml_floats_as_the_file_wrote_them(dari_yaml: float, persis: str) -> None:
    skala = SkalaPenilaian.dari_data(
        {"nama": "YAML", "tingkat": [{"kode": "a", "batas_bawah": dari_yaml}, {"kode": "b"}]}
    )
    assert skala.tingkat[0].batas_bawah == D(persis)
    assert str(skala.tingkat[0].batas_bawah) == persis


def test_dari_data_reads_float_minimum_and_maximum_exactly() -> None:
    skala = SkalaPenilaian.dari_data(
        {"nama": "NRR", "minimum": 1.0, "maksimum": 4.0, "tingkat": [{"kode": "x"}]}
    )
    assert (skala.minimum, skala.maksimum) == (D("1.0"), D("4.0"))
    with pytest.raises(KinerjaError, match=r"di luar rentang"):
        skala.kategori(D("4.001"))


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"tingkat": [{"kode": "a"}]}, r"^skala: 'nama' wajib diisi$"),
        ({"nama": "", "tingkat": [{"kode": "a"}]}, r"^skala: 'nama' wajib diisi$"),
        ({"nama": 5, "tingkat": [{"kode": "a"}]}, r"^skala: 'nama' wajib diisi$"),
        ({"nama": "S"}, r"^skala 'S': 'tingkat' harus berupa daftar$"),
        ({"nama": "S", "tingkat": "abc"}, r"^skala 'S': 'tingkat' harus berupa daftar$"),
        ({"nama": "S", "tingkat": {"kode": "a"}}, r"'tingkat' harus berupa daftar"),
        (
            {"nama": "S", "tingkat": [{"kode": "a", "batas_bawah": 1}, "b"]},
            r"tingkat ke-2 bukan objek$",
        ),
        (
            {"nama": "S", "tingkat": [{"nama": "A"}]},
            r"^skala 'S': tingkat ke-1 tanpa 'kode'/'nama'$",
        ),
        ({"nama": "S", "tingkat": [{"kode": 1}]}, r"tingkat ke-1 tanpa 'kode'/'nama'"),
        ({"nama": "S", "tingkat": [{"kode": "a", "nama": 1}]}, r"tingkat ke-1 tanpa 'kode'/'nama'"),
        (
            {"nama": "S", "tingkat": [{"kode": "a", "batas_bawah": True}, {"kode": "b"}]},
            r"^skala 'S' tingkat 'a' batas_bawah: True bukan angka$",
        ),
        (
            {"nama": "S", "tingkat": [{"kode": "a", "batas_bawah": float("nan")}, {"kode": "b"}]},
            r"^skala 'S' tingkat 'a' batas_bawah: NaN bukan angka yang terhingga$",
        ),
        (
            {"nama": "S", "tingkat": [{"kode": "a", "batas_bawah": float("inf")}, {"kode": "b"}]},
            "bukan angka yang terhingga",
        ),
        (
            {"nama": "S", "tingkat": [{"kode": "a", "batas_bawah": "tinggi"}, {"kode": "b"}]},
            r"'tinggi' bukan angka",
        ),
        (
            {"nama": "S", "batas_bawah_inklusif": "ya", "tingkat": [{"kode": "a"}]},
            r"^skala 'S': 'batas_bawah_inklusif' harus true/false$",
        ),
        ({"nama": "S", "minimum": [0], "tingkat": [{"kode": "a"}]}, r"^skala 'S' minimum: "),
        ({"nama": "S", "maksimum": False, "tingkat": [{"kode": "a"}]}, r"^skala 'S' maksimum: "),
        # the checks of the scale itself
        ({"nama": "S", "tingkat": []}, r"^skala 'S': tidak ada tingkat$"),
        (
            {"nama": "S", "tingkat": [{"kode": "a", "batas_bawah": 1}]},
            "tingkat terendah 'a' tidak boleh memiliki batas bawah",
        ),
        (
            {"nama": "S", "tingkat": [{"kode": "a"}, {"kode": "b"}]},
            r"^skala 'S': tingkat 'a' tanpa batas bawah$",
        ),
        (
            {
                "nama": "S",
                "tingkat": [
                    {"kode": "a", "batas_bawah": 40},
                    {"kode": "b", "batas_bawah": 70.5},
                    {"kode": "c"},
                ],
            },
            r"batas bawah harus turun .*\(40, 70,5\)",
        ),
        (
            {
                "nama": "S",
                "tingkat": [{"kode": "a", "batas_bawah": 1}, {"kode": "a", "nama": "Lain"}],
            },
            "kode tingkat kembar",
        ),
        (
            {"nama": "S", "minimum": 4.0, "maksimum": 1, "tingkat": [{"kode": "a"}]},
            "minimum harus lebih kecil dari maksimum",
        ),
    ],
)
def test_dari_data_refuses_bad_configuration(data: dict[str, object], pesan: str) -> None:
    with pytest.raises(KinerjaError, match=pesan):
        SkalaPenilaian.dari_data(data)


# --- properties -------------------------------------------------------------------

SEMUA_SKALA = [
    SKALA_EMPAT_TINGKAT,
    SKALA_PERMENDAGRI_86_2017,
    SKALA_PREDIKAT_AKIP,
    MUTU_IKM,
    MUTU_UNSUR,
]


@given(st.sampled_from(SEMUA_SKALA), st.data())
def test_every_scale_is_monotone_a_higher_value_never_gets_a_lower_level(
    skala: SkalaPenilaian, data: st.DataObject
) -> None:
    nilai = st.decimals(
        min_value=skala.minimum if skala.minimum is not None else -1000,
        max_value=skala.maksimum if skala.maksimum is not None else 1000,
        places=4,
    )
    a, b = sorted((data.draw(nilai), data.draw(nilai)))
    urutan = list(skala.tingkat)
    tingkat_a, tingkat_b = skala.kategori(a), skala.kategori(b)
    assert tingkat_a is not None and tingkat_b is not None
    # levels run from the highest (index 0) down
    assert urutan.index(tingkat_a) >= urutan.index(tingkat_b)


@given(st.sampled_from(SEMUA_SKALA), st.data())
def test_every_value_gets_the_highest_level_whose_bound_it_reaches(
    skala: SkalaPenilaian, data: st.DataObject
) -> None:
    nilai = data.draw(
        st.decimals(
            min_value=skala.minimum if skala.minimum is not None else -1000,
            max_value=skala.maksimum if skala.maksimum is not None else 1000,
            places=4,
        )
    )
    tingkat = skala.kategori(nilai)
    assert tingkat is not None
    dicapai = [
        t
        for t in skala.tingkat
        if t.batas_bawah is None
        or nilai > t.batas_bawah
        or (skala.batas_bawah_inklusif and nilai == t.batas_bawah)
    ]
    assert tingkat == dicapai[0]
