"""Renstra & IKU screens on the Kaltim demo: the tree, editing indicators and targets, rights."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from sakip.organisasi.models import Unit
from sakip.perencanaan.models import Indikator, Kegiatan, Renstra, Sasaran, Target, Tujuan

pytestmark = pytest.mark.django_db

KODE = "setda-kaltim-2024-2026"


def _url(nama: str, *args: object) -> str:
    return reverse(f"perencanaan:{nama}", args=args)


def _data_indikator(ind: Indikator, **ubah: str) -> dict[str, str]:
    data = {
        "kode": ind.kode,
        "nama": ind.nama,
        "tingkat": ind.tingkat,
        "induk": f"{ind.tingkat}:{ind.induk.pk}",  # type: ignore[union-attr]
        "unit": str(ind.unit_id),
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "agregasi": ind.agregasi,
        "formula": ind.formula,
        "definisi": ind.definisi,
        "sumber_data": ind.sumber_data,
        "sumber_realisasi": ind.sumber_realisasi,
        "urutan": str(ind.urutan),
    }
    if ind.iku:
        data["iku"] = "on"
    data.update(ubah)
    return data


def test_the_list_shows_the_renstra_with_its_counts(klien_kaltim: dict[str, Client]) -> None:
    r = klien_kaltim["pimpinan"].get(_url("daftar"))
    (renstra,) = r.context["renstra"]
    assert renstra.kode == KODE
    assert (renstra.jumlah_tujuan, renstra.jumlah_sasaran, renstra.jumlah_indikator) == (2, 4, 308)
    assert renstra.jumlah_iku == 13
    assert "2024–2026" in r.content.decode()


def test_the_tree_shows_indicators_with_targets_per_year(klien_kaltim: dict[str, Client]) -> None:
    r = klien_kaltim["evaluator"].get(_url("renstra", KODE))
    pohon = r.context["pohon"]
    assert pohon.tahun == [2024, 2025, 2026] and pohon.jumlah_indikator == 308
    sasaran = [s for t in pohon.tujuan for s in t.daftar_sasaran]
    iku08 = next(i for s in sasaran for i in s.daftar_indikator if i.kode == "IKU-08")
    assert iku08.iku and iku08.target_tahun == [
        "71",
        "73",
        Target.objects.get(indikator=iku08, tahun=2026).nilai,
    ]
    assert (
        sum(len(p.daftar_kegiatan) for p in pohon.program)
        == Kegiatan.objects.filter(program__renstra__kode=KODE).count()
    )
    teks = r.content.decode()
    assert f'id="indikator-{iku08.pk}"' in teks and "IKU</span>" in teks
    assert "Tambah indikator" not in teks  # an evaluator only reads


def test_the_planner_edits_an_indicator_with_history(klien_kaltim: dict[str, Client]) -> None:
    c = klien_kaltim["perencana"]
    ind = Indikator.objects.get(kode="IKU-05")
    umum = Unit.objects.get(slug="kaltim-biro-umum")
    data = _data_indikator(
        ind, satuan="Dokumen", polaritas="minimal", sumber_data="Biro Hukum", unit=str(umum.pk)
    )
    r = c.post(_url("indikator-ubah", KODE, ind.pk), data)
    assert r.status_code == 302 and r["Location"].endswith(f"#indikator-{ind.pk}")
    ind.refresh_from_db()
    assert (ind.satuan, ind.polaritas, ind.unit_id) == ("Dokumen", "minimal", umum.pk)
    terakhir = ind.history.first()
    assert terakhir.history_user == c.user and terakhir.satuan == "Dokumen"  # type: ignore[attr-defined]
    assert ind.history.count() == 2


def test_a_wrong_parent_or_taken_kode_is_refused_on_its_field(
    klien_kaltim: dict[str, Client],
) -> None:
    c = klien_kaltim["perencana"]
    ind = Indikator.objects.get(kode="IKU-05")
    tujuan = Tujuan.objects.get(renstra__kode=KODE, kode="T1")
    r = c.post(
        _url("indikator-ubah", KODE, ind.pk), _data_indikator(ind, induk=f"tujuan:{tujuan.pk}")
    )
    assert r.status_code == 422
    assert "Induk yang dipilih berupa tujuan, sedangkan tingkat indikator sasaran" in (
        r.content.decode()
    )
    r = c.post(_url("indikator-ubah", KODE, ind.pk), _data_indikator(ind, kode="IKU-06"))
    assert (
        r.status_code == 422 and "Kode IKU-06 sudah dipakai di Renstra ini." in r.content.decode()
    )
    assert 'aria-describedby="id_kode-galat"' in r.content.decode()
    ind.refresh_from_db()
    assert ind.kode == "IKU-05" and ind.sasaran_id is not None and ind.history.count() == 1


def test_the_planner_adds_tujuan_sasaran_and_indicator(klien_kaltim: dict[str, Client]) -> None:
    c = klien_kaltim["perencana"]
    renstra = Renstra.objects.get(kode=KODE)
    assert (
        c.post(
            _url("tujuan-tambah", KODE), {"kode": "T3", "uraian": "Tujuan baru", "urutan": 3}
        ).status_code
        == 302
    )
    t3 = Tujuan.objects.get(renstra=renstra, kode="T3")
    r = c.post(
        _url("sasaran-tambah", KODE),
        {"tujuan": t3.pk, "kode": "S9", "uraian": "Sasaran baru", "urutan": 9},
    )
    assert r.status_code == 302
    s9 = Sasaran.objects.get(renstra=renstra, kode="S9")
    assert (
        c.get(_url("indikator-tambah", KODE) + f"?induk=sasaran:{s9.pk}")
        .context["form"]["induk"]
        .value()
        == f"sasaran:{s9.pk}"
    )
    r = c.post(
        _url("indikator-tambah", KODE),
        {
            "kode": "IKU-14",
            "nama": "Indeks baru",
            "tingkat": "sasaran",
            "induk": f"sasaran:{s9.pk}",
            "unit": renstra.unit_id,
            "satuan": "Indeks",
            "polaritas": "maksimal",
            "agregasi": "terakhir",
            "iku": "on",
            "urutan": 14,
        },
    )
    assert r.status_code == 302
    baru = Indikator.objects.get(renstra=renstra, kode="IKU-14")
    assert baru.sasaran_id == s9.pk and baru.iku and baru.history.first().history_user == c.user  # type: ignore[attr-defined]


def test_targets_per_year_are_saved_and_a_bad_one_stores_nothing(
    klien_kaltim: dict[str, Client],
) -> None:
    c = klien_kaltim["perencana"]
    ind = Indikator.objects.get(kode="IKU-08")
    url = _url("target", KODE, ind.pk)
    awal = c.get(url).context["form"]
    assert [awal[f"target_{t}"].value() for t in (2024, 2025)] == ["71", "73"]

    sebelum = dict(Target.objects.filter(indikator=ind).values_list("tahun", "nilai"))
    r = c.post(url, {"target_2024": "71", "target_2025": "74,5", "target_2026": "tujuh"})
    assert r.status_code == 422
    teks = r.content.decode()
    assert "Target 2026 tidak dapat dibaca" in teks and "tujuh" in teks
    assert 'aria-describedby="id_target_2026_helptext id_target_2026-galat"' in teks
    assert dict(Target.objects.filter(indikator=ind).values_list("tahun", "nilai")) == sebelum

    r = c.post(url, {"target_2024": "71", "target_2025": "1.234,5", "target_2026": "80–90"})
    assert r.status_code == 302
    assert dict(
        Target.objects.filter(indikator=ind, periode="TAHUN").values_list("tahun", "nilai")
    ) == {
        2024: "71",
        2025: "1.234,5",
        2026: "80–90",
    }
    t2025 = Target.objects.get(indikator=ind, tahun=2025)
    assert t2025.history.first().history_user == c.user  # type: ignore[attr-defined]
    assert t2025.history.first().nilai == "1.234,5" and t2025.history.last().nilai == "73"


# --- who may do what ----------------------------------------------------------------


def _halaman_ubah() -> list[str]:
    ind = Indikator.objects.get(kode="IKU-05")
    t = Tujuan.objects.get(renstra__kode=KODE, kode="T1")
    s = Sasaran.objects.get(renstra__kode=KODE, kode="S1")
    return [
        _url("tujuan-tambah", KODE),
        _url("tujuan-ubah", KODE, t.pk),
        _url("sasaran-tambah", KODE),
        _url("sasaran-ubah", KODE, s.pk),
        _url("indikator-tambah", KODE),
        _url("indikator-ubah", KODE, ind.pk),
        _url("target", KODE, ind.pk),
    ]


@pytest.mark.parametrize("peran", ["perencana", "admin"])
def test_planners_open_every_edit_screen(klien_kaltim: dict[str, Client], peran: str) -> None:
    for url in _halaman_ubah():
        assert klien_kaltim[peran].get(url).status_code == 200, url


@pytest.mark.parametrize("peran", ["pimpinan", "evaluator"])
def test_read_only_roles_read_but_get_403_on_edits(
    klien_kaltim: dict[str, Client], peran: str
) -> None:
    c = klien_kaltim[peran]
    assert c.get(_url("renstra", KODE)).status_code == 200
    ind = Indikator.objects.get(kode="IKU-05")
    for url in _halaman_ubah():
        assert c.get(url).status_code == 403, url
        assert c.post(url, {"kode": "X", "uraian": "x", "target_2025": "1"}).status_code == 403, url
    assert Target.objects.get(indikator=ind, tahun=2025).nilai == "100"
    assert not Tujuan.objects.filter(kode="X").exists()


def test_a_unit_outside_ones_own_answers_404_without_its_data(
    klien_kaltim: dict[str, Client],
) -> None:
    # An operator of a Biro does not see its Setda's Renstra.
    c = klien_kaltim["operator_hukum"]
    assert c.get(_url("daftar")).context["renstra"].count() == 0
    r = c.get(_url("renstra", KODE))
    assert r.status_code == 404 and "Mewujudkan birokrasi" not in r.content.decode()
    for url in _halaman_ubah():
        assert c.get(url).status_code == 404, url
        assert c.post(url, {"kode": "X"}).status_code == 404, url
    assert c.get(_url("renstra", "tidak-ada")).status_code == 404


def test_an_indicator_of_another_renstra_answers_404(klien_kaltim: dict[str, Client]) -> None:
    lain = Renstra.objects.create(
        kode="lain-2024-2026",
        unit=Unit.objects.get(slug="setda-kaltim"),
        nama="Lain",
        tahun_mulai=2024,
        tahun_selesai=2026,
    )
    ind = Indikator.objects.get(kode="IKU-05")
    assert klien_kaltim["perencana"].get(_url("target", lain.kode, ind.pk)).status_code == 404


def test_anonymous_is_sent_to_sign_in(klien_kaltim: dict[str, Client]) -> None:
    tamu = klien_kaltim["tamu"]
    for url in [_url("daftar"), _url("renstra", KODE), *_halaman_ubah()]:
        r = tamu.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/masuk/"), url


def test_the_tree_page_costs_the_same_queries_at_any_size(
    klien_kaltim: dict[str, Client], django_assert_max_num_queries: object
) -> None:
    c = klien_kaltim["perencana"]
    url = _url("renstra", KODE)
    # Seven for the tree; the rest is session, user, rights and the base template's
    # context (navigation, deadline banner), which do not grow with the Renstra.
    BATAS = 40
    # The banner is cached per state of the data; measure each page without that cache.
    cache.clear()
    with django_assert_max_num_queries(BATAS) as kecil:  # type: ignore[operator]
        assert c.get(url).context["pohon"].jumlah_indikator == 308
    renstra = Renstra.objects.get(kode=KODE)
    sasaran = Sasaran.objects.filter(renstra=renstra).first()
    baru = Indikator.objects.bulk_create(
        Indikator(
            renstra=renstra,
            kode=f"X-{n:02}",
            tingkat="sasaran",
            sasaran=sasaran,
            unit=renstra.unit,
            nama=f"Indikator uji {n}",
        )
        for n in range(40)
    )
    Target.objects.bulk_create(
        Target(indikator=i, tahun=t, nilai="1") for i in baru for t in (2024, 2025, 2026)
    )
    cache.clear()
    with django_assert_max_num_queries(BATAS) as besar:  # type: ignore[operator]
        assert c.get(url).context["pohon"].jumlah_indikator == 348
    assert len(besar) == len(kecil)
