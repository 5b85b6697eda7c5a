"""The public page on the Kaltim demo: only finalised reports, signed PKs and their IKU, no login."""

from __future__ import annotations

import hashlib
import io

import pytest
from openpyxl import load_workbook

from sakip.laporan.services import finalisasi
from sakip.organisasi.models import Unit
from sakip.perjanjian.models import PerjanjianKinerja, StatusPK
from sakip.perjanjian.services import buat_pk

pytestmark = [pytest.mark.django_db]

PEMDA = "/publik/pemprov-kaltim/"
SEMUA_PERAN = [
    "tamu",
    "perencana",
    "pimpinan",
    "evaluator",
    "operator_hukum",
    "operator_umum",
    "admin",
]


def pk_2024() -> PerjanjianKinerja:
    return PerjanjianKinerja.objects.get(unit__slug="setda-kaltim", tahun=2024)


@pytest.mark.parametrize("peran", SEMUA_PERAN)
def test_every_visitor_sees_the_public_pages_without_login(klien_kaltim: dict, peran: str) -> None:
    klien = klien_kaltim[peran]
    pk = pk_2024()
    r = klien.get("/publik/")
    assert r.status_code == 200 and 'href="/publik/pemprov-kaltim/"' in r.content.decode()
    html = klien.get(PEMDA).content.decode()
    assert f'href="/publik/pemprov-kaltim/pk/{pk.pk}/"' in html
    assert 'href="/publik/pemprov-kaltim/iku/setda-kaltim-2024-2026/"' in html
    for url in (f"{PEMDA}pk/{pk.pk}/", f"{PEMDA}iku/setda-kaltim-2024-2026/"):
        assert klien.get(url).status_code == 200


def test_the_signed_pk_shows_its_targets_and_budget_but_no_personal_data(
    klien_kaltim: dict,
) -> None:
    pk = pk_2024()
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(nip_penandatangan="196801011990031001")
    html = klien_kaltim["tamu"].get(f"{PEMDA}pk/{pk.pk}/").content.decode()
    assert "Indeks tata kelola pengadaan barang dan jasa" in html and "IKU-08" in html
    assert "Sekretaris Daerah" in html
    assert "196801011990031001" not in html
    assert "86,69" not in html  # a PK holds targets, never realisasi


def test_a_draft_pk_is_not_listed_and_its_urls_answer_404(klien_kaltim: dict) -> None:
    draf = buat_pk(Unit.objects.get(slug="setda-kaltim"), 2025)
    assert draf.status == StatusPK.DRAF
    tamu = klien_kaltim["tamu"]
    html = tamu.get(PEMDA).content.decode()
    assert f"/pk/{draf.pk}/" not in html and "PK 2025" not in html
    for url in (f"{PEMDA}pk/{draf.pk}/", f"{PEMDA}pk/{draf.pk}/xlsx/"):
        assert tamu.get(url).status_code == 404


def test_units_outside_the_pemda_and_non_pemda_slugs_answer_404(klien_kaltim: dict) -> None:
    tamu = klien_kaltim["tamu"]
    pk = pk_2024()
    assert tamu.get("/publik/setda-kaltim/").status_code == 404  # not a Pemda
    assert tamu.get("/publik/tidak-ada/").status_code == 404
    # Another Pemda's address for this PK.
    Unit.objects.create(slug="pemkab-lain", nama="Pemerintah Kabupaten Lain", jenis="pemda")
    r = tamu.get(f"/publik/pemkab-lain/pk/{pk.pk}/")
    assert r.status_code == 404 and "IKU-08" not in r.content.decode()
    assert tamu.get("/publik/pemkab-lain/iku/setda-kaltim-2024-2026/").status_code == 404
    assert tamu.get(f"{PEMDA}lkjip/999999/").status_code == 404


def test_pk_xlsx_has_numbers_as_numbers(klien_kaltim: dict) -> None:
    pk = pk_2024()
    r = klien_kaltim["tamu"].get(f"{PEMDA}pk/{pk.pk}/xlsx/")
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["Target"]
    baris = {row[1]: row for row in ws.iter_rows(values_only=True) if row and row[1]}
    assert baris["IKU-08"][5] == 71 and isinstance(baris["IKU-08"][5], (int, float))
    anggaran = [row for row in wb["Anggaran"].iter_rows(values_only=True) if row and row[2]]
    pagu = [row[3] for row in anggaran[1:]]
    assert all(isinstance(p, (int, float)) for p in pagu)
    # Program Kesejahteraan Rakyat, Tabel 2.5.
    assert 187715133600 in pagu
    assert pagu[-1] == sum(pagu[:-1])


def test_iku_xlsx_has_targets_per_year_as_numbers(klien_kaltim: dict) -> None:
    r = klien_kaltim["tamu"].get(f"{PEMDA}iku/setda-kaltim-2024-2026/xlsx/")
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["IKU"]
    rows = list(ws.iter_rows(values_only=True))
    kepala = next(row for row in rows if row and row[0] == "No")
    assert list(kepala[6:]) == ["Target 2024", "Target 2025", "Target 2026"]
    iku08 = next(row for row in rows if row and row[1] == "IKU-08")
    assert all(isinstance(v, (int, float)) for v in iku08[6:])
    assert iku08[6] == 71
    assert len([row for row in rows if row and str(row[1]).startswith("IKU-")]) == 13


def test_a_finalised_lkjip_is_listed_and_downloads_the_stored_bytes(klien_kaltim: dict) -> None:
    setda = Unit.objects.get(slug="setda-kaltim")
    final = finalisasi(setda, 2024, oleh=klien_kaltim["perencana"].user)
    tamu = klien_kaltim["tamu"]
    html = tamu.get(PEMDA).content.decode()
    url = f"{PEMDA}lkjip/{final.pk}/"
    assert f'href="{url}"' in html
    r = tamu.get(url)
    assert r.status_code == 200
    assert hashlib.sha256(r.content).hexdigest() == final.sha256 == r["X-Content-SHA256"]
    assert r["Content-Disposition"].endswith('.docx"')
    # Not through another Pemda's address.
    Unit.objects.create(slug="pemkab-lain", nama="Pemerintah Kabupaten Lain", jenis="pemda")
    assert tamu.get(f"/publik/pemkab-lain/lkjip/{final.pk}/").status_code == 404
