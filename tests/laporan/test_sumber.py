"""What the report reads beside the figures: the explanations typed with a realisasi."""

from __future__ import annotations

import pytest

from sakip.laporan.sumber import kumpulkan
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Realisasi, StatusData

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

    penjelasan = kumpulkan(setda, 2023).penjelasan
    # The periods' explanations in period order, once each.
    assert penjelasan[tw4.indikator_id] == f"{tw3.catatan} {tw4.catatan}"

    tw3.status = StatusData.DRAF
    tw3.save()
    terverifikasi = kumpulkan(setda, 2023, hanya_terverifikasi=True).penjelasan
    assert terverifikasi[tw4.indikator_id] == tw4.catatan
    assert (
        "Pada Perubahan APBD 2023"
        in kumpulkan(setda, 2023).penjelasan[
            Realisasi.objects.get(
                indikator__kode="SUB-4.01.01.2.03.0002", tahun=2023, periode="TW4"
            ).indikator_id
        ]
    )
