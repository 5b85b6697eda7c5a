"""Row-local recomputation checks (issue 8), on the seeds and on small hand-made tables."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.kinerja.periksa import cek_tabel
from sakip.kinerja.periksa.dokumen import Dokumen, Tabel
from sakip.kinerja.periksa.kolom import Peran, kolom_tabel
from sakip.kinerja.periksa.lkjip import periksa_dokumen
from sakip.kinerja.periksa.temuan import Temuan, Tingkat
from tests.kinerja.periksa.test_baca_teks import SEED_000, SEED_002, baca_seed

KODE = (
    "CAPAIAN_HITUNG",
    "SERAPAN_HITUNG",
    "REALISASI_MELEBIHI_PAGU",
    "SELISIH_HITUNG",
    "JUMLAH_HITUNG",
    "PREDIKAT_NILAI",
    "NILAI_DI_LUAR_RENTANG",
    "KATEGORI_SKALA",
)


def periksa(dok: Dokumen) -> list[Temuan]:
    return periksa_dokumen(dok, KODE)


def dok(*tabel: Tabel) -> Dokumen:
    return Dokumen(tahun=2024, tabel=list(tabel), paragraf=[])


def tabel(kolom: list[str], *baris: list[str], rumus: list[str] | None = None) -> Tabel:
    return Tabel("Tabel 9.9", "uji", kolom, [list(b) for b in baris], rumus_kolom=rumus or [])


def test_semua_kode_terdaftar() -> None:
    from sakip.kinerja.periksa.daftar import ATURAN_DOKUMEN

    for kode in KODE:
        assert kode in ATURAN_DOKUMEN
    assert cek_tabel.POLA_BARIS_TOTAL.match("RATA-RATA PENCAPAIAN IKU")


# ------------------------------------------------------------------ seed 000


@pytest.fixture(scope="module")
def temuan_000() -> list[Temuan]:
    return periksa(baca_seed(SEED_000))


def _satu(temuan: list[Temuan], kode: str, tabel: str, teks: str) -> Temuan:
    cocok = [t for t in temuan if t.kode == kode and t.lokasi.tabel == tabel and teks in t.pesan]
    assert cocok, f"tidak ada {kode} di {tabel} memuat {teks!r}: {[t.pesan for t in temuan]}"
    return cocok[0]


def test_seed_000_perubahan_tabel_3_1(temuan_000: list[Temuan]) -> None:
    t = _satu(temuan_000, "SELISIH_HITUNG", "Tabel 3.1", "Capaian Kinerja")
    assert t.tercetak == "-1,57"
    assert t.seharusnya == "-1,60"
    assert "seharusnya -1,60" in t.pesan and "13,60" in t.pesan and "15,20" in t.pesan
    assert t.rumus is not None and "2023" in t.rumus and "2022" in t.rumus
    # the other rows of the change column are right: 7,80; 0,60; 0,30; 0,80; 7,90
    semua = [x for x in temuan_000 if x.kode == "SELISIH_HITUNG" and x.lokasi.tabel == "Tabel 3.1"]
    assert len(semua) == 1


def test_seed_000_nilai_814_80(temuan_000: list[Temuan]) -> None:
    t = _satu(temuan_000, "NILAI_DI_LUAR_RENTANG", temuan_000_tabel_rekap(temuan_000), "814,80")
    assert t.lokasi.uraian == "Sekretariat Daerah"
    assert t.seharusnya == "81,80"
    assert "Tabel 3.1" in t.pesan and "81,80" in t.pesan
    # 814,80 is not given a predikat finding: the score itself is the slip
    assert not [x for x in temuan_000 if x.kode == "PREDIKAT_NILAI"]


def temuan_000_tabel_rekap(temuan: list[Temuan]) -> str:
    return next(t.lokasi.tabel or "" for t in temuan if t.kode == "NILAI_DI_LUAR_RENTANG")


def test_seed_000_melebihi_pagu(temuan_000: list[Temuan]) -> None:
    t = _satu(temuan_000, "REALISASI_MELEBIHI_PAGU", "Tabel 3.19", "Fasilitasi Kunjungan Tamu")
    assert t.lokasi.uraian == "Fasilitasi Kunjungan Tamu"
    assert t.tercetak == "2.146.259.800"
    assert "1.702.086.000" in t.pesan and "126,10" in t.pesan
    assert t.lokasi.baris_berkas == 1897
    lebih = [x for x in temuan_000 if x.kode == "REALISASI_MELEBIHI_PAGU"]
    assert len(lebih) == 1


def test_seed_000_temuan_lain_yang_nyata(temuan_000: list[Temuan]) -> None:
    # Tabel 3.19: a sub kegiatan at 1 of 1 Unit printed with capaian 0
    t = _satu(temuan_000, "CAPAIAN_HITUNG", "Tabel 3.19", "Pemeliharaan Aset Tak Berwujud")
    assert t.seharusnya == "100,00"
    # Tabel 3.19: 914.180.175 of 1.032.042.500 printed as 95,45 (the report's overall figure)
    t = _satu(temuan_000, "SERAPAN_HITUNG", "Tabel 3.19", "Perencanaan, Penganggaran")
    assert t.seharusnya == "88,58"


def test_seed_000_tabel_yang_benar_tanpa_temuan(temuan_000: list[Temuan]) -> None:
    bersih = {
        "Tabel 2.5",
        "Tabel 3.3",
        "Tabel 3.4",
        "Tabel 3.5",
        "Tabel 3.6",
        "Tabel 3.8",
        "Tabel 3.9",
        "Tabel 3.11",
        "Tabel 3.12",
        "Tabel 3.14",
        "Tabel 3.15",
        "Tabel 3.16",  # 70,26 = 167,69 − 97,43 is right inside its row
        "Tabel 3.17",
        "Tabel 3.18",
    }
    assert not [t.pesan for t in temuan_000 if t.lokasi.tabel in bersih]


def test_seed_000_hanya_temuan_yang_dinilai(temuan_000: list[Temuan]) -> None:
    # Every finding on seed 000 was judged a real slip. "Jumlah Non PNS | 264 | 264 |"
    # is not one: its second 264 is a cell merged over L and P (173 + 91).
    assert sorted((t.kode, t.lokasi.uraian) for t in temuan_000) == sorted(
        [
            ("SELISIH_HITUNG", "Capaian Kinerja"),
            ("SELISIH_HITUNG", "Capaian Kinerja"),
            ("NILAI_DI_LUAR_RENTANG", "Sekretariat Daerah"),
            ("CAPAIAN_HITUNG", "Pemeliharaan Aset Tak Berwujud"),
            ("REALISASI_MELEBIHI_PAGU", "Fasilitasi Kunjungan Tamu"),
            ("SERAPAN_HITUNG", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
        ]
    )


# ------------------------------------------------------------------ seed 002


def test_seed_002_tanpa_temuan_pada_tabel_yang_benar() -> None:
    temuan = periksa(baca_seed(SEED_002))
    # Tabel 3.2 (target 0 / realisasi 0 → 100; RATA-RATA 108,25), Tabel 3.6 ("JUMLAH" is a
    # mean), 3.10 (nested rows, tertimbang), 3.11 (a shifted JUMLAH row), 3.12 (efficiency).
    assert temuan == []


def test_seed_002_salah_yang_disisipkan_ditemukan() -> None:
    asli = baca_seed(SEED_002)
    t32 = asli.cari_tabel("Tabel 3.2")
    assert t32 is not None
    baris = [list(b) for b in t32.baris]
    baris[1][6] = "112,82"
    ubah = Tabel(t32.label, t32.judul, t32.kolom, baris, t32.rumus_kolom, t32.baris_berkas)
    temuan = periksa(dok(ubah))
    capaian = [t for t in temuan if t.kode == "CAPAIAN_HITUNG"]
    assert len(capaian) == 1 and capaian[0].seharusnya == "121,82"
    # the mean row now disagrees with its printed children, and says so
    rata = [t for t in temuan if t.kode == "JUMLAH_HITUNG"]
    assert len(rata) == 1 and rata[0].seharusnya == "105,25"


# ------------------------------------------------------------------ CAPAIAN_HITUNG


KOLOM_CAPAIAN = ["No.", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian"]


def test_capaian_salah_dilaporkan_dengan_rumus() -> None:
    t = tabel(
        KOLOM_CAPAIAN,
        ["1.", "Indeks A", "Indeks", "71", "86,69", "122,10"],
        ["2.", "Indeks B", "Indeks", "85", "86,41", "109,26"],
        rumus=["(1)", "(2)", "(3)", "(4)", "(5)", "(6=5/4*100)"],
    )
    [f] = periksa(dok(t))
    assert f.kode == "CAPAIAN_HITUNG"
    assert f.seharusnya == "101,66"
    assert f.lokasi.baris == 2 and f.lokasi.uraian == "Indeks B"
    assert f.rumus == "6=5/4*100"
    assert "seharusnya 101,66" in f.pesan and "realisasi / target" in f.pesan


def test_capaian_indikator_negatif_dan_target_nol() -> None:
    t = tabel(
        KOLOM_CAPAIAN,
        ["1.", "Jumlah temuan", "Jumlah", "0", "0", "100"],
        ["2.", "Angka kematian", "Persen", "10", "8", "120,00"],  # (2T − R) / T
        ["3.", "Angka kesakitan", "Persen", "10", "8", "125,00"],  # T / R
        ["4.", "Cakupan", "Persen", "80", "60", "75,00"],
        ["5.", "Cakupan layanan", "6 Unit", "6 Unit", "5 Unit", "83,33"],
    )
    assert periksa(dok(t)) == []


def test_capaian_dengan_presisi_tercetak() -> None:
    t = tabel(
        KOLOM_CAPAIAN,
        ["1.", "A", "Persen", "85", "79,56", "93,6"],  # 93,6 is 93,60 printed short
        ["2.", "B", "Persen", "50", "84,21", "168"],
        ["3.", "C", "Indeks", "85", "97", "115"],  # 97 Indeks may be 97,4
        ["4.", "D", "Dokumen", "3", "2", "80"],  # a count: 2/3 is 66,67
    )
    [f] = periksa(dok(t))
    assert f.lokasi.uraian == "D" and f.seharusnya == "66,67"


def test_kolom_yang_bukan_capaian_dibiarkan() -> None:
    # No row fits any formula: the column is not a capaian of these columns (seed 002 Tabel 3.7).
    t = tabel(
        KOLOM_CAPAIAN,
        ["1.", "A", "Persen", "95", "103,55", "100"],
        ["2.", "B", "Persen", "95", "82,35", "95"],
    )
    assert periksa(dok(t)) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=100_000),
            st.integers(min_value=0, max_value=200_000),
            st.integers(min_value=0, max_value=2),
            st.integers(min_value=0, max_value=2),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_tabel_dari_nilai_tepat_tanpa_temuan(data: list[tuple[int, int, int, int]]) -> None:
    """A table built from exact values and printed rounded at 0–2 decimals yields no finding."""
    baris = []
    for i, (t100, r100, tr, tc) in enumerate(data):
        t = Decimal(t100) / 100
        r = Decimal(r100) / 100
        c = r / t * 100
        baris.append(
            [f"{i + 1}.", f"Indikator {i}", "Persen", _cetak(t, 2), _cetak(r, tr), _cetak(c, tc)]
        )
    assert periksa(dok(tabel(KOLOM_CAPAIAN, *baris))) == []


def _cetak(nilai: Decimal, tempat: int) -> str:
    q = nilai.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)
    return f"{q:f}".replace(".", ",")


# ------------------------------------------------------------------ budget


KOLOM_ANGGARAN = ["No.", "Program", "Anggaran Pagu", "Anggaran Realisasi", "Anggaran %"]


def test_serapan_dan_melebihi_pagu() -> None:
    t = tabel(
        KOLOM_ANGGARAN,
        ["1.", "Program A", "1.702.086.000", "2.146.259.800", "126,10"],
        ["2.", "Program B", "Rp 1.032.042.500", "Rp 914.180.175", "95,45"],
        ["3.", "Program C", "1,004,422,800", "1,004,422,800", "100.00"],
        ["4.", "Program D", "0", "0", "0,00"],
    )
    temuan = {f.kode: f for f in periksa(dok(t))}
    assert sorted((f.kode, f.lokasi.uraian) for f in temuan.values()) == [
        ("REALISASI_MELEBIHI_PAGU", "Program A"),
        ("SERAPAN_HITUNG", "Program B"),
    ]
    assert temuan["SERAPAN_HITUNG"].seharusnya == "88,58"
    assert "Rp 444.173.800" in temuan["REALISASI_MELEBIHI_PAGU"].pesan


def test_serapan_dengan_rumus_kolom() -> None:
    t = tabel(
        KOLOM_ANGGARAN,
        ["1.", "Program A", "8.000.000", "7.490.000", "93,6"],
        ["2.", "Program B", "8.000.000", "7.490.000", "90"],
        rumus=["1", "2", "3", "4", "5=4/3*100"],
    )
    [f] = periksa(dok(t))
    assert f.kode == "SERAPAN_HITUNG" and f.lokasi.baris == 2 and f.seharusnya == "93,63"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=10**12),
            st.integers(min_value=0, max_value=100),
            st.integers(min_value=0, max_value=2),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_anggaran_tepat_tanpa_temuan(data: list[tuple[int, int, int]]) -> None:
    baris = []
    for i, (pagu, persen, tempat) in enumerate(data):
        real = pagu * persen // 100
        baris.append(
            [
                f"{i + 1}.",
                f"Program {i}",
                f"{pagu:,}".replace(",", "."),
                f"{real:,}".replace(",", "."),
                _cetak(Decimal(real) / pagu * 100, tempat),
            ]
        )
    assert periksa(dok(tabel(KOLOM_ANGGARAN, *baris))) == []


# ------------------------------------------------------------------ SELISIH_HITUNG


def test_efisiensi_perubahan_kemajuan() -> None:
    efisien = tabel(
        ["No.", "Sasaran", "% Capaian Kinerja", "% Penyerapan Anggaran", "Tingkat Efisiensi"],
        ["1.", "S1", "167,69", "97,43", "70,26"],
        ["2.", "S2", "106,97", "72,40", "30,00"],
        rumus=["1", "2", "3", "4", "5=3-4"],
    )
    tanpa_rumus = tabel(
        ["No", "Sasaran", "% Capaian Kinerja", "Penyerapan Anggaran (%)", "Tingkat Efisiensi (%)"],
        ["1.", "S1", "121,82", "97,28", "24,54"],
        ["2.", "S2", "102,94", "91,32", "11,26"],
    )
    berubah = tabel(
        ["No.", "Indikator", "Satuan", "Realisasi 2023", "Realisasi 2024", "% Peningkatan"],
        ["1.", "A", "Persen", "101,59", "100,00", "-1,56"],
        ["2.", "B", "Persen", "95,00", "100,00", "5,00"],
        ["3.", "C", "Persen", "-", "100,00", "-"],
        rumus=["(1)", "(2)", "(3)", "(6)", "(7)", "(8=(7/6-1)*100)"],
    )
    maju = tabel(
        ["No.", "Indikator", "Satuan", "Target Akhir Renstra", "Realisasi", "Tingkat Kemajuan"],
        ["1.", "A", "Indeks", "76", "86,69", "114,06"],
        ["2.", "B", "Indeks", "72", "81,80", "118,61"],
    )
    temuan = periksa(dok(efisien, tanpa_rumus, berubah, maju))
    assert [(f.kode, f.lokasi.uraian, f.seharusnya) for f in temuan] == [
        ("SELISIH_HITUNG", "S2", "34,57"),
        ("SELISIH_HITUNG", "S2", "11,62"),
        ("SELISIH_HITUNG", "B", "5,26"),
        ("SELISIH_HITUNG", "B", "113,61"),
    ]
    assert temuan[0].rumus is not None and temuan[0].rumus.startswith("5=3-4")


def test_sisa_dan_tertimbang() -> None:
    t = tabel(
        ["URAIAN", "ANGGARAN BELANJA", "REALISASI BELANJA", "SISA ANGGARAN", "TERTIMBANG (%)"],
        ["BELANJA OPERASI", "Rp 100", "Rp 90", "Rp 10", "45,00"],
        ["BELANJA MODAL", "Rp 100", "Rp 80", "Rp 30", "45,00"],
        ["JUMLAH", "Rp 200", "Rp 170", "Rp 40", "85,00"],
    )
    temuan = periksa(dok(t))
    assert [(f.kode, f.lokasi.baris, f.seharusnya) for f in temuan] == [
        ("SELISIH_HITUNG", 2, "Rp 20"),
        ("SELISIH_HITUNG", 2, "40,00"),
        ("SELISIH_HITUNG", 3, "Rp 30"),
    ]


# ------------------------------------------------------------------ JUMLAH_HITUNG


def test_jumlah_rata_rata_dan_hierarki() -> None:
    t = tabel(
        ["Uraian", "Pagu (Rp)", "Realisasi (Rp)"],
        ["Belanja Operasi", "30", "28"],
        ["Belanja Pegawai", "10", "9"],
        ["Belanja Barang", "20", "19"],
        ["Belanja Modal", "5", "5"],
        ["JUMLAH", "35", "33"],
    )
    rata = tabel(
        ["No.", "Indikator", "Capaian"],
        ["1.", "A", "100"],
        ["2.", "B", "121,82"],
        ["3.", "C", "102,94"],
        ["", "JUMLAH", "108,25"],
        ["", "RATA-RATA", "110,00"],
    )
    temuan = periksa(dok(t, rata))
    [f] = temuan
    assert f.kode == "JUMLAH_HITUNG" and f.lokasi.baris == 5 and f.seharusnya == "108,25"
    assert "rata-rata" in f.pesan


def test_jumlah_dengan_subtotal_dan_baris_bergeser() -> None:
    t = tabel(
        ["PROGRAM", "KEGIATAN", "SUB KEGIATAN", "PAGU ANGGARAN", "REALISASI ANGGARAN"],
        ["", "K1", "S1", "Rp100", "Rp90"],
        ["", "", "S2", "Rp50", "Rp45"],
        ["JUMLAH", "", "Rp150", "Rp135", ""],  # printed one column to the left
        ["", "K2", "Jumlah Dokumen RKA-SKPD yang disusun", "Rp10", "Rp10"],
        ["", "JUMLAH", "", "Rp10", "Rp10"],
        ["JUMLAH REALISASI ANGGARAN PROGRAM", "", "", "Rp160", "Rp145"],
        ["TOTAL KESELURUHAN", "", "", "Rp170", "Rp145"],
    )
    [f] = periksa(dok(t))
    assert f.lokasi.baris == 7 and f.seharusnya == "160"


def test_jumlah_di_sel_gabungan_adalah_jumlah_kelompoknya() -> None:
    # seed 000's staff table: the total 264 spans the L and P columns (173 + 91)
    kolom = ["No", "Jabatan", "Jumlah Non PNS", "Jenis Kelamin L", "Jenis Kelamin P"]
    benar = tabel(
        kolom, ["1", "Tenaga Honor/PTT", "264", "173", "91"], ["Jumlah", "", "264", "264", ""]
    )
    assert periksa(dok(benar)) == []
    salah = tabel(
        kolom, ["1", "Tenaga Honor/PTT", "264", "173", "91"], ["Jumlah", "", "264", "265", ""]
    )
    [f] = periksa(dok(salah))
    assert f.kode == "JUMLAH_HITUNG" and f.tercetak == "265"


def test_jumlah_dengan_anak_tak_terbaca_dilewati() -> None:
    t = tabel(
        ["No", "Kegiatan", "ANGGARAN"],
        ["1", "A", "1.024144.900,00"],
        ["2", "B", "1.000,00"],
        ["TOTAL", "", "9.999,00"],
    )
    assert periksa(dok(t)) == []


# ------------------------------------------------------------------ predikat, range, category


def test_predikat_kolom_dan_baris() -> None:
    rekap = Tabel(
        None,
        "",
        ["No.", "Perangkat Daerah", "Hasil Evaluasi", "Kategori/ Interpretasi"],
        [
            ["1", "Dinas A", "80,00", "BB"],
            ["2", "Dinas B", "70,00", "B"],
            ["3", "Dinas C", "81,80", "BB"],
            ["4", "Sekretariat Daerah", "814,80", "A"],
        ],
    )
    komponen = tabel(
        ["No", "Komponen Penilaian", "Nilai Tahun 2022", "Nilai Tahun 2023"],
        ["1", "Perencanaan", "22,20", "30,00"],
        ["2", "Lainnya", "51,70", "51,80"],
        ["Nilai Hasil Evaluasi AKIP", "", "73,90", "81,80"],
        ["Kategori Penilaian", "", "BB", "BB"],
    )
    temuan = periksa(dok(rekap, komponen))
    hasil = sorted((f.kode, f.lokasi.uraian, f.seharusnya) for f in temuan)
    assert hasil == [
        ("NILAI_DI_LUAR_RENTANG", "Sekretariat Daerah", "81,80"),
        ("PREDIKAT_NILAI", "Dinas C", "A"),
        ("PREDIKAT_NILAI", "Kategori Penilaian", "A"),
    ]


def test_nilai_di_luar_rentang_tanpa_kembaran() -> None:
    t = tabel(["No", "Unit", "Nilai IKM"], ["1", "Unit A", "101,20"], ["2", "Unit B", "-3"])
    temuan = periksa(dok(t))
    assert [f.seharusnya for f in temuan] == ["0–100", "0–100"]


def test_kategori_menurut_skala_dokumen() -> None:
    skala = Tabel(
        "Tabel 3.1",
        "Skala",
        ["No", "Interval", "Kriteria", "Kode"],
        [
            ["1", "≥ 90%", "Berhasil", "Hijau"],
            ["2", "70% < 90%", "Cukup Berhasil", "Biru"],
            ["3", "40% < 70%", "Kurang Berhasil", "Kuning"],
            ["4", "<40%", "Tidak Berhasil", "Merah"],
        ],
    )
    t = tabel(
        ["Indikator", "Target", "Realisasi", "Capaian (%)", "Predikat"],
        ["A", "100", "95", "95,00", "Berhasil"],  # the document's own scale: ≥ 90
        ["B", "100", "50", "50,00", "Cukup Berhasil"],
        ["C", "100", "100", "100,00", "Sangat Tinggi"],
    )
    temuan = periksa(dok(skala, t))
    assert [(f.lokasi.uraian, f.seharusnya) for f in temuan] == [("B", "Kurang Berhasil")]
    tanpa_skala = periksa(dok(t))
    assert [(f.lokasi.uraian, f.seharusnya) for f in tanpa_skala] == [
        ("A", "Cukup Berhasil"),
        ("B", "Kurang Berhasil"),
    ]


# ------------------------------------------------------------------ our own generated reports


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "tahun", "demo"),
    [("setda-kaltim", 2024, "demo_kaltim"), ("setda-paser", 2023, "demo_paser")],
)
def test_laporan_kita_tanpa_temuan(
    slug: str, tahun: int, demo: str, request: pytest.FixtureRequest
) -> None:
    from sakip.laporan.services import susun_dokumen
    from sakip.organisasi.models import Unit

    request.getfixturevalue(demo)
    from sakip.laporan.periksa import dokumen_periksa

    laporan, _ = susun_dokumen(Unit.objects.get(slug=slug), tahun)
    dokumen = dokumen_periksa(laporan)
    assert len(dokumen.tabel) > 10
    # the checks do read the report: its capaian and budget columns are recognised
    peran = {k.peran for t in dokumen.tabel for k in kolom_tabel(t)}
    assert {Peran.TARGET, Peran.REALISASI, Peran.CAPAIAN, Peran.PAGU, Peran.SERAPAN} <= peran
    temuan = periksa(dokumen)
    assert [t.pesan for t in temuan if t.tingkat is Tingkat.GALAT] == []
    # the demo data keeps the seed's own slip: a warning on the data, not on the report
    peringatan = [(t.kode, t.lokasi.uraian) for t in temuan]
    harapan = [("REALISASI_MELEBIHI_PAGU", "Fasilitasi Kunjungan Tamu")] if tahun == 2024 else []
    assert peringatan == harapan


# ------------------------------------------------------------------ edges: nothing to judge


def test_baris_yang_tak_bisa_dinilai_dilewati() -> None:
    capaian = tabel(
        KOLOM_CAPAIAN,
        ["1.", "A", "Persen", "10", "-5", "250,00"],  # T/R undefined for a negative realisasi
        ["2.", "B", "Persen", "10", "10", "100,00"],
    )
    perubahan_tanpa_tahun = tabel(
        ["No", "Uraian", "Nilai 2024", "Perubahan"], ["1", "A", "10", "99"]
    )
    perubahan_beda_peran = tabel(
        ["No", "Uraian", "Target 2023", "Realisasi 2024", "Perubahan"], ["1", "A", "10", "12", "99"]
    )
    efisiensi_tanpa_masukan = tabel(["No", "Sasaran", "Tingkat Efisiensi"], ["1", "A", "5"])
    tertimbang_dua_total = tabel(
        ["URAIAN", "ANGGARAN", "REALISASI BELANJA", "TERTIMBANG (%)"],
        ["A", "Rp 10", "Rp 9", "1,00"],
        ["JUMLAH", "Rp 10", "Rp 9", "90,00"],
        ["TOTAL", "Rp 10", "Rp 9", "90,00"],
    )
    kategori_tanpa_skala = tabel(
        ["Indikator", "Target", "Realisasi", "Capaian (%)", "Predikat"],
        ["A", "100", "95", "95,00", "Baik sekali"],
        ["B", "100", "95", "95,00", ""],
    )
    temuan = periksa(
        dok(
            capaian,
            perubahan_tanpa_tahun,
            perubahan_beda_peran,
            efisiensi_tanpa_masukan,
            tertimbang_dua_total,
            kategori_tanpa_skala,
        )
    )
    assert temuan == []


def test_skala_dokumen_yang_tak_terbaca_diabaikan() -> None:
    # Bounds that do not fall from the highest level: the built-in four levels apply.
    skala = Tabel(
        "Tabel 3.1",
        "Skala",
        ["No", "Interval", "Kriteria"],
        [
            ["1", "≥ 40%", "Berhasil"],
            ["2", "70% < 100%", "Cukup Berhasil"],
            ["3", "10% < 70%", "Kurang Berhasil"],
            ["4", "<10%", "Tidak Berhasil"],
        ],
    )
    t = tabel(
        ["Indikator", "Target", "Realisasi", "Capaian (%)", "Predikat"],
        ["A", "100", "50", "50,00", "Berhasil"],
    )
    [f] = periksa(dok(skala, t))
    assert f.seharusnya == "Kurang Berhasil"


def test_salah_ketik_hanya_pada_presisi_yang_sama() -> None:
    rekap = tabel(
        ["No", "Perangkat Daerah", "Hasil Evaluasi", "Kategori"], ["1", "Setda", "8180", "A"]
    )
    sendiri = tabel(
        ["No", "Komponen", "Nilai Tahun 2023"],
        ["1", "X", "81,80"],
        ["Nilai Hasil Evaluasi AKIP", "", "81,80"],
    )
    [f] = periksa(dok(rekap, sendiri))
    assert f.kode == "NILAI_DI_LUAR_RENTANG" and f.seharusnya == "0–100"
