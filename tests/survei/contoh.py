"""Helpers for the survey tests: response files written in the test, as XLSX or CSV."""

from __future__ import annotations

import io

from openpyxl import Workbook

KEPALA = [
    "nomor",
    "jenis_kelamin",
    "pendidikan",
    "pekerjaan",
    "umur",
    *(f"u{i}" for i in range(1, 10)),
]


def berkas_xlsx(baris: list[list[object]], kepala: list[str] = KEPALA) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "tanggapan"
    ws.append(kepala)
    for b in baris:
        ws.append(b)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def berkas_csv(baris: list[list[object]], pemisah: str = ";") -> bytes:
    teks = [pemisah.join(KEPALA)]
    teks += [pemisah.join("" if v is None else str(v) for v in b) for b in baris]
    return ("\n".join(teks) + "\n").encode("utf-8")


# Four respondents of a small survey; the IKM is worked out by hand in test_impor.py.
RESPONDEN = [
    [1, "L", "S1", "ASN", 34, 4, 4, 3, 4, 4, 3, 4, 3, 4],
    [2, "P", "SMA", "Swasta", 27, 3, 4, 3, 4, 3, 3, 4, 2, 4],
    [3, "Perempuan", "D3", "WIRAUSAHA", None, 4, 3, 2, 4, 4, 3, 3, 3, 4],
    [4, "l", "S2", "lainnya", 61, 3, 3, 2, 4, 3, 3, 4, 2, 4],
]
