"""The "Riwayat" of any record: who changed what, when, from what to what.

django-simple-history keeps a row per save; this module turns those rows into
readable changes and decides, through the record's unit, who may read them. A
record type not listed here has no history page, so nothing leaks by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models

# record type in the URL → (model, how to reach the unit that owns it)
JENIS_RIWAYAT: dict[str, tuple[str, Callable[[Any], int | None]]] = {
    "realisasi": ("pengukuran.Realisasi", lambda o: o.indikator.unit_id),
    "narasi": ("pengukuran.Narasi", lambda o: o.indikator.unit_id),
    "eviden": ("pengukuran.Eviden", lambda o: o.indikator.unit_id),
    "pengajuan": ("pengukuran.PengajuanPeriode", lambda o: o.unit_id),
    "realisasi-anggaran": ("anggaran.RealisasiAnggaran", lambda o: o.sub_kegiatan.unit_id),
    "anggaran": ("anggaran.Anggaran", lambda o: o.sub_kegiatan.unit_id),
    "indikator": ("perencanaan.Indikator", lambda o: o.unit_id),
    "target": ("perencanaan.Target", lambda o: o.indikator.unit_id),
    "renstra": ("perencanaan.Renstra", lambda o: o.unit_id),
    "tujuan": ("perencanaan.Tujuan", lambda o: o.renstra.unit_id),
    "sasaran": ("perencanaan.Sasaran", lambda o: o.renstra.unit_id),
    "program": ("perencanaan.Program", lambda o: o.unit_id),
    "kegiatan": ("perencanaan.Kegiatan", lambda o: o.unit_id),
    "sub-kegiatan": ("perencanaan.SubKegiatan", lambda o: o.unit_id),
    "pk": ("perjanjian.PerjanjianKinerja", lambda o: o.unit_id),
    "pk-target": ("perjanjian.PKTarget", lambda o: o.pk_dokumen.unit_id),
    "pk-anggaran": ("perjanjian.PKAnggaran", lambda o: o.pk_dokumen.unit_id),
    "unit": ("organisasi.Unit", lambda o: o.pk),
}

JENIS_PERUBAHAN = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}

# Bookkeeping fields that change on every save and say nothing to a reader.
_DIABAIKAN = {"versi", "diubah_pada", "diunggah_pada"}


@dataclass(frozen=True)
class Perubahan:
    kolom: str
    lama: str
    baru: str


@dataclass(frozen=True)
class Entri:
    waktu: Any
    oleh: str
    jenis: str
    alasan: str
    perubahan: list[Perubahan]


def _tampil(field: models.Field[Any, Any], nilai: Any) -> str:
    if nilai is None or nilai == "":
        return "-"
    if field.choices:
        return str(dict(field.flatchoices).get(nilai, nilai))
    if isinstance(field, models.ForeignKey):
        objek = field.related_model._default_manager.filter(pk=nilai).first()  # type: ignore[union-attr]
        return str(objek) if objek is not None else f"#{nilai} (sudah dihapus)"
    if isinstance(field, models.BooleanField):
        return "Ya" if nilai else "Tidak"
    return str(nilai)


def model_riwayat(jenis: str) -> tuple[type[models.Model], Callable[[Any], int | None]] | None:
    """The model and unit path of a record type named in a URL; None for an unknown one."""
    if jenis not in JENIS_RIWAYAT:
        return None
    label, jalan = JENIS_RIWAYAT[jenis]
    return apps.get_model(label), jalan


def unit_pemilik(jenis: str, pk: int) -> tuple[models.Model, int | None] | None:
    """The record (as it stands, or as it last stood if deleted) and its unit's id."""
    hasil = model_riwayat(jenis)
    if hasil is None:
        return None
    model, jalan = hasil
    objek = model._default_manager.filter(pk=pk).first()
    if objek is None:
        terakhir = model.history.filter(id=pk).order_by("-history_date").first()  # type: ignore[attr-defined]
        if terakhir is None:
            return None
        objek = terakhir.instance
    try:
        return objek, jalan(objek)
    except models.ObjectDoesNotExist:
        return None


def riwayat(jenis: str, pk: int) -> list[Entri]:
    """Every recorded change of the record, newest first, each with its field changes."""
    hasil = model_riwayat(jenis)
    if hasil is None:
        return []
    model, _ = hasil
    catatan = list(
        model.history.filter(id=pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")  # type: ignore[attr-defined]
    )
    kolom = {f.attname: f for f in model._meta.concrete_fields}
    entri: list[Entri] = []
    for i, rec in enumerate(catatan):
        sebelum = catatan[i + 1] if i + 1 < len(catatan) else None
        perubahan: list[Perubahan] = []
        if sebelum is None or rec.history_type != "~":
            # A creation or deletion: show the values it had.
            for nama, f in kolom.items():
                if nama in _DIABAIKAN or nama == "id":
                    continue
                nilai = getattr(rec, nama, None)
                if nilai not in (None, ""):
                    tampil = _tampil(f, nilai)
                    perubahan.append(
                        Perubahan(
                            f.verbose_name,
                            "-" if rec.history_type == "+" else tampil,
                            tampil if rec.history_type == "+" else "-",
                        )
                    )
        else:
            beda = rec.diff_against(sebelum)
            for c in beda.changes:
                f = kolom.get(c.field) or kolom.get(f"{c.field}_id")
                if f is None or f.attname in _DIABAIKAN:
                    continue
                perubahan.append(Perubahan(f.verbose_name, _tampil(f, c.old), _tampil(f, c.new)))
        if rec.history_type == "~" and not perubahan and not rec.history_change_reason:
            continue  # a save that changed only bookkeeping fields
        user = rec.history_user
        entri.append(
            Entri(
                waktu=rec.history_date,
                oleh=(user.get_full_name() or user.username) if user else "sistem (impor/otomatis)",
                jenis=JENIS_PERUBAHAN.get(rec.history_type, rec.history_type),
                alasan=rec.history_change_reason or "",
                perubahan=perubahan,
            )
        )
    return entri
