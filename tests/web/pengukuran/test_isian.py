"""The operator's entry screen: typing values, warnings, conflicts, evidence, narrative, checklist."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sakip.anggaran.models import Anggaran, RealisasiAnggaran
from sakip.kinerja import format_angka, tenggat_periode
from sakip.organisasi.models import Unit, aturan_untuk
from sakip.pengukuran.models import Eviden, Narasi, Realisasi
from sakip.perencanaan.models import Indikator

from .conftest import TAHUN, UNIT

pytestmark = [pytest.mark.django_db]

HTMX = {"HTTP_HX_REQUEST": "true"}
TARGET_12 = "SUB-umum-4.01.01.1.02.0003"  # target 2024: 12 Dokumen
TARGET_2340 = "SUB-umum-4.01.01.1.06.0009"  # target 2024: 2.340 Laporan


def url_isian(periode: str = "TW4") -> str:
    return reverse("pengukuran:isian", args=[UNIT, TAHUN, periode])


def url_ind(ind: Indikator, periode: str = "TW4") -> str:
    return reverse("pengukuran:isian-indikator", args=[UNIT, TAHUN, periode, ind.pk])


def ind(kode: str) -> Indikator:
    return Indikator.objects.get(kode=kode)


def simpan(klien: object, indikator: Indikator, nilai: str, versi: str = "", catatan: str = ""):
    return klien.post(  # type: ignore[attr-defined]
        url_ind(indikator), {"nilai": nilai, "versi": versi, "catatan": catatan}, **HTMX
    )


def test_indonesian_number_is_stored_and_row_shows_its_capaian(
    klien_kaltim: dict, biro_umum_draf: Unit
) -> None:
    i = ind(TARGET_2340)
    r = simpan(klien_kaltim["operator_umum"], i, "1.234,5")
    assert r.status_code == 200
    teks = r.content.decode()
    # 1.234,5 / 2.340 × 100 = 52,76 % (TW IV against the year's target)
    assert "52,76 %" in teks
    assert f'id="ind-{i.pk}"' in teks
    assert 'hx-swap-oob="true"' in teks  # the checklist follows
    realisasi = Realisasi.objects.get(indikator=i, tahun=TAHUN, periode="TW4")
    assert (realisasi.nilai, realisasi.status, realisasi.versi) == ("1.234,5", "draf", 1)
    assert realisasi.history.first().history_user == klien_kaltim["operator_umum"].user


def test_capaian_above_150_percent_asks_for_an_explanation(
    klien_kaltim: dict, biro_umum_draf: Unit
) -> None:
    i = ind(TARGET_12)
    r = simpan(klien_kaltim["operator_umum"], i, "20")
    teks = r.content.decode()
    # 20 / 12 = 166,67 %: refused without a note, the field asked for and tied to the error
    assert "Capaian SUB-umum-4.01.01.1.02.0003 menjadi 166,67 %" in teks
    assert f'aria-describedby="galat-ind-{i.pk}"' in teks
    assert "(wajib)" in teks
    assert not Realisasi.objects.filter(indikator=i, tahun=TAHUN, periode="TW4").exists()

    r = simpan(klien_kaltim["operator_umum"], i, "20", catatan="Tambahan 8 dokumen dari APBD-P.")
    assert "166,67 %" in r.content.decode()
    tersimpan = Realisasi.objects.get(indikator=i, tahun=TAHUN, periode="TW4")
    assert (tersimpan.nilai, tersimpan.catatan) == ("20", "Tambahan 8 dokumen dari APBD-P.")


def test_budget_above_pagu_needs_an_explanation(klien_kaltim: dict, biro_umum_draf: Unit) -> None:
    anggaran = Anggaran.objects.get(
        sub_kegiatan__kode="4.01.01.1.02.0003", sub_kegiatan__unit__slug=UNIT, tahun=TAHUN
    )
    sub = anggaran.sub_kegiatan
    url = reverse("pengukuran:isian-anggaran", args=[UNIT, TAHUN, "TW4", sub.pk])
    assert anggaran.pagu == Decimal("2199024000")
    nilai = f"Rp {format_angka(anggaran.pagu + 1000, 0)}"  # "Rp 2.199.025.000"
    klien = klien_kaltim["operator_umum"]

    r = klien.post(url, {"nilai": nilai, "versi": ""}, **HTMX)
    assert "melebihi pagu (serapan 100,00 %)" in r.content.decode()
    assert not RealisasiAnggaran.objects.filter(sub_kegiatan=sub, tahun=TAHUN).exists()

    # An explanation longer than a history reason (100 characters) is kept whole.
    penjelasan = (
        "Tambahan pagu APBD-P belum dimuat di DPA; SP2D LS bulan Desember untuk belanja "
        "jasa kebersihan gedung kantor sudah terbit sebelum pergeseran anggaran disahkan."
    )
    r = klien.post(url, {"nilai": nilai, "catatan": penjelasan}, **HTMX)
    teks = r.content.decode()
    assert "Melebihi pagu" in teks and "Rp 2.199.025.000" in teks
    ra = RealisasiAnggaran.objects.get(sub_kegiatan=sub, tahun=TAHUN, periode="TW4")
    assert ra.nilai == Decimal("2199025000")
    assert ra.catatan == penjelasan and len(penjelasan) > 100
    assert penjelasan in teks


def test_budget_per_tw_adds_up_to_serapan(klien_kaltim: dict, biro_umum_draf: Unit) -> None:
    sub = Anggaran.objects.get(
        sub_kegiatan__kode="4.01.01.1.03.0004", sub_kegiatan__unit__slug=UNIT, tahun=TAHUN
    ).sub_kegiatan
    klien = klien_kaltim["operator_umum"]
    for periode, nilai in (("TW1", "100.000.000"), ("TW2", "Rp 216.937.500,00")):
        url = reverse("pengukuran:isian-anggaran", args=[UNIT, TAHUN, periode, sub.pk])
        r = klien.post(url, {"nilai": nilai}, **HTMX)
    # (100.000.000 + 216.937.500) / 633.875.000 = 50,00 %
    teks = r.content.decode()
    assert "Rp 316.937.500" in teks and "50,00 %" in teks


def test_bad_value_is_refused_naming_the_indicator_and_nothing_changes(
    klien_kaltim: dict, biro_umum_draf: Unit
) -> None:
    i = ind(TARGET_12)
    klien = klien_kaltim["operator_umum"]
    simpan(klien, i, "10 Dokumen")  # a value with the indicator's own satuan is fine
    sebelum = list(Realisasi.objects.values_list("pk", "nilai", "versi").order_by("pk"))
    r = simpan(klien, i, "sepuluh", versi="1")
    teks = r.content.decode()
    assert "Realisasi SUB-umum-4.01.01.1.02.0003" in teks
    assert "&#x27;sepuluh&#x27; bukan angka atau predikat" in teks
    assert 'value="sepuluh"' in teks  # the typed text stays for correcting
    assert list(Realisasi.objects.values_list("pk", "nilai", "versi").order_by("pk")) == sebelum

    # Without JavaScript: redirect back with the message.
    r = klien.post(url_ind(i), {"nilai": "12 Laporan", "versi": "1"}, follow=True)
    assert (
        "satuan &#x27;laporan&#x27; pada &#x27;12 Laporan&#x27; tidak sesuai satuan indikator (Dokumen)"
        in r.content.decode()
    )
    assert Realisasi.objects.get(indikator=i, periode="TW4").nilai == "10"


def test_two_saves_from_the_same_version_conflict(klien_kaltim: dict, biro_umum_draf: Unit) -> None:
    i = ind(TARGET_12)
    operator, perencana = klien_kaltim["operator_umum"], klien_kaltim["perencana"]
    simpan(operator, i, "9")
    assert simpan(operator, i, "11", versi="1").status_code == 200
    r = simpan(perencana, i, "12", versi="1")  # opened before the operator's save
    teks = r.content.decode()
    assert "sudah diubah orang lain sejak Anda membukanya (versi 1 → 2)" in teks
    r = Realisasi.objects.get(indikator=i, tahun=TAHUN, periode="TW4")
    assert (r.nilai, r.versi) == ("11", 2)


def test_evidence_upload_download_and_scope(klien_kaltim: dict, biro_umum_draf: Unit) -> None:
    i = ind(TARGET_12)
    url = reverse("pengukuran:isian-eviden", args=[UNIT, TAHUN, "TW4", i.pk])
    berkas = SimpleUploadedFile("notulen.pdf", b"%PDF-1.4 notulen rapat")
    r = klien_kaltim["operator_umum"].post(
        url, {"judul": "Notulen rapat", "berkas": berkas}, **HTMX
    )
    assert "Data dukung “Notulen rapat” diunggah." in r.content.decode()
    ev = Eviden.objects.get(indikator=i)
    assert (ev.tahun, ev.periode, ev.diunggah_oleh) == (
        TAHUN,
        "TW4",
        klien_kaltim["operator_umum"].user,
    )

    unduh = reverse("pengukuran:eviden-unduh", args=[ev.pk])
    for peran in ("operator_umum", "perencana", "pimpinan"):
        r = klien_kaltim[peran].get(unduh)
        assert r.status_code == 200, peran
        assert b"".join(r.streaming_content) == b"%PDF-1.4 notulen rapat"
    r = klien_kaltim["operator_hukum"].get(unduh)
    assert r.status_code == 404
    assert klien_kaltim["tamu"].get(unduh).status_code == 302
    assert "Notulen rapat" in klien_kaltim["operator_umum"].get(url_isian()).content.decode()

    jahat = SimpleUploadedFile("skrip.exe", b"MZ")
    r = klien_kaltim["operator_umum"].post(url, {"judul": "x", "berkas": jahat}, **HTMX)
    assert "Jenis berkas .exe tidak diterima" in r.content.decode()
    assert Eviden.objects.filter(indikator=i).count() == 1


def test_narrative_is_saved_for_the_year(klien_kaltim: dict, biro_umum_draf: Unit) -> None:
    i = ind(TARGET_12)
    url = reverse("pengukuran:isian-narasi", args=[UNIT, TAHUN, "TW4", i.pk])
    data = {
        "faktor_pendorong": "Koordinasi rutin dengan OPD.",
        "faktor_penghambat": "Keterlambatan dokumen dari pihak ketiga.",
        "permasalahan": "",
        "solusi": "Jadwal penyampaian dokumen disepakati.",
    }
    r = klien_kaltim["operator_umum"].post(url, data, **HTMX)
    assert "Narasi SUB-umum-4.01.01.1.02.0003 tersimpan." in r.content.decode()
    n = Narasi.objects.get(indikator=i, tahun=TAHUN)
    assert n.faktor_pendorong == "Koordinasi rutin dengan OPD."
    assert n.solusi == "Jadwal penyampaian dokumen disepakati."
    assert n.history.first().history_user == klien_kaltim["operator_umum"].user


def test_checklist_counts_and_deadline(klien_kaltim: dict, biro_umum_draf: Unit) -> None:
    klien = klien_kaltim["operator_umum"]
    r = klien.get(url_isian())
    periksa = r.context["periksa"]
    # 44 indicators, one derived (IKU-11 from the IKM survey): 43 typed, 33 budget lines
    assert (periksa.jumlah_indikator, len(periksa.indikator_kosong)) == (43, 43)
    assert (periksa.jumlah_anggaran, len(periksa.anggaran_kosong)) == (33, 33)
    assert len(periksa.tanpa_narasi) == 43  # TW IV asks for the narrative too
    assert not periksa.lengkap
    tenggat = tenggat_periode(TAHUN, "TW4", aturan_untuk(biro_umum_draf).hari_tenggat)
    assert tenggat.isoformat() == "2025-01-10"
    terlambat = (timezone.localdate() - tenggat).days
    teks = r.content.decode()
    assert "10 Januari 2025" in teks and f"terlambat {terlambat} hari" in teks
    assert "disabled" in teks.split("Ajukan TW IV ini")[0].rsplit("<button", 1)[1]

    simpan(klien, ind(TARGET_12), "20")  # refused: no explanation → still missing
    simpan(klien, ind(TARGET_2340), "2.340")
    periksa = klien.get(url_isian()).context["periksa"]
    assert len(periksa.indikator_kosong) == 42

    # Imported data stored before the 150 % rule: counted as a warning without explanation.
    Realisasi.objects.create(indikator=ind(TARGET_12), tahun=TAHUN, periode="TW4", nilai="20")
    periksa = klien.get(url_isian()).context["periksa"]
    assert periksa.tanpa_penjelasan == ["SUB-umum-4.01.01.1.02.0003 (capaian 166.67 %)"]


def test_year_value_is_shown_read_only(klien_kaltim: dict) -> None:
    # Without deleting the demo's 2024 year values: they win, and the rows are read-only.
    r = klien_kaltim["operator_umum"].get(url_isian())
    teks = r.content.decode()
    assert "Nilai tahunan (final) sudah tercatat" in teks
    assert (
        reverse("pengukuran:isian-indikator", args=[UNIT, TAHUN, "TW4", ind(TARGET_12).pk])
        not in teks
    )
    assert r.context["isian"].status == "final"
    assert r.context["isian"].baris_indikator(ind(TARGET_12).pk).capaian == Decimal("100.00")


def test_entry_start_redirects_to_the_active_unit(klien_kaltim: dict) -> None:
    r = klien_kaltim["operator_umum"].get(reverse("pengukuran:isian-awal"))
    # The latest year with data is 2024; every TW of it is final, so the last one opens.
    assert r.headers["Location"] == url_isian("TW4")
    r = klien_kaltim["operator_umum"].get(
        reverse("pengukuran:isian-awal"), {"unit": UNIT, "tahun": "2024", "periode": "TW2"}
    )
    assert r.headers["Location"] == url_isian("TW2")
    r = klien_kaltim["pimpinan"].get(reverse("pengukuran:isian-awal"))
    assert r.status_code == 200
    assert "belum terdaftar sebagai operator atau perencana" in r.content.decode()


def test_derived_indicator_reads_otomatis_not_missing(klien_kaltim: dict) -> None:
    # IKU-11 (IKM of the Setda's services) is computed from the survey, never typed:
    # its status cell must not tell the operator it is still missing.
    iku11 = Indikator.objects.get(kode="IKU-11", renstra__unit__slug="setda-kaltim")
    teks = klien_kaltim["operator_umum"].get(url_isian()).content.decode()
    baris = teks.split(f'id="ind-{iku11.pk}"')[1].split("</tbody>")[0]
    assert "Diturunkan otomatis" in baris
    assert ">Otomatis</span>" in baris
    assert "Belum diisi" not in baris
