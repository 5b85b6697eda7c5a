"""The planner's LKjIP texts (naskah_laporan) of both demo agencies, as transcribed from the seeds.

Kaltim 2024 is seed 000 (Kata Pengantar signed SRI WAHYUNI, Samarinda, Februari 2025);
Paser 2023 is seed 002 (signed Drs. KATSUL WIJAYA, M.Si, Tana Paser, Februari 2024).
Neither seed prints a day, so the dataset stores the last day of the month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from sakip.core.management.commands.load_demo import DEMO_DIR
from sakip.impor.berkas import baca_berkas
from sakip.impor.skema import KOLOM_TEKS_NASKAH
from sakip.laporan.dokumen import Blok, Dokumen, Grafik, Judul, Paragraf, TandaTangan
from sakip.laporan.models import NaskahLaporan
from sakip.laporan.services import susun_dokumen
from sakip.organisasi.models import Unit


def _naskah(berkas: str) -> list[dict[str, object]]:
    ds = baca_berkas(DEMO_DIR / berkas)
    assert ds.galat == []
    return [b.nilai for b in ds.baris("naskah_laporan")]


@pytest.mark.parametrize(
    ("berkas", "unit", "tahun"),
    [("setda-kaltim.yaml", "setda-kaltim", 2024), ("setda-paser.yaml", "setda-paser", 2023)],
)
def test_each_dataset_has_one_naskah_row_for_the_setda_and_report_year(
    berkas: str, unit: str, tahun: int
) -> None:
    [baris] = _naskah(berkas)
    assert baris["unit"] == unit and int(str(baris["tahun"])) == tahun
    assert set(baris) <= {"unit", "tahun", "tanggal", *KOLOM_TEKS_NASKAH}
    # Multi-paragraph texts are written as block scalars: paragraphs split by a blank line.
    for kolom in ("kata_pengantar", "ikhtisar", "tugas_fungsi", "kesimpulan"):
        teks = str(baris[kolom])
        assert "\n\n" in teks, kolom
        assert "*" not in teks and "|" not in teks, kolom  # no markdown or table residue


def _bab(dok: Dokumen, mulai: str, sampai: str) -> list[Blok]:
    """The blocks from the heading starting with ``mulai`` up to the one starting with ``sampai``."""
    blok = dok.blok
    awal = next(i for i, b in enumerate(blok) if isinstance(b, Judul) and b.teks.startswith(mulai))
    akhir = next(
        i
        for i, b in enumerate(blok)
        if i > awal and isinstance(b, Judul) and b.teks.startswith(sampai)
    )
    return blok[awal + 1 : akhir]


def _paragraf_perencana(blok: list[Blok]) -> list[str]:
    return [b.teks for b in blok if isinstance(b, Paragraf) and b.gaya == "narasi_operator"]


# --- Kaltim 2024 ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def kaltim_dok(demo_kaltim: None, django_db_blocker: object) -> Iterator[Dokumen]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        dok, _templat = susun_dokumen(Unit.objects.get(slug="setda-kaltim"), 2024)
    yield dok


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_kaltim")
def test_kaltim_naskah_is_stored_with_its_signer() -> None:
    n = NaskahLaporan.objects.get(unit__slug="setda-kaltim", tahun=2024)
    assert n.penandatangan_nama.upper() == "SRI WAHYUNI"
    assert n.penandatangan_jabatan == "Sekretaris Daerah"
    assert n.penandatangan_nip == ""  # not printed in seed 000
    assert (n.tempat, n.tanggal) == ("Samarinda", dt.date(2025, 2, 28))
    assert n.kata_pengantar.startswith("Puji syukur kehadirat Allah SWT")
    assert n.kata_pengantar.count("\n\n") == 4  # five paragraphs, no signature block
    assert "SRI WAHYUNI" not in n.kata_pengantar and "Februari 2025" not in n.kata_pengantar
    # The Ikhtisar's opening only: the budget and results paragraphs are generated.
    assert n.ikhtisar.count("\n\n") == 2
    assert "535.648.948.995" not in n.ikhtisar and "Capaian" not in n.ikhtisar
    hukum = n.landasan_hukum.splitlines()
    assert len(hukum) == 6
    assert hukum[0].startswith("Peraturan Pemerintah Nomor 8 Tahun 2006")
    assert hukum[-1].startswith("Peraturan Gubernur Nomor 26 Tahun 2022")
    # The paragraph cut by a page break ("Nomor / 56 Tahun 2019") is one sentence again.
    assert "Peraturan Menteri Dalam Negeri Nomor 56 Tahun 2019" in n.struktur_organisasi
    assert "Kepala Daerah melalui Sekretaris Daerah" in n.aspek_strategis  # seed: "Kelapa"
    assert "dinyatakan berhasil" in n.kesimpulan
    assert n.saran == ""  # seed 000 Bab IV has no Saran


@pytest.mark.django_db
def test_kaltim_report_uses_the_planners_texts(kaltim_dok: Dokumen) -> None:
    pengantar = _bab(kaltim_dok, "KATA PENGANTAR", "IKHTISAR")
    assert len(_paragraf_perencana(pengantar)) == 5
    [ttd] = [b for b in pengantar if isinstance(b, TandaTangan)]
    assert ttd.nama == "SRI WAHYUNI"
    assert ttd.tempat_tanggal == "Samarinda, 28 Februari 2025"
    assert ttd.jabatan == "SEKRETARIS DAERAH,"
    ikhtisar = _bab(kaltim_dok, "IKHTISAR", "DAFTAR ISI")
    assert _paragraf_perencana(ikhtisar)[1].startswith("LKjIP Tahun 2024 ini merupakan")
    bab_1 = _bab(kaltim_dok, "BAB I ", "BAB II ")
    hukum = [b.teks for b in bab_1 if isinstance(b, Paragraf) and b.gaya == "daftar_angka"]
    assert hukum[0].startswith("1.\tPeraturan Pemerintah Nomor 8 Tahun 2006")
    # The Struktur Organisasi text refers to "Gambar 1.1": the chart drawn next gets that number.
    [bagan] = [b for b in bab_1 if isinstance(b, Grafik) and b.kunci == "bagan-organisasi"]
    assert bagan.nomor == "1.1"
    assert any("Gambar 1.1" in t for t in _paragraf_perencana(bab_1))
    penutup = _bab(kaltim_dok, "BAB IV", "LAMPIRAN")
    assert any("dinyatakan berhasil" in t for t in _paragraf_perencana(penutup))


# --- Paser 2023 -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def paser_dok(demo_paser: None, django_db_blocker: object) -> Iterator[Dokumen]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        dok, _templat = susun_dokumen(Unit.objects.get(slug="setda-paser"), 2023)
    yield dok


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_paser")
def test_paser_naskah_is_stored_with_its_signer() -> None:
    n = NaskahLaporan.objects.get(unit__slug="setda-paser", tahun=2023)
    assert n.penandatangan_nama.upper() == "DRS. KATSUL WIJAYA, M.SI"
    assert n.penandatangan_nip == "19661211 198609 1 002"
    assert n.penandatangan_jabatan == "Sekretaris Daerah"
    assert (n.tempat, n.tanggal) == ("Tana Paser", dt.date(2024, 2, 29))
    assert n.kata_pengantar.startswith("Puji syukur kami panjatkan")
    assert n.kata_pengantar.count("\n\n") == 2
    assert "108,25" not in n.ikhtisar  # the printed results paragraph is generated instead
    assert "Peraturan Bupati Paser Nomor 01 Tahun 2023" in n.tugas_fungsi
    assert "Bagian Perencanaan dan Keuangan" in n.struktur_organisasi
    # Seed 002 has no Dasar Pembentukan, Landasan Hukum or Aspek Strategis section.
    assert n.dasar_pembentukan == n.landasan_hukum == n.aspek_strategis == ""
    assert len(n.saran.splitlines()) == 3
    assert all(s.startswith("Hendaknya") for s in n.saran.splitlines())


@pytest.mark.django_db
def test_paser_report_uses_the_planners_texts(paser_dok: Dokumen) -> None:
    pengantar = _bab(paser_dok, "KATA PENGANTAR", "IKHTISAR")
    [ttd] = [b for b in pengantar if isinstance(b, TandaTangan)]
    assert ttd.nama == "DRS. KATSUL WIJAYA, M.SI"
    assert ttd.nip == "19661211 198609 1 002"
    assert ttd.tempat_tanggal == "Tana Paser, 29 Februari 2024"
    penutup = _bab(paser_dok, "BAB IV", "LAMPIRAN")
    saran = [b.teks for b in penutup if isinstance(b, Paragraf) and b.gaya == "daftar_angka"]
    assert "3.\tHendaknya dilakukan peningkatan kompetensi" in "\n".join(saran)
    assert not any("belum diisi" in str(getattr(b, "teks", "")) for b in penutup)
