"""Benchmark: the whole Kaltim 2024 LKjIP as DOCX from a `sakip report` process (issue 5).

Target: median at most 2 s, and at most 3× a floor measured in the same run: a
python-docx script (`bench/lantai_docx.py`) writing the same paragraphs, tables and
chart images with no logic, also as a whole process. Both run against the demo
data in a fresh SQLite database in a temporary folder.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ULANG = 5
AKAR = Path(__file__).resolve().parent.parent
SAKIP = Path(sys.executable).with_name("sakip")


def _jalankan(perintah: list[str], env: dict[str, str]) -> float:
    mulai = time.perf_counter()
    subprocess.run(perintah, env=env, check=True, cwd=AKAR, stdout=subprocess.DEVNULL)
    return time.perf_counter() - mulai


def _isi_lantai(folder: Path) -> Path:
    """The report's content, as printed, for the floor script (one JSON file and the PNGs)."""
    from sakip.laporan.dokumen import Grafik, Judul, Paragraf, Tabel, beri_nomor
    from sakip.laporan.services import susun_dokumen
    from sakip.organisasi.models import Unit

    dokumen, _templat = susun_dokumen(Unit.objects.get(slug="setda-kaltim"), 2024)
    beri_nomor(dokumen)
    isi: list[dict[str, object]] = []
    for i, b in enumerate(dokumen.blok):
        if isinstance(b, Judul):
            isi.append({"jenis": "judul", "teks": b.teks, "tingkat": b.tingkat})
        elif isinstance(b, Paragraf):
            isi.append({"jenis": "paragraf", "teks": b.teks})
        elif isinstance(b, Tabel):
            baris = [[s.teks for s in r] for r in (*b.kepala, *b.baris)]
            isi.append({"jenis": "tabel", "judul": f"{b.label} {b.judul}", "baris": baris})
        elif isinstance(b, Grafik):
            png = folder / f"grafik-{i}.png"
            png.write_bytes(b.png)
            isi.append(
                {
                    "jenis": "grafik",
                    "judul": f"{b.label} {b.judul}",
                    "png": str(png),
                    "lebar_cm": b.lebar_cm,
                }
            )
    berkas = folder / "isi.json"
    berkas.write_text(json.dumps(isi, ensure_ascii=False), encoding="utf-8")
    return berkas


def main(ulang: int = ULANG) -> list[tuple[str, float, list[float]]]:
    with tempfile.TemporaryDirectory(prefix="sakip-bench-laporan-") as tmp:
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
        # In its own process: this one may already have Django set up on another database.
        subprocess.run(
            [sys.executable, "-m", "bench.laporan", str(folder)], env=env, check=True, cwd=AKAR
        )
        isi = folder / "isi.json"
        kami = [
            str(SAKIP),
            "report",
            "--unit",
            "setda-kaltim",
            "--year",
            "2024",
            "--format",
            "docx",
            "-o",
            str(folder / "kaltim.docx"),
            "--quiet",
        ]
        lantai = [
            sys.executable,
            str(AKAR / "bench" / "lantai_docx.py"),
            str(isi),
            str(folder / "lantai.docx"),
        ]
        _jalankan(kami, env)  # warm the file cache and matplotlib's font cache
        _jalankan(lantai, env)
        waktu_kami = [_jalankan(kami, env) for _ in range(ulang)]
        waktu_lantai = [_jalankan(lantai, env) for _ in range(ulang)]
        # Every chart drawn anew: the first build after data changed.
        tanpa_tembolok = {**env, "SAKIP_TEMBOLOK_GRAFIK": "0"}
        waktu_gambar = [_jalankan(kami, tanpa_tembolok) for _ in range(ulang)]
        return [
            (
                "`sakip report` Kaltim 2024 DOCX (whole process)",
                statistics.median(waktu_kami),
                waktu_kami,
            ),
            (
                "`sakip report`, every chart drawn anew (no chart cache)",
                statistics.median(waktu_gambar),
                waktu_gambar,
            ),
            (
                "floor: python-docx script, same content, no logic",
                statistics.median(waktu_lantai),
                waktu_lantai,
            ),
        ]


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
    import django

    django.setup()
    _isi_lantai(Path(sys.argv[1]))
