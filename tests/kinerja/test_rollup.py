"""Roll-ups of capaian and serapan (sakip.kinerja.rollup; DOMAIN.md §3, §6)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.rollup import (
    Anak,
    HasilRollup,
    MetodeRollup,
    MetodeSerapan,
    NodeKinerja,
    rollup_capaian,
    rollup_pohon,
    serapan_gabungan,
)

TERTIMBANG = MetodeRollup.TERTIMBANG_PAGU


def _anak(*capaian: str | None) -> list[Anak]:
    return [Anak(None if c is None else D(c)) for c in capaian]


# --- rollup_capaian: mean of children ------------------------------------------------


def test_mean_is_the_default_method() -> None:
    anak = [Anak(D(80), D(100)), Anak(D(100), D(300))]
    assert rollup_capaian(anak) == D("90.00")  # not the pagu-weighted 95
    assert rollup_capaian(anak, MetodeRollup.RATA_RATA) == D("90.00")


@pytest.mark.parametrize(
    ("capaian", "hasil"),
    [
        (("124.47", "200", "102"), "142.16"),  # seed 002 Lampiran: 426,47 / 3 = 142,1566…
        (("100", "142.16", "100", "83.33"), "106.37"),  # seed 002: 425,49 / 4 = 106,3725
        (("0", "100", "100", "100"), "75.00"),  # a child with realisasi 0 counts as 0
        ((None, "80", "100"), "90.00"),  # a child without data is left out: 180 / 2
        (("0", None), "0.00"),
        (("1", "2", "2"), "1.67"),
    ],
)
def test_mean_of_children(capaian: tuple[str | None, ...], hasil: str) -> None:
    assert rollup_capaian(_anak(*capaian)) == D(hasil)


def test_mean_without_any_child_with_data_is_none() -> None:
    assert rollup_capaian([]) is None
    assert rollup_capaian(_anak(None, None)) is None


# --- rollup_capaian: weighted by pagu ------------------------------------------------


def test_weighted_by_pagu() -> None:
    anak = [Anak(D(80), D(100)), Anak(D(100), D(300))]
    assert rollup_capaian(anak, TERTIMBANG) == D("95.00")  # (8.000 + 30.000) / 400


def test_weighted_leaves_out_children_without_capaian_even_with_a_pagu() -> None:
    anak = [Anak(D(80), D(100)), Anak(None, D(1000)), Anak(D(100), D(300)), Anak(None)]
    assert rollup_capaian(anak, TERTIMBANG) == D("95.00")


def test_weighted_counts_a_capaian_of_zero_and_a_pagu_of_zero() -> None:
    assert rollup_capaian([Anak(D(100), D(1)), Anak(D(0), D(2))], TERTIMBANG) == D("33.33")
    assert rollup_capaian([Anak(D(50), D(0)), Anak(D(100), D(100))], TERTIMBANG) == D(100)


def test_weighted_rounds_half_up() -> None:
    # (100,01 × 1 + 100 × 1) / 2 = 100,005 → 100,01
    assert rollup_capaian([Anak(D("100.01"), D(1)), Anak(D(100), D(1))], TERTIMBANG) == D("100.01")


def test_weighted_without_any_child_with_data_is_none() -> None:
    assert rollup_capaian([], TERTIMBANG) is None
    assert rollup_capaian([Anak(None, D(100)), Anak(None)], TERTIMBANG) is None


def test_weighted_needs_the_pagu_of_every_child_with_a_capaian() -> None:
    anak = [Anak(D(80), D(100)), Anak(D(90)), Anak(None), Anak(D(70))]
    with pytest.raises(
        KinerjaError, match=r"^rata-rata tertimbang pagu: anak ke-2, 4 tidak memiliki pagu$"
    ):
        rollup_capaian(anak, TERTIMBANG)


def test_weighted_needs_a_total_pagu_above_zero() -> None:
    with pytest.raises(
        KinerjaError, match=r"^rata-rata tertimbang pagu: jumlah pagu anak-anaknya 0$"
    ):
        rollup_capaian([Anak(D(80), D(0)), Anak(D(90), D(0))], TERTIMBANG)


def test_weighted_refuses_floats() -> None:
    with pytest.raises(KinerjaError, match=r"^pagu: 100\.0 adalah float"):
        rollup_capaian([Anak(D(80), 100.0)], TERTIMBANG)  # type: ignore[arg-type]


# --- rollup_pohon -----------------------------------------------------------------


def _daun(nama: str, capaian: str | None, pagu: int | None = None) -> NodeKinerja:
    return NodeKinerja(
        nama, None if capaian is None else D(capaian), None if pagu is None else D(pagu)
    )


# seed 002 Lampiran shape: program → Bagian → kegiatan → sub kegiatan
POHON = NodeKinerja(
    "Program",
    anak=(
        NodeKinerja(
            "Bagian A",
            anak=(
                NodeKinerja(
                    "Kegiatan 1",
                    anak=(
                        _daun("Sub 1", "124.47", 100),
                        _daun("Sub 2", "200", 200),
                        _daun("Sub 3", "102", 300),
                    ),
                ),
                _daun("Kegiatan 2", "100", 400),
            ),
        ),
        NodeKinerja(
            "Bagian B", anak=(_daun("Kegiatan 3", "83.33", 500), _daun("Kegiatan 4", None))
        ),
    ),
)


def test_rollup_pohon_means_level_by_level() -> None:
    hasil = rollup_pohon(POHON)
    bagian_a, bagian_b = hasil.anak
    kegiatan_1, kegiatan_2 = bagian_a.anak
    assert kegiatan_1.capaian == D("142.16")  # (124,47 + 200 + 102) / 3 = 142,1566…
    assert bagian_a.capaian == D("121.08")  # (142,16 + 100) / 2
    assert bagian_b.capaian == D("83.33")  # Kegiatan 4 has no data: left out
    assert hasil.capaian == D("102.21")  # (121,08 + 83,33) / 2 = 102,205 → half-up
    assert kegiatan_2 == HasilRollup("Kegiatan 2", D(100), D(400))


def test_rollup_pohon_sums_the_pagu() -> None:
    hasil = rollup_pohon(POHON)
    bagian_a, bagian_b = hasil.anak
    assert bagian_a.anak[0].pagu == D(600)  # 100 + 200 + 300
    assert bagian_a.pagu == D(1000)  # 600 + 400
    assert bagian_b.pagu == D(500)  # Kegiatan 4 has no pagu
    assert hasil.pagu == D(1500)


def test_rollup_pohon_keeps_the_shape_and_names() -> None:
    hasil = rollup_pohon(POHON)
    assert hasil.nama == "Program"
    assert [a.nama for a in hasil.anak] == ["Bagian A", "Bagian B"]
    assert [a.nama for a in hasil.anak[0].anak[0].anak] == ["Sub 1", "Sub 2", "Sub 3"]
    assert hasil.anak[0].anak[0].anak[0] == HasilRollup("Sub 1", D("124.47"), D(100))


def test_rollup_pohon_uses_each_levels_rounded_value() -> None:
    # Sub 1, 2, 2 → 1,67 (not 1,666…); parent (1,67 + 1) / 2 = 1,335 → 1,34.
    # From the unrounded 1,666… the parent would be 1,333… → 1,33.
    pohon = NodeKinerja(
        "P",
        anak=(
            NodeKinerja("K", anak=(_daun("a", "1"), _daun("b", "2"), _daun("c", "2"))),
            _daun("L", "1"),
        ),
    )
    hasil = rollup_pohon(pohon)
    assert hasil.anak[0].capaian == D("1.67")
    assert hasil.capaian == D("1.34")


def test_rollup_pohon_weighted_by_pagu() -> None:
    pohon = NodeKinerja(
        "P",
        anak=(
            NodeKinerja("K1", anak=(_daun("a", "80", 100), _daun("b", "100", 300))),
            _daun("K2", "50", 100),
        ),
    )
    tertimbang = rollup_pohon(pohon, TERTIMBANG)
    assert tertimbang.anak[0].capaian == D("95.00")  # (80 × 100 + 100 × 300) / 400
    assert tertimbang.anak[0].pagu == D(400)
    assert tertimbang.capaian == D("86.00")  # (95 × 400 + 50 × 100) / 500
    rata = rollup_pohon(pohon)
    assert rata.anak[0].capaian == D("90.00")
    assert rata.capaian == D("70.00")  # (90 + 50) / 2


def test_rollup_pohon_weighted_reports_a_missing_pagu() -> None:
    pohon = NodeKinerja("P", anak=(_daun("a", "80", 100), _daun("b", "90")))
    with pytest.raises(KinerjaError, match=r"anak ke-2 tidak memiliki pagu"):
        rollup_pohon(pohon, TERTIMBANG)


def test_rollup_pohon_recomputes_a_parents_capaian_from_its_children() -> None:
    pohon = NodeKinerja("P", capaian=D(1), pagu=D(1), anak=(_daun("a", "80", 10),))
    assert rollup_pohon(pohon) == HasilRollup(
        "P", D("80.00"), D(10), (HasilRollup("a", D(80), D(10)),)
    )


def test_rollup_pohon_of_a_leaf_and_of_children_without_data() -> None:
    assert rollup_pohon(_daun("a", None)) == HasilRollup("a", None, None)
    kosong = rollup_pohon(NodeKinerja("P", anak=(_daun("a", None), _daun("b", None))))
    assert (kosong.capaian, kosong.pagu) == (None, None)


# --- serapan_gabungan -------------------------------------------------------------

POS = [(D(100), D(90)), (D(300), D(300)), (D(600), D(450))]  # (pagu, realisasi)


def test_serapan_gabungan_is_the_total_ratio_by_default() -> None:
    assert serapan_gabungan(POS) == D("84.00")  # 840 / 1.000
    assert serapan_gabungan(POS, MetodeSerapan.RASIO_TOTAL) == D("84.00")
    # seed 000 Tabel 2.5, Sasaran 1: 192.687.497.546 / 202.978.570.206 = 0,949299…
    assert serapan_gabungan([(D(202978570206), D(192687497546))]) == D("94.93")


def test_serapan_gabungan_as_the_mean_of_percentages() -> None:
    # 90 %, 100 %, 75 % → 265 / 3 = 88,333…
    assert serapan_gabungan(POS, MetodeSerapan.RATA_RATA_PERSEN) == D("88.33")


def test_serapan_gabungan_with_a_line_of_pagu_zero() -> None:
    pos = [*POS, (D(0), D(0))]
    assert serapan_gabungan(pos) == D("84.00")  # adds nothing to either sum
    assert serapan_gabungan(pos, MetodeSerapan.RATA_RATA_PERSEN) == D("88.33")  # no percentage


def test_serapan_gabungan_without_lines_is_none() -> None:
    assert serapan_gabungan([]) is None
    assert serapan_gabungan([], MetodeSerapan.RATA_RATA_PERSEN) is None
    assert serapan_gabungan([(D(0), D(0))]) is None


# --- properties -------------------------------------------------------------------

CAPAIAN = st.one_of(st.none(), st.decimals(min_value=-500, max_value=1000, places=2))


@given(
    st.lists(st.tuples(CAPAIAN, st.decimals(min_value=1, max_value=10**9, places=2)), max_size=10)
)
def test_every_rollup_lies_between_its_smallest_and_largest_child(
    anak: list[tuple[D | None, D]],
) -> None:
    ada = [c for c, _ in anak if c is not None]
    for metode in MetodeRollup:
        hasil = rollup_capaian([Anak(c, p) for c, p in anak], metode)
        if not ada:
            assert hasil is None
        else:
            assert hasil is not None
            assert min(ada) <= hasil <= max(ada)


@given(st.lists(st.decimals(min_value=-500, max_value=1000, places=2), min_size=1, max_size=10))
def test_equal_pagu_weighting_is_the_plain_mean(capaian: list[D]) -> None:
    anak = [Anak(c, D(7)) for c in capaian]
    assert rollup_capaian(anak, TERTIMBANG) == rollup_capaian(anak)
