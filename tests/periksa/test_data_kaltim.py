"""The stored-data checks on the Kaltim demo, with slips added; acceptances; exports."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from sakip.anggaran.models import RealisasiAnggaran
from sakip.kinerja.periksa.temuan import Tingkat
from sakip.organisasi.models import Keanggotaan, Peran, Unit
from sakip.pengukuran.models import Realisasi
from sakip.periksa.ekspor import ke_json, ke_xlsx
from sakip.periksa.models import PenerimaanTemuan
from sakip.periksa.selectors import data_unit, penerimaan, temuan_data
from sakip.periksa.services import batalkan_penerimaan, terima_temuan

from .test_perintah import jalankan

TAHUN = 2024


@pytest.fixture
def setda(demo_kaltim: None, db: None) -> Unit:
    return Unit.objects.get(slug="setda-kaltim")


def pengguna(nama: str, slug: str, peran: str) -> object:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(nama, password="rahasia-uji")
    Keanggotaan.objects.create(user=user, unit=Unit.objects.get(slug=slug), peran=peran)
    return user


def per_kode(temuan: list, k: str) -> list:  # type: ignore[type-arg]
    return [t for t in temuan if t.kode == k]


def test_demo_as_stored_carries_the_seed_slips(setda: Unit) -> None:
    temuan = temuan_data(setda, TAHUN)
    [pagu] = per_kode(temuan, "ANGGARAN_MELEBIHI_PAGU")
    assert "Fasilitasi Kunjungan Tamu" in pagu.pesan
    assert "Rp 2.146.259.800 melebihi pagunya Rp 1.702.086.000" in pagu.pesan
    assert pagu.lokasi.tautan == reverse(
        "pengukuran:isian", kwargs={"unit": "kaltim-biro-umum", "tahun": TAHUN, "periode": "TW4"}
    )
    [jumlah] = per_kode(temuan, "JUMLAH_ANGGARAN")
    assert "tersimpan Rp 535.648.948.995, seharusnya Rp 546.949.028.754" in jumlah.pesan
    # The figures the seed prints right give no finding.
    assert not per_kode(temuan, "KUALITATIF_TAK_SEBANDING")
    assert not per_kode(temuan, "TARGET_TIDAK_DIREVISI")
    # One finding per indicator with nothing typed, not one per TW.
    kosong = per_kode(temuan, "REALISASI_KOSONG")
    assert len({t.lokasi.uraian for t in kosong}) == len(kosong)


def test_added_slips_are_found(setda: Unit) -> None:
    r = Realisasi.objects.get(indikator__kode="IKU-05", tahun=TAHUN, periode="TAHUN")
    nama = r.indikator.nama
    r.delete()
    ra = RealisasiAnggaran.objects.filter(tahun=TAHUN).exclude(
        sub_kegiatan__nama="Fasilitasi Kunjungan Tamu"
    )[0]
    ra.nilai = ra.nilai + Decimal("1000000000000")
    ra.save()
    outlier = Realisasi.objects.get(indikator__kode="IKU-08", tahun=TAHUN, periode="TAHUN")
    outlier.nilai = "200"
    outlier.catatan = ""
    outlier.save()

    temuan = temuan_data(setda, TAHUN)
    kosong = [t for t in per_kode(temuan, "REALISASI_KOSONG") if nama in t.pesan]
    assert len(kosong) == 1 and "TW I s.d. TW IV" in kosong[0].pesan
    assert "/isian/" in (kosong[0].lokasi.tautan or "")
    pagu = per_kode(temuan, "ANGGARAN_MELEBIHI_PAGU")
    assert any(ra.sub_kegiatan.nama in t.pesan for t in pagu)
    [luar] = [
        t
        for t in per_kode(temuan, "CAPAIAN_TANPA_PENJELASAN")
        if "IKU-08" in (t.lokasi.uraian or "")
    ]
    assert "281,69%" in luar.pesan  # 200 / 71 × 100
    teks, status = jalankan("--unit", "setda-kaltim", "--year", str(TAHUN))
    assert status == 1
    assert "Galat (" in teks and "CAPAIAN_TANPA_PENJELASAN" in teks


def test_data_unit_gathers_the_year(setda: Unit) -> None:
    data = data_unit(setda, TAHUN)
    iku = {i.kode: i for i in data.indikator if i.kode.startswith("IKU-")}
    assert len(iku) == 13
    assert iku["IKU-01"].perlu_narasi and iku["IKU-01"].ada_narasi
    assert iku["IKU-08"].target == "71"
    assert data.revisi_pk[0].anggaran["4.01.01"] == Decimal("280725631572")
    assert "TW4" in data.periode_jatuh_tempo and "S2" in data.periode_jatuh_tempo


def test_acceptance_permissions_and_exit_status(setda: Unit, tmp_path: Path) -> None:
    temuan = temuan_data(setda, TAHUN)
    galat = [t for t in temuan if t.tingkat is Tingkat.GALAT]
    assert galat
    perencana = pengguna("p", "setda-kaltim", Peran.PERENCANA)
    for nama, slug, peran in (
        ("o", "kaltim-biro-umum", Peran.OPERATOR),
        ("k", "setda-kaltim", Peran.PIMPINAN),
        ("e", "pemprov-kaltim", Peran.EVALUATOR),
    ):
        with pytest.raises(PermissionDenied):
            terima_temuan(pengguna(nama, slug, peran), setda, TAHUN, galat[0], "alasan")
    asing = pengguna("asing", "kaltim-biro-hukum", Peran.PERENCANA)
    with pytest.raises(PermissionDenied):
        terima_temuan(asing, setda, TAHUN, galat[0], "alasan")
    with pytest.raises(ValidationError):
        terima_temuan(perencana, setda, TAHUN, galat[0], "   ")

    for t in galat:
        terima_temuan(perencana, setda, TAHUN, t, "Sesuai dokumen DPA; dicatat di LHE.")
    p = penerimaan(setda, TAHUN)
    assert set(p) == {t.sidik for t in galat}
    assert p[galat[0].sidik].diterima_oleh == perencana
    # Accepting again replaces the reason, one row per finding.
    terima_temuan(perencana, setda, TAHUN, galat[0], "Alasan baru")
    assert PenerimaanTemuan.objects.filter(unit=setda).count() == len(galat)

    xlsx, js = tmp_path / "t.xlsx", tmp_path / "t.json"
    teks, status = jalankan(
        "--unit", "setda-kaltim", "--year", str(TAHUN), "--xlsx", str(xlsx), "--json", str(js)
    )
    assert status == 0
    assert "[diterima]" in teks and "Alasan diterima: Alasan baru" in teks
    dok = json.loads(js.read_text(encoding="utf-8"))
    assert dok["ringkasan"]["diterima"] == len(galat)
    diterima = [d for d in dok["temuan"] if d["diterima"]]
    assert {d["diterima"]["oleh"] for d in diterima} == {"p"}
    lembar = load_workbook(io.BytesIO(xlsx.read_bytes())).active
    assert lembar["A1"].value.startswith("Pemeriksaan data")
    assert lembar["A3"].value == "Tingkat" and lembar["A3"].font.bold
    assert lembar.freeze_panes == "A4"
    assert lembar.auto_filter.ref.startswith("A3:")
    assert lembar.max_row == 3 + len(dok["temuan"])

    assert batalkan_penerimaan(perencana, setda, TAHUN, galat[0].sidik)
    assert not batalkan_penerimaan(perencana, setda, TAHUN, galat[0].sidik)
    _, status = jalankan(
        "--unit",
        "setda-kaltim",
        "--year",
        str(TAHUN),
        "--kode",
        "ANGGARAN_MELEBIHI_PAGU,JUMLAH_ANGGARAN",
    )
    assert status == 1


def test_exports_without_acceptances() -> None:
    from sakip.kinerja.periksa.temuan import Lokasi, Temuan

    t = Temuan("X", Tingkat.CATATAN, "pesan", Lokasi(tabel="Tabel 3.1", baris=2))
    dok = json.loads(ke_json([t]))
    assert dok["ringkasan"] == {"galat": 0, "peringatan": 0, "catatan": 1, "diterima": 0}
    assert dok["temuan"][0]["diterima"] is None
    lembar = load_workbook(io.BytesIO(ke_xlsx([]))).active
    assert lembar["A1"].value == "Tingkat" and lembar.freeze_panes == "A2"


def test_laporan_flag_adds_the_report_as_built(setda: Unit) -> None:
    """`--laporan` checks the unit's LKjIP as it would be built now, beside its data."""
    teks, status = jalankan("--unit", "setda-kaltim", "--year", str(TAHUN), "--laporan")
    # the data finding and the same slip seen in the report's budget table
    assert "ANGGARAN_MELEBIHI_PAGU · Realisasi anggaran" in teks
    assert re.search(
        r"REALISASI_MELEBIHI_PAGU · Tabel 3\.\d+, baris \d+, “Fasilitasi Kunjungan Tamu”", teks
    )
    assert "Fasilitasi Kunjungan Tamu" in teks
    # our own report carries no error of its own: the errors are the data's
    assert status == 1
    teks, _ = jalankan(
        "--unit", "setda-kaltim", "--year", str(TAHUN), "--laporan", "--kode", "CAPAIAN_HITUNG"
    )
    assert "Ringkasan: 0 temuan" in teks
    with pytest.raises(Exception, match="BERKAS"):
        jalankan("seed.txt", "--laporan")
