"""Writes of measured data: entry with optimistic locking, and the TW workflow.

draf → diajukan → diverifikasi (or dikembalikan with a reason) → final; a change
to a final value is a recorded correction (DESIGN.md, "The data's life"). Every
function here is one transaction and leaves the change history (who, when,
before, after) through django-simple-history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import F, Model, Q

from sakip.anggaran.models import RealisasiAnggaran
from sakip.kinerja import KinerjaError, Predikat, format_persen, parse_angka, parse_nilai
from sakip.organisasi.akses import peran_di, unit_ids_untuk
from sakip.organisasi.models import Peran, Unit, keturunan_ids
from sakip.pengukuran.models import (
    STATUS_DAPAT_DIUBAH_OPERATOR,
    Eviden,
    Narasi,
    PengajuanPeriode,
    Realisasi,
    StatusData,
)
from sakip.perencanaan.models import Indikator, SubKegiatan

# simple-history keeps a change reason in 100 characters.
PANJANG_PENJELASAN_ANGGARAN = 2000


class DitolakError(Exception):
    """The action is not allowed: the message says why, in Bahasa Indonesia."""


class KonflikError(DitolakError):
    """Someone else saved the record since it was opened (optimistic locking)."""


@dataclass(frozen=True)
class Perubahan:
    objek: Model
    dibuat: bool


def _wajib_boleh_ubah(user: object, unit: Unit) -> set[str]:
    ids = unit_ids_untuk(user, "change")
    if ids is not None and unit.pk not in ids:
        raise DitolakError(f"Anda tidak berwenang mengubah data {unit}.")
    return peran_di(user, unit)


def _periksa_status(objek: Realisasi | RealisasiAnggaran, peran: set[str]) -> None:
    if objek.status in STATUS_DAPAT_DIUBAH_OPERATOR:
        return
    if objek.status == StatusData.FINAL:
        raise DitolakError(
            "Periode ini sudah final; perubahan hanya lewat koreksi tercatat oleh perencana."
        )
    if not peran & {Peran.PERENCANA, Peran.ADMIN}:
        raise DitolakError(
            f"Data periode ini sedang {objek.get_status_display().lower()}; operator tidak dapat "
            "mengubahnya sampai dikembalikan oleh perencana."
        )


def _simpan_berversi(
    model: type[Realisasi] | type[RealisasiAnggaran],
    kunci: dict[str, object],
    nilai: dict[str, object],
    versi: int | None,
    user: object,
    peran: set[str],
) -> Perubahan:
    """Create, or update only if nobody saved it since ``versi`` was read."""
    objek = model.objects.select_for_update().filter(**kunci).first()  # type: ignore[attr-defined]
    if objek is None:
        objek = model(**kunci, **nilai)
        objek._history_user = user
        objek.save()
        return Perubahan(objek, True)
    _periksa_status(objek, peran)
    if versi is not None and objek.versi != versi:
        raise KonflikError(
            "Data ini sudah diubah orang lain sejak Anda membukanya "
            f"(versi {versi} → {objek.versi}); muat ulang halaman, periksa nilainya, lalu simpan lagi."
        )
    diperbarui = model.objects.filter(pk=objek.pk, versi=objek.versi).update(  # type: ignore[attr-defined]
        **nilai, versi=F("versi") + 1
    )
    if not diperbarui:  # pragma: no cover - select_for_update closes this race on PostgreSQL
        raise KonflikError("Data ini baru saja diubah orang lain; muat ulang lalu simpan lagi.")
    objek.refresh_from_db()
    # update() bypasses signals, so write the history record explicitly.
    objek._history_user = user
    objek.save(update_fields=["versi"])
    return Perubahan(objek, False)


@transaction.atomic
def simpan_realisasi(
    user: object,
    indikator: Indikator,
    tahun: int,
    periode: str,
    nilai: str,
    versi: int | None = None,
    catatan: str = "",
) -> Perubahan:
    """Save an operator's realisasi (as draf); ``versi`` is what the form was opened with."""
    from sakip.impor.services import teks_realisasi

    if indikator.sumber_realisasi:
        raise DitolakError(
            f"Realisasi {indikator.nama!r} diturunkan otomatis "
            f"({indikator.get_sumber_realisasi_display()}), tidak diisi."
        )
    peran = _wajib_boleh_ubah(user, indikator.unit)
    try:
        teks = teks_realisasi(nilai)
    except KinerjaError as exc:
        raise DitolakError(f"Realisasi {nilai!r}: {exc}") from exc
    return _simpan_berversi(
        Realisasi,
        {"indikator": indikator, "tahun": tahun, "periode": periode},
        {"nilai": teks, "catatan": catatan},
        versi,
        user,
        peran,
    )


@transaction.atomic
def simpan_realisasi_anggaran(
    user: object,
    sub_kegiatan: SubKegiatan,
    tahun: int,
    periode: str,
    nilai: Decimal,
    versi: int | None = None,
    catatan: str = "",
) -> Perubahan:
    """Save a budget realisasi of a TW; realisasi above pagu is allowed but flagged by checks.

    ``catatan`` says why, e.g. why the line exceeds its pagu; it is shown to the planner.
    """
    if nilai < 0:
        raise DitolakError("Realisasi anggaran tidak boleh negatif.")
    peran = _wajib_boleh_ubah(user, sub_kegiatan.unit)
    return _simpan_berversi(
        RealisasiAnggaran,
        {"sub_kegiatan": sub_kegiatan, "tahun": tahun, "periode": periode},
        {"nilai": nilai, "catatan": catatan.strip()[:PANJANG_PENJELASAN_ANGGARAN]},
        versi,
        user,
        peran,
    )


def _data_periode(unit: Unit, tahun: int, periode: str) -> tuple[Iterable[type[Model]], list[Q]]:
    ids = keturunan_ids([unit.pk])
    model: list[type[Model]] = [Realisasi, RealisasiAnggaran]
    filter_ = [
        Q(indikator__unit_id__in=ids, tahun=tahun, periode=periode),
        Q(sub_kegiatan__unit_id__in=ids, tahun=tahun, periode=periode),
    ]
    # The narrative is one per year and is reported with the last TW: submitting
    # TW I must not lock what the operator will still write until TW IV.
    if periode in {"TW4", "TAHUN"}:
        model.append(Narasi)
        filter_.append(Q(indikator__unit_id__in=ids, tahun=tahun))
    return model, filter_


def _ubah_status(
    user: object,
    unit: Unit,
    tahun: int,
    periode: str,
    dari: tuple[str, ...],
    ke: str,
    alasan: str = "",
) -> PengajuanPeriode:
    pengajuan, _ = PengajuanPeriode.objects.select_for_update().get_or_create(
        unit=unit, tahun=tahun, periode=periode
    )
    if pengajuan.status not in dari:
        raise DitolakError(
            f"{unit} {periode} {tahun} berstatus {pengajuan.get_status_display().lower()}; "
            f"tindakan ini hanya untuk status {', '.join(dari)}."
        )
    models, filters = _data_periode(unit, tahun, periode)
    for model, filter_ in zip(models, filters, strict=True):
        for objek in model.objects.filter(filter_):  # type: ignore[attr-defined]
            objek.status = ke
            objek._history_user = user
            objek.save(update_fields=["status"])
    pengajuan.status = ke
    pengajuan.alasan = alasan
    pengajuan.diubah_oleh = user  # type: ignore[assignment]
    pengajuan._history_user = user
    pengajuan.save()
    return pengajuan


@transaction.atomic
def ajukan_periode(user: object, unit: Unit, tahun: int, periode: str) -> PengajuanPeriode:
    """The operator submits the unit's TW: from then on only the perencana may change it."""
    _wajib_boleh_ubah(user, unit)
    return _ubah_status(
        user, unit, tahun, periode, (StatusData.DRAF, StatusData.DIKEMBALIKAN), StatusData.DIAJUKAN
    )


def _wajib_perencana(user: object, unit: Unit) -> None:
    peran = _wajib_boleh_ubah(user, unit)
    if not peran & {Peran.PERENCANA, Peran.ADMIN}:
        raise DitolakError(
            "Hanya perencana yang dapat memverifikasi, mengembalikan atau memfinalkan."
        )


@transaction.atomic
def verifikasi_periode(user: object, unit: Unit, tahun: int, periode: str) -> PengajuanPeriode:
    _wajib_perencana(user, unit)
    return _ubah_status(user, unit, tahun, periode, (StatusData.DIAJUKAN,), StatusData.DIVERIFIKASI)


@transaction.atomic
def kembalikan_periode(
    user: object, unit: Unit, tahun: int, periode: str, alasan: str
) -> PengajuanPeriode:
    """Return a submitted TW to the operator; the reason is shown to them."""
    _wajib_perencana(user, unit)
    if not alasan.strip():
        raise DitolakError(
            "Tuliskan alasan pengembalian agar operator tahu apa yang harus diperbaiki."
        )
    return _ubah_status(
        user,
        unit,
        tahun,
        periode,
        (StatusData.DIAJUKAN, StatusData.DIVERIFIKASI),
        StatusData.DIKEMBALIKAN,
        alasan.strip(),
    )


@transaction.atomic
def finalkan_periode(user: object, unit: Unit, tahun: int, periode: str) -> PengajuanPeriode:
    """Close the period: values are final; later changes are recorded corrections."""
    _wajib_perencana(user, unit)
    return _ubah_status(user, unit, tahun, periode, (StatusData.DIVERIFIKASI,), StatusData.FINAL)


@transaction.atomic
def koreksi_realisasi(user: object, realisasi: Realisasi, nilai: str, alasan: str) -> Realisasi:
    """Correct a final value: perencana only, with a reason kept in the history."""
    from sakip.impor.services import teks_realisasi

    _wajib_perencana(user, realisasi.indikator.unit)
    if not alasan.strip():
        raise DitolakError("Koreksi atas nilai final wajib disertai alasan.")
    # The caller's copy may be stale (its status from before finalising): save the row as stored.
    realisasi = (
        Realisasi.objects.select_for_update().select_related("indikator").get(pk=realisasi.pk)
    )
    try:
        realisasi.nilai = teks_realisasi(nilai)
    except KinerjaError as exc:
        raise DitolakError(f"Realisasi {nilai!r}: {exc}") from exc
    realisasi.versi += 1
    realisasi._history_user = user
    realisasi._change_reason = f"Koreksi: {alasan.strip()}"
    realisasi.save()
    return realisasi


# --- the entry screen ---------------------------------------------------------------


class PerluPenjelasanError(DitolakError):
    """The value is valid but makes an outlier: it is saved only with an explanation."""


def _nama_pendek(indikator: Indikator) -> str:
    return indikator.nama if len(indikator.nama) <= 70 else indikator.nama[:69] + "…"


_SATUAN_PERSEN = {"%", "(%)", "persen", "persentase"}


def _periksa_satuan(indikator: Indikator, nilai: str) -> None:
    """A unit typed after the number must be the indicator's ("12 Dokumen", "85 %")."""
    if Predikat.cocok(nilai.strip()):
        return
    satuan = (parse_nilai(nilai).satuan or "").strip().lower()
    milik = indikator.satuan.strip().lower()
    if not satuan or satuan == milik or (satuan in _SATUAN_PERSEN and milik in _SATUAN_PERSEN):
        return
    raise DitolakError(
        f"Realisasi {indikator.kode} ({_nama_pendek(indikator)}) tidak disimpan: satuan "
        f"{satuan!r} pada {nilai.strip()!r} tidak sesuai satuan indikator "
        f"({indikator.satuan or 'tanpa satuan'}). Tulis angkanya saja, misalnya 1.234,5."
    )


@transaction.atomic
def simpan_isian_realisasi(
    user: object,
    indikator: Indikator,
    tahun: int,
    periode: str,
    nilai: str,
    versi: int | None = None,
    catatan: str = "",
) -> Perubahan:
    """Save a realisasi typed on the entry screen (see :func:`simpan_realisasi`).

    Refuses, naming the indicator, a value that is not a number or predikat, and a
    value whose capaian falls outside 50–150 % (DOMAIN.md §1) unless ``catatan``
    explains it. Nothing is stored when it refuses.
    """
    from sakip.impor.services import teks_realisasi
    from sakip.pengukuran.selectors import capaian_dengan

    try:
        teks = teks_realisasi(nilai)
    except KinerjaError as exc:
        raise DitolakError(
            f"Realisasi {indikator.kode} ({_nama_pendek(indikator)}) tidak disimpan: "
            f"{nilai.strip()!r} {'kosong' if not nilai.strip() else 'bukan angka atau predikat'}. "
            "Tulis angka seperti 1.234,5 atau 85 %."
        ) from exc
    _periksa_satuan(indikator, nilai)
    c, perlu = capaian_dengan(indikator, tahun, periode, teks)
    if perlu and not catatan.strip():
        raise PerluPenjelasanError(
            f"Capaian {indikator.kode} menjadi {format_persen(c)}, di luar rentang wajar "
            "50–150 %: tuliskan penjelasan di kolom catatan, lalu simpan lagi."
        )
    return simpan_realisasi(user, indikator, tahun, periode, teks, versi, catatan.strip())


@transaction.atomic
def simpan_isian_anggaran(
    user: object,
    sub_kegiatan: SubKegiatan,
    tahun: int,
    periode: str,
    nilai: str,
    versi: int | None = None,
    catatan: str = "",
) -> Perubahan:
    """Save a TW's budget realisasi typed on the entry screen ("Rp 1.234.567", "1.234,50").

    Refuses text that is not an amount, negative amounts and more than two decimals;
    a cumulative realisasi above pagu is saved only with an explanation.
    """
    from sakip.pengukuran.selectors import serapan_dengan

    label = f"Realisasi anggaran {sub_kegiatan.kode}"
    try:
        angka = parse_angka(nilai)
    except KinerjaError as exc:
        raise DitolakError(
            f"{label} tidak disimpan: {nilai.strip()!r} bukan jumlah rupiah. "
            "Tulis seperti Rp 1.234.567 atau 1.234.567,89."
        ) from exc
    if angka is None:
        raise DitolakError(
            f"{label} tidak disimpan: isian kosong (tulis 0 bila belum ada belanja)."
        )
    if angka < 0:
        raise DitolakError(f"{label} tidak disimpan: jumlah tidak boleh negatif.")
    if angka != angka.quantize(Decimal("0.01")):
        raise DitolakError(f"{label} tidak disimpan: rupiah paling banyak dua angka desimal.")
    s, lebih = serapan_dengan(sub_kegiatan, tahun, periode, angka)
    if lebih and not catatan.strip():
        raise PerluPenjelasanError(
            f"{label}: realisasi kumulatif melebihi pagu (serapan {format_persen(s)}); "
            "tuliskan penjelasan singkat, lalu simpan lagi."
        )
    return simpan_realisasi_anggaran(user, sub_kegiatan, tahun, periode, angka, versi, catatan)


def _periksa_periode(user: object, unit: Unit, tahun: int, periode: str) -> set[str]:
    peran = _wajib_boleh_ubah(user, unit)
    pengajuan = PengajuanPeriode.objects.filter(unit=unit, tahun=tahun, periode=periode).first()
    if pengajuan is not None:
        _periksa_status(pengajuan, peran)
    return peran


@transaction.atomic
def simpan_narasi(
    user: object,
    indikator: Indikator,
    tahun: int,
    periode: str,
    faktor_pendorong: str = "",
    faktor_penghambat: str = "",
    permasalahan: str = "",
    solusi: str = "",
) -> Narasi:
    """Save the operator's narrative of an indicator for the year, from TW ``periode``'s page.

    The narrative is one record per year but is written along the TWs, so the
    rights follow the TW being entered (operator while draft or returned, planner
    until final); a final narrative is never overwritten. Edited, it is a draft
    again until the TW is submitted.
    """
    _periksa_periode(user, indikator.unit, tahun, periode)
    narasi = Narasi.objects.select_for_update().filter(indikator=indikator, tahun=tahun).first()
    if narasi is None:
        narasi = Narasi(indikator=indikator, tahun=tahun)
    elif narasi.status == StatusData.FINAL:
        raise DitolakError(
            f"Narasi {indikator.kode} tahun {tahun} sudah final; perubahan lewat koreksi perencana."
        )
    narasi.faktor_pendorong = faktor_pendorong.strip()
    narasi.faktor_penghambat = faktor_penghambat.strip()
    narasi.permasalahan = permasalahan.strip()
    narasi.solusi = solusi.strip()
    narasi.status = StatusData.DRAF
    narasi._history_user = user
    narasi.save()
    return narasi


@transaction.atomic
def unggah_eviden(
    user: object, indikator: Indikator, tahun: int, periode: str, judul: str, berkas: File
) -> Eviden:
    """Attach a data dukung file to an indicator's TW; type and size are checked first."""
    _periksa_periode(user, indikator.unit, tahun, periode)
    eviden = Eviden(
        indikator=indikator,
        tahun=tahun,
        periode=periode,
        judul=judul.strip() or Path(berkas.name or "berkas").name,
        berkas=berkas,
        diunggah_oleh=user if getattr(user, "pk", None) else None,  # type: ignore[misc]
    )
    try:
        eviden.full_clean()
    except ValidationError as exc:
        raise DitolakError(" ".join(exc.messages)) from exc
    eviden._history_user = user
    eviden.save()
    return eviden
