"""Inferring a table's hierarchy from labels and sums."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.kinerja.angka import format_angka
from sakip.kinerja.periksa.dokumen import Dokumen, Tabel
from sakip.kinerja.periksa.lkjip import periksa_dokumen
from sakip.kinerja.periksa.struktur import (
    kolom_uang,
    kunci_tingkat,
    label_baris,
    nomor_baris,
    pecah_berurutan,
    pohon_uang,
    sama_jumlah,
    sama_rata,
)


def _d(*n: str) -> list[Decimal]:
    return [Decimal(x) for x in n]


def test_label_nomor_kunci() -> None:
    t = Tabel(
        "T", "", ["No", "Uraian", "Pagu"], [["1.1", "Program A", "1.000.000"], ["(2)", "", "5"]]
    )
    assert label_baris(t, 0) == "Program A"
    assert nomor_baris(t, 0) == "1.1" and nomor_baris(t, 1) == "2"
    assert label_baris(t, 1) == ""
    assert kunci_tingkat("BIRO UMUM") == "BIRO"
    assert kunci_tingkat("Sasaran 1 : Meningkatnya") == "sasaran"
    assert kunci_tingkat("Kegiatan biasa") is None


def test_pecah_berurutan() -> None:
    assert pecah_berurutan(_d("10", "6", "4", "5", "5"), sama_jumlah) == [[(0, [1, 2]), (3, [4])]]
    assert pecah_berurutan(_d("10", "6", "3"), sama_jumlah) == []
    assert pecah_berurutan(_d("83.33", "83.33", "83.33"), sama_rata) == [[(0, [1, 2])]]


def test_pohon_uang_bentuk_asing() -> None:
    t = Tabel("T", "", ["Uraian", "Pagu"], [["Kegiatan", "1.000.000"], ["BIRO", "1.000.000"]])
    assert pohon_uang(t, 1) is None  # detail rows before any level
    t = Tabel("T", "", ["Uraian", "Pagu"], [["x", "1"]])
    assert pohon_uang(t, 1) is None and kolom_uang(t) == []
    t = Tabel(
        "T",
        "",
        ["Uraian", "Pagu"],
        [["BIRO A", "3.000.000"], ["x", "1.000.000"], ["PROGRAM", "2.000.000"], ["y", "2.000.000"]],
    )
    assert pohon_uang(t, 1) is None  # detail rows between two levels


def _rp(n: int) -> str:
    return format_angka(Decimal(n), 0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(st.integers(1, 10**9), min_size=1, max_size=4), min_size=1, max_size=3),
        min_size=2,
        max_size=4,
    )
)
def test_hierarki_benar_tanpa_temuan(biro: list[list[list[int]]]) -> None:
    """A generated hierarchy that adds up (Biro → PROGRAM → kegiatan → sub) never yields ANAK_INDUK."""
    baris: list[list[str]] = []
    for i, program in enumerate(biro):
        total = sum(sum(k) for k in program)
        baris.append([f"BIRO {chr(65 + i)}", _rp(total), _rp(total)])
        baris.append([f"PROGRAM {chr(65 + i)}", _rp(total), _rp(total)])
        for j, kegiatan in enumerate(program):
            baris.append([f"Kegiatan {i}.{j}", _rp(sum(kegiatan)), _rp(sum(kegiatan))])
            baris.extend([f"Sub {i}.{j}.{k}", _rp(n), _rp(n)] for k, n in enumerate(kegiatan))
    tabel = Tabel("Tabel 3.19", "x", ["Uraian", "Pagu", "Realisasi"], baris)
    assert periksa_dokumen(Dokumen(2024, [tabel], []), ["ANAK_INDUK"]) == []
