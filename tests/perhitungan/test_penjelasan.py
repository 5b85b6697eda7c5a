"""The explanations typed with a realisasi, read with the figures (the LKjIP and the checks use them)."""

from __future__ import annotations

import pytest

from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Realisasi, StatusData
from sakip.perhitungan.services import hitung_kinerja

pytestmark = [pytest.mark.django_db]

KENDARAAN = "SUB-4.01.01.2.09.0002"  # seed 002 Tabel 3.9: 6 Unit → 29 Unit


def test_explanations_per_indicator_and_only_verified_ones_in_a_verified_report(
    demo_paser: None,
) -> None:
    setda = Unit.objects.get(slug="setda-paser")
    tw4 = Realisasi.objects.get(indikator__kode=KENDARAAN, tahun=2023, periode="TW4")
    tw3 = Realisasi.objects.get(indikator__kode=KENDARAAN, tahun=2023, periode="TW3")
    tw3.catatan = "Penambahan armada operasional pada triwulan III"
    tw3.save()

    penjelasan = hitung_kinerja(setda, 2023).penjelasan
    # The periods' explanations in period order, once each.
    assert penjelasan[tw4.indikator_id] == f"{tw3.catatan} {tw4.catatan}"

    tw3.status = StatusData.DRAF
    tw3.save()
    terverifikasi = hitung_kinerja(setda, 2023, hanya_terverifikasi=True).penjelasan
    assert terverifikasi[tw4.indikator_id] == tw4.catatan
    assert (
        "Pada Perubahan APBD 2023"
        in hitung_kinerja(setda, 2023).penjelasan[
            Realisasi.objects.get(
                indikator__kode="SUB-4.01.01.2.03.0002", tahun=2023, periode="TW4"
            ).indikator_id
        ]
    )


def test_an_explanation_typed_for_two_periods_is_read_once(demo_paser: None) -> None:
    setda = Unit.objects.get(slug="setda-paser")
    tw4 = Realisasi.objects.get(indikator__kode=KENDARAAN, tahun=2023, periode="TW4")
    Realisasi.objects.filter(indikator__kode=KENDARAAN, tahun=2023, periode="TW2").update(
        catatan=tw4.catatan
    )
    assert hitung_kinerja(setda, 2023).penjelasan[tw4.indikator_id] == tw4.catatan
