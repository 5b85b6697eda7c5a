"""Benchmark: server time of the main pages on the Kaltim demo (issue 6: at most 200 ms).

A fresh SQLite database with the demo, then each page requested in-process through
Django's test client as the demo login who uses it: the time from request to
finished response (routing, queries, templates), without the network. The median
of the runs is the figure; the worst run is printed beside it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ULANG = 10
AKAR = Path(__file__).resolve().parent.parent
SAKIP = Path(sys.executable).with_name("sakip")

# (page, demo login, URL name, arguments)
HALAMAN: list[tuple[str, str, str, list[object]]] = [
    ("Beranda", "perencana.kaltim", "beranda", []),
    ("Dasbor Setda Kaltim 2024", "pimpinan.kaltim", "dasbor:unit", ["setda-kaltim", 2024]),
    ("Dasbor Pemprov Kaltim 2024", "evaluator.kaltim", "dasbor:unit", ["pemprov-kaltim", 2024]),
    (
        "Isian TW IV Biro Umum 2024",
        "operator.umum.kaltim",
        "pengukuran:isian",
        ["kaltim-biro-umum", 2024, "TW4"],
    ),
    ("Verifikasi", "perencana.kaltim", "pengukuran:verifikasi", []),
    ("Kelengkapan TW IV 2024", "perencana.kaltim", "pengukuran:kelengkapan", [2024, "TW4"]),
    ("Renstra Kaltim (pohon)", "perencana.kaltim", "perencanaan:renstra", ["@renstra"]),
    ("Daftar PK", "perencana.kaltim", "perjanjian:daftar", []),
    ("PK Setda Kaltim 2024", "perencana.kaltim", "perjanjian:detail", ["@pk"]),
    ("Impor & ekspor", "perencana.kaltim", "impor:halaman", []),
    ("Laporan Setda Kaltim 2024", "perencana.kaltim", "laporan:halaman", ["setda-kaltim", 2024]),
    ("Riwayat realisasi IKU-08", "perencana.kaltim", "riwayat", ["realisasi", "@realisasi"]),
    ("Halaman publik Pemprov Kaltim", "", "publik:pemda", ["pemprov-kaltim"]),
]


def ukur(ulang: int) -> list[tuple[str, float, float, int]]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from sakip.pengukuran.models import Realisasi
    from sakip.perencanaan.models import Renstra
    from sakip.perjanjian.models import PerjanjianKinerja

    pengganti = {
        "@renstra": Renstra.objects.get(unit__slug="setda-kaltim").kode,
        "@pk": PerjanjianKinerja.objects.get(unit__slug="setda-kaltim", tahun=2024).pk,
        "@realisasi": Realisasi.objects.get(
            indikator__kode="IKU-08", tahun=2024, periode="TAHUN"
        ).pk,
    }
    hasil = []
    for nama, login, url_nama, argumen in HALAMAN:
        client = Client()
        if login:
            client.force_login(get_user_model().objects.get(username=login))
        url = reverse(url_nama, args=[pengganti.get(a, a) for a in argumen])  # type: ignore[call-overload]
        respons = client.get(url)  # warm up: imports, template loading
        if respons.status_code != 200:
            raise SystemExit(f"{nama}: {url} menjawab {respons.status_code}")
        waktu = []
        for _ in range(ulang):
            mulai = time.perf_counter()
            client.get(url)
            waktu.append(time.perf_counter() - mulai)
        with CaptureQueriesContext(connection) as kueri:
            client.get(url)
        hasil.append((nama, statistics.median(waktu), max(waktu), len(kueri)))
    return hasil


def main(ulang: int = ULANG) -> list[tuple[str, float, float, int]]:
    with tempfile.TemporaryDirectory(prefix="sakip-bench-halaman-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "SAKIP_DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "SAKIP_VAR_DIR": str(folder / "var"),
        }
        subprocess.run([str(SAKIP), "migrate", "-v0"], env=env, check=True, cwd=AKAR)
        subprocess.run(
            [str(SAKIP), "load-demo"], env=env, check=True, cwd=AKAR, stdout=subprocess.DEVNULL
        )
        # Debug off, as in production (debug keeps every query in memory), so the static
        # files need their manifest first.
        produksi = {
            **env,
            "SAKIP_DEBUG": "0",
            "SAKIP_SECRET_KEY": "bench-only-" + "x" * 40,
            "SAKIP_ALLOWED_HOSTS": "testserver",
            "SAKIP_SSL_REDIRECT": "0",
        }
        subprocess.run(
            [str(SAKIP), "collectstatic", "--noinput", "-v0"], env=produksi, check=True, cwd=AKAR
        )
        keluaran = subprocess.run(
            [sys.executable, "-m", "bench.halaman", str(ulang)],
            env=produksi,
            check=True,
            cwd=AKAR,
            capture_output=True,
            text=True,
        ).stdout
        baris = []
        for b in keluaran.splitlines():
            nama, median, maks, kueri = b.split("\t")
            baris.append((nama, float(median), float(maks), int(kueri)))
        return baris


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    import django

    django.setup()
    for nama, median, maks, kueri in ukur(int(sys.argv[1])):
        print(f"{nama}\t{median}\t{maks}\t{kueri}")
