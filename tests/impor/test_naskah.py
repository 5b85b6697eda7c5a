"""The naskah_laporan sheet: the planner's own LKjIP texts, imported per unit and year."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from sakip.impor.berkas import baca_yaml
from sakip.impor.ekspor import export_dataset
from sakip.impor.services import ImporGagal, import_dataset
from sakip.laporan.models import NaskahLaporan
from sakip.organisasi.models import Unit

KATA_PENGANTAR = (
    "Puji syukur kehadirat Tuhan Yang Maha Esa atas tersusunnya laporan ini.\n"
    "\n"
    "Laporan ini disusun sesuai Peraturan Presiden Nomor 29 Tahun 2014: tentang SAKIP.\n"
)
LANDASAN_HUKUM = (
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;\n"
    "Peraturan Menteri PAN-RB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja.\n"
)


def baris_naskah(**ubah: object) -> dict[str, object]:
    baris: dict[str, object] = {
        "unit": "setda-contoh",
        "tahun": 2023,
        "kata_pengantar": KATA_PENGANTAR,
        "ikhtisar": "LKjIP ini memuat ikhtisar pencapaian sasaran.",
        "landasan_hukum": LANDASAN_HUKUM,
        "saran": "Meningkatkan koordinasi.\nMeningkatkan kompetensi ASN.\n",
        "penandatangan_nama": "Budi Santoso",
        "penandatangan_nip": "19700101 199003 1 001",
        "penandatangan_jabatan": "Sekretaris Daerah",
        "tempat": "Contoh",
        "tanggal": "2024-02-29",
    }
    baris.update(ubah)
    return baris


def impor_naskah(*baris: dict[str, object]) -> None:
    teks = yaml.safe_dump({"format": "sakip/1", "naskah_laporan": list(baris)}, allow_unicode=True)
    import_dataset(baca_yaml(teks))


def galat_naskah(*baris: dict[str, object]) -> list[str]:
    with pytest.raises(ImporGagal) as info:
        impor_naskah(*baris)
    return [str(g) for g in info.value.galat]


def test_a_naskah_row_is_stored_with_its_texts_and_signer(mini: None) -> None:
    impor_naskah(baris_naskah())
    n = NaskahLaporan.objects.get(unit__slug="setda-contoh", tahun=2023)
    # Block-scalar texts keep their paragraphs; the trailing newline is trimmed.
    assert n.kata_pengantar == KATA_PENGANTAR.strip()
    assert n.kata_pengantar.count("\n\n") == 1
    assert n.landasan_hukum.splitlines()[1].startswith("Peraturan Menteri PAN-RB")
    assert n.saran.splitlines() == ["Meningkatkan koordinasi.", "Meningkatkan kompetensi ASN."]
    assert (n.penandatangan_nama, n.penandatangan_nip, n.penandatangan_jabatan) == (
        "Budi Santoso",
        "19700101 199003 1 001",
        "Sekretaris Daerah",
    )
    assert (n.tempat, n.tanggal) == ("Contoh", dt.date(2024, 2, 29))
    # Columns left out of the row are stored empty, not as 'None'.
    assert n.dasar_pembentukan == "" and n.aspek_strategis == ""


def test_reimport_updates_the_row_instead_of_adding_one(mini: None) -> None:
    impor_naskah(baris_naskah())
    impor_naskah(
        baris_naskah(
            ikhtisar="Ikhtisar yang diperbaiki.",
            penandatangan_nama="Siti Aminah",
            tanggal="2024-03-01",
        )
    )
    assert NaskahLaporan.objects.filter(unit__slug="setda-contoh").count() == 1
    n = NaskahLaporan.objects.get(unit__slug="setda-contoh", tahun=2023)
    assert n.ikhtisar == "Ikhtisar yang diperbaiki."
    assert n.penandatangan_nama == "Siti Aminah"
    assert n.tanggal == dt.date(2024, 3, 1)
    # Another year of the same unit is a row of its own.
    impor_naskah(baris_naskah(tahun=2024))
    assert sorted(
        NaskahLaporan.objects.filter(unit__slug="setda-contoh").values_list("tahun", flat=True)
    ) == [2023, 2024]


def test_the_naskah_survives_export_and_reimport(mini: None) -> None:
    impor_naskah(baris_naskah())
    data = export_dataset(Unit.objects.get(slug="pemkab-contoh"))
    [baris] = data["naskah_laporan"]
    assert baris["unit"] == "setda-contoh" and baris["kata_pengantar"] == KATA_PENGANTAR.strip()
    NaskahLaporan.objects.all().delete()
    impor_naskah(baris)
    assert NaskahLaporan.objects.get().landasan_hukum == LANDASAN_HUKUM.strip()


def test_an_unknown_unit_is_a_row_error_and_nothing_is_stored(mini: None) -> None:
    galat = galat_naskah(baris_naskah(), baris_naskah(unit="setda-tidak-ada"))
    assert galat == [
        "lembar 'naskah_laporan', baris 2, kolom 'unit': unit tidak dikenal (belum ada di lembar "
        "'unit') (nilai: setda-tidak-ada)"
    ]
    # The whole import is refused: not even the good first row lands.
    assert not NaskahLaporan.objects.exists()


@pytest.mark.parametrize("tanggal", ["29-02-2024", "Februari 2024", "2024-02-30"])
def test_an_invalid_date_is_reported_clearly(mini: None, tanggal: str) -> None:
    galat = galat_naskah(baris_naskah(tanggal=tanggal))
    assert galat == [
        "lembar 'naskah_laporan', baris 1, kolom 'tanggal': tanggal harus berformat TTTT-BB-HH, "
        f"misalnya 2024-01-31 (nilai: {tanggal})"
    ]
    assert not NaskahLaporan.objects.exists()


def test_unit_and_year_are_required_and_a_second_row_for_them_is_a_duplicate(
    mini: None,
) -> None:
    teks = "\n".join(
        galat_naskah(
            baris_naskah(unit=""),
            baris_naskah(),
            baris_naskah(ikhtisar="lagi"),
        )
    )
    assert "lembar 'naskah_laporan', baris 1, kolom 'unit': wajib diisi" in teks
    assert "lembar 'naskah_laporan', baris 3" in teks and "duplikat" in teks
    assert not NaskahLaporan.objects.exists()
