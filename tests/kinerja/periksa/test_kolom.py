"""Column roles from headers and stated formulas (seed 000 and seed 002 headers)."""

import pytest

from sakip.kinerja.periksa.dokumen import Tabel
from sakip.kinerja.periksa.kolom import (
    JenisRumus,
    Peran,
    kiri_terdekat,
    kolom_peran,
    kolom_tabel,
    peran_kepala,
    selaraskan,
)
from tests.kinerja.periksa.test_baca_teks import SEED_000, SEED_002, baca_seed


@pytest.mark.parametrize(
    ("kepala", "peran"),
    [
        ("Target", Peran.TARGET),
        ("TARGET CAPAIAN TAHUN KE- 2024", Peran.TARGET),
        ("Target Kinerja Dan Pagu 2023", Peran.TARGET),
        ("Realisasi Target Kinerja dan Pagu TA. 2023", Peran.REALISASI),
        ("Kinerja Realisasi", Peran.REALISASI),
        ("CAPAIAN KINERJA REALISASI", Peran.REALISASI),  # seed 002 Tabel 3.9, under a group header
        ("CAPAIAN KINERJA TARGET", Peran.TARGET),
        ("Realisasi (Tahun 2024)", Peran.REALISASI),
        ("CAPAIAN %", Peran.CAPAIAN),
        ("Kinerja (%) Capaian", Peran.CAPAIAN),
        ("Capaian Kinerja Tahun 2023 (%)", Peran.CAPAIAN),
        ("Anggaran (Rp.) Pagu", Peran.PAGU),
        ("ANGGARAN BELANJA", Peran.PAGU),
        ("Anggaran (Rp.) Realisasi", Peran.REALISASI_ANGGARAN),
        ("REALISASI BELANJA", Peran.REALISASI_ANGGARAN),
        ("Anggaran (%) Capaian", Peran.SERAPAN),
        ("% Penyerapan Anggaran", Peran.SERAPAN),
        ("SISA PAGU ANGGARAN", Peran.SISA),
        ("TERTIMBANG (%)", Peran.TERTIMBANG),
        ("Tingkat Efisiensi", Peran.EFISIENSI),
        ("% Peningkatan/ Penurunan Tahun 2024", Peran.PERUBAHAN),
        ("Tingkat Kemajuan", Peran.KEMAJUAN),
        ("Hasil Evaluasi", Peran.NILAI),
        ("Nilai Tahun 2019", Peran.NILAI),
        ("Kategori/ Interpretasi", Peran.KATEGORI),
        ("Predikat", Peran.KATEGORI),
        ("Satuan", Peran.SATUAN),
        ("Indikator Kinerja", Peran.URAIAN),
        ("", Peran.LAIN),
        ("Semester 1", Peran.LAIN),
    ],
)
def test_peran_kepala(kepala: str, peran: Peran) -> None:
    assert peran_kepala(kepala) is peran


def test_capaian_setelah_pagu_adalah_serapan() -> None:
    t = Tabel(
        None, "", ["No", "Program", "Pagu Anggaran (Rp.)", "Realisasi (Rp.)", "Capaian %"], []
    )
    assert [k.peran for k in kolom_tabel(t)][2:] == [
        Peran.PAGU,
        Peran.REALISASI_ANGGARAN,
        Peran.SERAPAN,
    ]


def test_rumus_dari_baris_nomor_dan_kepala() -> None:
    dok = baca_seed(SEED_000)
    t34 = dok.cari_tabel("Tabel 3.4")
    assert t34 is not None
    rumus = kolom_tabel(t34)[5].rumus
    assert rumus is not None
    assert (rumus.jenis, rumus.a, rumus.b, rumus.teks) == (JenisRumus.RASIO, 4, 3, "6=5/4*100")
    t38 = dok.cari_tabel("Tabel 3.8")  # the formula stands in the header, not the number row
    assert t38 is not None
    rumus = kolom_tabel(t38)[7].rumus
    assert rumus is not None and (rumus.jenis, rumus.a, rumus.b) == (JenisRumus.PERUBAHAN, 6, 5)
    t316 = dok.cari_tabel("Tabel 3.16")
    assert t316 is not None
    rumus = kolom_tabel(t316)[4].rumus
    assert rumus is not None and (rumus.jenis, rumus.a, rumus.b) == (JenisRumus.SELISIH, 2, 3)
    t319 = dok.cari_tabel("Tabel 3.19")  # repeated column numbers name no column
    assert t319 is not None
    assert all(k.rumus is None for k in kolom_tabel(t319))


def test_rumus_tanpa_baris_nomor() -> None:
    t = Tabel(None, "", ["A", "B", "C (3=1-2)", "D (4=9/1*100)"], [])
    kolom = kolom_tabel(t)
    assert kolom[2].rumus is not None and (kolom[2].rumus.a, kolom[2].rumus.b) == (0, 1)
    assert kolom[3].rumus is None  # column 9 does not exist


def test_tahun_dan_kiri_terdekat() -> None:
    dok = baca_seed(SEED_002)
    t = dok.cari_tabel("Tabel 3.8.2")
    assert t is not None
    kolom = kolom_tabel(t)
    capaian_2023 = kolom[7]
    assert capaian_2023.tahun == 2023 and capaian_2023.peran is Peran.CAPAIAN
    target = kiri_terdekat(kolom, capaian_2023, Peran.TARGET)
    assert target is not None and target.indeks == 5
    capaian_2022 = kolom[4]
    target = kiri_terdekat(kolom, capaian_2022, Peran.TARGET)
    assert target is not None and target.indeks == 2
    assert kiri_terdekat(kolom, kolom[0], Peran.TARGET) is None


def test_baris_bergeser_diselaraskan() -> None:
    dok = baca_seed(SEED_002)
    t = dok.cari_tabel("Tabel 3.11")
    assert t is not None
    kolom = kolom_tabel(t)
    r = next(i for i, b in enumerate(t.baris) if b[0] == "JUMLAH")
    assert t.baris[r][2] == "Rp465.460.429"
    assert selaraskan(t, kolom, r)[3] == "Rp465.460.429"
    assert selaraskan(t, kolom, 1)[: len(t.baris[1])] == t.baris[1]


def test_baris_yang_tidak_bisa_diselaraskan_tetap() -> None:
    t = Tabel(None, "", ["Uraian", "Pagu (Rp)"], [["Rp 10", "Rp 20"]])
    assert selaraskan(t, kolom_tabel(t), 0) == ["Rp 10", "Rp 20"]
    assert kolom_tabel(t)[0].persen is False


def test_kolom_peran_memilih_kolom_tahun_ini() -> None:
    t = Tabel(
        None,
        "",
        [
            "Indikator Kinerja",
            "Target Akhir Renstra",
            "Tahun 2023 Target",
            "Target 2024",
            "Realisasi 2024",
            "Capaian Periode Akhir Renstra",
            "Capaian 2024 (%)",
        ],
        [],
    )
    kolom = kolom_tabel(t)
    assert kolom_peran(kolom, Peran.TARGET) == 1
    assert kolom_peran(kolom, Peran.TARGET, tahun=2024, kecuali=("akhir",)) == 3
    assert kolom_peran(kolom, Peran.CAPAIAN, tahun=2024, kecuali=("periode",)) == 6
    assert kolom_peran(kolom, Peran.URAIAN, kata=("indikator",)) == 0
    assert kolom_peran(kolom, Peran.URAIAN, kata=("sasaran",)) is None
    assert kolom_peran(kolom, Peran.EFISIENSI) is None
