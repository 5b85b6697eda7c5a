"""The computation service on the small agency: every figure from stored data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.utils import timezone

from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Realisasi, StatusData
from sakip.perencanaan.models import Kegiatan, Program
from sakip.perhitungan.services import hitung_kinerja


def hitung(tahun: int = 2023, **kw: object):  # type: ignore[no-untyped-def]
    return hitung_kinerja(Unit.objects.get(slug="setda-contoh"), tahun, **kw)  # type: ignore[arg-type]


def test_mean_cascade_from_quarters_to_the_iku(mini: None) -> None:
    k = hitung()
    sub = k.hasil("SUB-4.01.02.2.01.0001")
    assert sub.realisasi == D(946)  # 218 + 186 + 241 + 301
    assert sub.capaian == D("124.47")
    assert k.hasil("SUB-4.01.02.2.01.0002").capaian == D("200.00")
    assert k.hasil("SUB-4.01.02.2.01.0003").capaian == D("102.00")
    assert k.hasil("KEG-4.01.02.2.01").realisasi == D("142.16")
    program = Program.objects.get(kode="4.01.02")
    bagian_a = Unit.objects.get(slug="contoh-bagian-a")
    assert k.capaian_unit_program[(program.pk, bagian_a.pk)] == D("142.16")
    # Program = mean of its Bagian (142,16; 83,33) = 112,745 → 112,75; the IKU's target is 85.
    assert k.hasil("PRG-4.01.02-1").realisasi == D("112.75")
    iku = k.hasil("IKU-01")
    assert (iku.realisasi, iku.target, iku.capaian) == (D("112.75"), "85", D("132.65"))
    assert iku.kategori is not None and iku.kategori.nama == "Berhasil"
    # Renstra end target 95: tingkat kemajuan 112,75 / 95 = 118,68.
    assert iku.kemajuan == D("118.68")


def test_lower_is_better_target_zero_and_the_change_vs_last_year(mini: None) -> None:
    temuan = hitung().hasil("IKU-02")
    assert temuan.capaian == D("100.00")
    assert temuan.realisasi_lalu[2022] == D(2)
    assert temuan.perubahan == D("-100.00")  # (0 / 2 − 1) × 100


def test_budget_totals_serapan_and_efficiency(mini: None) -> None:
    k = hitung()
    program = Program.objects.get(kode="4.01.02")
    total = k.anggaran_program[program.pk]
    assert total.pagu == D("2850551000")  # 556.247.135 + 1.628.430.636 + 200.412.800 + 465.460.429
    # 553.310.564 + 1.492.970.080 + 200.306.699 + 436.226.233
    assert total.realisasi == D("2682813576")
    assert total.serapan == D("94.12")
    bagian_a = k.anggaran_unit[Unit.objects.get(slug="contoh-bagian-a").pk]
    assert (bagian_a.pagu, bagian_a.realisasi, bagian_a.serapan) == (
        D("2385090571"),
        D("2246587343"),
        D("94.19"),
    )
    sasaran = k.sasaran[0]
    assert sasaran.capaian == D("116.33")  # mean(132,65; 100,00) = 116,325
    assert sasaran.serapan == D("94.12")
    assert sasaran.efisiensi == D("22.21")
    keg = Kegiatan.objects.get(kode="4.01.02.2.02")
    assert k.capaian_kegiatan[keg.pk] == D("83.33")


def test_the_signed_pk_target_is_used_for_the_year(mini: None) -> None:
    from sakip.perencanaan.models import Target

    Target.objects.filter(indikator__kode="IKU-01", tahun=2023).update(nilai="200")
    assert hitung().hasil("IKU-01").target == "85"


def test_verified_only_leaves_out_drafts(mini: None) -> None:
    Realisasi.objects.filter(indikator__kode="KEG-4.01.02.2.02").update(status=StatusData.DRAF)
    semua = hitung()
    terverifikasi = hitung(hanya_terverifikasi=True)
    assert semua.hasil("KEG-4.01.02.2.02").capaian == D("83.33")
    assert terverifikasi.hasil("KEG-4.01.02.2.02").realisasi is None
    assert terverifikasi.hasil("KEG-4.01.02.2.02").capaian is None


def test_figures_as_they_stood_before_a_correction(mini: None) -> None:
    kemarin = timezone.now()
    r = Realisasi.objects.get(indikator__kode="KEG-4.01.02.2.02")
    r.nilai = "100"
    r.save()
    assert hitung().hasil("KEG-4.01.02.2.02").capaian == D("100.00")
    assert hitung(pada=kemarin).hasil("KEG-4.01.02.2.02").capaian == D("83.33")
    assert hitung(pada=kemarin - dt.timedelta(days=1)).hasil("KEG-4.01.02.2.02").realisasi is None


def test_ikm_of_a_parent_is_the_mean_of_its_units(mini: None) -> None:
    # Bagian A (89,18; 89,57) → 89,38; Bagian B (83,96; 82,17) → 83,07; Setda → 86,23 (86,225).
    from sakip.perencanaan.models import Indikator
    from sakip.perhitungan.services import hitung_kinerja

    Indikator.objects.filter(kode="KEG-4.01.02.2.02").update(sumber_realisasi="ikm")
    Realisasi.objects.filter(indikator__kode="KEG-4.01.02.2.02").delete()
    k = hitung_kinerja(Unit.objects.get(slug="setda-contoh"), 2023)
    assert k.hasil("KEG-4.01.02.2.02").realisasi == D("86.23")


@pytest.mark.parametrize("banyak_sub", [1, 30])
def test_query_count_does_not_grow_with_rows(
    mini: None,
    banyak_sub: int,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    from sakip.anggaran.models import Anggaran
    from sakip.perencanaan.models import Indikator, SubKegiatan, Target

    keg = Kegiatan.objects.get(kode="4.01.02.2.02")
    induk = Indikator.objects.get(kode="KEG-4.01.02.2.02")
    for i in range(2, 2 + banyak_sub):
        sub = SubKegiatan.objects.create(
            kegiatan=keg, unit=keg.unit, kode=f"4.01.02.2.02.{i:04d}", nama=f"Sub {i}"
        )
        Anggaran.objects.create(sub_kegiatan=sub, tahun=2023, pagu=1000)
        ind = Indikator.objects.create(
            renstra=induk.renstra,
            kode=f"SUB-X-{i}",
            tingkat="sub_kegiatan",
            sub_kegiatan=sub,
            unit=keg.unit,
            nama=f"Indikator {i}",
            satuan="Dokumen",
        )
        Target.objects.create(indikator=ind, tahun=2023, nilai="10")
        Realisasi.objects.create(
            indikator=ind, tahun=2023, periode="TAHUN", nilai="9", status="final"
        )
    with django_assert_max_num_queries(25):
        hitung()


def test_editing_an_indicator_does_not_rewrite_a_signed_years_figures(mini: None) -> None:
    from sakip.perencanaan.models import Indikator

    # IKU-02 was signed in the 2023 PK as lower-is-better; someone flips it for next year.
    Indikator.objects.filter(kode="IKU-02").update(polaritas="maksimal")
    Realisasi.objects.filter(indikator__kode="IKU-02", tahun=2023).update(nilai="1")
    # Lower is better with target 0 and realisasi 1 → 0 (DOMAIN.md §1), as signed.
    assert hitung().hasil("IKU-02").capaian == D("0.00")
