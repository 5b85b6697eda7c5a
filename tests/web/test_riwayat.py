"""The "Riwayat" page: who changed what, when, from what to what; only within one's units."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Realisasi
from sakip.pengukuran.services import (
    ajukan_periode,
    finalkan_periode,
    koreksi_realisasi,
    simpan_realisasi,
    verifikasi_periode,
)
from sakip.perencanaan.models import Indikator

pytestmark = pytest.mark.django_db

KODE = "SUB-4.01.02.2.01.0001"  # a sub kegiatan indicator of Bagian A in tests/data/mini.yaml


def klien(user: object) -> Client:
    c = Client()
    c.force_login(user)  # type: ignore[arg-type]
    return c


@pytest.fixture
def realisasi(pengguna: dict[str, object]) -> Realisasi:
    ind = Indikator.objects.get(kode=KODE)
    simpan_realisasi(pengguna["operator_a"], ind, 2024, "TW1", "1.234")
    simpan_realisasi(pengguna["operator_a"], ind, 2024, "TW1", "1.300", versi=1)
    return Realisasi.objects.get(indikator=ind, tahun=2024, periode="TW1")


def test_the_history_shows_who_changed_what_from_what_to_what(
    pengguna: dict[str, object], realisasi: Realisasi
) -> None:
    r = klien(pengguna["operator_a"]).get(reverse("riwayat", args=["realisasi", realisasi.pk]))
    assert r.status_code == 200
    entri = r.context["entri"]
    assert [e.jenis for e in entri] == ["Diubah", "Dibuat"]
    assert all(e.oleh == "operator_a" for e in entri)
    ubah = {p.kolom: (p.lama, p.baru) for p in entri[0].perubahan}
    assert ubah == {"realisasi": ("1.234", "1.300")}  # the version counter is not shown
    dibuat = {p.kolom: p.baru for p in entri[1].perubahan}
    assert dibuat["realisasi"] == "1.234" and dibuat["status"] == "Draf"
    assert dibuat["periode"] == "Triwulan I"
    assert "Riwayat realisasi" in r.content.decode()


def test_a_correction_keeps_its_reason_and_the_workflow_its_steps(
    pengguna: dict[str, object], realisasi: Realisasi
) -> None:
    bagian = Unit.objects.get(slug="contoh-bagian-a")
    ajukan_periode(pengguna["operator_a"], bagian, 2024, "TW1")
    verifikasi_periode(pengguna["perencana"], bagian, 2024, "TW1")
    finalkan_periode(pengguna["perencana"], bagian, 2024, "TW1")
    koreksi_realisasi(pengguna["perencana"], realisasi, "1.350", "salah ketik di dokumen sumber")
    entri = (
        klien(pengguna["perencana"])
        .get(reverse("riwayat", args=["realisasi", realisasi.pk]))
        .context["entri"]
    )
    assert entri[0].oleh == "perencana"
    assert entri[0].alasan == "Koreksi: salah ketik di dokumen sumber"
    assert {p.kolom: (p.lama, p.baru) for p in entri[0].perubahan} == {
        "realisasi": ("1.300", "1.350")
    }
    status = [
        next(p.baru for p in e.perubahan if p.kolom == "status")
        for e in entri
        if any(p.kolom == "status" for p in e.perubahan)
    ]
    assert status[:3] == ["Final", "Diverifikasi", "Diajukan"]


def test_another_unit_and_unknown_records_answer_404(
    pengguna: dict[str, object], realisasi: Realisasi
) -> None:
    url = reverse("riwayat", args=["realisasi", realisasi.pk])
    r = klien(pengguna["operator_b"]).get(url)
    assert r.status_code == 404 and b"1.300" not in r.content
    for peran in ("perencana", "pimpinan", "evaluator"):
        assert klien(pengguna[peran]).get(url).status_code == 200
    c = klien(pengguna["operator_a"])
    assert c.get(reverse("riwayat", args=["rahasia", realisasi.pk])).status_code == 404
    assert c.get(reverse("riwayat", args=["realisasi", 999999])).status_code == 404
    assert Client().get(url).status_code == 302


def test_a_deleted_record_keeps_its_history(
    pengguna: dict[str, object], realisasi: Realisasi
) -> None:
    pk = realisasi.pk
    realisasi.delete()
    entri = (
        klien(pengguna["perencana"])
        .get(reverse("riwayat", args=["realisasi", pk]))
        .context["entri"]
    )
    assert entri[0].jenis == "Dihapus" and len(entri) == 3


def test_the_htmx_request_gets_the_fragment_only(
    pengguna: dict[str, object], realisasi: Realisasi
) -> None:
    r = klien(pengguna["operator_a"]).get(
        reverse("riwayat", args=["realisasi", realisasi.pk]), HTTP_HX_REQUEST="true"
    )
    assert r.status_code == 200 and b"<html" not in r.content and b"1.300" in r.content
