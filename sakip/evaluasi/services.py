"""Every write of the AKIP evaluation: one function per use case, one transaction, audited.

Who may do what (DESIGN.md roles):

* the unit (its operator, perencana or an admin, within their units) fills the
  self-assessment (penilaian mandiri) and links evidence from its evidence library,
  and writes the follow-up (tindak lanjut) of recommendations;
* the evaluator (Inspektorat) or an admin scores, locks the worksheet when the LHE is
  issued, and writes recommendations;
* a locked evaluation refuses every change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from sakip.evaluasi.models import (
    EvaluasiAKIP,
    HasilEvaluasi,
    JawabanLKE,
    KriteriaLKE,
    LembarKerja,
    Rekomendasi,
    SkorKomponen,
    StatusEvaluasi,
    StatusTindakLanjut,
)
from sakip.evaluasi.selectors import eviden_pilihan, skor_dari, struktur_lembar
from sakip.kinerja import format_angka
from sakip.organisasi.akses import boleh, boleh_peran
from sakip.organisasi.models import Peran, Unit
from sakip.pengukuran.models import Eviden
from sakip.pengukuran.services import DitolakError

PERAN_EVALUATOR = {Peran.EVALUATOR, Peran.ADMIN}
MANDIRI = "mandiri"
EVALUATOR = "evaluator"


def boleh_menilai(user: object, unit: Unit) -> bool:
    return boleh_peran(user, unit.pk, PERAN_EVALUATOR)


def boleh_isi_mandiri(user: object, unit: Unit) -> bool:
    """The unit's own operator, perencana or admin (``change`` scope of :mod:`.akses`)."""
    return boleh(user, unit.pk, "change")


def wajib_evaluator(user: object, unit: Unit) -> None:
    if not boleh_menilai(user, unit):
        raise PermissionDenied(f"Hanya evaluator atau admin yang dapat menilai {unit}.")


def wajib_unit(user: object, unit: Unit) -> None:
    if not boleh_isi_mandiri(user, unit):
        raise PermissionDenied(
            f"Hanya operator, perencana atau admin {unit} yang dapat mengisi penilaian mandiri."
        )


def _wajib_draf(evaluasi: EvaluasiAKIP) -> None:
    if evaluasi.terkunci:
        raise DitolakError(
            f"{evaluasi} terkunci sejak LHE {evaluasi.nomor_lhe or ''} terbit; tidak dapat diubah."
        )


@transaction.atomic
def buat_evaluasi(
    user: object, unit: Unit, tahun: int, lembar: LembarKerja | None = None
) -> EvaluasiAKIP:
    """Open a unit's worksheet for a year on the LKE version in force (evaluator or the unit)."""
    if not (boleh_menilai(user, unit) or boleh_isi_mandiri(user, unit)):
        raise PermissionDenied(f"Anda tidak berwenang membuka evaluasi {unit}.")
    if EvaluasiAKIP.objects.filter(unit=unit, tahun=tahun).exists():
        raise DitolakError(f"Evaluasi {unit} tahun {tahun} sudah ada.")
    lembar = lembar or LembarKerja.berlaku(tahun)
    if lembar is None:
        raise DitolakError(f"Tidak ada LKE yang berlaku untuk tahun {tahun}.")
    evaluasi = EvaluasiAKIP(unit=unit, tahun=tahun, lembar=lembar)
    evaluasi._history_user = user  # type: ignore[attr-defined]
    evaluasi.save()
    return evaluasi


@dataclass
class IsianKriteria:
    """One criterion as a form submits it: the answer code ("" = none), a note, evidence ids."""

    jawaban: str = ""
    catatan: str = ""
    eviden: list[int] | None = field(default=None)


@transaction.atomic
def simpan_jawaban(
    user: object, evaluasi: EvaluasiAKIP, isian: Mapping[int, IsianKriteria], pihak: str
) -> int:
    """Save one side's answers (``mandiri`` by the unit, ``evaluator`` by the Inspektorat).

    Answers are checked against each criterion's scale and evidence against the unit's
    library; the whole submission lands or nothing does. Returns how many rows changed.
    """
    if pihak == MANDIRI:
        wajib_unit(user, evaluasi.unit)
    elif pihak == EVALUATOR:
        wajib_evaluator(user, evaluasi.unit)
    else:
        raise ValueError(f"pihak tidak dikenal: {pihak!r}")
    evaluasi = EvaluasiAKIP.objects.select_for_update().get(pk=evaluasi.pk)
    _wajib_draf(evaluasi)
    kriteria = {
        k.pk: k for k in KriteriaLKE.objects.filter(sub__komponen__lembar=evaluasi.lembar_id)
    }
    asing = sorted(set(isian) - set(kriteria))
    if asing:
        raise DitolakError(f"Kriteria {asing} bukan bagian dari {evaluasi.lembar}.")
    eviden_boleh = set(eviden_pilihan(evaluasi).values_list("pk", flat=True))
    ada = {j.kriteria_id: j for j in evaluasi.jawaban.filter(kriteria_id__in=isian)}
    berubah = 0
    for kid, isi in isian.items():
        k = kriteria[kid]
        kode = isi.jawaban.strip().upper()
        if kode and kode not in {p for p, _ in k.pilihan}:
            raise DitolakError(
                f"Jawaban {isi.jawaban!r} tidak sesuai skala kriteria {k.nomor} "
                f"({', '.join(p for p, _ in k.pilihan)})."
            )
        if isi.eviden is not None and not set(isi.eviden) <= eviden_boleh:
            raise DitolakError(
                f"Data dukung kriteria {k.nomor} harus dari pustaka data dukung {evaluasi.unit} "
                f"tahun {evaluasi.tahun}."
            )
        j = ada.get(kid) or JawabanLKE(evaluasi=evaluasi, kriteria=k)
        lama = (getattr(j, f"jawaban_{pihak}"), getattr(j, f"catatan_{pihak}"))
        baru = (kode, isi.catatan.strip())
        if lama != baru or j.pk is None:
            setattr(j, f"jawaban_{pihak}", kode)
            setattr(j, f"catatan_{pihak}", baru[1])
            j._history_user = user  # type: ignore[attr-defined]
            j.save()
            berubah += 1
        if isi.eviden is not None and set(j.eviden.values_list("pk", flat=True)) != set(isi.eviden):
            j.eviden.set(Eviden.objects.filter(pk__in=isi.eviden))
            berubah += 1
    return berubah


@transaction.atomic
def kunci_evaluasi(
    user: object, evaluasi: EvaluasiAKIP, nomor_lhe: str, tanggal_lhe: dt.date
) -> HasilEvaluasi:
    """The LHE is issued: lock the worksheet and make its scores the unit's result of the year.

    The evaluator's component scores replace the unit's ``HasilEvaluasi`` of that year
    (component rows, model of the LKE, no separate total), so IKU "Nilai akuntabilitas
    kinerja", the history table and the PD recap read exactly the locked worksheet.
    """
    wajib_evaluator(user, evaluasi.unit)
    evaluasi = (
        EvaluasiAKIP.objects.select_for_update()
        .select_related("lembar", "unit")
        .get(pk=evaluasi.pk)
    )
    _wajib_draf(evaluasi)
    if not nomor_lhe.strip():
        raise DitolakError("Nomor LHE wajib diisi untuk mengunci evaluasi.")
    struktur = struktur_lembar(evaluasi.lembar)
    jawaban = {j.kriteria_id: j for j in evaluasi.jawaban.all()}
    skor = skor_dari(struktur, jawaban, EVALUATOR)
    if not skor.lengkap:
        raise DitolakError(
            f"Penilaian evaluator belum lengkap ({skor.terjawab} dari {skor.jumlah_kriteria} "
            "kriteria); evaluasi belum dapat dikunci."
        )
    hasil, _ = HasilEvaluasi.objects.get_or_create(unit=evaluasi.unit, tahun=evaluasi.tahun)
    hasil.model = evaluasi.lembar.model
    hasil.nilai_total = None
    hasil.catatan = (
        f"Dari {evaluasi.lembar}; LHE {nomor_lhe.strip()} tanggal {tanggal_lhe:%d-%m-%Y}; "
        f"nilai {format_angka(skor.nilai)} ({skor.predikat})."
    )
    hasil._history_user = user  # type: ignore[attr-defined]
    hasil.save()
    for lama in hasil.skor.exclude(komponen__in=list(skor.komponen)):
        lama._history_user = user  # type: ignore[attr-defined]
        lama.delete()
    for kode, nilai in skor.komponen.items():
        s = hasil.skor.filter(komponen=kode).first() or SkorKomponen(hasil=hasil, komponen=kode)
        s.nilai = nilai
        s._history_user = user  # type: ignore[attr-defined]
        s.save()
    if hasil.nilai() != skor.nilai:  # pragma: no cover - guarded by the model's weights
        raise DitolakError("Jumlah skor komponen tidak sama dengan nilai LKE.")
    evaluasi.status = StatusEvaluasi.TERKUNCI
    evaluasi.nomor_lhe = nomor_lhe.strip()
    evaluasi.tanggal_lhe = tanggal_lhe
    evaluasi.dikunci_oleh = user  # type: ignore[assignment]
    evaluasi.dikunci_pada = timezone.now()
    evaluasi.hasil = hasil
    evaluasi._history_user = user  # type: ignore[attr-defined]
    evaluasi.save()
    return hasil


# --- recommendations and their follow-up --------------------------------------------------


@transaction.atomic
def tambah_rekomendasi(
    user: object,
    unit: Unit,
    tahun: int,
    komponen: str,
    rekomendasi: str,
    batas_waktu: dt.date | None = None,
) -> Rekomendasi:
    """An LHE recommendation for a component (evaluator or admin)."""
    wajib_evaluator(user, unit)
    if not rekomendasi.strip():
        raise DitolakError("Isi rekomendasi wajib diisi.")
    r = Rekomendasi(
        unit=unit,
        tahun=tahun,
        komponen=komponen.strip(),
        rekomendasi=rekomendasi.strip(),
        batas_waktu=batas_waktu,
    )
    r._history_user = user  # type: ignore[attr-defined]
    r.save()
    return r


@transaction.atomic
def simpan_tindak_lanjut(
    user: object,
    rekomendasi: Rekomendasi,
    tindak_lanjut: str,
    status: str,
    eviden: Iterable[int] = (),
) -> Rekomendasi:
    """The unit's follow-up: what was done, sudah/belum, and evidence from its library."""
    if not (boleh_isi_mandiri(user, rekomendasi.unit) or boleh_menilai(user, rekomendasi.unit)):
        raise PermissionDenied(
            f"Hanya {rekomendasi.unit} atau evaluator yang dapat menindaklanjuti."
        )
    if status not in StatusTindakLanjut.values:
        raise DitolakError(f"Status {status!r} tidak dikenal (sudah/belum).")
    if status == StatusTindakLanjut.SUDAH and not tindak_lanjut.strip():
        raise DitolakError("Uraikan tindak lanjutnya sebelum menandai rekomendasi sudah.")
    ids = set(eviden)
    pustaka = Eviden.objects.filter(
        indikator__unit_id__in=rekomendasi.unit.keturunan_ids(), pk__in=ids
    )
    if pustaka.count() != len(ids):
        raise DitolakError(f"Data dukung harus dari pustaka data dukung {rekomendasi.unit}.")
    rekomendasi.tindak_lanjut = tindak_lanjut.strip()
    rekomendasi.status = status
    rekomendasi._history_user = user  # type: ignore[attr-defined]
    rekomendasi.save()
    rekomendasi.eviden.set(pustaka)
    return rekomendasi


def nilai_lke(evaluasi: EvaluasiAKIP, pihak: str = EVALUATOR) -> Decimal | None:
    """The worksheet's nilai from one side's answers (None until complete)."""
    struktur = struktur_lembar(evaluasi.lembar)
    return skor_dari(struktur, {j.kriteria_id: j for j in evaluasi.jawaban.all()}, pihak).nilai
