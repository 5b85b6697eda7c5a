"""Import and export through the service the command and the UI use."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.core.management import call_command
from openpyxl import load_workbook

from sakip.anggaran.models import Anggaran, RealisasiAnggaran
from sakip.evaluasi.models import HasilEvaluasi
from sakip.impor.berkas import baca_berkas, baca_xlsx, baca_yaml, tulis_xlsx, tulis_yaml
from sakip.impor.ekspor import export_dataset
from sakip.impor.services import ImporGagal, import_dataset
from sakip.kinerja import Predikat
from sakip.organisasi.models import Keanggotaan, Peran, Unit
from sakip.pengukuran.models import Realisasi
from sakip.perencanaan.models import Indikator, Program, SubKegiatan
from sakip.perjanjian.models import PerjanjianKinerja, PKTarget

DATA = Path(__file__).parent.parent / "data"
MINI = (DATA / "mini.yaml").read_text(encoding="utf-8")

MODELS = [Unit, Program, SubKegiatan, Indikator, Realisasi, Anggaran, RealisasiAnggaran]


def jumlah_baris() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def mini_dengan(**ubah: list[dict[str, object]]) -> str:
    data = yaml.safe_load(MINI)
    for lembar, baris in ubah.items():
        data[lembar] = baris
    return yaml.safe_dump(data, allow_unicode=True)


def test_import_writes_every_sheet(mini: None) -> None:
    assert Unit.objects.get(slug="contoh-bagian-a").induk.slug == "setda-contoh"
    sub = SubKegiatan.objects.get(kode="4.01.02.2.01.0001")
    assert sub.kegiatan.program.kode == "4.01.02"
    assert Anggaran.objects.get(sub_kegiatan=sub).pagu == Decimal("556247135")
    assert Realisasi.objects.get(indikator__kode="KEG-4.01.02.2.02").nilai == "83,33"
    pk = PerjanjianKinerja.objects.get(unit__slug="setda-contoh", tahun=2023)
    assert pk.terkunci
    # The definition the PK used is kept with it.
    assert PKTarget.objects.get(pk_dokumen=pk, indikator__kode="IKU-02").polaritas == "minimal"
    hasil = HasilEvaluasi.objects.get(unit__slug="setda-contoh", tahun=2023)
    assert hasil.nilai() == Decimal("81.80")
    assert hasil.predikat() is Predikat.A
    assert HasilEvaluasi.objects.get(unit__slug="contoh-dinas").predikat() is Predikat.B


def test_import_is_idempotent(mini: None) -> None:
    sebelum = jumlah_baris()
    import_dataset(baca_yaml(MINI))
    assert jumlah_baris() == sebelum


@pytest.mark.django_db(transaction=True)
def test_round_trip_yaml_and_excel_through_an_empty_database() -> None:
    import_dataset(baca_yaml(MINI))
    pemda = Unit.objects.get(slug="pemkab-contoh")
    pertama = export_dataset(pemda)
    teks = tulis_yaml(pertama)
    xlsx = tulis_xlsx(pertama)
    for berkas in (baca_yaml(teks), baca_xlsx(xlsx)):
        call_command("flush", interactive=False, verbosity=0)
        assert Unit.objects.count() == 0
        import_dataset(berkas)
        assert export_dataset(Unit.objects.get(slug="pemkab-contoh")) == pertama


def galat_dari(teks: str) -> list[str]:
    with pytest.raises(ImporGagal) as info:
        import_dataset(baca_yaml(teks))
    return [str(g) for g in info.value.galat]


@pytest.mark.django_db
def test_text_in_a_number_column_is_reported_with_its_place_and_nothing_is_written() -> None:
    data = yaml.safe_load(MINI)
    data["anggaran"][1]["pagu"] = "satu miliar"
    galat = galat_dari(yaml.safe_dump(data, allow_unicode=True))
    assert galat == [
        "lembar 'anggaran', baris 2, kolom 'pagu': 'satu miliar' bukan angka (nilai: satu miliar)"
    ]
    assert all(n == 0 for n in jumlah_baris().values())


@pytest.mark.django_db
def test_every_bad_row_is_reported_at_once() -> None:
    data = yaml.safe_load(MINI)
    data["program"].append(dict(data["program"][0]))  # duplicate code
    data["kegiatan"][0]["unit"] = "bagian-tidak-ada"  # unknown unit
    data["evaluasi_akip"][5]["nilai"] = "814,80"  # the Kaltim recap's typo
    data["realisasi"][0]["tahun"] = "dua ribu"
    galat = galat_dari(yaml.safe_dump(data, allow_unicode=True))
    teks = "\n".join(galat)
    assert "lembar 'program', baris 2, kolom 'kode': duplikat: baris 1 sudah memuat" in teks
    assert "lembar 'kegiatan', baris 1, kolom 'unit': unit tidak dikenal" in teks
    assert (
        "lembar 'evaluasi_akip', baris 6, kolom 'nilai': nilai 814,80 di luar rentang 0–100" in teks
    )
    assert "lembar 'realisasi', baris 1, kolom 'tahun': 'dua ribu' bukan angka" in teks
    assert all(n == 0 for n in jumlah_baris().values())


@pytest.mark.django_db
def test_a_missing_sheet_leaves_its_dependants_unresolved() -> None:
    data = yaml.safe_load(MINI)
    del data["indikator"]
    galat = galat_dari(yaml.safe_dump(data, allow_unicode=True))
    assert any(
        "lembar 'target', baris 1, kolom 'indikator': indikator tidak dikenal" in g for g in galat
    )
    assert Indikator.objects.count() == 0 and Unit.objects.count() == 0


@pytest.mark.django_db
def test_unknown_sheet_and_column_are_errors_not_silently_ignored() -> None:
    data = yaml.safe_load(MINI)
    data["anggran"] = []
    data["unit"][0]["kepal_nama"] = "x"
    galat = galat_dari(yaml.safe_dump(data, allow_unicode=True))
    assert "lembar 'anggran': lembar tidak dikenal" in galat
    assert (
        "lembar 'unit', baris 1, kolom 'kepal_nama': kolom tidak dikenal (lihat docs/dataset.md)"
        in galat
    )


def test_a_user_cannot_import_rows_of_a_unit_they_may_not_write(mini: None) -> None:
    user = get_user_model().objects.create_user("operator.b", password="x")
    Keanggotaan.objects.create(
        user=user, unit=Unit.objects.get(slug="contoh-bagian-b"), peran=Peran.OPERATOR
    )
    data = {
        "format": "sakip/1",
        "realisasi": [
            {
                "renstra": "setda-contoh-2022-2026",
                "indikator": "KEG-4.01.02.2.02",
                "tahun": 2023,
                "periode": "TAHUN",
                "nilai": "90",
            },
            {
                "renstra": "setda-contoh-2022-2026",
                "indikator": "SUB-4.01.02.2.01.0001",
                "tahun": 2024,
                "periode": "TW1",
                "nilai": "10",
            },
        ],
    }
    with pytest.raises(ImporGagal) as info:
        import_dataset(baca_yaml(yaml.safe_dump(data)), user)
    assert [str(g) for g in info.value.galat] == [
        "lembar 'realisasi', baris 2, kolom 'indikator': Anda tidak berwenang mengubah data unit ini "
        "(nilai: SUB-4.01.02.2.01.0001)"
    ]
    assert Realisasi.objects.get(indikator__kode="KEG-4.01.02.2.02").nilai == "83,33"
    # Within their own unit the same user's import lands.
    import_dataset(baca_yaml(yaml.safe_dump({**data, "realisasi": data["realisasi"][:1]})), user)
    assert Realisasi.objects.get(indikator__kode="KEG-4.01.02.2.02").nilai == "90"


def test_a_signed_pk_cannot_be_changed_by_import(mini: None) -> None:
    data = {
        "format": "sakip/1",
        "pk_target": [
            {
                "unit": "setda-contoh",
                "tahun": 2023,
                "revisi": 1,
                "indikator": "IKU-01",
                "target": "90",
            }
        ],
    }
    with pytest.raises(ImporGagal) as info:
        import_dataset(baca_yaml(yaml.safe_dump(data)))
    assert "sudah ditandatangani dan terkunci; buat revisi baru" in str(info.value.galat[0])


def test_derived_realisasi_cannot_also_be_typed(mini: None) -> None:
    data = {
        "format": "sakip/1",
        "realisasi": [
            {
                "renstra": "setda-contoh-2022-2026",
                "indikator": "IKU-01",
                "tahun": 2023,
                "periode": "TAHUN",
                "nilai": "100",
            }
        ],
    }
    with pytest.raises(ImporGagal) as info:
        import_dataset(baca_yaml(yaml.safe_dump(data)))
    assert "realisasi indikator ini diturunkan" in str(info.value.galat[0])


def test_derived_indicator_takes_a_history_year_with_its_source(mini: None) -> None:
    """An earlier report's figure, for a year the source module has no data for."""
    from sakip.pengukuran.models import Realisasi

    baris = {
        "renstra": "setda-contoh-2022-2026",
        "indikator": "IKU-01",
        "tahun": 2021,
        "periode": "TW1",
        "nilai": "97,5",
        "catatan": "Histori, LKjIP 2021 Tabel 3.2",
    }
    with pytest.raises(ImporGagal):
        import_dataset(baca_yaml(yaml.safe_dump({"format": "sakip/1", "realisasi": [baris]})))
    baris["periode"] = "TAHUN"
    import_dataset(baca_yaml(yaml.safe_dump({"format": "sakip/1", "realisasi": [baris]})))
    assert Realisasi.objects.get(indikator__kode="IKU-01", tahun=2021).nilai == "97,5"


def test_year_value_and_period_values_together_are_refused(mini: None) -> None:
    data = {
        "format": "sakip/1",
        "realisasi": [
            {
                "renstra": "setda-contoh-2022-2026",
                "indikator": "SUB-4.01.02.2.01.0001",
                "tahun": 2023,
                "periode": "TAHUN",
                "nilai": "946",
            }
        ],
    }
    with pytest.raises(ImporGagal) as info:
        import_dataset(baca_yaml(yaml.safe_dump(data)))
    assert "punya nilai TAHUN sekaligus nilai per periode" in str(info.value.galat[0])


@pytest.mark.django_db
def test_bad_codes_are_refused_with_the_expected_format() -> None:
    data = yaml.safe_load(MINI)
    data["kegiatan"][0]["kode"] = "4.01.03.2.01"
    galat = galat_dari(yaml.safe_dump(data, allow_unicode=True))
    assert (
        "lembar 'kegiatan', baris 1, kolom 'kode': kode kegiatan 4.01.03.2.01 tidak diawali kode induknya 4.01.02"
        in "\n".join(galat)
    )


@pytest.mark.django_db
def test_excel_merged_cells_are_read_for_every_row_and_formulas_without_value_reported() -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "unit"
    ws.append(["slug", "nama", "jenis", "induk"])
    ws.append(["pemkab-x", "Pemkab X", "pemda", None])
    ws.append(["x-dinas-a", "Dinas A", "perangkat_daerah", "pemkab-x"])
    ws.append(["x-dinas-b", "Dinas B", None, "pemkab-x"])
    ws.merge_cells("C3:C4")
    ws2 = wb.create_sheet("sarana")
    ws2.append(["unit", "tahun", "uraian", "jumlah"])
    ws2.append(["x-dinas-a", 2024, "Komputer", "=2+3"])
    berkas = io.BytesIO()
    wb.save(berkas)
    ds = baca_xlsx(berkas.getvalue())
    assert ds.lembar["unit"][2].nilai["jenis"] == "perangkat_daerah"
    assert [str(g) for g in ds.galat] == [
        "lembar 'sarana', baris 2, kolom 'jumlah': rumus tanpa nilai tersimpan: buka dan simpan berkas "
        "di Excel/LibreOffice agar nilainya terhitung, atau ketik nilainya (nilai: =2+3)"
    ]


def test_blank_template_has_instructions_and_every_sheet(tmp_path: Path) -> None:
    call_command("template", str(tmp_path / "templat.xlsx"))
    wb = load_workbook(tmp_path / "templat.xlsx")
    assert wb.sheetnames[0] == "petunjuk"
    assert "realisasi_anggaran" in wb.sheetnames and "indikator" in wb.sheetnames
    assert [c.value for c in wb["target"][1]] == [
        "renstra",
        "indikator",
        "tahun",
        "periode",
        "nilai",
    ]


def test_import_and_export_commands(
    mini: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for nama in ("ekspor.yaml", "ekspor.json", "ekspor.xlsx"):
        call_command("export", str(tmp_path / nama), unit="setda-contoh", tahun=2023)
        call_command("import", str(tmp_path / nama))
    keluar = capsys.readouterr().out
    assert "Impor berhasil" in keluar and "Ekspor" in keluar
    assert baca_berkas(tmp_path / "ekspor.yaml").galat == []


def test_import_command_reports_errors_and_fails(db: None, tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    (tmp_path / "salah.yaml").write_text(
        "format: sakip/1\nunit:\n  - {slug: X Y, nama: a, jenis: pemda}\n"
    )
    with pytest.raises(CommandError, match="1 kesalahan; tidak ada data yang disimpan"):
        call_command("import", str(tmp_path / "salah.yaml"))


@pytest.mark.django_db
def test_a_text_longer_than_its_column_is_an_error_on_every_database() -> None:
    """SQLite would store it and PostgreSQL would fail mid-import: both report the row."""
    data = {
        "format": "sakip/1",
        "unit": [{"slug": "dinas-x", "nama": "Dinas X", "jenis": "pemda", "singkatan": "X" * 121}],
    }
    with pytest.raises(ImporGagal) as info:
        import_dataset(baca_yaml(yaml.safe_dump(data)))
    galat = info.value.galat[0]
    assert (galat.lembar, galat.baris, galat.kolom) == ("unit", 1, "singkatan")
    assert "terlalu panjang: 121 karakter, paling banyak 120" in str(galat)
    assert not Unit.objects.exists()
