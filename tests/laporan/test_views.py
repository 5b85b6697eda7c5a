"""The report page for every role, and never another unit's report."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from sakip.laporan.models import LaporanFinal, PermintaanLaporan, StatusPermintaan
from sakip.organisasi.models import Keanggotaan, Peran, Unit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_kaltim")]

SUSUNAN = {
    "perencana": ("setda-kaltim", Peran.PERENCANA),
    "pimpinan": ("setda-kaltim", Peran.PIMPINAN),
    "evaluator": ("pemprov-kaltim", Peran.EVALUATOR),
    "operator_hukum": ("kaltim-biro-hukum", Peran.OPERATOR),
    "admin_hukum": ("kaltim-biro-hukum", Peran.ADMIN),
}


@pytest.fixture
def klien() -> dict[str, Client]:
    hasil = {}
    for nama, (slug, peran) in SUSUNAN.items():
        user = get_user_model().objects.create_user(nama, password="rahasia-uji")
        Keanggotaan.objects.create(user=user, unit=Unit.objects.get(slug=slug), peran=peran)
        c = Client()
        c.force_login(user)
        hasil[nama] = c
    hasil["tamu"] = Client()
    return hasil


def url(nama: str, slug: str = "setda-kaltim", tahun: int = 2024) -> str:
    return reverse(f"laporan:{nama}", args=[slug, tahun])


def test_anonymous_is_sent_to_login(klien: dict[str, Client]) -> None:
    r = klien["tamu"].get(url("halaman"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("masuk"))


@pytest.mark.parametrize("peran", ["perencana", "pimpinan", "evaluator"])
def test_roles_of_the_setda_see_its_report_page(klien: dict[str, Client], peran: str) -> None:
    r = klien[peran].get(url("halaman"))
    assert r.status_code == 200
    assert "LKjIP Sekretariat Daerah" in r.content.decode()


def test_an_operator_of_a_biro_cannot_open_the_setda_report(klien: dict[str, Client]) -> None:
    c = klien["operator_hukum"]
    for nama in ("halaman", "pratinjau"):
        assert c.get(url(nama)).status_code == 404
    for nama in ("buat", "final", "templat"):
        assert c.post(url(nama), {"format": "docx"}).status_code == 404
    assert not PermintaanLaporan.objects.exists()
    # ... and the list of reports offers only its own Biro
    daftar = c.get(reverse("laporan:daftar")).content.decode()
    assert "Biro Hukum" in daftar and "Sekretariat Daerah Provinsi" not in daftar


def test_a_request_is_built_in_the_background_and_downloaded(klien: dict[str, Client]) -> None:
    c = klien["pimpinan"]
    r = c.post(url("buat"), {"format": "xlsx"}, headers={"HX-Request": "true"})
    assert r.status_code == 200
    p = PermintaanLaporan.objects.get()
    # The test settings run tasks at once; the worker does the same through the queue.
    assert p.status == StatusPermintaan.SELESAI and p.kemajuan == 100
    assert "Unduh LKjIP-setda-kaltim-2024-draf.xlsx" in r.content.decode()
    unduh = c.get(reverse("laporan:unduh", args=[p.pk]))
    assert unduh.status_code == 200
    assert b"".join(unduh.streaming_content)[:2] == b"PK"
    # Another unit's user cannot fetch it by its number.
    assert klien["operator_hukum"].get(reverse("laporan:unduh", args=[p.pk])).status_code == 404
    assert klien["operator_hukum"].get(reverse("laporan:status", args=[p.pk])).status_code == 404


def test_a_running_request_polls_itself(klien: dict[str, Client]) -> None:
    p = PermintaanLaporan.objects.create(
        unit=Unit.objects.get(slug="setda-kaltim"),
        tahun=2024,
        format="pdf",
        status=StatusPermintaan.BERJALAN,
        kemajuan=40,
        tahap="Menyusun Bab III",
    )
    isi = klien["perencana"].get(reverse("laporan:status", args=[p.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in isi and "40%" in isi and "Menyusun Bab III" in isi
    assert klien["perencana"].get(reverse("laporan:unduh", args=[p.pk])).status_code == 404


def test_a_failed_build_shows_its_reason(klien: dict[str, Client], settings: object) -> None:
    settings.SAKIP_LIBREOFFICE = "/tidak/ada/soffice"  # type: ignore[attr-defined]
    r = klien["perencana"].post(url("buat"), {"format": "pdf"}, follow=True)
    assert r.status_code == 200
    p = PermintaanLaporan.objects.get()
    assert p.status == StatusPermintaan.GAGAL and not p.berkas
    assert "LibreOffice" in p.pesan_galat
    assert (
        "Gagal:" in r.content.decode() and "Word (DOCX) tetap dapat diunduh" in r.content.decode()
    )


def test_preview_shows_the_report_in_the_page(klien: dict[str, Client]) -> None:
    isi = klien["pimpinan"].get(url("pratinjau")).content.decode()
    assert "122,10" in isi and "Rp 202.978.570.206" in isi


def test_only_the_planner_or_admin_finalises(klien: dict[str, Client]) -> None:
    assert klien["pimpinan"].post(url("final")).status_code == 403
    assert klien["evaluator"].post(url("final")).status_code == 403
    assert not LaporanFinal.objects.exists()
    r = klien["perencana"].post(url("final"), follow=True)
    assert "difinalkan sebagai revisi 0" in r.content.decode()
    final = LaporanFinal.objects.get()
    unduh = klien["evaluator"].get(reverse("laporan:unduh-final", args=[final.pk]))
    assert unduh.status_code == 200 and unduh["X-Content-SHA256"] == final.sha256
    assert (
        klien["operator_hukum"].get(reverse("laporan:unduh-final", args=[final.pk])).status_code
        == 404
    )


def test_finalise_button_only_for_those_who_may(klien: dict[str, Client]) -> None:
    assert "Finalkan laporan" in klien["perencana"].get(url("halaman")).content.decode()
    assert "Finalkan laporan" not in klien["pimpinan"].get(url("halaman")).content.decode()


def test_template_upload_checks_the_file(klien: dict[str, Client]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    buruk = SimpleUploadedFile("kop.docx", b"bukan word")
    r = klien["perencana"].post(url("templat"), {"berkas": buruk}, follow=True)
    assert "tidak dapat dibaca sebagai dokumen Word" in r.content.decode()
    assert klien["pimpinan"].post(url("templat"), {"berkas": buruk}).status_code == 403
