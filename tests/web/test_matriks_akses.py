"""Every page × every role × a foreign unit, on the Kaltim demo, in one table.

Biro Hukum's data is "own" for its operator and foreign for Biro Umum's operator,
who must get 404 and none of it; read-only roles get 200 on pages and 403 on
actions; anonymous visitors are sent to the sign-in page (the public page excepted).
A guard below fails when a URL is added without an entry here or in the area test
that checks its access (POST actions live there, with their own data to act on).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sakip.evaluasi.models import EvaluasiAKIP, LembarKerja
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Realisasi
from sakip.perencanaan.models import Indikator, Renstra
from sakip.perjanjian.models import PerjanjianKinerja

pytestmark = pytest.mark.django_db

PERAN = ("tamu", "operator_hukum", "operator_umum", "pimpinan", "evaluator", "perencana", "admin")

# page → URL arguments (resolved in the test) and the status per role, in PERAN order.
MATRIKS: dict[str, tuple[list[object], tuple[int, ...]]] = {
    "beranda": ([], (302, 200, 200, 200, 200, 200, 200)),
    "ganti-sandi": ([], (302, 200, 200, 200, 200, 200, 200)),
    "dua-langkah": ([], (302, 200, 200, 200, 200, 200, 200)),
    "pengukuran:isian": (["kaltim-biro-hukum", 2024, "TW4"], (302, 200, 404, 200, 200, 200, 200)),
    "pengukuran:tinjau": (["kaltim-biro-hukum", 2024, "TW4"], (302, 403, 404, 403, 403, 200, 200)),
    "pengukuran:verifikasi": ([], (302, 403, 403, 403, 403, 200, 200)),
    "pengukuran:kelengkapan": ([2024, "TW4"], (302, 403, 403, 200, 403, 200, 200)),
    "dasbor:unit": (["kaltim-biro-hukum", 2024], (302, 200, 404, 200, 200, 200, 200)),
    "riwayat": (["realisasi", "@realisasi"], (302, 200, 404, 200, 200, 200, 200)),
    "laporan:halaman": (["kaltim-biro-hukum", 2024], (302, 200, 404, 200, 200, 200, 200)),
    "laporan:pratinjau": (["kaltim-biro-hukum", 2024], (302, 200, 404, 200, 200, 200, 200)),
    # Consistency checks: whoever sees the report sees its findings; checking an upload
    # is the planner's (and an admin's) tool.
    "laporan:periksa": (["kaltim-biro-hukum", 2024], (302, 200, 404, 200, 200, 200, 200)),
    "laporan:periksa-unduh": (
        ["kaltim-biro-hukum", 2024, "json"],
        (302, 200, 404, 200, 200, 200, 200),
    ),
    "laporan:periksa-dokumen": ([], (302, 403, 403, 403, 403, 200, 200)),
    # The Setda's Renstra and PK belong to the Setda: a Biro operator is foreign to them.
    "perencanaan:renstra": (["@renstra"], (302, 404, 404, 200, 200, 200, 200)),
    "perencanaan:indikator-ubah": (["@renstra", "@iku05"], (302, 404, 404, 403, 403, 200, 200)),
    "perjanjian:detail": (["@pk"], (302, 404, 404, 200, 200, 200, 200)),
    "perjanjian:cetak": (["@pk"], (302, 404, 404, 200, 200, 200, 200)),
    "publik:pemda": (["pemprov-kaltim"], (200, 200, 200, 200, 200, 200, 200)),
    # AKIP evaluation: Biro Hukum's worksheet, history and recommendations are foreign to
    # Biro Umum's operator; the PD recap is open to everyone working in the Pemda.
    "evaluasi:awal": ([], (302, 200, 200, 200, 200, 200, 200)),
    "evaluasi:terbuka": ([], (302, 200, 200, 200, 200, 200, 200)),
    "evaluasi:lembar": (["@lke"], (302, 200, 404, 200, 200, 200, 200)),
    "evaluasi:riwayat": (["kaltim-biro-hukum"], (302, 200, 404, 200, 200, 200, 200)),
    "evaluasi:riwayat-xlsx": (["kaltim-biro-hukum"], (302, 200, 404, 200, 200, 200, 200)),
    "evaluasi:rekomendasi": (["kaltim-biro-hukum"], (302, 200, 404, 200, 200, 200, 200)),
    "evaluasi:rekap": (["pemprov-kaltim", 2024], (302, 200, 200, 200, 200, 200, 200)),
    "evaluasi:rekap-xlsx": (["pemprov-kaltim", 2024], (302, 200, 200, 200, 200, 200, 200)),
    "survei:awal": ([], (302, 200, 200, 200, 200, 200, 200)),
    "survei:templat": ([], (302, 200, 200, 200, 200, 200, 200)),
    "survei:tabel": (["kaltim-biro-hukum", 2024], (302, 200, 404, 200, 200, 200, 200)),
    "survei:tabel-xlsx": (["kaltim-biro-hukum", 2024], (302, 200, 404, 200, 200, 200, 200)),
    "survei:hasil": (["kaltim-biro-hukum", 2024, "S1"], (302, 200, 404, 200, 200, 200, 200)),
    # Importing responses: the unit's operators and planners; read-only roles 403.
    "survei:impor": (["kaltim-biro-hukum", 2024, "S1"], (302, 200, 404, 403, 403, 200, 200)),
}

# URL names whose access matrix lives with the area's own data (mostly POST actions).
DIUJI_DI = {
    "tests/web/pengukuran/test_akses.py": ("pengukuran:",),
    "tests/web/perencanaan/test_renstra.py": ("perencanaan:",),
    "tests/web/perjanjian/test_pk.py": ("perjanjian:",),
    "tests/web/impor/test_impor_web.py": ("impor:",),
    "tests/web/dasbor/test_dasbor.py": ("dasbor:",),
    "tests/web/publik/test_publik.py": ("publik:",),
    "tests/laporan/test_views.py": ("laporan:",),
    "tests/laporan/test_periksa_views.py": ("laporan:",),
    "tests/web/test_akun.py": ("masuk", "keluar", "pilih-unit", "dua-langkah", "ganti-sandi"),
    "tests/web/test_riwayat.py": ("riwayat",),
    "tests/web/pengukuran/test_isian.py": ("pengukuran:",),
    "tests/web/test_matriks_akses.py": ("perjanjian:",),
    "tests/evaluasi/test_layar.py": ("evaluasi:",),
    "tests/survei/test_views.py": ("survei:",),
}

# Areas whose tests address pages by path: the path fragment that shows the page is tested.
DIUJI_LEWAT_PATH = {
    "publik:indeks": '"/publik/"',
    "publik:lkjip": "lkjip/",
    "publik:pk": "pk/{",
    "publik:pk-xlsx": "/xlsx/",
    "publik:iku": "iku/setda",
    "publik:iku-xlsx": "/xlsx/",
}


@pytest.fixture
def argumen(klien_kaltim: dict[str, Client]) -> dict[str, object]:
    renstra = Renstra.objects.get(unit__slug="setda-kaltim")
    return {
        "@realisasi": Realisasi.objects.get(
            indikator__kode="IKU-05", tahun=2024, periode="TAHUN"
        ).pk,
        "@renstra": renstra.kode,
        "@iku05": Indikator.objects.get(kode="IKU-05").pk,
        "@pk": PerjanjianKinerja.objects.get(unit__slug="setda-kaltim", tahun=2024).pk,
        "@lke": EvaluasiAKIP.objects.create(
            unit=Unit.objects.get(slug="kaltim-biro-hukum"),
            tahun=2024,
            lembar=LembarKerja.berlaku(2024),
        ).pk,
    }


@pytest.mark.parametrize("nama", sorted(MATRIKS))
def test_each_role_gets_what_its_units_allow(
    nama: str, klien_kaltim: dict[str, Client], argumen: dict[str, object]
) -> None:
    args, harapan = MATRIKS[nama]
    url = reverse(nama, args=[argumen.get(a, a) for a in args])  # type: ignore[call-overload]
    didapat = {}
    for peran in PERAN:
        r = klien_kaltim[peran].get(url)
        didapat[peran] = r.status_code
        if r.status_code == 302 and peran == "tamu":
            assert r["Location"].startswith(reverse("masuk")), url
        if r.status_code == 404:
            # Never another unit's data, not even in the error page.
            teks = r.content.decode()
            assert "IKU-05" not in teks and "Rancangan produk hukum" not in teks, (url, peran)
    assert didapat == dict(zip(PERAN, harapan, strict=True)), url


def _nama_url(pola: list[URLPattern | URLResolver], awalan: str = "") -> set[str]:
    hasil: set[str] = set()
    for p in pola:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            ruang = f"{awalan}{p.namespace}:" if p.namespace else awalan
            hasil |= _nama_url(p.url_patterns, ruang)
        elif p.name:
            hasil.add(f"{awalan}{p.name}")
    return hasil


def test_every_url_has_its_access_tested_somewhere() -> None:
    akar = Path(__file__).resolve().parents[2]
    teks = {modul: (akar / modul).read_text(encoding="utf-8") for modul in DIUJI_DI}
    tanpa_uji = []
    for nama in sorted(_nama_url(get_resolver().url_patterns)):
        if nama in MATRIKS:
            continue
        modul = [m for m, awalan in DIUJI_DI.items() if nama.startswith(awalan)]
        pendek = nama.split(":")[-1]
        if nama in DIUJI_LEWAT_PATH and DIUJI_LEWAT_PATH[nama] in teks[modul[0]]:
            continue
        if not any(f'"{nama}"' in teks[m] or f'"{pendek}"' in teks[m] for m in modul):
            tanpa_uji.append(nama)
    assert not tanpa_uji, f"halaman tanpa uji akses: {tanpa_uji}"


def test_budget_lines_of_a_pk_are_removed_only_by_its_planner(
    klien_kaltim: dict[str, Client], argumen: dict[str, object]
) -> None:
    from sakip.perjanjian.models import PKAnggaran

    pk = PerjanjianKinerja.objects.get(pk=argumen["@pk"])
    baris = pk.anggaran.first()
    assert baris is not None
    url = reverse("perjanjian:anggaran-hapus", args=[pk.pk, baris.pk])
    sebelum = PKAnggaran.objects.count()
    assert klien_kaltim["tamu"].post(url).status_code == 302
    for peran in ("operator_hukum", "operator_umum"):
        assert klien_kaltim[peran].post(url).status_code == 404
    for peran in ("pimpinan", "evaluator"):
        assert klien_kaltim[peran].post(url).status_code == 403
    # The planner may, but the PK is signed: refused with a message, nothing removed.
    r = klien_kaltim["perencana"].post(url, follow=True)
    assert "terkunci" in r.content.decode() or "ditandatangani" in r.content.decode()
    assert PKAnggaran.objects.count() == sebelum
