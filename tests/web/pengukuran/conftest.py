"""Fixtures of the entry-screen tests: the Kaltim demo's Biro Umum opened for TW entry."""

from __future__ import annotations

import pytest

from sakip.anggaran.models import RealisasiAnggaran
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Realisasi

TAHUN = 2024
UNIT = "kaltim-biro-umum"


@pytest.fixture
def biro_umum_draf(klien_kaltim: dict[str, object]) -> Unit:
    """Biro Umum with its 2024 year values removed, so TW IV 2024 is open for entry.

    The demo stores Kaltim's 2024 realisasi (indicators and budget) as one final
    year value ("TAHUN"), which wins over TW values and makes every row read-only;
    without it the rows are empty drafts, as for a unit entering its quarter.
    """
    unit = Unit.objects.get(slug=UNIT)
    Realisasi.objects.filter(indikator__unit=unit, tahun=TAHUN, periode="TAHUN").delete()
    RealisasiAnggaran.objects.filter(sub_kegiatan__unit=unit, tahun=TAHUN, periode="TAHUN").delete()
    return unit
