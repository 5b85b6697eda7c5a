"""Checks on stored data (sakip.kinerja.periksa.data), with the seeds' own cases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja.anggaran import PosAnggaran
from sakip.kinerja.periksa.daftar import ATURAN_DATA
from sakip.kinerja.periksa.data import (
    DataAnggaran,
    DataIndikator,
    DataUnit,
    RevisiPK,
    label_periode,
    periksa_data,
)
from sakip.kinerja.periksa.temuan import Tingkat
from sakip.kinerja.predikat import Predikat

D = Decimal
SEMUA_TW = ("TW1", "TW2", "TW3", "TW4")


def unit(**kw: object) -> DataUnit:
    return DataUnit(unit="setda-contoh", tahun=2023, **kw)  # type: ignore[arg-type]


def ind(**kw: object) -> DataIndikator:
    dasar: dict[str, object] = {"kode": "IKU-01", "nama": "Nilai SAKIP", "target": "80"}
    dasar.update(kw)
    return DataIndikator(**dasar)  # type: ignore[arg-type]


def kode(temuan: list) -> list[str]:  # type: ignore[type-arg]
    return [t.kode for t in temuan]


def test_every_code_is_registered_with_a_title() -> None:
    assert [a.kode for a in ATURAN_DATA] == [
        "REALISASI_KOSONG",
        "NARASI_KOSONG",
        "CAPAIAN_TANPA_PENJELASAN",
        "ANGGARAN_MELEBIHI_PAGU",
        "TARGET_TIDAK_DIREVISI",
        "JUMLAH_ANGGARAN",
        "KUALITATIF_TAK_SEBANDING",
        "REALISASI_TURUNAN_DIKETIK",
    ]
    assert all(a.judul for a in ATURAN_DATA)


def test_empty_unit_has_no_finding() -> None:
    assert periksa_data(unit()) == []


# --- REALISASI_KOSONG --------------------------------------------------------------


def test_missing_realisasi_of_a_due_tw() -> None:
    data = unit(
        periode_jatuh_tempo=("TW1", "TW2"),
        indikator=(ind(realisasi_periode={"TW1": "20"}, satuan="Nilai"),),
    )
    hasil = periksa_data(data, ["REALISASI_KOSONG"])
    assert len(hasil) == 1
    t = hasil[0]
    assert t.tingkat is Tingkat.PERINGATAN
    assert t.lokasi.kolom == "TW II"
    assert t.lokasi.uraian == "IKU-01 Nilai SAKIP"
    assert "Realisasi TW II 2023 indikator “Nilai SAKIP” belum diisi" in t.pesan
    assert "(target 2023: 80 Nilai)" in t.pesan


def test_no_finding_for_periods_not_due_a_year_value_or_no_target() -> None:
    data = unit(
        periode_jatuh_tempo=("TW1",),
        indikator=(
            ind(kode="A", realisasi_periode={"TW1": "20"}),
            ind(kode="B", realisasi_periode={"TAHUN": "80"}),
            ind(kode="C", target=None),
            ind(kode="D", target="-"),
            ind(kode="E", turunan=True),
        ),
    )
    assert periksa_data(data, ["REALISASI_KOSONG"]) == []


def test_indicator_with_period_targets_is_due_only_for_those() -> None:
    data = unit(
        periode_jatuh_tempo=(*SEMUA_TW, "S1", "S2"),
        indikator=(ind(periode_target=("S1", "S2"), realisasi_periode={"S1": "3,4"}),),
    )
    hasil = periksa_data(data, ["REALISASI_KOSONG"])
    assert [t.lokasi.kolom for t in hasil] == ["Semester II"]


def test_nothing_typed_is_one_finding_per_indicator() -> None:
    data = unit(periode_jatuh_tempo=SEMUA_TW, indikator=(ind(),))
    [t] = periksa_data(data)
    assert t.lokasi.kolom == "TW IV"
    assert "belum diisi sama sekali, padahal TW I s.d. TW IV sudah jatuh tempo" in t.pesan


def test_blank_realisasi_counts_as_missing() -> None:
    data = unit(periode_jatuh_tempo=("TW1",), indikator=(ind(realisasi_periode={"TW1": " "}),))
    assert kode(periksa_data(data)) == ["REALISASI_KOSONG"]


# --- NARASI_KOSONG -------------------------------------------------------------------


def test_narrative_missing_once_realisasi_exists() -> None:
    data = unit(
        indikator=(
            ind(kode="A", perlu_narasi=True, realisasi=D("86.69"), satuan="Persen"),
            ind(kode="B", perlu_narasi=True, realisasi=D(1), ada_narasi=True),
            ind(kode="C", perlu_narasi=True, realisasi=None),
            ind(kode="D", perlu_narasi=False, realisasi=D(1)),
        )
    )
    hasil = periksa_data(data, ["NARASI_KOSONG"])
    assert [t.lokasi.uraian for t in hasil] == ["A Nilai SAKIP"]
    assert "(86,69 Persen)" in hasil[0].pesan
    assert "faktor pendorong, faktor penghambat, permasalahan dan solusi" in hasil[0].pesan


def test_narrative_message_names_a_predikat_realisasi() -> None:
    data = unit(indikator=(ind(target="BB", perlu_narasi=True, realisasi=Predikat.BB),))
    assert "(BB)" in periksa_data(data, ["NARASI_KOSONG"])[0].pesan


# --- CAPAIAN_TANPA_PENJELASAN ----------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "temuan"),
    [
        ("150", False),
        ("150.01", True),
        ("50", False),
        ("49.99", True),
        ("100", False),
        ("483.33", True),
    ],
)
def test_capaian_band_boundaries(nilai: str, temuan: bool) -> None:
    data = unit(indikator=(ind(capaian=D(nilai), realisasi=D(1)),))
    assert bool(periksa_data(data, ["CAPAIAN_TANPA_PENJELASAN"])) is temuan


def test_capaian_outlier_message_seed_002() -> None:
    # Seed 002 Tabel 3.9: 6 Unit target, 29 Unit realisasi → 483,33 %.
    data = unit(
        indikator=(
            ind(
                nama="Jumlah kendaraan dinas operasional yang dipelihara",
                target="6",
                satuan="Unit",
                realisasi=D(29),
                capaian=D("483.33"),
            ),
        )
    )
    [t] = periksa_data(data)
    assert t.kode == "CAPAIAN_TANPA_PENJELASAN"
    assert "483,33% (di atas 150%; target 6, realisasi 29 Unit)" in t.pesan
    assert t.tercetak == "483,33"
    low = unit(indikator=(ind(capaian=D(0)),))
    assert "di bawah 50%; target 80, realisasi -)" in periksa_data(low)[0].pesan


def test_explained_outlier_and_no_capaian_are_not_findings() -> None:
    data = unit(
        indikator=(
            ind(capaian=D("483.33"), penjelasan="Target tidak diubah pada APBD-P"),
            ind(kode="B", capaian=None),
        )
    )
    assert periksa_data(data, ["CAPAIAN_TANPA_PENJELASAN"]) == []


@given(st.decimals(min_value=50, max_value=150, places=2))
def test_inside_the_band_is_never_a_finding(nilai: Decimal) -> None:
    data = unit(indikator=(ind(capaian=nilai),))
    assert periksa_data(data, ["CAPAIAN_TANPA_PENJELASAN"]) == []


# --- ANGGARAN_MELEBIHI_PAGU --------------------------------------------------------


def test_realisasi_above_pagu_seed_000() -> None:
    data = unit(
        anggaran=(
            DataAnggaran(
                "4.01.01.2.08.0005",
                "Fasilitasi Kunjungan Tamu",
                pagu=D(1702086000),
                realisasi=D(2146259800),
            ),
            DataAnggaran("X", "Sama dengan pagu", pagu=D(100), realisasi=D(100)),
            DataAnggaran("Y", "Tanpa realisasi", pagu=D(100)),
        )
    )
    [t] = periksa_data(data)
    assert t.kode == "ANGGARAN_MELEBIHI_PAGU"
    assert t.tingkat is Tingkat.GALAT
    assert "Rp 2.146.259.800 melebihi pagunya Rp 1.702.086.000" in t.pesan
    assert "(lebih Rp 444.173.800)" in t.pesan
    assert t.seharusnya == "≤ Rp 1.702.086.000"
    assert t.lokasi.uraian == "4.01.01.2.08.0005 Fasilitasi Kunjungan Tamu"


# --- TARGET_TIDAK_DIREVISI -----------------------------------------------------------


def test_pk_revision_budget_changed_target_not() -> None:
    data = unit(
        indikator=(
            ind(kode="IKP-1", nama="Persentase layanan", kode_anggaran=("4.01.01",)),
            ind(kode="IKP-2", nama="Ikut berubah", kode_anggaran=("4.01.02",)),
            ind(kode="IKP-3", nama="Anggaran tetap", kode_anggaran=("4.01.03",)),
        ),
        revisi_pk=(
            RevisiPK(
                2,
                target={"IKP-1": "100,00", "IKP-2": "90", "IKP-3": "5"},
                anggaran={"4.01.01": D(150), "4.01.02": D(300), "4.01.03": D(7)},
            ),
            RevisiPK(
                1,
                target={"IKP-1": "100", "IKP-2": "80", "IKP-3": "5"},
                anggaran={"4.01.01": D(100), "4.01.02": D(200), "4.01.03": D(7)},
            ),
        ),
    )
    [t] = periksa_data(data)
    assert t.kode == "TARGET_TIDAK_DIREVISI"
    assert t.lokasi.tabel == "Perjanjian Kinerja revisi 2"
    assert "tetap 100,00 pada PK revisi 2" in t.pesan
    assert "(4.01.01) berubah dari Rp 100 menjadi Rp 150" in t.pesan


def test_pk_revision_skips_indicators_or_budgets_missing_in_one_revision() -> None:
    data = unit(
        indikator=(
            ind(kode="A", kode_anggaran=("P",)),
            ind(kode="B", kode_anggaran=("Q",)),
            ind(kode="C", target="BB", kode_anggaran=("P",)),
        ),
        revisi_pk=(
            RevisiPK(1, target={"A": "1", "B": "1", "C": "x y z"}, anggaran={"P": D(1)}),
            RevisiPK(2, target={"B": "1", "C": "x y z"}, anggaran={"P": D(2), "Q": D(1)}),
        ),
    )
    assert periksa_data(data, ["TARGET_TIDAK_DIREVISI"]) == []


def test_apbd_p_budget_changed_and_capaian_outlier_seed_002() -> None:
    sub = DataAnggaran(
        "4.01.01.2.09.0002",
        "Penyediaan Jasa Pemeliharaan Kendaraan Dinas Operasional",
        pagu=D(900),
        pagu_murni=D(300),
    )
    data = unit(
        anggaran=(sub,),
        indikator=(
            ind(
                target="6",
                satuan="Unit",
                realisasi=D(29),
                capaian=D("483.33"),
                penjelasan="tambahan pemeliharaan",
                kode_anggaran=(sub.kode,),
            ),
            ind(kode="B", capaian=D(100), kode_anggaran=(sub.kode,)),
            ind(kode="C", capaian=D(200), penjelasan="x", kode_anggaran=("lain",)),
        ),
    )
    [t] = periksa_data(data)
    assert t.kode == "TARGET_TIDAK_DIREVISI"
    assert "483,33% (target 6, realisasi 29 Unit)" in t.pesan
    assert "dari Rp 300 menjadi Rp 900" in t.pesan


def test_explanation_saying_the_target_was_not_revised_seed_002() -> None:
    # Seed 002 Tabel 3.9: 6 Unit → 29 Unit, 483,33 %, "pada perubahan tidak mengubah
    # target kinerja". The explanation satisfies CAPAIAN_TANPA_PENJELASAN, not this rule.
    alasan = "Pada perubahan tidak mengubah target kinerja"
    data = unit(
        indikator=(
            ind(
                kode="SUB-1",
                nama="Jumlah Kendaraan Dinas yang Dipelihara",
                target="6",
                satuan="Unit",
                realisasi=D(29),
                capaian=D("483.33"),
                penjelasan=alasan,
            ),
            # explained otherwise, or within 50–150 %: nothing to say
            ind(kode="SUB-2", target="10", realisasi=D(20), capaian=D(200), penjelasan="lain"),
            ind(kode="SUB-3", target="10", realisasi=D(10), capaian=D(100), penjelasan=alasan),
        ),
    )
    [t] = periksa_data(data)
    assert t.kode == "TARGET_TIDAK_DIREVISI"
    assert t.tingkat is Tingkat.PERINGATAN
    assert "483,33% (target 6, realisasi 29 Unit)" in t.pesan
    assert f"(“{alasan}”)" in t.pesan
    assert "sesuaikan targetnya dalam PK perubahan" in t.pesan
    assert (t.lokasi.tabel, t.lokasi.kolom) == ("Realisasi kinerja", "Target")
    assert t.lokasi.uraian == "SUB-1 Jumlah Kendaraan Dinas yang Dipelihara"


def test_an_indicator_is_named_once_whatever_traces_it_leaves() -> None:
    alasan = "target belum direvisi"
    subs = tuple(
        DataAnggaran(k, k, pagu=D(900), pagu_murni=D(300)) for k in ("4.01.01.1", "4.01.01.2")
    )
    data = unit(
        anggaran=subs,
        indikator=(
            # two changed budget lines and an explanation: one finding, the budget one
            ind(
                kode="A",
                capaian=D(300),
                penjelasan=alasan,
                kode_anggaran=tuple(a.kode for a in subs),
            ),
            # named by the PK revision already: its APBD-P change and explanation add nothing
            ind(kode="B", capaian=D(300), penjelasan=alasan, kode_anggaran=("P", "4.01.01.1")),
        ),
        revisi_pk=(
            RevisiPK(1, target={"B": "5"}, anggaran={"P": D(1)}),
            RevisiPK(2, target={"B": "5"}, anggaran={"P": D(2)}),
        ),
    )
    temuan = periksa_data(data, ["TARGET_TIDAK_DIREVISI"])
    assert [(t.lokasi.uraian.split()[0], t.lokasi.tabel) for t in temuan] == [
        ("B", "Perjanjian Kinerja revisi 2"),
        ("A", "Realisasi kinerja"),
    ]
    assert "4.01.01.1 berubah" in temuan[1].pesan


# --- JUMLAH_ANGGARAN ---------------------------------------------------------------


def test_jenis_belanja_parent_against_its_children_seed_002() -> None:
    # Seed 002 Tabel 3.10: 5.1 Belanja Operasi pagu 115.000 over 5.1.01 + 5.1.02.
    data = unit(
        jenis_belanja=(
            PosAnggaran("5.1", "Belanja Operasi", D(115), D(100)),
            PosAnggaran("5.1.01", "Belanja Pegawai", D(60), D(50)),
            PosAnggaran("5.1.02", "Belanja Barang dan Jasa", D(50), D(50)),
            PosAnggaran("5.2", "Belanja Modal", D(10), D(9)),
        )
    )
    [t] = periksa_data(data)
    assert t.kode == "JUMLAH_ANGGARAN"
    assert t.lokasi.kolom == "Pagu"
    assert t.pesan.startswith("Pagu 5.1 Belanja Operasi 2023 tersimpan Rp 115, seharusnya Rp 110")
    assert t.seharusnya == "Rp 110"


def test_jenis_belanja_total_against_budget_lines() -> None:
    data = unit(
        jenis_belanja=(
            PosAnggaran("5.1", "Belanja Operasi", D(100), D(90)),
            PosAnggaran("5.2", "Belanja Modal", D(20), D(10)),
        ),
        anggaran=(
            DataAnggaran("a", "A", pagu=D(70), realisasi=D(60)),
            DataAnggaran("b", "B", pagu=D(50), realisasi=D(41)),
        ),
    )
    [t] = periksa_data(data)
    assert t.lokasi.kolom == "Realisasi"
    assert "tersimpan Rp 100, seharusnya Rp 101" in t.pesan
    assert "(selisih Rp 1)" in t.pesan.replace("; selisih", " (selisih")


def test_sums_that_add_up_are_not_findings() -> None:
    data = unit(
        jenis_belanja=(
            PosAnggaran("5.1", "Belanja Operasi", D(100), None),
            PosAnggaran("5.1.01", "Belanja Pegawai", D(100), D(5)),
        ),
        anggaran=(DataAnggaran("a", "A", pagu=D(100), realisasi=D(5)),),
    )
    assert periksa_data(data) == []
    assert periksa_data(unit(anggaran=data.anggaran)) == []


# --- KUALITATIF_TAK_SEBANDING ---------------------------------------------------------


def test_predikat_target_with_a_numeric_realisasi_and_the_reverse() -> None:
    data = unit(
        indikator=(
            ind(kode="A", target="BB", realisasi_periode={"TAHUN": "81,80"}),
            ind(kode="B", target="80", realisasi_periode={"TW4": "A"}),
            ind(kode="C", target="BB", realisasi_periode={"TAHUN": "A"}),
            ind(kode="D", target="80", realisasi_periode={"TAHUN": "81", "TW1": "-"}),
            ind(kode="E", target=None, realisasi_periode={"TAHUN": "A"}),
            ind(kode="F", target="80", realisasi_periode={"TAHUN": "tidak terbaca !"}),
        )
    )
    hasil = periksa_data(data)
    assert kode(hasil) == ["KUALITATIF_TAK_SEBANDING"] * 2
    a, b = hasil
    assert "tercatat 81,80, padahal targetnya BB" in a.pesan
    assert "predikat (AA, A, BB, B, CC, C atau D)" in a.pesan
    assert b.lokasi.kolom == "TW IV"
    assert b.seharusnya == "angka"


# --- REALISASI_TURUNAN_DIKETIK --------------------------------------------------------


def test_derived_realisasi_also_typed() -> None:
    data = unit(
        indikator=(
            ind(
                nama="Persentase PD dengan predikat SAKIP minimal BB",
                turunan=True,
                realisasi_turunan=D("81.08"),
                realisasi_periode={"TAHUN": "80"},
            ),
            ind(kode="B", turunan=True, realisasi_turunan=None, realisasi_periode={"TAHUN": "1"}),
            ind(kode="C", turunan=True, realisasi_turunan=D(1), realisasi_periode={"TW1": ""}),
            ind(kode="D", turunan=False, realisasi_periode={"TAHUN": "1"}),
        )
    )
    [t] = periksa_data(data)
    assert t.kode == "REALISASI_TURUNAN_DIKETIK"
    assert "diketik 80, padahal realisasinya diturunkan otomatis (81,08)" in t.pesan
    assert t.tercetak == "80" and t.seharusnya == "81,08"


def test_label_periode_passes_unknown_through() -> None:
    assert label_periode("TW3") == "TW III"
    assert label_periode("X") == "X"


def test_findings_have_stable_fingerprints_across_values() -> None:
    a = periksa_data(unit(indikator=(ind(capaian=D(200), realisasi=D(1)),)))[0]
    b = periksa_data(unit(indikator=(ind(capaian=D(300), realisasi=D(2)),)))[0]
    assert a.sidik == b.sidik and a.pesan != b.pesan
