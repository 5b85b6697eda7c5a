"""The leader's dashboard on the Kaltim demo: verified figures only, per role, fixed query count."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from sakip.dasbor.selectors import unit_tertinggal, warna_tingkat
from sakip.kinerja import SKALA_BAWAAN
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Realisasi, StatusData
from sakip.perencanaan.models import Indikator, Kegiatan, Target

pytestmark = [pytest.mark.django_db]

SETDA = "/dasbor/setda-kaltim/2024/"


@pytest.fixture(autouse=True)
def tembolok_kosong() -> None:
    # Each test rolls its data back; a dashboard cached by another test must not leak in.
    cache.clear()


def baris(html: str, kode: str) -> str:
    """The table row of one indicator's traffic light."""
    cocok = re.search(rf'<tr id="lampu-{kode.lower()}">(.*?)</tr>', html, re.S)
    assert cocok, f"no row for {kode}"
    return cocok.group(1)


def teks(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_menu_entry_opens_the_active_unit_on_the_latest_signed_pk_year(klien_kaltim: dict) -> None:
    r = klien_kaltim["perencana"].get(reverse("dasbor:awal"))
    assert r.status_code == 302 and r["Location"] == SETDA
    # A Biro has no PK of its own: the year of its Setda's PK.
    r = klien_kaltim["operator_hukum"].get(reverse("dasbor:awal"))
    assert r["Location"] == "/dasbor/kaltim-biro-hukum/2024/"
    # The pickers submit to the same URL.
    r = klien_kaltim["perencana"].get(
        reverse("dasbor:awal"), {"unit": "kaltim-biro-umum", "tahun": "2024"}
    )
    assert r["Location"] == "/dasbor/kaltim-biro-umum/2024/"


def test_iku_traffic_lights_show_figures_and_the_category_in_words(klien_kaltim: dict) -> None:
    html = klien_kaltim["pimpinan"].get(SETDA).content.decode()
    iku08 = teks(baris(html, "IKU-08"))
    assert "71" in iku08 and "86,69 Indeks" in iku08 and "122,10 %" in iku08
    assert "Berhasil" in iku08 and "dasbor-lampu-hijau" in baris(html, "IKU-08")
    # The trend: the three previous years and this one, as numbers beside the sparkline.
    assert "2021: 74,13" in iku08 and "2023: 70,55" in iku08 and "<svg" in baris(html, "IKU-08")
    assert "104,91 %" in teks(html)  # mean of the 13 IKU


def test_unverified_realisasi_leaves_the_dashboard_and_comes_back_when_verified(
    klien_kaltim: dict,
) -> None:
    klien = klien_kaltim["pimpinan"]
    r = Realisasi.objects.get(indikator__kode="IKU-08", tahun=2024)
    r.status = StatusData.DIAJUKAN
    r.save()
    iku08 = teks(baris(klien.get(SETDA).content.decode(), "IKU-08"))
    assert "86,69" not in iku08 and "122,10" not in iku08
    assert "belum terverifikasi" in iku08 and "Belum ada data terverifikasi" in iku08

    r.status = StatusData.DIVERIFIKASI
    r.save()
    iku08 = teks(baris(klien.get(SETDA).content.decode(), "IKU-08"))
    assert "86,69 Indeks" in iku08 and "122,10 %" in iku08


def test_charts_have_their_numbers_in_tables(klien_kaltim: dict) -> None:
    html = teks(klien_kaltim["pimpinan"].get(SETDA).content.decode())
    assert "Capaian per sasaran" in html and "106,97 %" in html  # sasaran 2, Tabel 3.16
    # Serapan per program, Tabel 2.5: Program Kesejahteraan Rakyat 179.432.736.999 / 187.715.133.600.
    assert "Rp 187.715.133.600" in html and "Rp 179.432.736.999" in html


def test_drill_down_opens_a_program_onto_its_kegiatan_and_sub_kegiatan(klien_kaltim: dict) -> None:
    html = klien_kaltim["pimpinan"].get(SETDA).content.decode()
    hukum = Kegiatan.objects.get(unit__slug="kaltim-biro-hukum", kode="4.01.05.1.02")
    blok = re.search(
        rf'<details class="dasbor-tingkat-program" id="program-{hukum.program_id}">(.*?)</details>\s*</details>',
        html,
        re.S,
    )
    assert blok, "program block missing"
    isi = teks(blok.group(1))
    assert "Program Fasilitasi dan Koordinasi Hukum" in isi
    assert "Fasilitasi Bantuan Hukum" in isi and "Fasilitasi Penyusunan Perundang-Undangan" in isi
    assert "Capaian" in isi and "Serapan" in isi


def test_a_biro_sees_its_own_program_and_kegiatan_indicators(klien_kaltim: dict) -> None:
    r = klien_kaltim["operator_hukum"].get("/dasbor/kaltim-biro-hukum/2024/")
    html = teks(r.content.decode())
    assert r.status_code == 200
    assert "Indikator program dan kegiatan" in html and "Fasilitasi Bantuan Hukum" in html
    assert "Program Kesejahteraan Rakyat" not in html  # another Biro's program
    assert "IKU-08" not in html


def test_a_pemda_lists_its_perangkat_daerah_with_their_iku_mean(klien_kaltim: dict) -> None:
    r = klien_kaltim["evaluator"].get("/dasbor/pemprov-kaltim/2024/")
    html = r.content.decode()
    assert r.status_code == 200
    assert 'href="/dasbor/setda-kaltim/2024/"' in html
    assert "104,91 %" in teks(html) and "Dinas Pekerjaan Umum" in html


@pytest.mark.parametrize(
    ("peran", "slug", "status"),
    [
        ("perencana", "setda-kaltim", 200),
        ("pimpinan", "setda-kaltim", 200),
        ("evaluator", "setda-kaltim", 200),
        ("admin", "setda-kaltim", 200),
        ("pimpinan", "kaltim-biro-umum", 200),
        ("operator_hukum", "kaltim-biro-hukum", 200),
        ("operator_hukum", "setda-kaltim", 404),
        ("operator_hukum", "kaltim-biro-umum", 404),
        ("operator_umum", "kaltim-biro-hukum", 404),
        ("pimpinan", "pemprov-kaltim", 404),
        ("perencana", "tidak-ada", 404),
    ],
)
def test_each_role_sees_its_units_and_nothing_else(
    klien_kaltim: dict, peran: str, slug: str, status: int
) -> None:
    r = klien_kaltim[peran].get(f"/dasbor/{slug}/2024/")
    assert r.status_code == status
    if status == 404:
        isi = r.content.decode()
        assert "Capaian" not in isi and "Rp " not in isi and "IKU-" not in isi


def test_anonymous_goes_to_the_login_page(klien_kaltim: dict) -> None:
    for url in (reverse("dasbor:awal"), SETDA):
        r = klien_kaltim["tamu"].get(url)
        assert r.status_code == 302 and r["Location"].startswith("/masuk/")


def test_units_behind_schedule(klien_kaltim: dict) -> None:
    setda = Unit.objects.get(slug="setda-kaltim")
    # The demo's 2024 data is final; only the Setda's three tujuan indicators (IKT-01..03,
    # whose realisasi the seed does not print) have none, so the Setda itself is listed.
    periode, telat = unit_tertinggal(setda, 2024, hari_ini=dt.date(2025, 3, 1))
    assert periode == "TW4"
    assert [(t.unit.slug, t.indikator_terisi, t.indikator_total) for t in telat] == [
        ("setda-kaltim", 0, 3)
    ]
    # Before TW I is due nothing can be late.
    assert unit_tertinggal(setda, 2024, hari_ini=dt.date(2024, 4, 5)) == (None, [])
    # Biro Hukum's realisasi back to draft: late, on the selector and on the page.
    for r in Realisasi.objects.filter(indikator__unit__slug="kaltim-biro-hukum", tahun=2024):
        r.status = StatusData.DRAF
        r.save()
    periode, telat = unit_tertinggal(setda, 2024, hari_ini=dt.date(2025, 3, 1))
    (hukum,) = [t for t in telat if t.unit.slug == "kaltim-biro-hukum"]
    assert hukum.indikator_total > 0 and hukum.tenggat == dt.date(2025, 1, 10)
    bagian = teks(klien_kaltim["pimpinan"].get(SETDA).content.decode()).split(
        "Unit yang terlambat melapor"
    )[1]
    assert "Biro Hukum" in bagian and "Terlambat" in bagian


def test_five_level_scale_maps_onto_four_lights() -> None:
    skala = SKALA_BAWAAN["permendagri_86_2017"]
    assert [warna_tingkat(skala, t) for t in skala.tingkat] == [
        "hijau",
        "hijau",
        "kuning",
        "oranye",
        "merah",
    ]
    empat = SKALA_BAWAAN["empat_tingkat"]
    assert [warna_tingkat(empat, t) for t in empat.tingkat] == [
        "hijau",
        "kuning",
        "oranye",
        "merah",
    ]


BATAS_KUERI = 60


def _tambah_indikator(n: int) -> None:
    """``n`` more kegiatan indicators of Biro Hukum, each with a target and a final realisasi."""
    keg = Kegiatan.objects.filter(unit__slug="kaltim-biro-hukum").select_related("program").first()
    for i in range(n):
        ind = Indikator.objects.create(
            renstra=keg.program.renstra,
            kode=f"UJI-{i:03d}",
            tingkat="kegiatan",
            kegiatan=keg,
            unit=keg.unit,
            nama=f"Indikator uji {i}",
            satuan="Dokumen",
        )
        Target.objects.create(indikator=ind, tahun=2024, periode="TAHUN", nilai="10")
        for th in (2022, 2023, 2024):
            Realisasi.objects.create(
                indikator=ind,
                tahun=th,
                periode="TAHUN",
                nilai=str(8 + i % 4),
                status=StatusData.FINAL,
            )


@pytest.mark.parametrize("slug", ["setda-kaltim", "kaltim-biro-hukum"])
def test_query_count_does_not_grow_with_the_data(
    klien_kaltim: dict, django_assert_max_num_queries: object, slug: str
) -> None:
    klien = klien_kaltim["pimpinan"]
    url = f"/dasbor/{slug}/2024/"
    klien.get(url)  # session and the like settled
    cache.clear()
    with django_assert_max_num_queries(BATAS_KUERI) as kecil:  # type: ignore[operator]
        assert klien.get(url).status_code == 200
    _tambah_indikator(30)
    cache.clear()
    with django_assert_max_num_queries(BATAS_KUERI) as besar:  # type: ignore[operator]
        r = klien.get(url)
    if slug == "kaltim-biro-hukum":  # a Biro lists its kegiatan indicators by name
        assert "Indikator uji 29" in r.content.decode()
    assert len(besar.captured_queries) == len(kecil.captured_queries)
    print(f"{slug}: {len(kecil.captured_queries)} queries (computed), same with 30 more indicators")
    # Served from the cache while nothing changes.
    with django_assert_max_num_queries(BATAS_KUERI) as tembolok:  # type: ignore[operator]
        klien.get(url)
    assert len(tembolok.captured_queries) < len(besar.captured_queries)
