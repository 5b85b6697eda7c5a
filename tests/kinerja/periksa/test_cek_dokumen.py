"""Document checks on the two seeds (required findings and silence on what is right) and on small documents."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from sakip.kinerja.periksa.dokumen import Dokumen, Paragraf, Tabel
from sakip.kinerja.periksa.lkjip import periksa_dokumen, periksa_teks
from sakip.kinerja.periksa.temuan import Temuan, Tingkat

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
KALTIM = SEEDS / "000_927889737ba2f067.txt"
PASER = SEEDS / "002_ec492f8701550267.txt"
KODE = (
    "TAHUN_JUDUL",
    "TOTAL_TEKS",
    "RATA_TEKS",
    "EFISIENSI_SILANG",
    "ANAK_INDUK",
    "CAPAIAN_EKSTREM",
)


@cache
def _seed(path: Path) -> list[Temuan]:
    if not path.exists():
        pytest.skip(f"seed {path} tidak ada")
    return periksa_teks(path.read_text(encoding="utf-8"), path.name, KODE)


def _dari(temuan: list[Temuan], kode: str) -> list[Temuan]:
    return [t for t in temuan if t.kode == kode]


# --- seed 000 (Kaltim 2024) -----------------------------------------------------


def test_kaltim_efisiensi_sasaran_4() -> None:
    ef = _dari(_seed(KALTIM), "EFISIENSI_SILANG")
    assert {(t.lokasi.tabel, t.tercetak, t.seharusnya) for t in ef} == {
        ("Tabel 3.16", "167,69", "109,26"),
        ("Tabel 3.16", "70,26", "11,83"),
    }
    assert all(t.lokasi.baris == 4 for t in ef)
    assert "seharusnya 109,26" in ef[0].pesan and "Tabel 3.3" in ef[0].pesan
    assert ef[0].rumus and "rata-rata" in ef[0].rumus


def test_kaltim_total_anggaran_teks() -> None:
    (t,) = _dari(_seed(KALTIM), "TOTAL_TEKS")
    assert t.tercetak == "535.648.948.995"
    assert t.seharusnya == "546.949.028.754"
    assert "Tabel 3.19" in t.pesan
    assert t.lokasi.baris_berkas == 46  # the Ikhtisar; Bab II repeats it, one finding
    # the text's own split (Belanja Operasi + Belanja Modal) is not a finding
    assert "505.167.524.530" not in t.pesan


def test_kaltim_tahun_judul() -> None:
    judul = {t.lokasi.tabel: t for t in _dari(_seed(KALTIM), "TAHUN_JUDUL")}
    assert "Tabel 1.1" in judul
    assert "Per 31 Desember 2024" in judul["Tabel 1.1"].pesan
    ringkasan = judul["tabel “Pengukuran Kinerja Tahun 2023”"]
    assert ringkasan.seharusnya == "2024"
    # ranges and history are legitimate
    assert not any(k in judul for k in ("Tabel 3.1", "Tabel 3.5", "Tabel 3.8"))


def test_kaltim_hierarki_uang_menjumlah() -> None:
    """Tabel 3.19 (304 rows) and Tabel 2.5 add up at every level: no ANAK_INDUK."""
    assert _dari(_seed(KALTIM), "ANAK_INDUK") == []


def test_kaltim_capaian_ekstrem_sekali_per_indikator() -> None:
    ek = _dari(_seed(KALTIM), "CAPAIAN_EKSTREM")
    assert all(t.tingkat is Tingkat.PERINGATAN for t in ek)
    nilai = {t.lokasi.uraian: t.tercetak for t in ek}
    assert nilai["Pengadaan Peralatan dan Mesin Lainnya"] == "300,00"
    assert nilai["Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi"] == "400,00"
    # a printed 0 beside target = realisasi (1 Unit, 1 Unit) is a slip of the row, not an outlier
    assert "Pemeliharaan Aset Tak Berwujud" not in nilai
    assert len(nilai) == len(ek)


# --- seed 002 (Paser 2023) ------------------------------------------------------


def test_paser_rata_teks() -> None:
    (t,) = _dari(_seed(PASER), "RATA_TEKS")
    assert t.tercetak == "103.11"
    assert t.seharusnya == "108,25"
    assert "seharusnya 108,25" in t.pesan
    assert t.lokasi.baris_berkas == 482


def test_paser_bagian_kerjasama() -> None:
    (t,) = _dari(_seed(PASER), "ANAK_INDUK")
    assert t.lokasi.tabel == "Tabel 3.5"
    assert t.lokasi.uraian == "Bagian Kerjasama"
    assert (t.tercetak, t.seharusnya) == ("100,00%", "83,33")
    assert "seharusnya 83,33" in t.pesan


def test_paser_483_target_tidak_direvisi() -> None:
    ek = _dari(_seed(PASER), "CAPAIAN_EKSTREM")
    kendaraan = [t for t in ek if "483,33" in t.pesan]
    assert len(kendaraan) == 1
    (t,) = kendaraan
    assert "Kendaraan Dinas Operasional atau Lapangan" in (t.lokasi.uraian or "")
    assert "tidak direvisi pada APBD-Perubahan" in t.pesan
    assert "6 Unit" in t.pesan and "29 Unit" in t.pesan
    assert t.tingkat is Tingkat.PERINGATAN
    # an outlier the document explains otherwise is a note, not a warning
    bantuan = [t for t in ek if t.lokasi.uraian == "Fasilitasi Bantuan Hukum"]
    assert [(t.tingkat, t.tercetak) for t in bantuan] == [(Tingkat.CATATAN, "200,00")]


def test_paser_tanpa_derau() -> None:
    temuan = _seed(PASER)
    assert _dari(temuan, "TAHUN_JUDUL") == []  # "Tahun 2022 yang ditindaklanjuti di Tahun 2023"
    assert _dari(temuan, "TOTAL_TEKS") == []  # text totals are Tabel 3.10's JUMLAH
    assert _dari(temuan, "EFISIENSI_SILANG") == []
    assert not any(t.lokasi.tabel in {"Tabel 3.2", "Tabel 3.6", "Tabel 3.10"} for t in temuan)


# --- small documents --------------------------------------------------------------


def _tabel(label: str, judul: str, kolom: list[str], baris: list[list[str]]) -> Tabel:
    return Tabel(label, judul, kolom, baris, baris_berkas=[None] * len(baris))


def _dok(*tabel: Tabel, paragraf: tuple[str, ...] = (), tahun: int = 2024) -> Dokumen:
    return Dokumen(tahun, list(tabel), [Paragraf(p, i + 1) for i, p in enumerate(paragraf)])


def test_tahun_judul_kecil() -> None:
    dok = _dok(
        _tabel("Tabel 1", "Capaian Tahun 2023", ["a"], [["1"]]),
        _tabel("Tabel 2", "Nilai Evaluasi Tahun 2023", ["a"], [["1"]]),
        _tabel("Tabel 3", "Realisasi 2020 s/d 2023", ["a"], [["1"]]),
        _tabel("Tabel 4", "Capaian Tahun 2024", ["a"], [["1"]]),
        _tabel("Tabel 5", "Target Renstra Tahun 2023", ["a"], [["1"]]),
        _tabel("Tabel 6", "Data 2023", ["a"], [["1"]]),
    )
    (t,) = periksa_dokumen(dok, ["TAHUN_JUDUL"])
    assert t.lokasi.tabel == "Tabel 1"
    assert "“Capaian Tahun 2024”" in t.pesan
    assert periksa_dokumen(Dokumen(None, dok.tabel, []), ["TAHUN_JUDUL"]) == []


UANG = ["Uraian", "Pagu", "Realisasi"]


def test_total_teks_didukung_dan_tidak() -> None:
    tabel = _tabel(
        "Tabel 9",
        "Anggaran",
        UANG,
        [
            ["BIRO A", "3.000.000", "2.000.000"],
            ["Kegiatan", "3.000.000", "2.000.000"],
            ["BIRO B", "1.000.000", "1.000.000"],
            ["Kegiatan", "1.000.000", "1.000.000"],
        ],
    )
    benar = "Anggaran sebesar Rp 4.000.000,- dengan rincian Rp 3.000.000 dan Rp 1.000.000."
    assert periksa_dokumen(_dok(tabel, paragraf=(benar,)), ["TOTAL_TEKS"]) == []
    salah = "Anggaran sebesar Rp 4.500.000,- dengan rincian Rp 4.000.000 dan Rp 500.000."
    (t,) = periksa_dokumen(_dok(tabel, paragraf=(salah,)), ["TOTAL_TEKS"])
    assert (t.tercetak, t.seharusnya) == ("4.500.000", "4.000.000")
    assert periksa_dokumen(_dok(paragraf=(salah,)), ["TOTAL_TEKS"]) == []


def test_rata_teks_kecil() -> None:
    tabel = _tabel(
        "Tabel 3.2",
        "Realisasi",
        ["Indikator", "Target", "Realisasi", "Capaian (%)"],
        [["A", "1", "1", "100"], ["B", "1", "1", "110"], ["RATA-RATA", "", "", "105,00"]],
    )
    ok = "Nilai rata-rata capaian 105,00 %."
    salah = "Nilai rata – rata **103.11%**, survei rata-rata 3,460."
    assert periksa_dokumen(_dok(tabel, paragraf=(ok,)), ["RATA_TEKS"]) == []
    (t,) = periksa_dokumen(_dok(tabel, paragraf=(salah,)), ["RATA_TEKS"])
    assert t.seharusnya == "105,00"
    # without a printed mean row, a table's recomputed mean confirms but never names a value
    tanpa = _tabel("Tabel 1", "x", tabel.kolom, tabel.baris[:2])
    assert periksa_dokumen(_dok(tanpa, paragraf=(salah,)), ["RATA_TEKS"]) == []
    assert periksa_dokumen(_dok(tanpa, paragraf=("rata-rata 105 %",)), ["RATA_TEKS"]) == []


PENGUKURAN = ["No.", "Sasaran", "Indikator", "Target", "Realisasi", "Capaian %"]


def test_efisiensi_silang_kecil() -> None:
    ukur = _tabel(
        "Tabel 3.3",
        "Pengukuran",
        PENGUKURAN,
        [
            ["1.", "S1", "a", "70", "81,80", "116,86"],
            ["", "", "b", "85", "86,41", "101,66"],
            ["2.", "S2", "c", "1", "1", "100,00"],
            ["", "", "d", "1", "1", "100,00"],
        ],
    )
    ef = _tabel(
        "Tabel 3.16",
        "Efisiensi",
        ["No.", "Sasaran", "% Capaian Kinerja", "% Penyerapan Anggaran", "Tingkat Efisiensi"],
        [["1.", "S1", "167,69", "97,43", "70,26"], ["2.", "S2", "100,00", "90,00", "10,00"]],
    )
    temuan = periksa_dokumen(_dok(ukur, ef), ["EFISIENSI_SILANG"])
    assert [(t.tercetak, t.seharusnya) for t in temuan] == [
        ("167,69", "109,26"),
        ("70,26", "11,83"),
    ]
    # a wrong capaian whose efficiency row was computed from the right one: one finding
    ef.baris[0] = ["1.", "S1", "167,69", "97,43", "11,83"]
    assert len(periksa_dokumen(_dok(ukur, ef), ["EFISIENSI_SILANG"])) == 1


def test_anak_induk_uang_kecil() -> None:
    baris = [
        ["BIRO A", "300", "200"],
        ["PROGRAM X", "300", "200"],
        ["Kegiatan 1", "100", "50"],
        ["Sub 1a", "60", "30"],
        ["Sub 1b", "40", "20"],
        ["Kegiatan 2", "200", "150"],
        ["Sub 2a", "200", "150"],
        ["BIRO B", "500", "400"],
        ["PROGRAM Y", "500", "400"],
        ["Kegiatan 3", "500", "400"],
        ["Sub 3a", "500", "400"],
        ["JUMLAH", "800", "600"],
    ]
    baris = [[b[0], b[1] + ".000.000", b[2] + ".000.000"] for b in baris]
    tabel = _tabel("Tabel 3.19", "Realisasi", UANG, baris)
    assert periksa_dokumen(_dok(tabel), ["ANAK_INDUK"]) == []
    tabel.baris[0][2] = "250.000.000"  # BIRO A realisasi does not add up
    (t,) = periksa_dokumen(_dok(tabel), ["ANAK_INDUK"])
    assert (t.lokasi.uraian, t.tercetak, t.seharusnya) == ("BIRO A", "250.000.000", "200.000.000")


def test_anak_induk_rata_kecil() -> None:
    kolom = ["Uraian", "Indikator", "Target", "Satuan", "Realisasi", "Capaian (%)"]
    tabel = _tabel(
        "Tabel 3.5",
        "Realisasi",
        kolom,
        [
            ["PROGRAM P", "i", "100", "Persen", "100", "91,67%"],
            ["Bagian A", "", "", "", "", "100,00%"],
            ["Kegiatan A", "i", "100", "Persen", "83,33", "83,33%"],
            ["Sub a1", "i", "30", "Dokumen", "25", "83,33%"],
            ["Sub a2", "i", "30", "Dokumen", "25", "83,33%"],
            ["Bagian B", "", "", "", "", "100,00%"],
            ["Kegiatan B", "i", "100", "Persen", "100", "100,00%"],
            ["Sub b1", "i", "3", "Dokumen", "3", "100,00%"],
        ],
    )
    (t,) = periksa_dokumen(_dok(tabel, tahun=2023), ["ANAK_INDUK"])
    assert (t.lokasi.uraian, t.seharusnya) == ("Bagian A", "83,33")


def test_capaian_ekstrem_kecil() -> None:
    kolom = ["Sub Kegiatan", "Target", "Realisasi", "Hambatan"]
    tabel = _tabel(
        "Tabel 3.9",
        "Faktor",
        kolom,
        [
            ["Kendaraan", "6 Unit", "29 Unit", "pada perubahan tidak mengubah target kinerja"],
            ["Rapat", "10 Laporan", "10 Laporan", ""],
            ["Bantuan", "2 Kasus", "4 Kasus", "-"],
            ["Beda satuan", "2 Kasus", "4 Orang", ""],
        ],
    )
    lain = _tabel(
        "Lampiran",
        "Laporan",
        ["Sub Kegiatan", "Target", "Realisasi", "Capaian"],
        [["Kendaraan", "6", "29", "483,33%"], ["Aset", "1", "1", "0"]],
    )
    temuan = periksa_dokumen(_dok(tabel, lain), ["CAPAIAN_EKSTREM"])
    assert [t.lokasi.uraian for t in temuan] == ["Kendaraan", "Bantuan"]
    assert "tidak direvisi pada APBD-Perubahan" in temuan[0].pesan
    # A dash in the explanation column is how a table prints "nothing": no explanation.
    assert "tambahkan penjelasan" in temuan[1].pesan
    assert temuan[1].tingkat is Tingkat.PERINGATAN


def test_capaian_ekstrem_nama_sama_capaian_beda_dua_temuan() -> None:
    # Two Bagian each with a sub kegiatan named "Rapat Koordinasi": two indicators, two findings;
    # the same one printed again in a lampiran stays one.
    kolom = ["Sub Kegiatan", "Target", "Realisasi"]
    a = _tabel("Tabel 3.8", "Bagian A", kolom, [["Rapat Koordinasi", "4 Kali", "12 Kali"]])
    b = _tabel("Tabel 3.9", "Bagian B", kolom, [["Rapat Koordinasi", "10 Kali", "2 Kali"]])
    lampiran = _tabel("Lampiran", "Laporan", kolom, [["Rapat Koordinasi", "4 Kali", "12 Kali"]])
    temuan = periksa_dokumen(_dok(a, b, lampiran), ["CAPAIAN_EKSTREM"])
    assert [(t.lokasi.tabel, t.tercetak) for t in temuan] == [
        ("Tabel 3.8", "300,00"),
        ("Tabel 3.9", "20,00"),
    ]
