"""Benchmark: import a generated budget workbook of 10.000 realisasi rows (issue 4: ≤ 10 s).

Runs against a fresh SQLite database in a temporary folder, through the same
service as ``sakip import``.
"""

from __future__ import annotations

import os
import tempfile
import time
from typing import Any

SUB_KEGIATAN = 2_500  # × 4 TW = 10.000 realisasi_anggaran rows
RENSTRA = "bench-2024-2026"


def buat_workbook() -> bytes:
    from sakip.impor.berkas import tulis_xlsx

    data: dict[str, list[dict[str, Any]]] = {
        "unit": [
            {"slug": "bench-pemda", "nama": "Pemda Bench", "jenis": "pemda"},
            {
                "slug": "bench-pd",
                "nama": "Setda Bench",
                "jenis": "perangkat_daerah",
                "induk": "bench-pemda",
            },
        ],
        "renstra": [
            {
                "kode": RENSTRA,
                "unit": "bench-pd",
                "nama": "Renstra",
                "tahun_mulai": 2024,
                "tahun_selesai": 2026,
            }
        ],
        "program": [],
        "kegiatan": [],
        "sub_kegiatan": [],
        "anggaran": [],
        "realisasi_anggaran": [],
    }
    for b in range(10):
        biro = f"bench-biro-{b}"
        data["unit"].append(
            {"slug": biro, "nama": f"Biro {b}", "jenis": "biro", "induk": "bench-pd"}
        )
        program = "4.01.01"
        data["program"].append(
            {"renstra": RENSTRA, "unit": biro, "kode": program, "nama": "Program Penunjang"}
        )
        for k in range(1, 26):
            kegiatan = f"{program}.2.{k:02d}"
            data["kegiatan"].append(
                {
                    "renstra": RENSTRA,
                    "unit": biro,
                    "program": program,
                    "kode": kegiatan,
                    "nama": f"Kegiatan {k}",
                }
            )
            for s in range(1, SUB_KEGIATAN // 250 + 1):
                sub = f"{kegiatan}.{s:04d}"
                data["sub_kegiatan"].append(
                    {
                        "renstra": RENSTRA,
                        "unit": biro,
                        "kegiatan": kegiatan,
                        "kode": sub,
                        "nama": f"Sub kegiatan {s}",
                    }
                )
                data["anggaran"].append(
                    {
                        "renstra": RENSTRA,
                        "unit": biro,
                        "sub_kegiatan": sub,
                        "tahun": 2024,
                        "pagu": "1.000.000.000",
                    }
                )
                for tw in range(1, 5):
                    data["realisasi_anggaran"].append(
                        {
                            "renstra": RENSTRA,
                            "unit": biro,
                            "sub_kegiatan": sub,
                            "tahun": 2024,
                            "periode": f"TW{tw}",
                            "nilai": f"{200_000_000 + tw * 1_000:,}".replace(",", "."),
                        }
                    )
    return tulis_xlsx(data)


def main() -> list[tuple[str, int, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SAKIP_VAR_DIR"] = tmp
        os.environ["SAKIP_DEBUG"] = "1"
        os.environ.pop("DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
        import django

        django.setup()
        from django.core.management import call_command

        from sakip.impor.berkas import baca_xlsx
        from sakip.impor.services import import_dataset

        call_command("migrate", verbosity=0)
        berkas = buat_workbook()
        mulai = time.perf_counter()
        ds = baca_xlsx(berkas)
        baca = time.perf_counter() - mulai
        hasil = import_dataset(ds)
        total = time.perf_counter() - mulai
        assert hasil.jumlah["realisasi_anggaran"] == SUB_KEGIATAN * 4
        return [
            ("read the 10.000-row budget workbook (.xlsx)", hasil.total, baca),
            ("import it (read + validate + write, one transaction)", hasil.total, total),
        ]


if __name__ == "__main__":
    for nama, banyak, detik in main():
        print(f"{nama}: {banyak} rows, {detik:.2f} s")
