"""The text reader on both seeds: captions, headers, column formulas, page-split tables."""

from functools import cache
from pathlib import Path

import pytest

from sakip.kinerja.periksa.baca_teks import baca_teks, bersihkan_sel
from sakip.kinerja.periksa.dokumen import Dokumen, adalah_baris_nomor_kolom, tahun_dokumen

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
SEED_000 = "000_927889737ba2f067.txt"
SEED_002 = "002_ec492f8701550267.txt"


@cache
def _baca(nama: str) -> Dokumen | None:
    path = SEEDS / nama
    if not path.exists():
        return None
    return baca_teks(path.read_text(encoding="utf-8"), nama)


def baca_seed(nama: str) -> Dokumen:
    """A seed report, read once per session; the test is skipped when the seeds are absent."""
    dok = _baca(nama)
    if dok is None:
        pytest.skip(f"seed {nama} tidak tersedia di {SEEDS}")
    return dok


def test_tahun_kedua_seed() -> None:
    assert baca_seed(SEED_000).tahun == 2024
    assert baca_seed(SEED_002).tahun == 2023


def test_label_tabel_seed_000() -> None:
    dok = baca_seed(SEED_000)
    label = [t.label for t in dok.tabel if t.label]
    for nama in ("Tabel 1.1", "Tabel 2.5", "Tabel 3.1", "Tabel 3.3", "Tabel 3.16", "Tabel 3.19"):
        assert nama in label
    assert label.count("Tabel 3.19") == 1


def test_kepala_dan_rumus_kolom_seed_000() -> None:
    dok = baca_seed(SEED_000)
    t34 = dok.cari_tabel("Tabel 3.4")
    assert t34 is not None
    assert t34.kolom == ["No.", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian"]
    assert t34.rumus_kolom[-1] == "(6=5/4*100)"
    t316 = dok.cari_tabel("Tabel 3.16")
    assert t316 is not None
    assert t316.rumus_kolom == ["1", "2", "3", "4", "5=3-4"]
    # a spanning header is repeated over the columns it spans
    t318 = dok.cari_tabel("Tabel 3.18")
    assert t318 is not None
    assert t318.kolom[6:9] == ["Anggaran Pagu", "Anggaran Realisasi", "Anggaran % Capaian"]


def test_tabel_terpotong_halaman_disambung() -> None:
    # Tabel 3.19 runs over many pages; its parts repeat the header and are one table.
    dok = baca_seed(SEED_000)
    t = dok.cari_tabel("Tabel 3.19")
    assert t is not None
    assert len(t.baris) > 300
    uraian = [b[0] for b in t.baris]
    assert "Fasilitasi Kunjungan Tamu" in uraian
    i = uraian.index("BIRO KESEJAHTERAAN RAKYAT")
    assert t.sel(i, 4) == "190.452.929.600"
    assert t.baris_sumber(0) is not None


def test_tabel_tab_seed_002() -> None:
    dok = baca_seed(SEED_002)
    t32 = dok.cari_tabel("Tabel 3.2")
    assert t32 is not None
    assert t32.kolom[4:8] == ["Target Tahun 2023", "Realisasi", "Capaian (%)", "Predikat"]
    assert [b[6] for b in t32.baris] == ["100", "121,82", "102,94", "108,25"]
    t311 = dok.cari_tabel("Tabel 3.11")
    assert t311 is not None
    assert t311.baris[-1][0] == "TOTAL KESELURUHAN"
    assert t311.angka(len(t311.baris) - 1, 3) is not None


def test_sel_gabungan_dibiarkan_kosong() -> None:
    # Seed 000 Tabel 3.18: one pagu for several indicators; the rows below are empty.
    dok = baca_seed(SEED_000)
    t = dok.cari_tabel("Tabel 3.18")
    assert t is not None
    assert t.sel(1, 6) == "Rp 10.741.327.106"
    assert t.sel(2, 6) == "" and t.angka(2, 6) is None


def test_baca_teks_markdown_kecil() -> None:
    teks = "\n".join(
        [
            "LAPORAN KINERJA TAHUN 2024",
            "",
            "Tabel 3.4 Perbandingan Target dan Realisasi",
            "| No. | Indikator | Target | Realisasi | % Capaian |",
            "|---|---|---|---|---|",
            "| (1) | (2) | (3) | (4) | (5=4/3*100) |",
            "| 1. | **Indeks** | 71 | 86,69 | 122,10 |",
            "",
            "| No. | Indikator | Target | Realisasi | % Capaian |",
            "|---|---|---|---|---|",
            "| 2. | IKM | 85 | 86,41 | 101,66 |",
        ]
    )
    dok = baca_teks(teks)
    assert dok.tahun == 2024
    assert len(dok.tabel) == 1
    t = dok.tabel[0]
    assert t.label == "Tabel 3.4"
    assert t.rumus_kolom[-1] == "(5=4/3*100)"
    assert [b[1] for b in t.baris] == ["Indeks", "IKM"]
    assert t.baris_berkas == [7, 11]


def test_baca_teks_tab_dengan_jeda_halaman() -> None:
    teks = "\n".join(
        [
            "Tabel 3.10 Realisasi Anggaran",
            "URAIAN\tANGGARAN\tREALISASI",
            "A\tRp 10\tRp 9",
            "",
            "B\tRp 20\tRp 19",
            "Paragraf biasa.",
        ]
    )
    dok = baca_teks(teks)
    assert len(dok.tabel) == 1
    assert [b[0] for b in dok.tabel[0].baris] == ["A", "B"]
    assert dok.paragraf[-1].teks == "Paragraf biasa."


def test_bersihkan_sel_dan_baris_nomor() -> None:
    assert bersihkan_sel("**$93,6\\%$** <br>") == "93,6%"
    assert adalah_baris_nomor_kolom(["(1)", "(2)", "(6=5/4*100)"])
    assert adalah_baris_nomor_kolom(["1", "2", "5=3-4"])
    assert not adalah_baris_nomor_kolom(["1", "Sasaran", "100"])
    assert not adalah_baris_nomor_kolom(["7"])


def test_tahun_dokumen() -> None:
    assert tahun_dokumen("LKjIP Sekretariat Daerah Tahun 2024 ... 2023 2023") == 2024
    assert tahun_dokumen("Laporan 2022, 2023, 2023") == 2023
    assert tahun_dokumen("tanpa tahun") is None


def test_judul_tabel_yang_bukan_keterangan() -> None:
    teks = "\n".join(
        [
            "Tabel berikut menunjukkan capaian:",
            "| A | B |",
            "|---|---|",
            "| 1 | 2 |",
            "",
            "Tabel III Ringkasan",
            "| (1) | (2) |",
            "| x | 3 |",
            "",
            "Kalimat penutup yang panjang sekali dan berakhir dengan titik.",
            "| C | D |",
            "|---|---|",
            "",
            "Tabel 4.1",
            "Judul baris kedua",
            "",
            "| E | F |",
            "| 5 | 6 |",
        ]
    )
    dok = baca_teks(teks)
    assert [(t.label, t.judul) for t in dok.tabel] == [
        (None, ""),
        (None, "III Ringkasan"),
        (None, ""),
        ("Tabel 4.1", "Judul baris kedua"),
    ]
    assert dok.tabel[1].kolom == [] and dok.tabel[1].rumus_kolom == ["(1)", "(2)"]
    assert dok.tabel[2].baris == []
    assert dok.cari_tabel("Tabel 9.9") is None
