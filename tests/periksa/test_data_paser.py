"""The stored-data checks on the Paser demo: Tabel 3.9's explanations as the operators typed them."""

from __future__ import annotations

import pytest

from sakip.organisasi.models import Unit
from sakip.periksa.selectors import temuan_data

pytestmark = [pytest.mark.django_db]

# Seed 002 Tabel 3.9: the four sub kegiatan outside 50–150 %, each explained by a
# target the APBD-Perubahan did not revise.
TIDAK_DIREVISI = {
    "SUB-4.01.01.2.03.0002": "0,00% (target 2, realisasi 0 Dokumen)",
    "SUB-4.01.01.2.06.0010": "0,00% (target 12, realisasi 0 Dokumen)",
    "SUB-4.01.01.2.08.0001": "0,00% (target 1, realisasi 0 Laporan)",
    "SUB-4.01.01.2.09.0002": "483,33% (target 6, realisasi 29 Unit)",
}


def test_explained_outliers_with_unrevised_targets_seed_002(demo_paser: None) -> None:
    temuan = temuan_data(Unit.objects.get(slug="setda-paser"), 2023)
    direvisi = {t.lokasi.uraian.split()[0]: t for t in temuan if t.kode == "TARGET_TIDAK_DIREVISI"}
    assert set(direvisi) == set(TIDAK_DIREVISI)
    for kode, angka in TIDAK_DIREVISI.items():
        assert angka in direvisi[kode].pesan
    assert "pada perubahan tidak mengubah target kinerja" in direvisi["SUB-4.01.01.2.09.0002"].pesan
    # Every sub kegiatan outlier is explained in Tabel 3.9; its kegiatan indicators
    # (means of their sub kegiatan) are not, and stay findings.
    tanpa = {t.lokasi.uraian.split()[0] for t in temuan if t.kode == "CAPAIAN_TANPA_PENJELASAN"}
    assert tanpa == {"KEG-4.01.01.2.03", "KEG-4.01.01.2.09", "KEG-4.01.03.2.03"}
