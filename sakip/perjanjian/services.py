"""The life of a Perjanjian Kinerja: drafted from the Renstra year, signed and locked, revised.

A signed PK is never edited: a change is a new revision that starts as a copy of
the last one, and every revision is kept (DESIGN.md; PermenPAN-RB 53/2014).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max, Sum
from simple_history.utils import bulk_create_with_history

from sakip.anggaran.models import Anggaran
from sakip.kinerja import KinerjaError, parse_angka, parse_target
from sakip.organisasi.models import Unit
from sakip.pengukuran.services import DitolakError
from sakip.perencanaan.models import Indikator, Kegiatan, Program, Renstra, Target, Tingkat
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget, StatusPK


def renstra_untuk(unit: Unit, tahun: int) -> Renstra:
    """The Renstra of ``unit`` (or of the nearest unit above it) that covers ``tahun``."""
    for u in [unit, *unit.leluhur()]:
        r = Renstra.objects.filter(unit=u, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun).first()
        if r is not None:
            return r
    raise DitolakError(f"Tidak ada Renstra yang mencakup tahun {tahun} untuk {unit}.")


def indikator_pk(unit: Unit, renstra: Renstra) -> list[Indikator]:
    """What the unit's PK agrees on: the IKU for the Renstra's own unit (seed 000 Tabel 2.4),
    otherwise the unit's own indicators at the highest level it has (program, then kegiatan)."""
    semua = Indikator.objects.filter(renstra=renstra)
    if unit.pk == renstra.unit_id:
        return list(semua.filter(iku=True).order_by("urutan", "kode"))
    for tingkat in (Tingkat.SASARAN, Tingkat.PROGRAM, Tingkat.KEGIATAN, Tingkat.SUB_KEGIATAN):
        milik = list(semua.filter(unit=unit, tingkat=tingkat).order_by("urutan", "kode"))
        if milik:
            return milik
    return []


# The indicator's definition as the PK agreed it (DESIGN.md: a year keeps its definitions).
_DEFINISI = ("satuan", "polaritas", "agregasi", "rumus_negatif", "formula")


def _salin_definisi(ind: Indikator) -> dict[str, str]:
    return {k: getattr(ind, k) for k in _DEFINISI}


def _salin_baris(
    baris: Any, pk_baru: PerjanjianKinerja, kolom: list[str], user: object = None
) -> None:
    """Copy a PK's rows (targets or budget) into a new revision, with their history."""
    model = baris.model
    bulk_create_with_history(
        [model(pk_dokumen=pk_baru, **{k: getattr(b, k) for k in kolom}) for b in baris],
        model,
        default_user=_user_riwayat(user),
    )


def _user_riwayat(user: object) -> Any:
    """The user the change history names; None for the command line or an anonymous caller."""
    return user if getattr(user, "is_authenticated", False) else None


@transaction.atomic
def buat_pk(unit: Unit, tahun: int, user: object = None) -> PerjanjianKinerja:
    """A draft PK for the year: targets copied from the Renstra year, budget per program.

    Refused while another revision of the year is still a draft, so there is one
    document being worked on at a time.
    """
    if PerjanjianKinerja.objects.filter(unit=unit, tahun=tahun, status=StatusPK.DRAF).exists():
        raise DitolakError(f"PK {unit} {tahun} masih berupa draf: lanjutkan draf itu.")
    renstra = renstra_untuk(unit, tahun)
    indikator = indikator_pk(unit, renstra)
    if not indikator:
        raise DitolakError(f"Renstra {renstra} tidak memuat indikator untuk {unit}.")
    target = {
        t.indikator_id: t.nilai
        for t in Target.objects.filter(indikator__in=indikator, tahun=tahun, periode="TAHUN")
    }
    tanpa_target = [i.kode for i in indikator if i.pk not in target]
    if tanpa_target:
        raise DitolakError(
            f"Renstra belum memuat target tahun {tahun} untuk: {', '.join(tanpa_target)}."
        )
    revisi = (
        PerjanjianKinerja.objects.filter(unit=unit, tahun=tahun).aggregate(m=Max("revisi"))["m"]
        or 0
    ) + 1
    pk = PerjanjianKinerja(
        unit=unit,
        tahun=tahun,
        revisi=revisi,
        renstra=renstra,
        penandatangan=unit.kepala_nama,
        nip_penandatangan=unit.kepala_nip,
        jabatan_penandatangan=unit.kepala_jabatan,
    )
    pk._history_user = _user_riwayat(user)  # type: ignore[attr-defined]
    pk.save()
    bulk_create_with_history(
        [
            PKTarget(pk_dokumen=pk, indikator=i, target=target[i.pk], **_salin_definisi(i))
            for i in indikator
        ],
        PKTarget,
        default_user=_user_riwayat(user),
    )
    # A program's pagu is the sum of its sub kegiatan (seed 000 Tabel 3.19).
    pagu = (
        Anggaran.objects.filter(
            tahun=tahun,
            sub_kegiatan__kegiatan__program__renstra=renstra,
            sub_kegiatan__kegiatan__program__unit_id__in=unit.keturunan_ids(),
        )
        .values("sub_kegiatan__kegiatan__program")
        .annotate(jumlah=Sum("pagu"))
        .order_by(
            "sub_kegiatan__kegiatan__program__urutan", "sub_kegiatan__kegiatan__program__kode"
        )
    )
    bulk_create_with_history(
        [
            PKAnggaran(
                pk_dokumen=pk, program_id=p["sub_kegiatan__kegiatan__program"], pagu=p["jumlah"]
            )
            for p in pagu
        ],
        PKAnggaran,
        default_user=_user_riwayat(user),
    )
    return pk


@transaction.atomic
def ubah_target(
    pk: PerjanjianKinerja, indikator: Indikator, target: str, user: object = None
) -> PKTarget:
    """Adjust one agreed target of a draft; a signed PK is changed only by a new revision."""
    _wajib_draf(pk)
    try:
        if parse_target(target) is None:
            raise KinerjaError("target tidak boleh kosong")
    except KinerjaError as exc:
        raise DitolakError(f"Target {target!r} untuk {indikator.kode}: {exc}") from exc
    baris = PKTarget.objects.filter(pk_dokumen=pk, indikator=indikator).first() or PKTarget(
        pk_dokumen=pk, indikator=indikator
    )
    baris.target = target.strip()
    for kolom, nilai in _salin_definisi(indikator).items():
        setattr(baris, kolom, nilai)
    baris._history_user = _user_riwayat(user)  # type: ignore[attr-defined]
    baris.save()
    return baris


def _wajib_draf(pk: PerjanjianKinerja) -> None:
    # Read the status from the database: a stale object must not slip past a signature.
    if PerjanjianKinerja.objects.filter(pk=pk.pk, status=StatusPK.DITANDATANGANI).exists():
        raise DitolakError(f"{pk} sudah ditandatangani dan terkunci; buat revisi baru.")


def _pagu(nilai: str | Decimal) -> Decimal:
    """A pagu in Rupiah from Indonesian text ("Rp 1.234.567", "1.234.567,50")."""
    try:
        angka = nilai if isinstance(nilai, Decimal) else parse_angka(str(nilai))
    except KinerjaError as exc:
        raise DitolakError(f"Pagu {nilai!r}: {exc}") from exc
    if angka is None:
        raise DitolakError("Pagu wajib diisi (angka Rupiah, mis. 1.250.000.000).")
    if angka < 0:
        raise DitolakError(f"Pagu {nilai!r}: tidak boleh negatif.")
    if angka != angka.quantize(Decimal("0.01")):
        raise DitolakError(f"Pagu {nilai!r}: paling banyak dua angka di belakang koma.")
    if abs(angka) >= Decimal("1e16"):
        raise DitolakError(f"Pagu {nilai!r}: terlalu besar.")
    return angka


@transaction.atomic
def ubah_anggaran(
    pk: PerjanjianKinerja,
    program: Program,
    kegiatan: Kegiatan | None,
    pagu: str | Decimal,
    user: object = None,
) -> PKAnggaran:
    """Set the pagu agreed for a program (or one of its kegiatan) in a draft PK.

    The row for the same program/kegiatan is updated, otherwise added. The program
    must belong to the PK's Renstra and to the PK's unit or a unit below it.
    """
    _wajib_draf(pk)
    if program.renstra_id != pk.renstra_id or program.unit_id not in pk.unit.keturunan_ids():
        raise DitolakError(f"Program {program.kode} bukan program {pk.unit} dalam {pk.renstra}.")
    if kegiatan is not None and kegiatan.program_id != program.pk:
        raise DitolakError(f"Kegiatan {kegiatan.kode} bukan bagian program {program.kode}.")
    jumlah = _pagu(pagu)
    baris = PKAnggaran.objects.filter(pk_dokumen=pk, program=program, kegiatan=kegiatan).first()
    if baris is None:
        baris = PKAnggaran(pk_dokumen=pk, program=program, kegiatan=kegiatan)
    baris.pagu = jumlah
    baris._history_user = _user_riwayat(user)  # type: ignore[attr-defined]
    baris.save()
    return baris


@transaction.atomic
def hapus_anggaran(pk: PerjanjianKinerja, baris: PKAnggaran, user: object = None) -> None:
    """Remove a budget row from a draft PK."""
    _wajib_draf(pk)
    if baris.pk_dokumen_id != pk.pk:
        raise DitolakError("Baris anggaran itu bukan bagian PK ini.")
    baris._history_user = _user_riwayat(user)  # type: ignore[attr-defined]
    baris.delete()


# What the signatories step may change on a draft.
KOLOM_PENANDATANGAN = (
    "penandatangan",
    "nip_penandatangan",
    "jabatan_penandatangan",
    "pihak_kedua",
    "jabatan_pihak_kedua",
    "catatan",
)


@transaction.atomic
def ubah_penandatangan(
    pk: PerjanjianKinerja, data: dict[str, str], user: object = None
) -> PerjanjianKinerja:
    """Set who signs a draft PK (first and second party) and its note."""
    _wajib_draf(pk)
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    for kolom in KOLOM_PENANDATANGAN:
        if kolom in data:
            setattr(pk, kolom, (data[kolom] or "").strip())
    pk._history_user = _user_riwayat(user)  # type: ignore[attr-defined]
    pk.save()
    return pk


@transaction.atomic
def tanda_tangani(
    pk: PerjanjianKinerja, tanggal: dt.date, user: object = None
) -> PerjanjianKinerja:
    """Sign and lock; the indicators' definitions are captured as they stand today."""
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    if pk.terkunci:
        raise DitolakError(f"{pk} sudah ditandatangani pada {pk.tanggal:%d-%m-%Y}.")
    if not pk.target.exists():
        raise DitolakError(f"{pk} belum memuat target: tidak dapat ditandatangani.")
    for t in pk.target.select_related("indikator"):
        for kolom, nilai in _salin_definisi(t.indikator).items():
            setattr(t, kolom, nilai)
        t._history_user = _user_riwayat(user)  # type: ignore[attr-defined]
        t.save()
    pk.status = StatusPK.DITANDATANGANI
    pk.tanggal = tanggal
    pk._history_user = _user_riwayat(user)  # type: ignore[attr-defined]
    pk.save()
    return pk


@transaction.atomic
def revisi_baru(pk: PerjanjianKinerja, user: object = None) -> PerjanjianKinerja:
    """A new draft revision that starts as a copy of a signed PK; the signed one stays as it is."""
    if not pk.terkunci:
        raise DitolakError(f"{pk} masih draf: ubah langsung, tidak perlu revisi.")
    terakhir = (
        PerjanjianKinerja.objects.filter(unit=pk.unit, tahun=pk.tahun).order_by("-revisi").first()
    )
    assert terakhir is not None
    if terakhir.pk != pk.pk:
        raise DitolakError(f"Sudah ada {terakhir}; revisi dibuat dari PK terbaru.")
    baru = PerjanjianKinerja(
        unit=pk.unit,
        tahun=pk.tahun,
        revisi=pk.revisi + 1,
        renstra=pk.renstra,
        penandatangan=pk.penandatangan,
        nip_penandatangan=pk.nip_penandatangan,
        jabatan_penandatangan=pk.jabatan_penandatangan,
        pihak_kedua=pk.pihak_kedua,
        jabatan_pihak_kedua=pk.jabatan_pihak_kedua,
    )
    baru._history_user = _user_riwayat(user)  # type: ignore[attr-defined]
    baru.save()
    _salin_baris(pk.target.all(), baru, ["indikator_id", "target", *_DEFINISI], user)
    _salin_baris(pk.anggaran.all(), baru, ["program_id", "kegiatan_id", "pagu"], user)
    return baru
