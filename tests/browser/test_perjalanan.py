"""The main journeys of issue 6 in Chromium, on the Kaltim demo.

An operator of Biro Hukum enters TW IV 2024 realisasi and budget and sees the
capaian update; submits; the planner returns it with a reason; the operator sees
the reason, corrects and submits again; the planner verifies; only then does the
head's dashboard show the value; the planner builds and downloads the LKjIP and
the new value is in it. Another Biro's operator cannot open Biro Hukum's data.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from sakip.anggaran.models import Anggaran, RealisasiAnggaran
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Narasi, Realisasi
from sakip.pengukuran.services import simpan_isian_anggaran, simpan_isian_realisasi, simpan_narasi
from sakip.perencanaan.models import Indikator, SubKegiatan
from tests.laporan.baca import baca_docx

pytestmark = pytest.mark.browser

TAHUN, TW = 2024, "TW4"
ISIAN = f"/isian/kaltim-biro-hukum/{TAHUN}/{TW}/"


def buka_tw_iv_biro_hukum() -> tuple[Indikator, SubKegiatan]:
    """Biro Hukum as it stood before it reported TW IV 2024, all but two rows already typed.

    The demo holds Kaltim's 2024 figures as final year values. They are removed
    for Biro Hukum and typed back as TW IV values through the entry service the
    screen uses (one TW value is the year's value under every aggregation), except
    IKU-05 and one budget line, which the browser enters.
    """
    unit = Unit.objects.get(slug="kaltim-biro-hukum")
    operator = get_user_model().objects.get(username="operator.hukum.kaltim")
    iku05 = Indikator.objects.get(kode="IKU-05")
    realisasi = dict(
        Realisasi.objects.filter(indikator__unit=unit, tahun=TAHUN, periode="TAHUN").values_list(
            "indikator_id", "nilai"
        )
    )
    anggaran = dict(
        RealisasiAnggaran.objects.filter(
            sub_kegiatan__unit=unit, tahun=TAHUN, periode="TAHUN"
        ).values_list("sub_kegiatan_id", "nilai")
    )
    Realisasi.objects.filter(indikator__unit=unit, tahun=TAHUN, periode="TAHUN").delete()
    RealisasiAnggaran.objects.filter(sub_kegiatan__unit=unit, tahun=TAHUN, periode="TAHUN").delete()
    for ind in Indikator.objects.filter(unit=unit, sumber_realisasi="", target__tahun=TAHUN):
        if ind.pk != iku05.pk and ind.pk in realisasi:
            simpan_isian_realisasi(
                operator, ind, TAHUN, TW, realisasi[ind.pk], catatan="Sesuai LKjIP 2024."
            )
        if not Narasi.objects.filter(indikator=ind, tahun=TAHUN).exists():
            simpan_narasi(operator, ind, TAHUN, TW, faktor_pendorong="Koordinasi lintas biro.")
    sub_pertama = (
        SubKegiatan.objects.filter(unit=unit, anggaran__tahun=TAHUN).order_by("kode").first()
    )
    assert sub_pertama is not None
    for sub_id, nilai in anggaran.items():
        if sub_id != sub_pertama.pk:
            simpan_isian_anggaran(
                operator, SubKegiatan.objects.get(pk=sub_id), TAHUN, TW, str(nilai), catatan="SP2D"
            )
    return iku05, sub_pertama


def test_operator_entry_return_correct_verify_dashboard_and_report(masuk: object) -> None:
    iku05, sub = buka_tw_iv_biro_hukum()
    pagu = Anggaran.objects.get(sub_kegiatan=sub, tahun=TAHUN).pagu

    # --- the operator enters the two rows left and sees the capaian update -----------
    operator = masuk("operator.hukum.kaltim")  # type: ignore[operator]
    operator.buka(ISIAN)
    page = operator.page
    baris = page.locator(f"#ind-{iku05.pk}")
    baris.get_by_label(re.compile("Realisasi .* IKU-05")).fill("97,5")
    baris.get_by_role("button", name=re.compile("Simpan")).click()
    page.locator(f"#ind-{iku05.pk}").get_by_text("97,50 %").wait_for()
    separuh = f"{pagu / 2:.2f}".replace(".", ",")
    ang = page.locator(f"#ang-{sub.pk}")
    ang.get_by_label(re.compile("Realisasi anggaran")).fill(separuh)
    ang.get_by_role("button", name=re.compile("Simpan")).click()
    page.locator(f"#ang-{sub.pk}").get_by_text("50,00 %").wait_for()
    operator.buka(ISIAN)
    operator.potret("isian-operator")
    page.get_by_role("button", name="Ajukan TW IV ini").click()
    page.get_by_text("Diajukan").first.wait_for()

    # --- not on the dashboard before verification ------------------------------------
    pimpinan = masuk("pimpinan.kaltim")  # type: ignore[operator]
    pimpinan.buka(f"/dasbor/setda-kaltim/{TAHUN}/")
    baris_iku05 = pimpinan.page.locator("tr", has_text="IKU-05").first
    assert "97,5" not in baris_iku05.inner_text()

    # --- the planner returns it with a reason ------------------------------------------
    perencana = masuk("perencana.kaltim")  # type: ignore[operator]
    perencana.buka("/verifikasi/")
    perencana.potret("verifikasi-antrean")
    perencana.page.get_by_role("link", name=re.compile("Tinjau")).first.click()
    perencana.page.get_by_label(re.compile("Alasan")).fill(
        "Realisasi IKU-05 belum sesuai data dukung rekap harmonisasi; mohon diperiksa."
    )
    perencana.potret("verifikasi-tinjau")
    perencana.page.get_by_role("button", name="Kembalikan ke operator").click()
    perencana.page.get_by_text("Dikembalikan").first.wait_for()

    # --- the operator sees the reason, corrects and submits again ----------------------
    operator.buka(ISIAN)
    assert "belum sesuai data dukung rekap harmonisasi" in page.inner_text(".isian-alasan")
    operator.potret("isian-dikembalikan")
    baris = page.locator(f"#ind-{iku05.pk}")
    baris.get_by_label(re.compile("Realisasi .* IKU-05")).fill("98,25")
    baris.get_by_role("button", name=re.compile("Simpan")).click()
    page.locator(f"#ind-{iku05.pk}").get_by_text("98,25 %").wait_for()
    operator.buka(ISIAN)
    page.get_by_role("button", name="Ajukan TW IV ini").click()
    page.get_by_text("Diajukan").first.wait_for()

    # --- verified, the value reaches the dashboard --------------------------------------
    perencana.buka(f"/verifikasi/kaltim-biro-hukum/{TAHUN}/{TW}/")
    perencana.page.get_by_role("button", name="Verifikasi").click()
    perencana.page.get_by_text("Diverifikasi").first.wait_for()
    pimpinan.buka(f"/dasbor/setda-kaltim/{TAHUN}/")
    assert "98,25" in pimpinan.page.locator("tr", has_text="IKU-05").first.inner_text()
    pimpinan.potret("dasbor-pimpinan")
    perencana.buka(f"/kelengkapan/{TAHUN}/{TW}/")
    perencana.potret("kelengkapan")

    # --- the planner builds and downloads the report; the new value is in it ----------
    perencana.buka(f"/laporan/setda-kaltim/{TAHUN}/")
    perencana.page.get_by_role("button", name="Susun laporan").click()
    unduh = perencana.page.get_by_role("link", name=re.compile(r"Unduh .*\.docx"))
    unduh.first.wait_for(timeout=120_000)
    perencana.potret("laporan-perencana")
    with perencana.page.expect_download() as info:
        unduh.first.click()
    isi = open(info.value.path(), "rb").read()  # noqa: SIM115
    ikhtisar = baca_docx(isi).cari("Capaian Indikator Kinerja Utama Tahun 2024")
    assert "98,25" in ikhtisar.baris_dengan("98,25")


def test_another_biro_cannot_open_the_first_biros_entry_or_data(masuk: object) -> None:
    iku05 = Indikator.objects.get(kode="IKU-05")
    r = Realisasi.objects.get(indikator=iku05, tahun=TAHUN, periode="TAHUN")
    lain = masuk("operator.umum.kaltim")  # type: ignore[operator]
    for path in (ISIAN, f"/riwayat/realisasi/{r.pk}/", f"/dasbor/kaltim-biro-hukum/{TAHUN}/"):
        respons = lain.buka(path)
        assert respons.status == 404, path  # type: ignore[attr-defined]
        assert "IKU-05" not in lain.page.content()
    lain.buka(f"/isian/kaltim-biro-umum/{TAHUN}/{TW}/")
    assert "Biro Umum" in lain.page.inner_text("main")
    lain.potret("isian-biro-lain")


def test_the_public_page_needs_no_login(
    peramban: object, demo_langsung: str, layar: object
) -> None:
    konteks = peramban.new_context(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    page = konteks.new_page()
    page.goto(f"{demo_langsung}/publik/pemprov-kaltim/")
    assert "Perjanjian Kinerja" in page.inner_text("main")
    page.screenshot(path=str(layar / "publik.png"), full_page=True)  # type: ignore[operator]
    konteks.close()
