"""Figures stated in paragraphs."""

from __future__ import annotations

from decimal import Decimal

from sakip.kinerja.periksa.dokumen import Paragraf
from sakip.kinerja.periksa.teks import jumlah_dalam_teks, rata_dalam_teks


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
