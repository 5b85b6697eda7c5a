"""Charts of the LKjIP (sakip.laporan.grafik): PNG, 16 cm wide, deterministic, grayscale-legible."""

from __future__ import annotations

import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from sakip.laporan import grafik as g

LEBAR_PX = round(g.LEBAR_INCI * g.DPI)  # 16 cm at 150 dpi = 945 px

INDIKATOR = [
    "Persentase Perangkat Daerah dengan nilai SAKIP minimal BB",
    "Indeks Kepuasan Masyarakat terhadap pelayanan administrasi pemerintahan di lingkungan Sekretariat Daerah",
    "Nilai Reformasi Birokrasi",
]
PROGRAM = [
    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota (Setda)",
    "Program Pemerintahan dan Kesejahteraan Rakyat (Bag. Pem)",
]
ANAK = [
    "Bagian Tata Pemerintahan",
    "Bagian Kesejahteraan Rakyat",
    "Bagian Hukum",
    "Bagian Perekonomian dan Sumber Daya Alam",
    "Bagian Administrasi Pembangunan",
    "Bagian Pengadaan Barang dan Jasa",
    "Bagian Umum",
    "Bagian Organisasi",
    "Bagian Protokol dan Komunikasi Pimpinan",
    "Bagian Perencanaan dan Keuangan",
    "Bagian Kerja Sama",
    "Bagian Layanan Pengadaan Secara Elektronik",
]

GRAFIK: dict[str, Callable[[], bytes]] = {
    "capaian": lambda: g.grafik_capaian(INDIKATOR, [D("122.10"), D("95.50"), None]),
    "tren": lambda: g.grafik_tren(
        [2022, 2023, 2024],
        {INDIKATOR[0]: [D("75.5"), None, D("81.08")], INDIKATOR[2]: [D("60"), D("66.3"), D("70")]},
        satuan="Persen",
        judul="Tren Realisasi",
    ),
    "serapan": lambda: g.grafik_serapan(
        PROGRAM, [D("145373575253"), D("12500000000")], [D("138760253340"), D("11000000000")]
    ),
    "pai": lambda: g.grafik_pai(["Laki-laki", "Perempuan"], [132, 98]),
    "bagan": lambda: g.bagan_organisasi("Sekretariat Daerah Kabupaten Contoh", ANAK[:3]),
}


def buka(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    gambar = Image.open(io.BytesIO(png))
    gambar.load()
    return gambar


def periksa_ukuran(png: bytes) -> Image.Image:
    gambar = buka(png)
    assert gambar.format == "PNG"
    assert gambar.mode == "L"  # 8-bit grayscale: no colour can carry meaning
    assert [round(d) for d in gambar.info["dpi"]] == [150, 150]
    assert abs(gambar.width - LEBAR_PX) <= 5
    assert 50 <= gambar.height <= 3000
    return gambar


def abu(png: bytes) -> np.ndarray:
    return np.asarray(buka(png).convert("L"))  # already "L"; convert() keeps this test honest


# --- every chart ---------------------------------------------------------------------


@pytest.mark.parametrize("nama", GRAFIK)
def test_each_chart_is_a_png_16_cm_wide(nama: str) -> None:
    periksa_ukuran(GRAFIK[nama]())


@pytest.mark.parametrize("nama", GRAFIK)
def test_same_input_gives_identical_bytes(nama: str) -> None:
    assert GRAFIK[nama]() == GRAFIK[nama]()


@pytest.mark.parametrize("nama", GRAFIK)
def test_png_carries_no_software_stamp(nama: str) -> None:
    assert b"Matplotlib" not in GRAFIK[nama]()


@pytest.mark.parametrize("nama", GRAFIK)
def test_charts_use_several_grey_levels(nama: str) -> None:
    """Legible in grayscale: more than black and white (fills, hatches, greys)."""
    nilai, jumlah = np.unique(abu(GRAFIK[nama]()), return_counts=True)
    assert len(nilai[jumlah > 50]) > 2


def test_charts_drawn_in_threads_equal_serial_ones() -> None:
    """The OO API (no pyplot, no rcParams) lets a worker draw charts concurrently."""
    serial = {nama: f() for nama, f in GRAFIK.items()}
    with ThreadPoolExecutor(max_workers=4) as pool:
        paralel = dict(zip(GRAFIK, pool.map(lambda f: f(), [*GRAFIK.values()]), strict=True))
    assert paralel == serial


def test_empty_input_gives_a_belum_ada_data_picture() -> None:
    kosong = g.grafik_capaian([], [])
    periksa_ukuran(kosong)
    assert g.grafik_tren([], {}) == kosong
    assert g.grafik_serapan([], [], []) == kosong
    assert g.grafik_pai([], []) == kosong


def test_lists_of_different_length_are_refused() -> None:
    with pytest.raises(ValueError):
        g.grafik_capaian(["A", "B"], [D(1)])
    with pytest.raises(ValueError):
        g.grafik_serapan(["A"], [D(1)], [])
    with pytest.raises(ValueError):
        g.grafik_tren([2023, 2024], {"A": [D(1)]})
    with pytest.raises(ValueError):
        g.grafik_pai(["A"], [1, 2])


# --- Indonesian numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "teks"),
    [
        (100.0, "100"),
        (0.5, "0,5"),
        (-0.0, "0"),
        (-25.0, "-25"),
        (0.30000000000000004, "0,3"),
        (1_250_000_000.0, "1.250.000.000"),
        (np.float64(122.1), "122,1"),
    ],
)
def test_axis_ticks_use_the_indonesian_format(x: float, teks: str) -> None:
    assert g._angka_sumbu(x) == teks


# --- grafik_capaian ----------------------------------------------------------------------


def test_capaian_none_is_drawn_as_belum_terukur() -> None:
    dengan_none = g.grafik_capaian(INDIKATOR, [D("122.10"), D("95.50"), None])
    tanpa_none = g.grafik_capaian(INDIKATOR, [D("122.10"), D("95.50"), D("80")])
    periksa_ukuran(dengan_none)
    assert dengan_none != tanpa_none
    periksa_ukuran(g.grafik_capaian(["A", "B"], [None, None]))


def test_capaian_height_grows_with_the_number_of_indicators() -> None:
    sedikit = buka(g.grafik_capaian(INDIKATOR[:1], [D(90)]))
    banyak = buka(g.grafik_capaian(INDIKATOR * 5, [D(90)] * 15))
    assert banyak.height > 3 * sedikit.height
    assert banyak.width == sedikit.width


def test_capaian_handles_negative_and_very_high_values() -> None:
    periksa_ukuran(g.grafik_capaian(["A", "B", "C"], [D("-25.5"), D("310.4"), D("0")]))


# --- grafik_tren -------------------------------------------------------------------------


def test_tren_gaps_and_an_all_missing_series() -> None:
    png = g.grafik_tren([2022, 2023, 2024], {"A": [None, D(5), None], "B": [None, None, None]})
    periksa_ukuran(png)
    assert g.grafik_tren([2023, 2024], {"A": [None, None]}) == g.grafik_capaian([], [])


def test_tren_series_differ_by_marker_and_line_style_not_only_grey() -> None:
    gaya = {
        (g._PENANDA[i % len(g._PENANDA)], g._GARIS[i % len(g._GARIS)], i % 2) for i in range(20)
    }
    assert len(gaya) == 20


def test_tren_single_year_and_large_values() -> None:
    periksa_ukuran(g.grafik_tren([2024], {"Pendapatan": [D("1234567890.50")]}, satuan="Rp"))


# --- grafik_serapan ------------------------------------------------------------------------


def test_serapan_pagu_and_realisasi_differ_in_luminance() -> None:
    """Pagu is light grey (0.88 → 224), realisasi dark grey (0.35 → 89) with a white hatch."""
    piksel = abu(g.grafik_serapan(PROGRAM, [D(10**10), D(5 * 10**9)], [D(9 * 10**9), D(10**9)]))
    terang = np.count_nonzero(np.abs(piksel.astype(int) - 224) <= 2)
    gelap = np.count_nonzero(np.abs(piksel.astype(int) - 89) <= 2)
    assert terang > 1000
    assert gelap > 1000


def test_serapan_none_values_and_small_budgets() -> None:
    png = g.grafik_serapan(
        ["A", "B", "C"], [D(450_000_000), None, D(10**6)], [None, D(10**6), D(0)]
    )
    periksa_ukuran(png)


# --- grafik_pai ------------------------------------------------------------------------------


def test_pai_drops_zero_slices() -> None:
    dengan_nol = g.grafik_pai(["S3", "S2", "S1", "SD"], [0, 25, 110, 0])
    assert dengan_nol == g.grafik_pai(["S2", "S1"], [25, 110])


def test_pai_all_zero_is_belum_ada_data_and_one_slice_is_a_full_disc() -> None:
    assert g.grafik_pai(["A", "B"], [0, 0]) == g.grafik_capaian([], [])
    periksa_ukuran(g.grafik_pai(["Laki-laki", "Perempuan"], [0, 12]))


def test_pai_with_thin_slices_and_decimals() -> None:
    png = g.grafik_pai(["S3", "S2", "S1", "Diploma", "SLTA", "SLTP"], [1, 25, 110, 20, 60, D(2)])
    periksa_ukuran(png)


# --- bagan_organisasi --------------------------------------------------------------------------


@pytest.mark.parametrize("n", [0, 3, 12])
def test_bagan_with_0_3_and_12_children(n: int) -> None:
    periksa_ukuran(g.bagan_organisasi("Sekretariat Daerah Kabupaten Contoh", ANAK[:n]))


def test_bagan_grows_in_rows_when_there_are_more_than_five_children() -> None:
    tinggi = [buka(g.bagan_organisasi("Dinas", ANAK[:n])).height for n in (0, 3, 5, 6, 12)]
    assert tinggi[0] < tinggi[1]
    assert tinggi[1] <= tinggi[2] < tinggi[3] < tinggi[4]


@pytest.mark.parametrize(
    "nama",
    [
        "Bagian Layanan Pengadaan Secara Elektronik Kabupaten Contoh",
        "Pusat Supercalifragilisticexpialidocious Antardaerah",  # a word wider than the box
    ],
)
def test_bagan_text_is_wrapped_to_fit_its_box(nama: str) -> None:
    pengukur = g._pengukur()
    huruf = g._huruf(8)
    teks = g._bungkus_muat(nama, 1.2, huruf, pengukur)
    assert teks.count("\n") >= 2
    assert teks.replace("\n", "").replace(" ", "") == nama.replace(" ", "")
    assert all(g._lebar_inci([baris], huruf, pengukur) <= 1.2 for baris in teks.split("\n"))


def test_the_chart_cache_gives_the_drawn_bytes_and_can_be_switched_off(
    tmp_path: Path, settings: Any
) -> None:
    from sakip.laporan import grafik, tembolok

    settings.SAKIP_TEMBOLOK_GRAFIK = str(tmp_path)
    gambar = tembolok.grafik.grafik_pai
    pertama = gambar(["Laki-laki", "Perempuan"], [150, 100])
    assert pertama == grafik.grafik_pai(["Laki-laki", "Perempuan"], [150, 100])
    berkas = list(tmp_path.glob("*.png"))
    assert len(berkas) == 1
    berkas[0].write_bytes(b"dari tembolok")  # the second call reads the file, not matplotlib
    assert gambar(["Laki-laki", "Perempuan"], [150, 100]) == b"dari tembolok"
    assert gambar(["Laki-laki", "Perempuan"], [150, 101]) != b"dari tembolok"
    settings.SAKIP_TEMBOLOK_GRAFIK = False
    assert gambar(["Laki-laki", "Perempuan"], [150, 100]) == pertama
