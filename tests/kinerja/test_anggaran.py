"""Budget figures and the totals of the budget tree (sakip.kinerja.anggaran; DOMAIN.md §5)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.anggaran import (
    PosAnggaran,
    TotalAnggaran,
    melebihi_pagu,
    pohon_menurut_kode,
    porsi,
    serapan,
    sisa_anggaran,
    total_anggaran,
    total_semua,
)

# --- serapan, sisa, porsi, melebihi_pagu ---------------------------------------------


@pytest.mark.parametrize(
    ("realisasi", "pagu", "hasil"),
    [
        (D(138760253340), D(145373575253), "95.45"),  # seed 002 Tabel 3.10: 0,954508…
        (D(50), D(200), "25.00"),
        (D(1), D(3), "33.33"),
        (D(2), D(3), "66.67"),
        (D(1261), D(1000), "126.10"),  # above pagu: computed, flagged elsewhere
        (D(0), D(1000), "0.00"),
        (D("999.995"), D(1000), "100.00"),  # 99,9995 rounds half-up
        ("Rp 1.500.000", "Rp 2.000.000", "75.00"),
    ],
)
def test_serapan_is_realisasi_over_pagu(realisasi: object, pagu: object, hasil: str) -> None:
    assert serapan(realisasi, pagu) == D(hasil)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("realisasi", "pagu"), [(D(0), D(0)), (D(5), D(0)), (D(5), None), (None, D(5)), (None, None)]
)
def test_serapan_without_pagu_or_realisasi_is_none(realisasi: D | None, pagu: D | None) -> None:
    assert serapan(realisasi, pagu) is None


@pytest.mark.parametrize(
    ("realisasi", "pagu", "pesan"),
    [
        (D(-1), D(100), r"^realisasi negatif \(-Rp 1\)$"),
        (D(1), D("-100.50"), r"^pagu negatif \(-Rp 100,50\)$"),
    ],
)
def test_negative_money_is_refused(realisasi: D, pagu: D, pesan: str) -> None:
    with pytest.raises(KinerjaError, match=pesan):
        serapan(realisasi, pagu)
    with pytest.raises(KinerjaError, match=pesan):
        sisa_anggaran(pagu, realisasi)
    with pytest.raises(KinerjaError, match=pesan):
        melebihi_pagu(realisasi, pagu)


def test_porsi_refuses_negative_money_naming_it() -> None:
    with pytest.raises(KinerjaError, match=r"^bagian negatif"):
        porsi(D(-1), D(100))
    with pytest.raises(KinerjaError, match=r"^total pagu negatif"):
        porsi(D(1), D(-100))


def test_money_refuses_floats() -> None:
    with pytest.raises(KinerjaError, match=r"^pagu: 100\.0 adalah float"):
        serapan(D(1), 100.0)  # type: ignore[arg-type]


def test_sisa_anggaran_is_exact() -> None:
    assert sisa_anggaran(D(145373575253), D(138760253340)) == D(6613321913)  # seed 002
    assert sisa_anggaran(D("1000.50"), D("0.75")) == D("999.75")
    assert sisa_anggaran(D(1000), D(1000)) == D(0)
    assert sisa_anggaran(D(1000), D(1261)) == D(-261)  # over pagu: a negative sisa


def test_porsi_is_a_categorys_share_of_the_total_pagu() -> None:
    # seed 002 Tabel 3.10: Belanja Operasi 112.273.506.348 / 145.373.575.253 = 0,77231…
    assert porsi(D(112273506348), D(145373575253)) == D("77.23")
    assert porsi(D(1), D(8)) == D("12.50")
    assert porsi(D(1), D(0)) is None
    assert porsi(None, D(8)) is None
    assert porsi(D(1), None) is None


@pytest.mark.parametrize(
    ("realisasi", "pagu", "melebihi"),
    [
        (D(1261), D(1000), True),  # seed 000: Fasilitasi Kunjungan Tamu 126,10 %
        (D("1000.01"), D(1000), True),
        (D(1000), D(1000), False),
        (D(999), D(1000), False),
        (D(1), D(0), True),
        (None, D(1000), False),
        (D(1000), None, False),
        (None, None, False),
    ],
)
def test_melebihi_pagu(realisasi: D | None, pagu: D | None, melebihi: bool) -> None:
    assert melebihi_pagu(realisasi, pagu) is melebihi


# --- the budget tree ----------------------------------------------------------------

S1 = PosAnggaran("1.01.01.2.01.0001", "Sub 1", pagu=D(1000000), realisasi=D(950000))
S2 = PosAnggaran("1.01.01.2.01.0002", "Sub 2", pagu=D("250000.50"), realisasi=D(262500))
S3 = PosAnggaran("1.01.01.2.02.0001", "Sub 3", pagu=D(2000000))  # no realisasi yet
S4 = PosAnggaran("1.01.01.2.02.0002", "Sub 4", pagu=D(750000), realisasi=D(700000))
K1 = PosAnggaran("1.01.01.2.01", "Kegiatan 1", rincian=(S1, S2))
K2 = PosAnggaran("1.01.01.2.02", "Kegiatan 2", rincian=(S3, S4))
PROGRAM = PosAnggaran("1.01.01", "Program", rincian=(K1, K2))


def test_a_leaf_keeps_its_own_figures() -> None:
    total = total_anggaran(S1)
    assert total == TotalAnggaran("1.01.01.2.01.0001", "Sub 1", D(1000000), D(950000))
    assert total.rincian == ()
    assert total.serapan == D("95.00")
    assert total.sisa == D(50000)
    assert total.melebihi_pagu is False


def test_totals_add_up_exactly_at_every_level() -> None:
    program = total_anggaran(PROGRAM)
    kegiatan_1, kegiatan_2 = program.rincian
    # Kegiatan 1: 1.000.000 + 250.000,50 | 950.000 + 262.500
    assert (kegiatan_1.pagu, kegiatan_1.realisasi) == (D("1250000.50"), D(1212500))
    # Kegiatan 2: 2.000.000 + 750.000 | (no realisasi) + 700.000
    assert (kegiatan_2.pagu, kegiatan_2.realisasi) == (D(2750000), D(700000))
    # Program: 1.250.000,50 + 2.750.000 | 1.212.500 + 700.000
    assert (program.pagu, program.realisasi) == (D("4000000.50"), D(1912500))
    assert (program.kode, program.nama) == ("1.01.01", "Program")
    assert [r.kode for r in kegiatan_1.rincian] == ["1.01.01.2.01.0001", "1.01.01.2.01.0002"]


def test_serapan_sisa_and_melebihi_pagu_at_every_level() -> None:
    program = total_anggaran(PROGRAM)
    kegiatan_1, kegiatan_2 = program.rincian
    _, sub_2 = kegiatan_1.rincian
    _, sub_4 = kegiatan_2.rincian
    assert program.serapan == D("47.81")  # 1.912.500 / 4.000.000,50 = 0,47812494…
    assert program.sisa == D("2087500.50")
    assert kegiatan_1.serapan == D("97.00")  # 1.212.500 / 1.250.000,50 = 0,96999961…
    assert kegiatan_1.sisa == D("37500.50")
    assert kegiatan_1.melebihi_pagu is False  # although one of its sub kegiatan is over
    assert sub_2.serapan == D("105.00")  # 262.500 / 250.000,50 = 1,04999790…
    assert sub_2.sisa == D("-12499.50")
    assert sub_2.melebihi_pagu is True
    assert kegiatan_2.serapan == D("25.45")  # 700.000 / 2.750.000 = 0,254545…
    assert sub_4.serapan == D("93.33")  # 700.000 / 750.000
    assert program.melebihi_pagu is False


def test_a_leaf_without_realisasi() -> None:
    sub_3 = total_anggaran(PROGRAM).rincian[1].rincian[0]
    assert sub_3.realisasi is None
    assert sub_3.serapan is None  # no data, not 0 %
    assert sub_3.sisa == D(2000000)  # nothing spent: the whole pagu remains
    assert sub_3.melebihi_pagu is False


def test_a_leaf_without_pagu() -> None:
    total = total_anggaran(PosAnggaran("x", "Tanpa pagu", realisasi=D(10)))
    assert total.pagu is None
    assert total.serapan is None
    assert total.sisa is None
    assert total.melebihi_pagu is False


def test_a_parent_whose_children_have_no_realisasi_has_none() -> None:
    induk = total_anggaran(PosAnggaran("k", "K", rincian=(S3, PosAnggaran("s", "S", pagu=D(5)))))
    assert induk.pagu == D(2000005)
    assert induk.realisasi is None
    assert induk.serapan is None
    assert induk.sisa == D(2000005)


def test_a_parents_own_figures_are_replaced_by_the_sum_of_its_children() -> None:
    ditulis = PosAnggaran("k", "K", pagu=D(1), realisasi=D(1), rincian=(S1, S4))
    total = total_anggaran(ditulis)
    assert (total.pagu, total.realisasi) == (D(1750000), D(1650000))


def test_a_negative_leaf_names_its_code() -> None:
    with pytest.raises(KinerjaError, match=r"^pagu 1\.01 negatif \(-Rp 5\)$"):
        total_anggaran(PosAnggaran("1.01", "x", pagu=D(-5)))
    buruk = PosAnggaran("9.99", "y", pagu=D(5), realisasi=D("-0.50"))
    with pytest.raises(KinerjaError, match=r"^realisasi 9\.99 negatif \(-Rp 0,50\)$"):
        total_semua([PROGRAM, buruk])


def test_total_semua_adds_several_trees() -> None:
    lain = PosAnggaran("2.01.01", "Program lain", pagu=D(1000000), realisasi=D(1000000))
    total = total_semua([PROGRAM, lain])
    assert (total.kode, total.nama) == ("", "Jumlah")
    assert total.pagu == D("5000000.50")  # 4.000.000,50 + 1.000.000
    assert total.realisasi == D(2912500)  # 1.912.500 + 1.000.000
    assert [r.kode for r in total.rincian] == ["1.01.01", "2.01.01"]
    assert total.serapan == D("58.25")  # 2.912.500 / 5.000.000,50 = 0,58249994…


def test_total_semua_of_nothing_has_no_figures() -> None:
    total = total_semua([])
    assert (total.pagu, total.realisasi, total.rincian) == (None, None, ())


# --- properties -------------------------------------------------------------------

UANG = st.decimals(min_value=0, max_value=D(10**13), places=2)


@st.composite
def pohon(draw: st.DrawFn, kedalaman: int = 3) -> PosAnggaran:
    if kedalaman == 0 or draw(st.booleans()):
        return PosAnggaran(
            "x", "daun", draw(st.one_of(st.none(), UANG)), draw(st.one_of(st.none(), UANG))
        )
    anak = draw(st.lists(pohon(kedalaman - 1), min_size=1, max_size=4))
    return PosAnggaran("x", "induk", rincian=tuple(anak))


def _daun(pos: PosAnggaran) -> list[PosAnggaran]:
    return [pos] if not pos.rincian else [d for a in pos.rincian for d in _daun(a)]


@given(pohon())
def test_the_root_total_is_the_exact_sum_of_the_leaves(pos: PosAnggaran) -> None:
    total = total_anggaran(pos)
    pagu = [d.pagu for d in _daun(pos) if d.pagu is not None]
    realisasi = [d.realisasi for d in _daun(pos) if d.realisasi is not None]
    assert total.pagu == (sum(pagu, D(0)) if pagu else None)
    assert total.realisasi == (sum(realisasi, D(0)) if realisasi else None)


@given(UANG, UANG)
def test_sisa_plus_realisasi_is_pagu_and_serapan_agrees_with_melebihi_pagu(p: D, r: D) -> None:
    assert sisa_anggaran(p, r) + r == p
    nilai = serapan(r, p)
    if p == 0:
        assert nilai is None
    else:
        assert nilai is not None
        if melebihi_pagu(r, p):
            assert nilai >= D(100)
        else:
            assert nilai <= D(100)


# --- pohon_menurut_kode: seed 002 Tabel 3.10 ------------------------------------

TABEL_3_10 = (
    # printed parent rows carry their printed figures; the tree derives them again
    PosAnggaran("5.2", "Belanja Modal", D("27557209595"), D("26486746992")),
    PosAnggaran("5.1.02", "Belanja Barang dan Jasa", D("66664088813"), D("62980662661")),
    PosAnggaran("5.1", "Belanja Operasi", D("1"), D("1")),
    PosAnggaran("5.1.01", "Belanja Pegawai", D("30834849745"), D("29294726687")),
    PosAnggaran("5.1.05", "Belanja Hibah", D("20317427100"), D("19998117000")),
    PosAnggaran("5.2.02", "Belanja Modal Peralatan dan Mesin", D("27307504595"), D("26237145992")),
    PosAnggaran("5.2.03", "Belanja Modal Gedung dan Bangunan", D("249705000"), D("249601000")),
)


def test_flat_jenis_belanja_rows_nest_by_code_and_parents_are_derived() -> None:
    pohon = pohon_menurut_kode(TABEL_3_10)
    assert [p.kode for p in pohon] == ["5.1", "5.2"]
    assert [a.kode for a in pohon[0].rincian] == ["5.1.01", "5.1.02", "5.1.05"]
    operasi, modal = (total_anggaran(p) for p in pohon)
    assert operasi.pagu == D("117816365658") and operasi.realisasi == D("112273506348")
    assert modal.pagu == D("27557209595") and modal.realisasi == D("26486746992")
    jumlah_ = total_semua(pohon)
    assert jumlah_.pagu == D("145373575253") and jumlah_.realisasi == D("138760253340")
    assert porsi(operasi.realisasi, jumlah_.pagu) == D("77.23")
    assert porsi(D("249601000"), jumlah_.pagu) == D("0.17")


def test_a_row_goes_under_its_nearest_present_ancestor_and_codes_sort_numerically() -> None:
    pohon = pohon_menurut_kode(
        [
            PosAnggaran("5.10", "sepuluh", D(1), D(1)),
            PosAnggaran("5", "belanja"),
            PosAnggaran("5.2.1.7", "cucu tanpa induk langsung", D(2), D(1)),
            PosAnggaran("5.2", "dua", D(9), D(9)),
            PosAnggaran("x.a", "teks", D(1), D(0)),
        ]
    )
    assert [p.kode for p in pohon] == ["5", "x.a"]
    assert [a.kode for a in pohon[0].rincian] == ["5.2", "5.10"]
    assert pohon[0].rincian[0].rincian[0].kode == "5.2.1.7"
    assert total_anggaran(pohon[0]).pagu == D(3)


def test_duplicate_codes_are_refused() -> None:
    with pytest.raises(KinerjaError, match="kode rincian anggaran ganda"):
        pohon_menurut_kode([PosAnggaran("5.1", "a"), PosAnggaran("5.1", "b")])
