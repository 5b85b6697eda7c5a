"""Writes of the plan: tujuan, sasaran, indicators and their yearly targets.

One transaction per use case; every saved row names its user in the change
history (``Indikator.history`` …). Only the perencana or admin of the Renstra's
unit may write; the views check it first and these functions check it again, so
a caller that forgets cannot write.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction

from sakip.kinerja import KinerjaError, parse_target
from sakip.organisasi.akses import boleh_peran
from sakip.organisasi.models import Peran
from sakip.pengukuran.services import DitolakError
from sakip.perencanaan.models import Indikator, Periode, Renstra, Sasaran, Target, Tingkat, Tujuan

# Who plans: the Renstra, its indicators and targets.
PERAN_PERENCANA = {Peran.ADMIN, Peran.PERENCANA}


def wajib_perencana(user: object, renstra: Renstra) -> None:
    """Refuse unless the user is perencana or admin of the Renstra's unit (or above it)."""
    if not boleh_peran(user, renstra.unit_id, PERAN_PERENCANA):
        raise DitolakError(
            f"Hanya perencana atau admin {renstra.unit} yang dapat mengubah Renstra."
        )


def _simpan(user: object, objek: models.Model) -> None:
    objek.full_clean()
    objek._history_user = user if getattr(user, "is_authenticated", False) else None  # type: ignore[attr-defined]
    objek.save()


@transaction.atomic
def simpan_tujuan(user: object, tujuan: Tujuan) -> Tujuan:
    """Add or change a tujuan of its Renstra."""
    wajib_perencana(user, tujuan.renstra)
    _simpan(user, tujuan)
    return tujuan


@transaction.atomic
def simpan_sasaran(user: object, sasaran: Sasaran) -> Sasaran:
    """Add or change a sasaran; its tujuan must be of the same Renstra."""
    wajib_perencana(user, sasaran.renstra)
    if sasaran.tujuan.renstra_id != sasaran.renstra_id:
        raise ValidationError({"tujuan": "Tujuan itu bukan bagian Renstra ini."})
    _simpan(user, sasaran)
    return sasaran


def _renstra_induk(ind: Indikator) -> int | None:
    induk = ind.induk
    if induk is None:
        return None
    if ind.tingkat == Tingkat.KEGIATAN:
        return induk.program.renstra_id  # type: ignore[attr-defined]
    if ind.tingkat == Tingkat.SUB_KEGIATAN:
        return induk.kegiatan.program.renstra_id  # type: ignore[attr-defined]
    return induk.renstra_id  # type: ignore[attr-defined]


@transaction.atomic
def simpan_indikator(user: object, indikator: Indikator) -> Indikator:
    """Add or change an indicator: its parent and penanggung jawab stay inside the Renstra."""
    renstra = indikator.renstra
    wajib_perencana(user, renstra)
    galat: dict[str, str] = {}
    if indikator.unit_id not in renstra.unit.keturunan_ids():
        galat["unit"] = f"Penanggung jawab harus {renstra.unit} atau unit di bawahnya."
    try:
        indikator.clean()
    except ValidationError as exc:
        raise ValidationError({"induk": exc.messages}) from exc
    if _renstra_induk(indikator) != renstra.pk:
        galat["induk"] = "Induk indikator bukan bagian Renstra ini."
    if galat:
        raise ValidationError(galat)
    _simpan(user, indikator)
    return indikator


def periksa_target(indikator: Indikator, target: dict[int, str]) -> dict[str, str]:
    """The errors of a yearly target set, keyed by form field (``target_<tahun>``)."""
    r = indikator.renstra
    galat = {}
    for tahun, nilai in target.items():
        nama = f"target_{tahun}"
        if not r.tahun_mulai <= tahun <= r.tahun_selesai:
            galat[nama] = (
                f"Tahun {tahun} di luar periode Renstra {r.tahun_mulai}–{r.tahun_selesai}."
            )
            continue
        if not nilai.strip():
            continue
        try:
            parse_target(nilai)
        except KinerjaError as exc:
            galat[nama] = f"Target {tahun} tidak dapat dibaca: {exc}."
    return galat


@transaction.atomic
def simpan_target_tahunan(
    user: object, indikator: Indikator, target: dict[int, str]
) -> list[Target]:
    """Set the indicator's yearly targets: ``{tahun: teks}``, an empty text removes that year.

    Every value is checked before anything is written; one bad value refuses the
    whole set (``ValidationError`` keyed ``target_<tahun>``) and nothing changes.
    """
    wajib_perencana(user, indikator.renstra)
    galat = periksa_target(indikator, target)
    if galat:
        raise ValidationError(galat)
    pengguna = user if getattr(user, "is_authenticated", False) else None
    lama = {
        t.tahun: t
        for t in Target.objects.filter(
            indikator=indikator, periode=Periode.TAHUN, tahun__in=list(target)
        )
    }
    hasil = []
    for tahun, nilai in sorted(target.items()):
        nilai = nilai.strip()
        t = lama.get(tahun)
        if not nilai:
            if t is not None:
                t._history_user = pengguna  # type: ignore[attr-defined]
                t.delete()
            continue
        if t is not None and t.nilai == nilai:
            hasil.append(t)
            continue
        if t is None:
            t = Target(indikator=indikator, tahun=tahun, periode=Periode.TAHUN)
        t.nilai = nilai
        _simpan(user, t)
        hasil.append(t)
    return hasil
