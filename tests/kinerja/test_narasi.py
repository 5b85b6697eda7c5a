"""Generated narrative of the LKjIP (sakip.kinerja.narasi), on the seeds' figures."""

import re
from dataclasses import replace
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.kinerja import KinerjaError
from sakip.kinerja.capaian import Polaritas
from sakip.kinerja.narasi import (
    DataAnggaran,
    DataIndikator,
    DataRingkasan,
    DataSasaran,
    kesimpulan,
    narasi_anggaran,
    narasi_ikhtisar,
    narasi_indikator,
    narasi_sasaran,
    terbilang,
)
from sakip.kinerja.predikat import Predikat

# Seed 000 Tabel 3.7-3.9: Indeks Tata Kelola Pengadaan 71 → 86,69 (122,10), 2023: 70,55 (+22,87),
# Renstra 2026: 76 → tingkat kemajuan 114,06.
ITKP = DataIndikator(
    nama="Indeks Tata Kelola Pengadaan Barang dan Jasa", satuan="Indeks", tahun=2024,
    target="71", realisasi=D("86.69"), capaian=D("122.10"), kategori="Sangat Tinggi",
    polaritas=Polaritas.MAKSIMAL, realisasi_lalu=D("70.55"), perubahan=D("22.87"),
    target_akhir="76", tahun_akhir=2026, kemajuan=D("114.06"),
)  # fmt: skip
# Seed 002 Tabel 3.2: a count of audit findings, lower is better, (2T − R) / T.
TEMUAN = DataIndikator(
    nama="Jumlah Temuan Penyimpangan Pengelolaan BMD dan Keuangan", satuan="Temuan", tahun=2023,
    target="2", realisasi=D(1), capaian=D("150.00"), kategori="Berhasil", polaritas="minimal",
    realisasi_lalu=D(3), perubahan=D("-66.67"),
)  # fmt: skip
INFLASI = DataIndikator(
    nama="Tingkat Inflasi", satuan="%", tahun=2024, target="3 ± 1", realisasi=D("4.5"),
    capaian=D("87.50"), kategori="Tinggi", polaritas="stabil", realisasi_lalu=D("5.1"),
    perubahan=D("-11.76"),
)  # fmt: skip


# --- narasi_indikator --------------------------------------------------------------


def test_indikator_seed_000_itkp_whole_paragraph() -> None:
    assert narasi_indikator(ITKP) == (
        "Indikator Indeks Tata Kelola Pengadaan Barang dan Jasa pada Tahun 2024 ditargetkan "
        "sebesar 71 dan terealisasi 86,69, sehingga capaian kinerjanya 122,10% dengan kategori "
        "Sangat Tinggi. Realisasi tersebut melampaui target, sehingga target kinerja tahun ini "
        "tercapai. Dibandingkan realisasi Tahun 2023 sebesar 70,55, realisasi tahun ini naik "
        "22,87%, yang menunjukkan peningkatan kinerja. Dibandingkan target akhir Renstra Tahun "
        "2026 sebesar 76, tingkat kemajuannya mencapai 114,06%, sehingga target akhir periode "
        "Renstra telah tercapai lebih awal."
    )


def test_indikator_percent_and_progress_below_the_end_target() -> None:
    d = DataIndikator(
        nama="Persentase Kerja Sama Daerah yang Difasilitasi", satuan="Persen", tahun=2024,
        target="85", realisasi=D("80.75"), capaian=D("95.00"), kategori="Tinggi",
        polaritas="maksimal", realisasi_lalu=D("95"), perubahan=D("-15.00"),
        target_akhir="90", tahun_akhir=2026, kemajuan=D("89.72"),
    )  # fmt: skip
    assert narasi_indikator(d) == (
        "Indikator Persentase Kerja Sama Daerah yang Difasilitasi pada Tahun 2024 ditargetkan "
        "sebesar 85% dan terealisasi 80,75%, sehingga capaian kinerjanya 95,00% dengan kategori "
        "Tinggi. Realisasi tersebut masih di bawah target, sehingga target kinerja tahun ini belum "
        "tercapai. Dibandingkan realisasi Tahun 2023 sebesar 95%, realisasi tahun ini turun "
        "15,00%, yang menunjukkan penurunan kinerja. Dibandingkan target akhir Renstra Tahun 2026 "
        "sebesar 90%, tingkat kemajuannya mencapai 89,72%, sehingga masih diperlukan upaya untuk "
        "mencapai target akhir periode Renstra pada Tahun 2026."
    )


def test_indikator_the_brief_example_of_progress() -> None:
    d = replace(ITKP, satuan="%", target="85", realisasi=D("103.78"), target_akhir="90")
    assert "ditargetkan sebesar 85% dan terealisasi 103,78%" in narasi_indikator(d)
    d = replace(d, kemajuan=D("115.31"), tahun=2026)
    assert narasi_indikator(d).endswith(
        "Dibandingkan target akhir Renstra Tahun 2026 sebesar 90%, tingkat kemajuannya mencapai "
        "115,31%, sehingga target akhir periode Renstra telah tercapai."  # the last year
    )


def test_indikator_lower_is_better_a_fall_is_an_improvement() -> None:
    teks = narasi_indikator(TEMUAN)
    assert "ditargetkan sebesar 2 Temuan dan terealisasi 1 Temuan" in teks
    assert (
        "Karena indikator ini semakin rendah semakin baik, realisasi yang lebih rendah dari target "
        "menunjukkan kinerja yang lebih baik dari rencana, sehingga target kinerja tahun ini "
        "tercapai."
    ) in teks
    assert (
        "Dibandingkan realisasi Tahun 2022 sebesar 3 Temuan, realisasi tahun ini turun 66,67%, "
        "yang justru menunjukkan perbaikan kinerja karena indikator ini semakin rendah semakin "
        "baik."
    ) in teks
    assert narasi_indikator(replace(TEMUAN, polaritas=Polaritas.MINIMAL)) == teks


def test_indikator_lower_is_better_a_rise_is_a_decline() -> None:
    d = replace(TEMUAN, realisasi=D(3), capaian=D("50.00"), realisasi_lalu=D(1), perubahan=D(200))
    teks = narasi_indikator(d)
    assert "realisasi yang lebih tinggi dari target berarti kinerja belum sesuai rencana, " in teks
    assert "naik 200,00%, yang menunjukkan penurunan kinerja karena indikator ini" in teks
    d = replace(TEMUAN, realisasi=D(2), capaian=D("100.00"))
    assert "Realisasi tersebut sama dengan target, sehingga target kinerja tahun ini tercapai." in (
        narasi_indikator(d)
    )


@pytest.mark.parametrize(
    ("lalu", "kalimat"),
    [
        (Predikat.B, "Dibandingkan Tahun 2023 yang memperoleh predikat B, predikat tahun ini naik "
                     "satu tingkat menjadi BB, yang menunjukkan peningkatan kinerja."),
        (Predikat.AA, "Dibandingkan Tahun 2023 yang memperoleh predikat AA, predikat tahun ini "
                      "turun dua tingkat menjadi BB, yang menunjukkan penurunan kinerja."),
        (Predikat.BB, "Predikat tersebut sama dengan yang diperoleh pada Tahun 2023, yaitu BB."),
    ],
)  # fmt: skip
def test_indikator_predikat_compared_on_its_order(lalu: Predikat, kalimat: str) -> None:
    d = DataIndikator(
        nama="Predikat SAKIP Sekretariat Daerah", satuan="Predikat", tahun=2024, target="BB",
        realisasi=Predikat.BB, capaian=D("100.00"), kategori="Berhasil", polaritas="maksimal",
        realisasi_lalu=lalu, target_akhir="A", tahun_akhir=2026, kemajuan=D("83.33"),
    )  # fmt: skip
    teks = narasi_indikator(d)
    assert teks.startswith(
        "Indikator Predikat SAKIP Sekretariat Daerah pada Tahun 2024 ditargetkan predikat BB dan "
        "terealisasi predikat BB, sehingga capaian kinerjanya 100,00% dengan kategori Berhasil. "
        "Predikat yang diperoleh sama dengan target, sehingga target kinerja tahun ini tercapai."
    )
    assert kalimat in teks
    assert (
        "Dibandingkan target akhir Renstra Tahun 2026 berupa predikat A, tingkat kemajuannya "
        "mencapai 83,33%, sehingga masih diperlukan upaya untuk mencapai target akhir periode "
        "Renstra pada Tahun 2026." in teks
    )
    assert (
        "Predikat yang diperoleh lebih rendah dari target, sehingga target kinerja tahun ini "
        "belum tercapai." in narasi_indikator(replace(d, realisasi=Predikat.B, capaian=D("80.00")))
    )


def test_indikator_band_to_be_held() -> None:
    teks = narasi_indikator(INFLASI)
    assert "ditargetkan pada rentang 2–4% dan terealisasi 4,50%" in teks
    assert (
        "Realisasi tersebut berada di atas rentang target yang harus dijaga, sehingga target "
        "kinerja tahun ini belum tercapai." in teks
    )
    assert "turun 11,76%, sehingga semakin mendekati target yang harus dijaga." in teks
    d = replace(INFLASI, realisasi=D("3.1"), realisasi_lalu=D("3.5"), capaian=D(100))
    assert (
        "berada dalam rentang target yang harus dijaga, sehingga target kinerja tahun ini "
        "tercapai." in narasi_indikator(d)
    )
    assert "tanpa mengubah jaraknya terhadap target yang harus dijaga." in narasi_indikator(d)
    d = replace(INFLASI, realisasi=D("1.5"), realisasi_lalu=D("2"))
    assert "berada di bawah rentang target" in narasi_indikator(d)
    assert "sehingga semakin menjauh dari target yang harus dijaga." in narasi_indikator(d)
    d = replace(INFLASI, target="3", realisasi=D(3))
    assert "Realisasi tersebut sama dengan nilai target yang harus dijaga, " in narasi_indikator(d)
    d = replace(INFLASI, target=None)
    assert narasi_indikator(d).endswith("realisasi tahun ini turun 11,76%.")


@pytest.mark.parametrize(
    ("perubahan", "kalimat"),
    [
        (None, "Dibandingkan realisasi Tahun 2023 sebesar 0, realisasi tahun ini naik, yang "),
        (D(0), "Dibandingkan realisasi Tahun 2023 sebesar 0, realisasi tahun ini naik, yang "),
    ],
)
def test_indikator_no_percentage_from_zero(perubahan: D | None, kalimat: str) -> None:
    assert kalimat in narasi_indikator(replace(ITKP, realisasi_lalu=D(0), perubahan=perubahan))


def test_indikator_units_are_not_doubled_and_targets_print_as_entered() -> None:
    lppd = DataIndikator(
        "Nilai LPPD", "Nilai", 2023, "2,75", D("2.77"), D("100.73"), None, "maksimal"
    )
    assert narasi_indikator(lppd).startswith(
        "Indikator Nilai LPPD pada Tahun 2023 ditargetkan sebesar 2,75 dan terealisasi 2,77, "
        "sehingga capaian kinerjanya 100,73%. "
    )
    dok = DataIndikator(
        "Indikator Dokumen Perencanaan", "Dokumen", 2023, "6", D(6), D(100), "", "maksimal"
    )
    assert narasi_indikator(dok).startswith(
        "Indikator Dokumen Perencanaan pada Tahun 2023 ditargetkan sebesar 6 Dokumen dan "
        "terealisasi 6 Dokumen, sehingga capaian kinerjanya 100,00%."
    )
    assert "sebesar 85,5%" in narasi_indikator(replace(ITKP, satuan="persen", target="85,50"))
    assert narasi_indikator(replace(ITKP, nama=" ")).startswith("Indikator ini pada Tahun 2024")


def test_indikator_realisasi_and_last_year_unchanged() -> None:
    d = replace(ITKP, realisasi_lalu=D("86.69"), perubahan=D(0))
    assert (
        "Dibandingkan realisasi Tahun 2023 sebesar 86,69, realisasi tahun ini tidak berubah, "
        "sehingga kinerjanya bertahan pada tingkat yang sama." in narasi_indikator(d)
    )


def test_indikator_missing_data_is_said_plainly() -> None:
    tanpa_realisasi = replace(ITKP, realisasi=None, capaian=None, kemajuan=None)
    assert narasi_indikator(tanpa_realisasi) == (
        "Indikator Indeks Tata Kelola Pengadaan Barang dan Jasa pada Tahun 2024 ditargetkan "
        "sebesar 71. Realisasi indikator ini belum tersedia, sehingga capaiannya belum dapat "
        "diukur. Target akhir Renstra Tahun 2026 ditetapkan sebesar 76, namun tingkat kemajuannya "
        "baru dapat diukur setelah ada realisasi."
    )
    kosong = DataIndikator(
        "Indeks Reformasi Birokrasi", "Indeks", 2024, None, None, None, None, "maksimal"
    )
    assert narasi_indikator(kosong) == (
        "Indikator Indeks Reformasi Birokrasi pada Tahun 2024 belum memiliki target. Realisasi "
        "indikator ini belum tersedia, sehingga capaiannya belum dapat diukur."
    )
    tanpa_target = replace(ITKP, target=" ", capaian=None, realisasi_lalu=None, target_akhir=None)
    assert narasi_indikator(tanpa_target) == (
        "Indikator Indeks Tata Kelola Pengadaan Barang dan Jasa pada Tahun 2024 belum memiliki "
        "target, sedangkan realisasinya 86,69; oleh karena itu capaiannya belum dapat diukur. "
        "Realisasi Tahun 2023 belum tersedia, sehingga perkembangan kinerja indikator ini belum "
        "dapat dibandingkan dengan tahun sebelumnya. Target akhir Renstra Tahun 2026 untuk "
        "indikator ini belum ditetapkan, sehingga tingkat kemajuannya belum dapat diukur."
    )
    tanpa_renstra = replace(ITKP, target_akhir=None, tahun_akhir=None)
    assert narasi_indikator(tanpa_renstra).endswith("yang menunjukkan peningkatan kinerja.")
    tanpa_kemajuan = replace(ITKP, kemajuan=None, tahun_akhir=None)
    assert narasi_indikator(tanpa_kemajuan).endswith(
        "Target akhir Renstra ditetapkan sebesar 76, namun tingkat kemajuannya belum dapat diukur."
    )


def test_indikator_targets_that_are_not_numbers() -> None:
    wtp = DataIndikator(
        "Opini BPK", "", 2024, "WTP", D(1), None, None, "maksimal", target_akhir="WTP"
    )
    teks = narasi_indikator(wtp)
    assert (
        "ditargetkan WTP dan terealisasi 1, namun capaian kinerjanya belum dapat dihitung." in teks
    )
    assert "Target akhir Renstra ditetapkan berupa WTP, namun" in teks
    dihitung = replace(wtp, capaian=D(100))
    assert "Capaian tersebut menunjukkan bahwa target kinerja tahun ini tercapai." in (
        narasi_indikator(dihitung)
    )
    kurang = replace(wtp, capaian=D(50))
    assert "target kinerja tahun ini belum tercapai." in narasi_indikator(kurang)
    campur = replace(ITKP, realisasi_lalu=Predikat.B)
    assert (
        "Realisasi Tahun 2023 (predikat B) berbeda jenis dengan realisasi tahun ini, sehingga "
        "keduanya tidak dapat dibandingkan secara langsung." in narasi_indikator(campur)
    )


ANGKA = st.decimals(min_value=-1000, max_value=10**9, places=2, allow_nan=False)
PILIHAN = st.none() | ANGKA


@given(
    nama=st.sampled_from(["Indeks Kepuasan Masyarakat", "Nilai LPPD", "", "Indikator X"]),
    satuan=st.sampled_from(["%", "Persen", "Nilai", "Indeks", "Predikat", "", "Dokumen"]),
    target=st.none()
    | st.sampled_from(["85", "85,5", "BB", "3 ± 1", "80-90", "-", "WTP", "minimal  85"])
    | st.text(alphabet="0123456789,.-±% ABCDs/", max_size=8),
    realisasi=st.none() | ANGKA | st.sampled_from(list(Predikat)),
    lalu=st.none() | ANGKA | st.sampled_from(list(Predikat)),
    akhir=st.none() | st.sampled_from(["90", "A", "2–4", "x"]),
    polaritas=st.sampled_from([*Polaritas, "maksimal", "minimal", "stabil"]),
    tahun_akhir=st.none() | st.integers(2020, 2030),
    angka=st.tuples(PILIHAN, PILIHAN, PILIHAN),
    kategori=st.none() | st.sampled_from(["Sangat Tinggi", "Berhasil", " "]),
)
def test_indikator_never_fails_and_never_prints_none(
    nama: str, satuan: str, target: str | None, realisasi: D | Predikat | None,
    lalu: D | Predikat | None, akhir: str | None, polaritas: str, tahun_akhir: int | None,
    angka: tuple[D | None, D | None, D | None], kategori: str | None,
) -> None:  # fmt: skip
    capaian, perubahan, kemajuan = angka
    d = DataIndikator(
        nama, satuan, 2024, target, realisasi, capaian, kategori, polaritas, lalu, perubahan,
        akhir, tahun_akhir, kemajuan,
    )  # fmt: skip
    teks = narasi_indikator(d)
    assert teks.endswith(".") and "None" not in teks and "  " not in teks
    if target is None or re.fullmatch(r"[\d,]*", target):
        assert not re.search(r"\d\.\d{1,2}(?!\d)", teks)  # no English decimals such as 122.10


@given(
    st.decimals(min_value=0, max_value=1000, places=2),
    st.decimals(min_value=1, max_value=100, places=2),
)
def test_indikator_numbers_in_indonesian_format(capaian: D, realisasi: D) -> None:
    teks = narasi_indikator(replace(ITKP, capaian=capaian, realisasi=realisasi))
    indonesia = f"{capaian:,.2f}".translate(str.maketrans(",.", ".,"))  # not format_angka
    assert f"capaian kinerjanya {indonesia}%" in teks and f"{capaian:.2f}" not in teks


UANG = st.none() | st.decimals(min_value=-(10**12), max_value=10**13, places=2)


@given(
    st.builds(DataSasaran, st.sampled_from(["Meningkatnya akuntabilitas", ""]), st.just(2024),
              st.integers(-1, 20), st.integers(-1, 20), st.integers(-1, 20), PILIHAN,
              st.none() | st.just("Berhasil"), UANG, UANG, PILIHAN, PILIHAN),
    st.builds(DataAnggaran, st.sampled_from(["Program Penunjang", ""]), UANG, UANG, PILIHAN, UANG),
    st.builds(DataRingkasan, st.just("Sekretariat Daerah"), st.just(2024), st.integers(0, 20),
              st.integers(0, 20), st.integers(0, 20), PILIHAN, st.none() | st.just("Berhasil"),
              st.integers(0, 9), st.integers(0, 9), UANG, UANG, PILIHAN,
              st.none() | st.tuples(st.just("A"), ANGKA),
              st.none() | st.tuples(st.just("B"), ANGKA)),
)  # fmt: skip
def test_other_narratives_never_fail_and_never_print_none(
    s: DataSasaran, a: DataAnggaran, r: DataRingkasan
) -> None:
    for teks in [narasi_sasaran(s), narasi_anggaran(a), *narasi_ikhtisar(r), *kesimpulan(r)]:
        assert teks.endswith(".") and "None" not in teks and "  " not in teks


# --- narasi_sasaran -----------------------------------------------------------------

# Seed 000 Tabel 3.16, sasaran 2: mean(100; 100; 122,10; 105,78) = 106,97.
SASARAN = DataSasaran(
    uraian="Meningkatnya kualitas kebijakan bidang perekonomian dan pembangunan", tahun=2024,
    jumlah_indikator=4, jumlah_tercapai=4, jumlah_terukur=4, capaian=D("106.97"),
    kategori="Sangat Tinggi", pagu=D(20_000_000_000), realisasi_anggaran=D(18_986_000_000),
    serapan=D("94.93"), efisiensi=D("12.04"),
)  # fmt: skip


def test_sasaran_whole_paragraph() -> None:
    assert narasi_sasaran(SASARAN) == (
        "Sasaran Meningkatnya kualitas kebijakan bidang perekonomian dan pembangunan pada Tahun "
        "2024 diukur melalui 4 (empat) indikator kinerja. Seluruh indikator tersebut mencapai atau "
        "melampaui target. Rata-rata capaian kinerja sasaran ini sebesar 106,97% dengan kategori "
        "Sangat Tinggi. Sasaran ini didukung pagu anggaran sebesar Rp 20.000.000.000 dengan "
        "realisasi Rp 18.986.000.000 atau 94,93%. Tingkat efisiensinya sebesar 12,04 poin persen "
        "(capaian kinerja dikurangi persentase penyerapan anggaran), yang berarti capaian kinerja "
        "lebih tinggi daripada penyerapan anggaran, sehingga penggunaan sumber daya efisien."
    )


@pytest.mark.parametrize(
    ("ubah", "kalimat"),
    [
        ({"jumlah_indikator": 0, "jumlah_terukur": 0, "jumlah_tercapai": 0, "capaian": None},
         "belum memiliki indikator kinerja, sehingga capaiannya belum dapat diukur."),
        ({"jumlah_terukur": 0, "jumlah_tercapai": 0, "capaian": None},
         "Realisasi indikator tersebut belum tersedia, sehingga capaian sasaran belum dapat "
         "diukur."),
        ({"jumlah_terukur": 3, "jumlah_tercapai": 2},
         "Dari 4 (empat) indikator tersebut, 3 (tiga) telah memiliki realisasi dan 2 (dua) di "
         "antaranya mencapai atau melampaui target."),
        ({"jumlah_terukur": 3, "jumlah_tercapai": 0},
         "3 (tiga) telah memiliki realisasi, namun belum ada yang mencapai target."),
        ({"jumlah_tercapai": 3},
         "Sebanyak 3 (tiga) dari 4 (empat) indikator tersebut mencapai atau melampaui target."),
        ({"jumlah_tercapai": 0}, "Belum ada indikator yang mencapai target."),
        ({"jumlah_indikator": 1, "jumlah_terukur": 1, "jumlah_tercapai": 1, "kategori": None},
         "Indikator tersebut mencapai atau melampaui target. Capaian kinerja sasaran ini sebesar "
         "106,97%. "),
        ({"pagu": None, "efisiensi": None},
         "Pagu anggaran yang mendukung sasaran ini belum tercatat."),
        ({"realisasi_anggaran": None, "serapan": None, "efisiensi": None},
         "Rp 20.000.000.000, yang realisasinya belum tercatat."),
        ({"efisiensi": D(0)}, "sebesar 0,00 poin persen (capaian kinerja dikurangi persentase "
         "penyerapan anggaran), yang berarti capaian kinerja sebanding dengan penyerapan "
         "anggarannya."),
        ({"efisiensi": D("-4.20")}, "sebesar -4,20 poin persen (capaian kinerja dikurangi "
         "persentase penyerapan anggaran), yang berarti capaian kinerja lebih rendah daripada "
         "penyerapan anggaran, sehingga penggunaan sumber daya belum efisien."),
        ({"capaian": None}, "mencapai atau melampaui target. Sasaran ini didukung pagu"),
    ],
)  # fmt: skip
def test_sasaran_cases(ubah: dict[str, object], kalimat: str) -> None:
    assert kalimat in narasi_sasaran(replace(SASARAN, **ubah))  # type: ignore[arg-type]


def test_sasaran_without_efficiency_says_nothing_of_it() -> None:
    assert "efisien" not in narasi_sasaran(replace(SASARAN, efisiensi=None))


# --- narasi_anggaran ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "teks"),
    [
        # seed 002 §C
        (DataAnggaran("Sekretariat Daerah Kabupaten Paser", D(145_373_575_253), D(138_760_253_340),
                      D("95.45"), D(6_613_321_913)),
         "Anggaran Sekretariat Daerah Kabupaten Paser sebesar Rp 145.373.575.253 terealisasi "
         "Rp 138.760.253.340 atau 95,45%, dengan sisa anggaran Rp 6.613.321.913."),
        # seed 000 Tabel 3.16, the program behind the ITKP
        (DataAnggaran("Program Pengadaan Barang dan Jasa", D(8_603_122_350), D(6_976_479_090),
                      D("81.09"), None),
         "Anggaran Program Pengadaan Barang dan Jasa sebesar Rp 8.603.122.350 terealisasi "
         "Rp 6.976.479.090 atau 81,09%."),
        (DataAnggaran("Fasilitasi Kunjungan Tamu", D(100_000_000), D(126_100_000), D("126.10"),
                      D(-26_100_000)),
         "Anggaran Fasilitasi Kunjungan Tamu sebesar Rp 100.000.000 terealisasi Rp 126.100.000 "
         "atau 126,10%, melampaui pagu sebesar Rp 26.100.000. Realisasi di atas pagu ini perlu "
         "ditelusuri kembali kesesuaiannya dengan dokumen pelaksanaan anggaran."),
        (DataAnggaran("Program X", D(5_000_000), D(5_000_000), None, D(0)),
         "Anggaran Program X sebesar Rp 5.000.000 terealisasi Rp 5.000.000, sehingga seluruh "
         "anggaran terserap."),
        (DataAnggaran("Program X", D(5_000_000), None, None, None),
         "Anggaran Program X sebesar Rp 5.000.000 belum memiliki data realisasi."),
        (DataAnggaran("Program X", None, None, None, None),
         "Pagu dan realisasi anggaran Program X belum tercatat."),
        (DataAnggaran("Program X", D(0), D(750_500), None, None),
         "Realisasi anggaran Program X tercatat Rp 750.500, namun pagunya belum tercatat sehingga "
         "penyerapannya belum dapat dihitung."),
    ],
)  # fmt: skip
def test_anggaran(data: DataAnggaran, teks: str) -> None:
    assert narasi_anggaran(data) == teks


# --- narasi_ikhtisar and kesimpulan ---------------------------------------------------

# Seed 002: three IKU (100; 121,82; 102,94), mean 108,25 Berhasil; budget 95,45%.
PASER = DataRingkasan(
    nama_unit="Sekretariat Daerah Kabupaten Paser", tahun=2023, jumlah_iku=3, jumlah_tercapai=3,
    jumlah_terukur=3, rata_rata_capaian=D("108.25"), kategori="Berhasil", jumlah_sasaran=3,
    jumlah_program=4, pagu=D(145_373_575_253), realisasi_anggaran=D(138_760_253_340),
    serapan=D("95.45"), terendah=("Jumlah Temuan Penyimpangan", D(100)),
    tertinggi=("Persentase Pelayanan Penyelenggaraan Pemerintahan", D("121.82")),
)  # fmt: skip


def test_ikhtisar_seed_002() -> None:
    assert narasi_ikhtisar(PASER) == [
        "Pada Tahun 2023, Sekretariat Daerah Kabupaten Paser menetapkan 3 (tiga) sasaran strategis "
        "yang diukur melalui 3 (tiga) Indikator Kinerja Utama (IKU) dalam Perjanjian Kinerja. "
        "Pelaksanaannya didukung oleh 4 (empat) program.",
        "Seluruh IKU tersebut mencapai atau melampaui target. Rata-rata capaian IKU sebesar "
        "108,25% dengan kategori Berhasil. Capaian tertinggi terdapat pada indikator Persentase "
        "Pelayanan Penyelenggaraan Pemerintahan (121,82%), sedangkan capaian terendah pada "
        "indikator Jumlah Temuan Penyimpangan (100,00%).",
        "Untuk mendukung pencapaian kinerja tersebut, Sekretariat Daerah Kabupaten Paser mengelola "
        "pagu anggaran sebesar Rp 145.373.575.253 yang terealisasi Rp 138.760.253.340 atau 95,45%.",
    ]


def test_ikhtisar_with_little_data() -> None:
    kosong = replace(PASER, jumlah_iku=0, jumlah_sasaran=0, jumlah_program=0, jumlah_terukur=0,
                     jumlah_tercapai=0, rata_rata_capaian=None, pagu=None)  # fmt: skip
    assert narasi_ikhtisar(kosong) == [
        "Pada Tahun 2023, Sekretariat Daerah Kabupaten Paser belum menetapkan sasaran strategis "
        "maupun Indikator Kinerja Utama (IKU) dalam Perjanjian Kinerja."
    ]
    assert (
        "namun belum menetapkan Indikator Kinerja Utama (IKU) untuk mengukurnya."
        in (narasi_ikhtisar(replace(kosong, jumlah_sasaran=2))[0])
    )
    tanpa_sasaran = replace(kosong, jumlah_iku=1, realisasi_anggaran=None, pagu=D(10))
    assert narasi_ikhtisar(tanpa_sasaran) == [
        "Pada Tahun 2023, Sekretariat Daerah Kabupaten Paser menetapkan 1 (satu) Indikator Kinerja "
        "Utama (IKU) dalam Perjanjian Kinerja.",
        "Realisasi IKU Tahun 2023 belum tersedia, sehingga capaian kinerja belum dapat diukur.",
        "Untuk mendukung pencapaian kinerja tersebut, Sekretariat Daerah Kabupaten Paser mengelola "
        "pagu anggaran sebesar Rp 10, yang realisasinya belum tercatat.",
    ]
    tanpa_rata = replace(PASER, rata_rata_capaian=None)
    assert narasi_ikhtisar(tanpa_rata)[1].startswith(
        "Seluruh IKU tersebut mencapai atau melampaui target. Capaian tertinggi terdapat"
    )
    satu = replace(PASER, jumlah_iku=1, jumlah_terukur=1, jumlah_tercapai=1)
    assert narasi_ikhtisar(satu)[1] == (
        "IKU tersebut mencapai atau melampaui target. Rata-rata capaian IKU sebesar 108,25% dengan "
        "kategori Berhasil."
    )


def test_kesimpulan_seed_002() -> None:
    assert kesimpulan(PASER) == [
        "Secara umum, kinerja Sekretariat Daerah Kabupaten Paser pada Tahun 2023 berada pada "
        "kategori Berhasil, dengan rata-rata capaian Indikator Kinerja Utama (IKU) sebesar "
        "108,25%.",
        "Seluruh IKU, sebanyak 3 (tiga) indikator, mencapai atau melampaui target yang ditetapkan "
        "dalam Perjanjian Kinerja.",
        "Capaian tertinggi terdapat pada indikator Persentase Pelayanan Penyelenggaraan "
        "Pemerintahan sebesar 121,82%. Capaian terendah terdapat pada indikator Jumlah Temuan "
        "Penyimpangan sebesar 100,00%.",
        "Realisasi anggaran Tahun 2023 sebesar Rp 138.760.253.340 atau 95,45% dari pagu "
        "Rp 145.373.575.253, dengan sisa anggaran tidak terserap Rp 6.613.321.913.",
    ]


def test_kesimpulan_shortfalls_outliers_and_overspending() -> None:
    d = replace(
        PASER, jumlah_iku=13, jumlah_terukur=12, jumlah_tercapai=10, kategori=None,
        terendah=("Fasilitasi Kerja Sama", D("83.33")), tertinggi=("Produk Hukum", D("483.33")),
        realisasi_anggaran=D(145_373_575_254), serapan=None,
    )  # fmt: skip
    butir = kesimpulan(d)
    assert butir[0] == (
        "Secara umum, rata-rata capaian Indikator Kinerja Utama (IKU) Sekretariat Daerah Kabupaten "
        "Paser Tahun 2023 108,25%."
    )
    assert butir[1] == (
        "Sebanyak 10 (sepuluh) dari 13 (tiga belas) IKU mencapai atau melampaui target, sedangkan "
        "2 (dua) IKU belum mencapai target dan 1 (satu) IKU belum memiliki realisasi."
    )
    assert "483,33%, yang menunjukkan perlunya peninjauan kembali besaran target" in butir[2]
    assert butir[2].endswith(
        "83,33%, sehingga indikator ini perlu mendapat perhatian pada tahun berikutnya."
    )
    assert butir[3].endswith("melampaui pagu Rp 1 sehingga perlu ditelusuri.")
    assert kesimpulan(replace(d, jumlah_terukur=10))[1].endswith(
        "sedangkan 3 (tiga) IKU belum memiliki realisasi."
    )
    lunas = replace(PASER, realisasi_anggaran=PASER.pagu)
    assert kesimpulan(lunas)[-1].endswith("sehingga seluruh anggaran terserap.")
    kosong = replace(PASER, jumlah_terukur=0, rata_rata_capaian=None, pagu=None, terendah=None)
    assert kesimpulan(kosong) == [
        "Capaian kinerja Sekretariat Daerah Kabupaten Paser Tahun 2023 belum dapat disimpulkan "
        "karena realisasi Indikator Kinerja Utama (IKU) belum tersedia."
    ]


# --- terbilang ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "kata"),
    [
        (0, "nol"), (1, "satu"), (9, "sembilan"), (10, "sepuluh"), (11, "sebelas"),
        (12, "dua belas"), (19, "sembilan belas"), (20, "dua puluh"), (21, "dua puluh satu"),
        (37, "tiga puluh tujuh"), (99, "sembilan puluh sembilan"), (100, "seratus"),
        (101, "seratus satu"), (111, "seratus sebelas"), (115, "seratus lima belas"),
        (200, "dua ratus"), (999, "sembilan ratus sembilan puluh sembilan"), (1000, "seribu"),
        (1001, "seribu satu"), (1100, "seribu seratus"), (2000, "dua ribu"),
        (2024, "dua ribu dua puluh empat"), (11_000, "sebelas ribu"), (100_000, "seratus ribu"),
        (1_000_000, "satu juta"), (1_001_000, "satu juta seribu"),
        (2_500_000, "dua juta lima ratus ribu"), (1_000_000_000, "satu miliar"),
        (1_000_000_000_000, "satu triliun"), (-5, "minus lima"),
        (999_999_999_999, "sembilan ratus sembilan puluh sembilan miliar sembilan ratus "
                          "sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan "
                          "ribu sembilan ratus sembilan puluh sembilan"),
    ],
)  # fmt: skip
def test_terbilang_known_values(n: int, kata: str) -> None:
    assert terbilang(n) == kata


def test_terbilang_refuses_numbers_beyond_the_trillions() -> None:
    with pytest.raises(KinerjaError):
        terbilang(10**15)


_ANGKA_KATA = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9,
}  # fmt: skip
_SKALA = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}
_SE = {"sepuluh": 10, "sebelas": 11, "seratus": 100}


def _baca(teks: str) -> int:
    """An independent reader of Indonesian number words, for the round trip."""
    if teks.startswith("minus "):
        return -_baca(teks.removeprefix("minus "))
    total = kelompok = digit = 0
    for kata in teks.split():
        if kata in _ANGKA_KATA:
            digit = _ANGKA_KATA[kata]
        elif kata in _SE:
            kelompok += _SE[kata]
        elif kata == "seribu":
            total += 1000
        elif kata in ("belas", "puluh", "ratus"):
            kelompok += digit + 10 if kata == "belas" else digit * (10 if kata == "puluh" else 100)
            digit = 0
        elif kata in _SKALA:
            total, kelompok, digit = total + (kelompok + digit) * _SKALA[kata], 0, 0
        else:
            assert kata == "nol" and teks == "nol", teks
    return total + kelompok + digit


@given(st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1))
def test_terbilang_reads_back_and_is_well_formed(n: int) -> None:
    kata = terbilang(n)
    assert re.fullmatch(r"[a-z]+( [a-z]+)*", kata)
    assert _baca(kata) == n


def test_terbilang_is_injective_below_a_thousand() -> None:
    assert len({terbilang(n) for n in range(1000)}) == 1000
