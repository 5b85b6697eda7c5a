"""Benchmarks of the pure rules engine on generated data the size of a province."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal

from sakip.kinerja import (
    Agregasi,
    NodeKinerja,
    Polaritas,
    PosAnggaran,
    capaian,
    format_angka,
    hitung_ikm,
    nilai_tahunan,
    parse_angka,
    rollup_pohon,
    total_anggaran,
)

acak = random.Random(2024)

INDIKATOR = 20_000
PASANGAN = [
    (
        Decimal(acak.randint(1, 10_000)) / 100,
        Decimal(acak.randint(0, 15_000)) / 100,
        acak.choice([Polaritas.MAKSIMAL, Polaritas.MINIMAL]),
    )
    for _ in range(INDIKATOR)
]
TEKS = [format_angka(Decimal(acak.randint(0, 10**14)) / 100) for _ in range(INDIKATOR)]
PERIODE = [[Decimal(acak.randint(0, 1000)) for _ in range(4)] for _ in range(INDIKATOR)]

# A Pemda-sized budget tree: 40 PD × 5 program × 5 kegiatan × 10 sub kegiatan = 10.000 leaves.
SUB_KEGIATAN = 10_000


def _pohon_anggaran() -> PosAnggaran:
    return PosAnggaran(
        "pemda",
        "Pemda",
        rincian=tuple(
            PosAnggaran(
                f"pd{p}",
                f"PD {p}",
                rincian=tuple(
                    PosAnggaran(
                        f"pd{p}.{g}",
                        "Program",
                        rincian=tuple(
                            PosAnggaran(
                                f"pd{p}.{g}.{k}",
                                "Kegiatan",
                                rincian=tuple(
                                    PosAnggaran(
                                        f"pd{p}.{g}.{k}.{s}",
                                        "Sub kegiatan",
                                        Decimal(acak.randint(10**6, 10**10)),
                                        Decimal(acak.randint(10**6, 10**10)),
                                    )
                                    for s in range(10)
                                ),
                            )
                            for k in range(5)
                        ),
                    )
                    for g in range(5)
                ),
            )
            for p in range(40)
        ),
    )


POHON_ANGGARAN = _pohon_anggaran()


def _pohon_kinerja(node: PosAnggaran) -> NodeKinerja:
    if not node.rincian:
        return NodeKinerja(node.kode, Decimal(acak.randint(0, 15_000)) / 100, node.pagu)
    return NodeKinerja(node.kode, anak=tuple(_pohon_kinerja(a) for a in node.rincian))


POHON_KINERJA = _pohon_kinerja(POHON_ANGGARAN)

RESPONDEN = 10_000
JAWABAN = [[acak.randint(1, 4) for _ in range(9)] for _ in range(RESPONDEN)]


def bench_capaian() -> None:
    for t, r, p in PASANGAN:
        capaian(t, r, p)


def bench_parse() -> None:
    for teks in TEKS:
        parse_angka(teks)


def bench_tahunan() -> None:
    for nilai in PERIODE:
        nilai_tahunan(nilai, Agregasi.JUMLAH)


BENCHMARKS: list[tuple[str, int, Callable[[], object]]] = [
    ("capaian of indicators (both polarities)", INDIKATOR, bench_capaian),
    ("parse Indonesian numbers", INDIKATOR, bench_parse),
    ("annual value from four TW", INDIKATOR, bench_tahunan),
    ("budget totals, 4-level tree", SUB_KEGIATAN, lambda: total_anggaran(POHON_ANGGARAN)),
    ("capaian roll-up, 4-level tree", SUB_KEGIATAN, lambda: rollup_pohon(POHON_KINERJA)),
    ("IKM from respondents' answers", RESPONDEN, lambda: hitung_ikm(JAWABAN)),
]
