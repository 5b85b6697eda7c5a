"""The life of a TW's data: draf → diajukan → diverifikasi / dikembalikan → final."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip.anggaran.models import RealisasiAnggaran
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import PengajuanPeriode, Realisasi, StatusData
from sakip.pengukuran.services import (
    DitolakError,
    KonflikError,
    ajukan_periode,
    finalkan_periode,
    kembalikan_periode,
    koreksi_realisasi,
    simpan_realisasi,
    simpan_realisasi_anggaran,
    verifikasi_periode,
)
from sakip.perencanaan.models import Indikator, SubKegiatan
from sakip.perhitungan.services import hitung_kinerja

TAHUN = 2024


def ind(kode: str) -> Indikator:
    return Indikator.objects.select_related("unit").get(kode=kode)


def unit(slug: str) -> Unit:
    return Unit.objects.get(slug=slug)


def test_operator_saves_a_draft_in_indonesian_format(pengguna: dict[str, object]) -> None:
    hasil = simpan_realisasi(
        pengguna["operator_a"], ind("SUB-4.01.02.2.01.0001"), TAHUN, "TW1", "1.234"
    )
    assert hasil.dibuat
    r = Realisasi.objects.get(indikator__kode="SUB-4.01.02.2.01.0001", tahun=TAHUN)
    assert (r.nilai, r.status, r.versi) == ("1.234", StatusData.DRAF, 1)
    assert r.history.first().history_user == pengguna["operator_a"]


def test_operator_cannot_write_another_units_indicator(pengguna: dict[str, object]) -> None:
    with pytest.raises(DitolakError, match="tidak berwenang mengubah data Bagian A"):
        simpan_realisasi(pengguna["operator_b"], ind("SUB-4.01.02.2.01.0001"), TAHUN, "TW1", "5")
    for peran in ("pimpinan", "evaluator"):
        with pytest.raises(DitolakError, match="tidak berwenang"):
            simpan_realisasi(pengguna[peran], ind("KEG-4.01.02.2.02"), TAHUN, "TW1", "5")
    assert not Realisasi.objects.filter(tahun=TAHUN).exists()


def test_bad_value_and_derived_indicator_are_refused(pengguna: dict[str, object]) -> None:
    with pytest.raises(DitolakError, match="'sepuluh'"):
        simpan_realisasi(pengguna["operator_b"], ind("KEG-4.01.02.2.02"), TAHUN, "TW1", "sepuluh")
    with pytest.raises(DitolakError, match="diturunkan otomatis"):
        simpan_realisasi(pengguna["perencana"], ind("IKU-01"), TAHUN, "TW1", "90")


def test_submitted_tw_is_locked_for_the_operator_and_a_returned_one_shows_the_reason(
    pengguna: dict[str, object],
) -> None:
    op, perencana = pengguna["operator_b"], pengguna["perencana"]
    keg = ind("KEG-4.01.02.2.02")
    simpan_realisasi(op, keg, TAHUN, "TW1", "40")
    ajukan_periode(op, unit("contoh-bagian-b"), TAHUN, "TW1")
    assert Realisasi.objects.get(indikator=keg, tahun=TAHUN).status == StatusData.DIAJUKAN
    with pytest.raises(DitolakError, match="sedang diajukan; operator tidak dapat mengubahnya"):
        simpan_realisasi(op, keg, TAHUN, "TW1", "45")
    with pytest.raises(DitolakError, match="Hanya perencana"):
        verifikasi_periode(op, unit("contoh-bagian-b"), TAHUN, "TW1")
    with pytest.raises(DitolakError, match="alasan"):
        kembalikan_periode(perencana, unit("contoh-bagian-b"), TAHUN, "TW1", "  ")
    kembalikan_periode(perencana, unit("contoh-bagian-b"), TAHUN, "TW1", "Lampirkan notulen rapat.")
    pengajuan = PengajuanPeriode.objects.get(
        unit__slug="contoh-bagian-b", tahun=TAHUN, periode="TW1"
    )
    assert (pengajuan.status, pengajuan.alasan) == (
        StatusData.DIKEMBALIKAN,
        "Lampirkan notulen rapat.",
    )
    simpan_realisasi(op, keg, TAHUN, "TW1", "45")
    assert Realisasi.objects.get(indikator=keg, tahun=TAHUN).nilai == "45"


def test_verified_only_selectors_leave_out_a_draft(pengguna: dict[str, object]) -> None:
    from sakip.perencanaan.models import Target

    op, perencana = pengguna["operator_b"], pengguna["perencana"]
    keg = ind("KEG-4.01.02.2.02")
    Target.objects.create(indikator=keg, tahun=TAHUN, nilai="100")
    simpan_realisasi(op, keg, TAHUN, "TAHUN", "90")
    assert Realisasi.objects.filter(indikator=keg, tahun=TAHUN).terverifikasi().count() == 0
    setda = unit("setda-contoh")
    assert hitung_kinerja(setda, TAHUN).hasil(keg.kode).capaian == Decimal("90.00")
    assert hitung_kinerja(setda, TAHUN, hanya_terverifikasi=True).hasil(keg.kode).capaian is None
    ajukan_periode(op, unit("contoh-bagian-b"), TAHUN, "TAHUN")
    verifikasi_periode(perencana, unit("contoh-bagian-b"), TAHUN, "TAHUN")
    assert hitung_kinerja(setda, TAHUN, hanya_terverifikasi=True).hasil(
        keg.kode
    ).capaian == Decimal("90.00")


def test_final_values_change_only_by_a_recorded_correction(pengguna: dict[str, object]) -> None:
    op, perencana = pengguna["operator_b"], pengguna["perencana"]
    keg = ind("KEG-4.01.02.2.02")
    bagian = unit("contoh-bagian-b")
    simpan_realisasi(op, keg, TAHUN, "TW1", "40")
    ajukan_periode(op, bagian, TAHUN, "TW1")
    verifikasi_periode(perencana, bagian, TAHUN, "TW1")
    finalkan_periode(perencana, bagian, TAHUN, "TW1")
    with pytest.raises(DitolakError, match="sudah final"):
        simpan_realisasi(perencana, keg, TAHUN, "TW1", "41")
    r = Realisasi.objects.get(indikator=keg, tahun=TAHUN)
    with pytest.raises(DitolakError, match="Hanya perencana"):
        koreksi_realisasi(op, r, "41", "salah ketik")
    koreksi_realisasi(perencana, r, "41", "salah ketik pada laporan TW I")
    terbaru = r.history.first()
    assert (terbaru.nilai, terbaru.history_change_reason) == (
        "41",
        "Koreksi: salah ketik pada laporan TW I",
    )
    assert [h.nilai for h in r.history.all()][-1] == "40"


def test_two_concurrent_edits_the_second_is_refused(pengguna: dict[str, object]) -> None:
    op = pengguna["operator_b"]
    keg = ind("KEG-4.01.02.2.02")
    simpan_realisasi(op, keg, TAHUN, "TW2", "10")
    dibuka = Realisasi.objects.get(indikator=keg, tahun=TAHUN, periode="TW2").versi
    # Two editors opened version 1; the first saves, the second must not overwrite it.
    simpan_realisasi(op, keg, TAHUN, "TW2", "20", versi=dibuka)
    with pytest.raises(KonflikError, match="sudah diubah orang lain sejak Anda membukanya"):
        simpan_realisasi(pengguna["perencana"], keg, TAHUN, "TW2", "30", versi=dibuka)
    r = Realisasi.objects.get(indikator=keg, tahun=TAHUN, periode="TW2")
    assert (r.nilai, r.versi) == ("20", 2)


def test_budget_realisasi_entry_with_locking_and_scope(pengguna: dict[str, object]) -> None:
    sub = SubKegiatan.objects.get(kode="4.01.02.2.02.0001")
    hasil = simpan_realisasi_anggaran(pengguna["operator_b"], sub, TAHUN, "TW1", Decimal("1000000"))
    versi = hasil.objek.versi
    simpan_realisasi_anggaran(pengguna["operator_b"], sub, TAHUN, "TW1", Decimal("1500000"), versi)
    with pytest.raises(KonflikError):
        simpan_realisasi_anggaran(pengguna["operator_b"], sub, TAHUN, "TW1", Decimal("9"), versi)
    with pytest.raises(DitolakError, match="tidak berwenang"):
        simpan_realisasi_anggaran(pengguna["operator_a"], sub, TAHUN, "TW1", Decimal("9"))
    with pytest.raises(DitolakError, match="negatif"):
        simpan_realisasi_anggaran(pengguna["operator_b"], sub, TAHUN, "TW1", Decimal("-1"))
    assert RealisasiAnggaran.objects.get(sub_kegiatan=sub, tahun=TAHUN).nilai == Decimal("1500000")


def test_the_years_narrative_moves_with_tw_iv_only(pengguna: dict[str, object]) -> None:
    from sakip.pengukuran.models import Narasi

    bagian = unit("contoh-bagian-a")
    indikator = ind("SUB-4.01.02.2.01.0001")
    Narasi.objects.create(indikator=indikator, tahun=TAHUN, faktor_pendorong="Rapat rutin.")
    simpan_realisasi(pengguna["operator_a"], indikator, TAHUN, "TW1", "10")
    ajukan_periode(pengguna["operator_a"], bagian, TAHUN, "TW1")
    # Submitting TW I leaves the year's narrative open for the operator ...
    assert Narasi.objects.get(indikator=indikator).status == StatusData.DRAF
    for tw in ("TW2", "TW3", "TW4"):
        simpan_realisasi(pengguna["operator_a"], indikator, TAHUN, tw, "10")
    ajukan_periode(pengguna["operator_a"], bagian, TAHUN, "TW4")
    # ... and TW IV, which reports the year, takes it along.
    assert Narasi.objects.get(indikator=indikator).status == StatusData.DIAJUKAN
