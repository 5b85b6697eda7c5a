"""Reads of the PK screens: the list per unit/year, one PK's rows, and what a revision changed.

Every read goes through the user's units (``Unit.objects.restrict``); a PK of
another unit is answered with 404 by :func:`pk_atau_404`, never with its data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from sakip.organisasi.akses import boleh, unit_ids_untuk
from sakip.organisasi.models import Unit
from sakip.perencanaan.models import Kegiatan, Program, Target
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget


def pk_terlihat(user: object) -> QuerySet[PerjanjianKinerja]:
    """The PKs of the units the user may view."""
    qs = PerjanjianKinerja.objects.all()
    ids = unit_ids_untuk(user, "view")
    return qs if ids is None else qs.filter(unit_id__in=ids)


def pk_atau_404(user: object, pk_id: int) -> PerjanjianKinerja:
    """One PK with its unit and Renstra; 404 when it is missing or of a unit the user may not see."""
    pk = (
        PerjanjianKinerja.objects.select_related("unit", "renstra", "renstra__unit")
        .filter(pk=pk_id)
        .first()
    )
    if pk is None or not boleh(user, pk.unit_id, "view"):
        raise Http404("Perjanjian Kinerja tidak ditemukan atau bukan wewenang Anda.")
    return pk


@dataclass
class KelompokPK:
    """Every revision of one unit's PK for one year, newest first."""

    unit: Unit
    tahun: int
    revisi: list[PerjanjianKinerja] = field(default_factory=list)

    @property
    def terbaru(self) -> PerjanjianKinerja:
        return self.revisi[0]


def daftar_pk(user: object) -> list[KelompokPK]:
    """The user's PKs grouped by unit and year (newest year first), with row counts."""
    qs = (
        pk_terlihat(user)
        .select_related("unit")
        .annotate(jumlah_target=Count("target", distinct=True))
        .annotate(jumlah_anggaran=Count("anggaran", distinct=True))
        .order_by("-tahun", "unit__urutan", "unit__nama", "-revisi")
    )
    kelompok: dict[tuple[int, int], KelompokPK] = {}
    for pk in qs:
        kunci = (pk.unit_id, pk.tahun)
        if kunci not in kelompok:
            kelompok[kunci] = KelompokPK(pk.unit, pk.tahun)
        kelompok[kunci].revisi.append(pk)
    return list(kelompok.values())


@dataclass(frozen=True)
class BarisTarget:
    """One indicator of a PK: its agreed target beside the Renstra's target for the year."""

    pk_target: PKTarget
    target_renstra: str | None
    target_sebelumnya: str | None
    berubah: bool


def baris_target(pk: PerjanjianKinerja) -> list[BarisTarget]:
    """The PK's targets in indicator order, with the Renstra target and the previous revision's."""
    daftar = list(
        pk.target.select_related("indikator", "indikator__sasaran", "indikator__unit").order_by(
            "indikator__urutan", "indikator__kode"
        )
    )
    renstra = dict(
        Target.objects.filter(
            indikator_id__in=[t.indikator_id for t in daftar], tahun=pk.tahun, periode="TAHUN"
        ).values_list("indikator_id", "nilai")
    )
    lalu = revisi_sebelumnya(pk)
    sebelumnya = (
        dict(lalu.target.values_list("indikator_id", "target")) if lalu is not None else None
    )
    hasil = []
    for t in daftar:
        lama = sebelumnya.get(t.indikator_id) if sebelumnya is not None else None
        hasil.append(
            BarisTarget(
                pk_target=t,
                target_renstra=renstra.get(t.indikator_id),
                target_sebelumnya=lama,
                berubah=sebelumnya is not None and lama != t.target,
            )
        )
    return hasil


def satu_baris_target(pk: PerjanjianKinerja, pk_target: PKTarget) -> BarisTarget:
    """The row of one indicator, for the inline (HTMX) edit answer."""
    renstra = (
        Target.objects.filter(indikator_id=pk_target.indikator_id, tahun=pk.tahun, periode="TAHUN")
        .values_list("nilai", flat=True)
        .first()
    )
    lalu = revisi_sebelumnya(pk)
    lama = (
        lalu.target.filter(indikator_id=pk_target.indikator_id)
        .values_list("target", flat=True)
        .first()
        if lalu is not None
        else None
    )
    return BarisTarget(pk_target, renstra, lama, lalu is not None and lama != pk_target.target)


def revisi_sebelumnya(pk: PerjanjianKinerja) -> PerjanjianKinerja | None:
    """The revision just before ``pk`` of the same unit and year, if any."""
    return (
        PerjanjianKinerja.objects.filter(unit_id=pk.unit_id, tahun=pk.tahun, revisi__lt=pk.revisi)
        .order_by("-revisi")
        .first()
    )


def riwayat_revisi(pk: PerjanjianKinerja) -> list[PerjanjianKinerja]:
    """Every revision of the PK's unit and year, newest first."""
    return list(
        PerjanjianKinerja.objects.filter(unit_id=pk.unit_id, tahun=pk.tahun).order_by("-revisi")
    )


@dataclass(frozen=True)
class PerubahanTarget:
    kode: str
    nama: str
    lama: str | None
    baru: str | None


def perbedaan_target(pk: PerjanjianKinerja) -> list[PerubahanTarget] | None:
    """The targets ``pk`` changes against the previous revision (None for a first revision).

    An indicator dropped or added by the revision shows with an empty side.
    """
    lalu = revisi_sebelumnya(pk)
    if lalu is None:
        return None
    baris = PKTarget.objects.filter(pk_dokumen__in=[lalu, pk]).select_related("indikator")
    lama: dict[int, PKTarget] = {}
    baru: dict[int, PKTarget] = {}
    for b in baris:
        (baru if b.pk_dokumen_id == pk.pk else lama)[b.indikator_id] = b
    hasil = []
    for ind_id in sorted(
        lama.keys() | baru.keys(),
        key=lambda i: (
            (lama.get(i) or baru[i]).indikator.urutan,
            (lama.get(i) or baru[i]).indikator.kode,
        ),
    ):
        a, b = lama.get(ind_id), baru.get(ind_id)
        if a is not None and b is not None and a.target == b.target:
            continue
        ind = (a or b).indikator  # type: ignore[union-attr]
        hasil.append(
            PerubahanTarget(ind.kode, ind.nama, a.target if a else None, b.target if b else None)
        )
    return hasil


def baris_anggaran(pk: PerjanjianKinerja) -> list[PKAnggaran]:
    """The PK's budget rows, program then kegiatan order."""
    return list(
        pk.anggaran.select_related("program", "program__unit", "kegiatan").order_by(
            "program__urutan", "program__kode", "program__unit__nama", "kegiatan__kode"
        )
    )


def program_pk(pk: PerjanjianKinerja) -> list[Program]:
    """Programs a PK may budget: of its Renstra, owned by its unit or a unit below, with kegiatan."""
    return list(
        Program.objects.filter(renstra_id=pk.renstra_id, unit_id__in=pk.unit.keturunan_ids())
        .select_related("unit")
        .prefetch_related(
            Prefetch("kegiatan", queryset=Kegiatan.objects.order_by("urutan", "kode"))
        )
        .order_by("urutan", "kode", "unit__nama")
    )
