"""The TW workflow through the screens: submit → return with reason → correct → submit → verify."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sakip.organisasi.models import Unit
from sakip.pengukuran.models import PengajuanPeriode, StatusData
from sakip.pengukuran.selectors import isian_periode
from sakip.pengukuran.services import simpan_narasi, simpan_realisasi, simpan_realisasi_anggaran
from sakip.perencanaan.models import Indikator

from .conftest import TAHUN, UNIT

pytestmark = [pytest.mark.django_db]

TW = "TW4"


def lengkapi(unit: Unit, user: object) -> None:
    """Fill every row of the TW through the services: the target as realisasi, 0 spent, a narrative."""
    data = isian_periode(unit, TAHUN, TW)
    for b in data.indikator:
        if not b.diturunkan:
            simpan_realisasi(user, b.indikator, TAHUN, TW, b.target or "1")
            simpan_narasi(user, b.indikator, TAHUN, TW, faktor_pendorong="Dukungan pimpinan.")
    for a in data.anggaran:
        simpan_realisasi_anggaran(user, a.sub_kegiatan, TAHUN, TW, a.pagu or 0)


def test_submit_return_correct_submit_verify(klien_kaltim: dict, biro_umum_draf: Unit) -> None:
    operator, perencana = klien_kaltim["operator_umum"], klien_kaltim["perencana"]
    halaman = reverse("pengukuran:isian", args=[UNIT, TAHUN, TW])
    ajukan = reverse("pengukuran:isian-ajukan", args=[UNIT, TAHUN, TW])

    # Incomplete: refused with the reason, nothing recorded.
    r = operator.post(ajukan, follow=True)
    assert "belum dapat diajukan: lengkapi dulu daftar periksa" in r.content.decode()
    assert not PengajuanPeriode.objects.filter(unit=biro_umum_draf).exists()

    lengkapi(biro_umum_draf, operator.user)
    r = operator.get(halaman)
    assert r.context["periksa"].lengkap
    r = operator.post(ajukan, follow=True)
    assert "TW IV 2024 Biro Umum diajukan" in r.content.decode()
    assert PengajuanPeriode.objects.get(unit=biro_umum_draf, tahun=TAHUN, periode=TW).status == (
        StatusData.DIAJUKAN
    )
    # Submitted: the operator's inputs are gone and a save is refused.
    teks = operator.get(halaman).content.decode()
    assert "isian-indikator" not in teks and 'name="nilai"' not in teks

    # The planner's queue lists it; a return needs a reason.
    r = perencana.get(reverse("pengukuran:verifikasi"))
    assert reverse("pengukuran:tinjau", args=[UNIT, TAHUN, TW]) in r.content.decode()
    tinjau = perencana.get(reverse("pengukuran:tinjau", args=[UNIT, TAHUN, TW]))
    assert tinjau.status_code == 200 and "SUB-umum-4.01.01.1.02.0003" in tinjau.content.decode()
    kembalikan = reverse("pengukuran:tinjau-kembalikan", args=[UNIT, TAHUN, TW])
    r = perencana.post(kembalikan, {"alasan": "  "})
    assert r.status_code == 400
    assert "Tuliskan alasan agar operator tahu" in r.content.decode()
    r = perencana.post(
        kembalikan, {"alasan": "Lampirkan notulen rapat untuk SUB-umum-4.01.01.1.02.0003."}
    )
    assert r.status_code == 302

    # The operator sees the reason, corrects a row and submits again.
    teks = operator.get(halaman).content.decode()
    assert "Dikembalikan oleh perencana" in teks
    assert "Lampirkan notulen rapat untuk SUB-umum-4.01.01.1.02.0003." in teks
    i = Indikator.objects.get(kode="SUB-umum-4.01.01.1.02.0003")
    versi = str(isian_periode(biro_umum_draf, TAHUN, TW).baris_indikator(i.pk).versi)
    r = operator.post(
        reverse("pengukuran:isian-indikator", args=[UNIT, TAHUN, TW, i.pk]),
        {"nilai": "11", "versi": versi},
        HTTP_HX_REQUEST="true",
    )
    assert "Realisasi SUB-umum-4.01.01.1.02.0003 tersimpan." in r.content.decode()
    operator.post(ajukan)
    assert PengajuanPeriode.objects.get(unit=biro_umum_draf).status == StatusData.DIAJUKAN

    r = perencana.post(reverse("pengukuran:tinjau-verifikasi", args=[UNIT, TAHUN, TW]), follow=True)
    assert "TW IV 2024 Biro Umum diverifikasi." in r.content.decode()
    assert PengajuanPeriode.objects.get(unit=biro_umum_draf).status == StatusData.DIVERIFIKASI
    assert i.realisasi.get(tahun=TAHUN, periode=TW).status == StatusData.DIVERIFIKASI
    # Verified: the operator can no longer change it.
    r = operator.post(
        reverse("pengukuran:isian-indikator", args=[UNIT, TAHUN, TW, i.pk]),
        {"nilai": "12"},
        HTTP_HX_REQUEST="true",
    )
    assert "sedang diverifikasi; operator tidak dapat mengubahnya" in r.content.decode()
    assert i.realisasi.get(tahun=TAHUN, periode=TW).nilai == "11"

    # The completeness overview shows the unit complete and verified.
    r = perencana.get(reverse("pengukuran:kelengkapan", args=[TAHUN, TW]))
    umum = next(k for k in r.context["baris"] if k.unit.slug == UNIT)
    assert (umum.indikator_terisi, umum.indikator_total) == (43, 43)
    assert (umum.anggaran_terisi, umum.anggaran_total) == (33, 33)
    assert umum.status == StatusData.DIVERIFIKASI and not umum.terlambat
