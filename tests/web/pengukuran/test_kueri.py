"""Query counts do not grow with the number of indicators, budget lines or units."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from sakip.anggaran.models import Anggaran, RealisasiAnggaran
from sakip.organisasi.models import JenisUnit, Unit
from sakip.pengukuran.models import Narasi, Realisasi
from sakip.perencanaan.models import Indikator, Kegiatan, SubKegiatan, Target

from .conftest import TAHUN, UNIT

pytestmark = [pytest.mark.django_db]

# Each bound includes the deadline banner computed afresh (its cache is cleared first).
BATAS_ISIAN = 50
BATAS_KELENGKAPAN = 36


def tambah_baris(unit: Unit, banyak: int = 30, awalan: str = "X") -> None:
    """``banyak`` more sub kegiatan with pagu and realisasi, each with an indicator with data."""
    kegiatan = Kegiatan.objects.filter(unit__slug=UNIT).first()
    renstra = Indikator.objects.filter(unit__slug=UNIT).first().renstra
    for n in range(banyak):
        sub = SubKegiatan.objects.create(
            kegiatan=kegiatan, unit=unit, kode=f"{kegiatan.kode}.{awalan}{n:03d}", nama=f"Uji {n}"
        )
        Anggaran.objects.create(sub_kegiatan=sub, tahun=TAHUN, pagu=Decimal(1_000_000))
        for tw in ("TW1", "TW4"):
            RealisasiAnggaran.objects.create(
                sub_kegiatan=sub, tahun=TAHUN, periode=tw, nilai=Decimal(250_000)
            )
        ind = Indikator.objects.create(
            renstra=renstra,
            kode=f"SUB-uji-{awalan}{n}",
            tingkat="sub_kegiatan",
            sub_kegiatan=sub,
            unit=unit,
            nama=f"Indikator uji {n}",
            satuan="Dokumen",
        )
        Target.objects.create(indikator=ind, tahun=TAHUN, nilai="12")
        for tw, nilai in (("TW1", "3"), ("TW4", "12")):
            Realisasi.objects.create(indikator=ind, tahun=TAHUN, periode=tw, nilai=nilai)
        Narasi.objects.create(indikator=ind, tahun=TAHUN, faktor_pendorong="Uji.")


def test_entry_page_queries_do_not_grow(
    klien_kaltim: dict, biro_umum_draf: Unit, django_assert_max_num_queries: object
) -> None:
    klien = klien_kaltim["operator_umum"]
    url = reverse("pengukuran:isian", args=[UNIT, TAHUN, "TW4"])
    klien.get(url)  # warm the session
    cache.clear()
    with django_assert_max_num_queries(BATAS_ISIAN):  # type: ignore[operator]
        r = klien.get(url)
    assert len(r.context["isian"].indikator) == 44
    tambah_baris(biro_umum_draf)
    cache.clear()
    with django_assert_max_num_queries(BATAS_ISIAN):  # type: ignore[operator]
        r = klien.get(url)
    assert len(r.context["isian"].indikator) == 74 and len(r.context["isian"].anggaran) == 63
    # A row saved through HTMX re-renders the row and the checklist with the same bound.
    ind = Indikator.objects.get(kode="SUB-uji-X0")
    with django_assert_max_num_queries(BATAS_ISIAN + 15):  # type: ignore[operator]
        r = klien.post(
            reverse("pengukuran:isian-indikator", args=[UNIT, TAHUN, "TW4", ind.pk]),
            {"nilai": "11", "versi": "1"},
            HTTP_HX_REQUEST="true",
        )
    assert "91,67 %" in r.content.decode()


def test_completeness_queries_do_not_grow(
    klien_kaltim: dict, biro_umum_draf: Unit, django_assert_max_num_queries: object
) -> None:
    klien = klien_kaltim["perencana"]
    url = reverse("pengukuran:kelengkapan", args=[TAHUN, "TW4"])
    klien.get(url)
    cache.clear()
    with django_assert_max_num_queries(BATAS_KELENGKAPAN):  # type: ignore[operator]
        r = klien.get(url)
    sebelum = len(r.context["baris"])
    # 30 more rows in Biro Umum and five new Biro with rows of their own
    tambah_baris(biro_umum_draf)
    setda = Unit.objects.get(slug="setda-kaltim")
    for n in range(5):
        biro = Unit.objects.create(
            slug=f"kaltim-biro-uji-{n}", nama=f"Biro Uji {n}", jenis=JenisUnit.BIRO, induk=setda
        )
        tambah_baris(biro, banyak=3, awalan=f"B{n}")
    cache.clear()
    with django_assert_max_num_queries(BATAS_KELENGKAPAN):  # type: ignore[operator]
        r = klien.get(url)
    assert len(r.context["baris"]) == sebelum + 5
    umum = next(k for k in r.context["baris"] if k.unit.slug == UNIT)
    assert (umum.indikator_terisi, umum.indikator_total) == (30, 73)
    assert (umum.anggaran_terisi, umum.anggaran_total) == (30, 63)
    assert umum.terlambat  # TW IV 2024 was due on 10 January 2025
