"""Figures stated in paragraphs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip.kinerja.periksa.dokumen import Paragraf
from sakip.kinerja.periksa.teks import (
    jumlah_dalam_teks,
    menyebut_target_tetap,
    rata_dalam_teks,
    tanpa_isi,
)


def test_jumlah_dengan_rincian() -> None:
    p = Paragraf(
        "anggaran sebesar Rp. 535.648.948.995,- dengan rincian Belanja Operasi "
        "Rp. 505.167.524.530,- dan Belanja Modal sebesar Rp. 30.481.424.465,-.",
        46,
    )
    hasil = jumlah_dalam_teks([p])
    assert [(j.nilai, j.rincian) for j in hasil] == [
        (Decimal(535648948995), False),
        (Decimal(505167524530), True),
        (Decimal(30481424465), True),
    ]
    assert jumlah_dalam_teks([Paragraf("Rp 5.000 saja", 1)]) == []


def test_rata_kedua_konvensi() -> None:
    p = [
        Paragraf("nilai rata – rata **103.11%**.", 482),
        Paragraf("dengan nilai rata-rata **108,25 %**.", 70),
        Paragraf("unsur dengan nilai rata-rata 3,460;", 1425),
    ]
    assert [(r.nilai.nilai, r.paragraf.baris_berkas) for r in rata_dalam_teks(p)] == [
        (Decimal("103.11"), 482),
        (Decimal("108.25"), 70),
    ]


@pytest.mark.parametrize(
    "teks",
    [
        "pada perubahan tidak mengubah target kinerja",  # seed 002 Tabel 3.9
        "Target tidak direvisi pada APBD-P",
        "belum merubah target",
        "targetnya belum diubah",
    ],
)
def test_menyebut_target_tetap(teks: str) -> None:
    assert menyebut_target_tetap(teks)


@pytest.mark.parametrize(
    "teks",
    ["", "Tambahan kegiatan dari pimpinan", "target tercapai", "tidak ada kendala"],
)
def test_tidak_menyebut_target_tetap(teks: str) -> None:
    assert not menyebut_target_tetap(teks)


def test_tanpa_isi() -> None:
    assert all(tanpa_isi(t) for t in ("", "  ", "-", " – ", "—\n"))
    assert not any(tanpa_isi(t) for t in ("x", "-5", "Tidak ada"))
