"""Reads of the public page: only what an agency has made public.

Public are a Pemda's finalised LKjIP, its signed Perjanjian Kinerja (never a draft)
and the IKU of the Renstra its signed PKs agreed on. Nothing here reads realisasi,
evidence files or users: what is not selected here cannot leak (DESIGN.md).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404

from sakip.laporan.models import LaporanFinal
from sakip.organisasi.models import JenisUnit, Unit, keturunan_ids
from sakip.perencanaan.models import Indikator, Renstra, Target
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget, StatusPK


def _pk_publik() -> object:
    return PerjanjianKinerja.objects.filter(status=StatusPK.DITANDATANGANI)


def pemda_publik() -> list[Unit]:
    """Every Pemda with a finalised LKjIP or a signed PK in its tree."""
    induk = dict(Unit.objects.values_list("pk", "induk_id"))
    terbit = set(_pk_publik().values_list("unit_id", flat=True))  # type: ignore[attr-defined]
    terbit |= set(LaporanFinal.objects.values_list("unit_id", flat=True))
    akar: set[int] = set()
    for uid in terbit:
        node: int | None = uid
        while node is not None:
            akar.add(node)
            node = induk.get(node)
    return list(Unit.objects.filter(pk__in=akar, jenis=JenisUnit.PEMDA).order_by("nama"))


def pemda_atau_404(slug: str) -> Unit:
    """The Pemda named by ``slug``; 404 for any other kind of unit."""
    unit = Unit.objects.filter(slug=slug, jenis=JenisUnit.PEMDA).first()
    if unit is None:
        raise Http404("Pemerintah daerah tidak ditemukan.")
    return unit


@dataclass
class IsiPublik:
    """What the public page of a Pemda lists, grouped by unit in tree order."""

    pemda: Unit
    laporan: list[LaporanFinal] = field(default_factory=list)
    perjanjian: list[PerjanjianKinerja] = field(default_factory=list)
    renstra: list[Renstra] = field(default_factory=list)


def isi_publik(pemda: Unit) -> IsiPublik:
    """Finalised reports, signed PKs and Renstra with public IKU of a Pemda and every unit below."""
    ids = keturunan_ids([pemda.pk])
    laporan = list(
        LaporanFinal.objects.filter(unit_id__in=ids)
        .select_related("unit")
        .defer("isi")
        .order_by("-tahun", "unit__urutan", "unit__nama", "-revisi")
    )
    perjanjian = list(
        _pk_publik()
        .filter(unit_id__in=ids)  # type: ignore[attr-defined]
        .select_related("unit")
        .order_by("-tahun", "unit__urutan", "unit__nama", "-revisi")
    )
    return IsiPublik(
        pemda=pemda, laporan=laporan, perjanjian=perjanjian, renstra=renstra_publik(ids)
    )


def renstra_publik(unit_ids: set[int]) -> list[Renstra]:
    """Renstra of the units whose IKU a signed PK has agreed on: those are public."""
    disepakati = _pk_publik().filter(unit_id__in=unit_ids).values("renstra_id")  # type: ignore[attr-defined]
    return list(
        Renstra.objects.filter(pk__in=disepakati, indikator__iku=True)
        .distinct()
        .select_related("unit")
        .order_by("unit__urutan", "-tahun_mulai")
    )


def laporan_atau_404(pemda: Unit, pk: int) -> LaporanFinal:
    """A finalised report of a unit in the Pemda's tree; 404 otherwise."""
    f = LaporanFinal.objects.select_related("unit").filter(pk=pk).first()
    if f is None or f.unit_id not in keturunan_ids([pemda.pk]):
        raise Http404("Laporan tidak ditemukan.")
    return f


@dataclass(frozen=True)
class BarisPK:
    kode: str
    indikator: str
    satuan: str
    target: str
    sasaran: str


@dataclass(frozen=True)
class AnggaranPK:
    kode: str
    nama: str
    pagu: object


@dataclass
class DokumenPK:
    """A signed PK as published: targets per indicator, budget per program/kegiatan."""

    pk: PerjanjianKinerja
    target: list[BarisPK]
    anggaran: list[AnggaranPK]

    @property
    def total_pagu(self) -> object:
        from sakip.kinerja import jumlah

        return jumlah(a.pagu for a in self.anggaran)  # type: ignore[misc]


def pk_atau_404(pemda: Unit, pk: int) -> DokumenPK:
    """A signed PK of a unit in the Pemda's tree with its targets; 404 for a draft or elsewhere."""
    dokumen = (
        _pk_publik()
        .filter(pk=pk, unit_id__in=keturunan_ids([pemda.pk]))
        .select_related("unit")
        .first()  # type: ignore[attr-defined]
    )
    if dokumen is None:
        raise Http404("Perjanjian Kinerja tidak ditemukan.")
    target = [
        BarisPK(
            kode=t.indikator.kode,
            indikator=t.indikator.nama,
            # The satuan as the PK was signed with (DESIGN.md), the indicator's own otherwise.
            satuan=t.satuan or t.indikator.satuan,
            target=t.target,
            sasaran=_induk_teks(t.indikator),
        )
        for t in PKTarget.objects.filter(pk_dokumen=dokumen)
        .select_related(
            "indikator", "indikator__sasaran", "indikator__program", "indikator__kegiatan"
        )
        .order_by("indikator__tingkat", "indikator__urutan", "indikator__kode")
    ]
    target.sort(key=lambda b: (not b.kode.startswith("IKU"), b.kode))
    anggaran = [
        AnggaranPK(
            kode=(a.kegiatan or a.program).kode,
            nama=(a.kegiatan or a.program).nama,
            pagu=a.pagu,
        )
        for a in PKAnggaran.objects.filter(pk_dokumen=dokumen)
        .select_related("program", "kegiatan")
        .order_by("program__urutan", "program__kode", "kegiatan__kode")
    ]
    return DokumenPK(pk=dokumen, target=target, anggaran=anggaran)


def _induk_teks(ind: Indikator) -> str:
    induk = ind.induk
    if induk is None:
        return ""
    return getattr(induk, "uraian", None) or getattr(induk, "nama", "")


@dataclass(frozen=True)
class BarisIKU:
    kode: str
    nama: str
    satuan: str
    formula: str
    sasaran: str
    target: tuple[str | None, ...]  # one per year of the Renstra, in order


@dataclass
class DaftarIKU:
    renstra: Renstra
    tahun: list[int]
    iku: list[BarisIKU]


def iku_atau_404(pemda: Unit, kode_renstra: str) -> DaftarIKU:
    """The IKU of a public Renstra in the Pemda's tree with their yearly targets; 404 otherwise."""
    renstra = next(
        (r for r in renstra_publik(keturunan_ids([pemda.pk])) if r.kode == kode_renstra), None
    )
    if renstra is None:
        raise Http404("Daftar IKU tidak ditemukan.")
    indikator = list(
        Indikator.objects.filter(renstra=renstra, iku=True)
        .select_related("sasaran", "tujuan")
        .order_by("urutan", "kode")
    )
    target: dict[int, dict[int, str]] = defaultdict(dict)
    for ind_id, th, nilai in Target.objects.filter(
        Q(periode="TAHUN"), indikator__in=indikator
    ).values_list("indikator_id", "tahun", "nilai"):
        target[ind_id][th] = nilai
    tahun = list(range(renstra.tahun_mulai, renstra.tahun_selesai + 1))
    return DaftarIKU(
        renstra=renstra,
        tahun=tahun,
        iku=[
            BarisIKU(
                i.kode,
                i.nama,
                i.satuan,
                i.formula,
                _induk_teks(i),
                tuple(target[i.pk].get(t) for t in tahun),
            )
            for i in indikator
        ],
    )
