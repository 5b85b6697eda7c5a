"""Reads of the Renstra/IKU screens: the list, the whole tree in a fixed number of queries.

A Renstra is seen by the users of its unit (and of the units above it); any other
answers 404 through :func:`renstra_atau_404`, never with its data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from sakip.organisasi.akses import unit_atau_404
from sakip.organisasi.models import Unit
from sakip.perencanaan.models import (
    Indikator,
    Kegiatan,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    Tingkat,
    Tujuan,
)


def renstra_terlihat(user: object) -> QuerySet[Renstra]:
    """The Renstra whose unit the user may view, with their counts."""
    return (
        Renstra.objects.filter(unit__in=Unit.objects.restrict(user))
        .select_related("unit")
        .annotate(
            jumlah_tujuan=Count("tujuan", distinct=True),
            jumlah_sasaran=Count("sasaran", distinct=True),
            jumlah_program=Count("program", distinct=True),
            jumlah_indikator=Count("indikator", distinct=True),
            jumlah_iku=Count("indikator", filter=Q(indikator__iku=True), distinct=True),
        )
        .order_by("-tahun_mulai", "unit__urutan", "unit__nama")
    )


def renstra_atau_404(user: object, kode: str) -> Renstra:
    """The Renstra ``kode`` if the user may view its unit; 404 otherwise."""
    renstra = get_object_or_404(Renstra.objects.select_related("unit"), kode=kode)
    unit_atau_404(user, renstra.unit.slug, "view")
    return renstra


def tahun_renstra(renstra: Renstra) -> list[int]:
    return list(range(renstra.tahun_mulai, renstra.tahun_selesai + 1))


@dataclass
class PohonRenstra:
    """Tujuan → sasaran → indicators, and program → kegiatan → sub kegiatan with theirs.

    Each node carries ``daftar_indikator``; each indicator ``target_tahun`` (a list
    aligned with ``tahun``, None where the year has no target).
    """

    renstra: Renstra
    tahun: list[int]
    tujuan: list[Tujuan] = field(default_factory=list)
    program: list[Program] = field(default_factory=list)
    jumlah_indikator: int = 0


def pohon_renstra(renstra: Renstra) -> PohonRenstra:
    """The whole Renstra in seven queries, whatever its size."""
    tahun = tahun_renstra(renstra)
    target: dict[int, dict[int, str]] = defaultdict(dict)
    for ind_id, th, nilai in Target.objects.filter(
        indikator__renstra=renstra, periode="TAHUN"
    ).values_list("indikator_id", "tahun", "nilai"):
        target[ind_id][th] = nilai
    per_induk: dict[tuple[str, int], list[Indikator]] = defaultdict(list)
    semua = list(
        Indikator.objects.filter(renstra=renstra).select_related("unit").order_by("urutan", "kode")
    )
    for ind in semua:
        ind.target_tahun = [target[ind.pk].get(t) for t in tahun]  # type: ignore[attr-defined]
        induk_id = getattr(ind, f"{ind.tingkat}_id")
        per_induk[(ind.tingkat, induk_id)].append(ind)

    def pasang(node: Any, tingkat: str) -> Any:
        node.daftar_indikator = per_induk.get((tingkat, node.pk), [])
        return node

    sasaran: dict[int, list[Sasaran]] = defaultdict(list)
    for s in Sasaran.objects.filter(renstra=renstra):
        sasaran[s.tujuan_id].append(pasang(s, Tingkat.SASARAN))
    tujuan = [pasang(t, Tingkat.TUJUAN) for t in Tujuan.objects.filter(renstra=renstra)]
    for t in tujuan:
        t.daftar_sasaran = sasaran.get(t.pk, [])  # type: ignore[attr-defined]

    sub: dict[int, list[SubKegiatan]] = defaultdict(list)
    for sk in SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).select_related("unit"):
        sub[sk.kegiatan_id].append(pasang(sk, Tingkat.SUB_KEGIATAN))
    kegiatan: dict[int, list[Kegiatan]] = defaultdict(list)
    for k in Kegiatan.objects.filter(program__renstra=renstra).select_related("unit"):
        k.daftar_sub = sub.get(k.pk, [])  # type: ignore[attr-defined]
        kegiatan[k.program_id].append(pasang(k, Tingkat.KEGIATAN))
    program = []
    for p in Program.objects.filter(renstra=renstra).select_related("unit"):
        p.daftar_kegiatan = kegiatan.get(p.pk, [])  # type: ignore[attr-defined]
        program.append(pasang(p, Tingkat.PROGRAM))
    return PohonRenstra(renstra, tahun, tujuan, program, len(semua))


def _pendek(teks: str, n: int = 90) -> str:
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def pilihan_induk(renstra: Renstra) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every node an indicator may hang from, grouped by level, as ``("tingkat:id", label)``."""
    kelompok = [
        (Tingkat.TUJUAN, Tujuan.objects.filter(renstra=renstra), "uraian"),
        (Tingkat.SASARAN, Sasaran.objects.filter(renstra=renstra), "uraian"),
        (Tingkat.PROGRAM, Program.objects.filter(renstra=renstra), "nama"),
        (Tingkat.KEGIATAN, Kegiatan.objects.filter(program__renstra=renstra), "nama"),
        (
            Tingkat.SUB_KEGIATAN,
            SubKegiatan.objects.filter(kegiatan__program__renstra=renstra),
            "nama",
        ),
    ]
    hasil = []
    for tingkat, qs, kolom in kelompok:
        pilihan = [
            (f"{tingkat}:{pk}", f"{kode} {_pendek(teks)}")
            for pk, kode, teks in qs.values_list("pk", "kode", kolom)
        ]
        if pilihan:
            hasil.append((Tingkat(tingkat).label, pilihan))
    return hasil


def indikator_atau_404(renstra: Renstra, pk: int) -> Indikator:
    """An indicator of this Renstra; another Renstra's indicator answers 404."""
    return get_object_or_404(
        Indikator.objects.select_related("renstra", "unit"), pk=pk, renstra=renstra
    )
