"""The completeness selector on the Paser demo: imported final TWs, fixed query count."""

from __future__ import annotations

from datetime import date

import pytest

from sakip.organisasi.models import Unit
from sakip.pengukuran.models import PengajuanPeriode, StatusData
from sakip.pengukuran.selectors import kelengkapan_periode

pytestmark = [pytest.mark.django_db]


def test_imported_final_quarters_count_as_final_and_complete(
    demo_paser: None, django_assert_max_num_queries: object
) -> None:
    ids = set(Unit.objects.values_list("pk", flat=True))
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        hasil = kelengkapan_periode(ids, 2023, "TW2", hari_ini=date(2023, 7, 20))
    umum = next(k for k in hasil if k.unit.slug == "paser-bagian-umum")
    # Paser 2023 arrived as TW1–TW4 final values without a workflow record.
    assert umum.status == StatusData.FINAL and not umum.terlambat
    assert umum.indikator_terisi == umum.indikator_total > 0
    assert umum.tenggat == date(2023, 7, 10) and umum.hari_tersisa == -10


def test_a_draft_past_its_deadline_is_late(demo_paser: None) -> None:
    umum = Unit.objects.get(slug="paser-bagian-umum")
    PengajuanPeriode.objects.create(unit=umum, tahun=2023, periode="TW2", status="dikembalikan")
    (baris,) = kelengkapan_periode([umum.pk], 2023, "TW2", hari_ini=date(2023, 7, 20))
    assert baris.status == StatusData.DIKEMBALIKAN and baris.terlambat
    (baris,) = kelengkapan_periode([umum.pk], 2023, "TW2", hari_ini=date(2023, 7, 10))
    assert baris.hari_tersisa == 0 and not baris.terlambat
