"""The AKIP evaluation screens: overview, worksheet (self-assessment beside the evaluator),
lock, history table, PD recap, recommendations and their follow-up.

Views stay thin: reads are :mod:`.selectors`, writes :mod:`.services`. Another unit's
evaluation answers 404; a role that may not act answers 403; a locked worksheet refuses.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from sakip.core.konteks import unit_aktif
from sakip.evaluasi import berkas, selectors
from sakip.evaluasi.forms import (
    FormBuatEvaluasi,
    FormKunci,
    FormRekomendasi,
    FormTindakLanjut,
    baca_isian,
)
from sakip.evaluasi.models import EvaluasiAKIP, KriteriaLKE, Rekomendasi
from sakip.evaluasi.services import (
    EVALUATOR,
    MANDIRI,
    boleh_isi_mandiri,
    boleh_menilai,
    buat_evaluasi,
    kunci_evaluasi,
    simpan_jawaban,
    simpan_tindak_lanjut,
    tambah_rekomendasi,
    wajib_evaluator,
    wajib_unit,
)
from sakip.organisasi.akses import boleh, unit_atau_404
from sakip.organisasi.models import JenisUnit, Unit
from sakip.pengukuran.services import DitolakError


def _pemda_dari(unit: Unit | None) -> Unit | None:
    while unit is not None and unit.jenis != JenisUnit.PEMDA:
        unit = unit.induk
    return unit


def _konteks_awal(request: HttpRequest, form: FormBuatEvaluasi | None = None) -> dict[str, Any]:
    if form is None:
        aktif = unit_aktif(request)
        form = FormBuatEvaluasi(user=request.user, initial={"unit": aktif.slug if aktif else None})
    tahun, unit = selectors.ringkasan(request.user)
    aktif = unit_aktif(request)
    pemda = _pemda_dari(aktif)
    return {
        "tahun": tahun,
        "ringkasan": unit,
        "form": form,
        "boleh_buat": form.fields["unit"].queryset.exists(),
        "pemda": pemda,
        "tahun_rekap": selectors.tahun_rekap(pemda) if pemda else [],
    }


@login_required
def awal(request: HttpRequest) -> HttpResponse:
    """The evaluation overview of the user's units and years, with "Buka LKE"."""
    return render(request, "evaluasi/awal.html", _konteks_awal(request))


@login_required
@require_POST
def buat(request: HttpRequest) -> HttpResponse:
    unit = unit_atau_404(request.user, request.POST.get("unit", ""), "view")
    form = FormBuatEvaluasi(request.POST, user=request.user)
    if form.is_valid():
        try:
            evaluasi = buat_evaluasi(
                request.user, unit, form.cleaned_data["tahun"], form.cleaned_data["lembar"]
            )
        except DitolakError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{evaluasi} dibuka pada {evaluasi.lembar}.")
            return redirect("evaluasi:lembar", pk=evaluasi.pk)
    return render(request, "evaluasi/awal.html", _konteks_awal(request, form), status=422)


def _konteks_lembar(request: HttpRequest, evaluasi: EvaluasiAKIP, **lain: Any) -> dict[str, Any]:
    isian = selectors.isian_lembar(evaluasi)
    menilai = boleh_menilai(request.user, evaluasi.unit)
    konteks = {
        "evaluasi": evaluasi,
        "isian": isian,
        "ubah_mandiri": boleh_isi_mandiri(request.user, evaluasi.unit) and not evaluasi.terkunci,
        "ubah_evaluator": menilai and not evaluasi.terkunci,
        "form_kunci": FormKunci(),
    }
    konteks.update(lain)
    return konteks


@login_required
def lembar(request: HttpRequest, pk: int) -> HttpResponse:
    """The worksheet: per criterion the unit's answer, the evaluator's, the difference, evidence."""
    evaluasi = selectors.evaluasi_atau_404(request.user, pk)
    return render(request, "evaluasi/lembar.html", _konteks_lembar(request, evaluasi))


@login_required
@require_POST
def simpan(request: HttpRequest, pk: int, pihak: str) -> HttpResponse:
    """Save one side's answers: ``mandiri`` (the unit) or ``evaluator``."""
    evaluasi = selectors.evaluasi_atau_404(request.user, pk)
    if pihak == MANDIRI:
        wajib_unit(request.user, evaluasi.unit)
    elif pihak == EVALUATOR:
        wajib_evaluator(request.user, evaluasi.unit)
    else:
        raise Http404("Pihak tidak dikenal.")
    kriteria = KriteriaLKE.objects.filter(sub__komponen__lembar=evaluasi.lembar_id)
    try:
        n = simpan_jawaban(request.user, evaluasi, baca_isian(request.POST, kriteria, pihak), pihak)
    except DitolakError as exc:
        konteks = _konteks_lembar(request, evaluasi, galat=str(exc))
        return render(request, "evaluasi/lembar.html", konteks, status=409)
    label = "Penilaian mandiri" if pihak == MANDIRI else "Penilaian evaluator"
    messages.success(request, f"{label} tersimpan ({n} perubahan).")
    return redirect("evaluasi:lembar", pk=evaluasi.pk)


@login_required
@require_POST
def kunci(request: HttpRequest, pk: int) -> HttpResponse:
    """The LHE is issued: lock, and the worksheet's scores become the unit's result."""
    evaluasi = selectors.evaluasi_atau_404(request.user, pk)
    wajib_evaluator(request.user, evaluasi.unit)
    form = FormKunci(request.POST)
    if form.is_valid():
        try:
            hasil = kunci_evaluasi(
                request.user,
                evaluasi,
                form.cleaned_data["nomor_lhe"],
                form.cleaned_data["tanggal_lhe"],
            )
        except DitolakError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"{evaluasi} dikunci; nilai {hasil.nilai()} ({hasil.predikat()})."
            )
            return redirect("evaluasi:lembar", pk=evaluasi.pk)
    konteks = _konteks_lembar(request, evaluasi, form_kunci=form)
    return render(request, "evaluasi/lembar.html", konteks, status=409)


def _tahun_param(request: HttpRequest, nama: str) -> int | None:
    nilai = request.GET.get(nama, "")
    return int(nilai) if nilai.isdigit() else None


@login_required
def riwayat(request: HttpRequest, unit: str) -> HttpResponse:
    """The multi-year history with the change column (seed 000 Tabel 3.1)."""
    u = unit_atau_404(request.user, unit, "view")
    dari, sampai = _tahun_param(request, "dari"), _tahun_param(request, "sampai")
    data = selectors.riwayat_evaluasi(u, dari, sampai)
    return render(
        request,
        "evaluasi/riwayat.html",
        {"r": data, "unit": u, "query": request.GET.urlencode(), "dari": dari, "sampai": sampai},
    )


@login_required
def riwayat_xlsx(request: HttpRequest, unit: str) -> HttpResponse:
    u = unit_atau_404(request.user, unit, "view")
    data = selectors.riwayat_evaluasi(
        u, _tahun_param(request, "dari"), _tahun_param(request, "sampai")
    )
    return _xlsx(berkas.xlsx_riwayat(data), f"riwayat-evaluasi-{u.slug}.xlsx")


@login_required
def rekap(request: HttpRequest, pemda: str, tahun: int) -> HttpResponse:
    """All PD of a Pemda: predikat distribution, list by cluster, share ≥ BB vs last year."""
    p = selectors.pemda_atau_404(request.user, pemda)
    return render(
        request,
        "evaluasi/rekap.html",
        {"r": selectors.rekap_pd(p, tahun), "tahun_rekap": selectors.tahun_rekap(p)},
    )


@login_required
def rekap_xlsx(request: HttpRequest, pemda: str, tahun: int) -> HttpResponse:
    p = selectors.pemda_atau_404(request.user, pemda)
    return _xlsx(
        berkas.xlsx_rekap(selectors.rekap_pd(p, tahun)), f"rekap-sakip-{p.slug}-{tahun}.xlsx"
    )


def _xlsx(isi: bytes, nama: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=berkas.JENIS_XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


# --- recommendations ---------------------------------------------------------------------


def _konteks_rekomendasi(request: HttpRequest, unit: Unit, **lain: Any) -> dict[str, Any]:
    daftar = selectors.rekomendasi_unit(unit)
    ubah = boleh_isi_mandiri(request.user, unit) or boleh_menilai(request.user, unit)
    konteks: dict[str, Any] = {
        "unit": unit,
        "daftar": [
            (
                r,
                FormTindakLanjut(unit=unit, prefix=f"r{r.pk}", initial=_awal_tl(r))
                if ubah
                else None,
            )
            for r in daftar
        ],
        "boleh_tambah": boleh_menilai(request.user, unit),
        "form": FormRekomendasi(),
    }
    konteks.update(lain)
    return konteks


def _awal_tl(r: Rekomendasi) -> dict[str, Any]:
    return {
        "tindak_lanjut": r.tindak_lanjut,
        "status": r.status,
        "eviden": [e.pk for e in r.eviden.all()],
    }


@login_required
def rekomendasi(request: HttpRequest, unit: str) -> HttpResponse:
    """A unit's LHE recommendations per component with their follow-up."""
    u = unit_atau_404(request.user, unit, "view")
    return render(request, "evaluasi/rekomendasi.html", _konteks_rekomendasi(request, u))


@login_required
@require_POST
def rekomendasi_tambah(request: HttpRequest, unit: str) -> HttpResponse:
    u = unit_atau_404(request.user, unit, "view")
    wajib_evaluator(request.user, u)
    form = FormRekomendasi(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            tambah_rekomendasi(
                request.user, u, d["tahun"], d["komponen"], d["rekomendasi"], d["batas_waktu"]
            )
        except DitolakError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Rekomendasi ditambahkan.")
            return redirect("evaluasi:rekomendasi", unit=u.slug)
    konteks = _konteks_rekomendasi(request, u, form=form)
    return render(request, "evaluasi/rekomendasi.html", konteks, status=422)


@login_required
@require_POST
def tindak_lanjut(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_object_or_404(Rekomendasi.objects.select_related("unit"), pk=pk)
    if not boleh(request.user, r.unit_id):
        raise Http404("Rekomendasi tidak ditemukan atau bukan wewenang Anda.")
    form = FormTindakLanjut(request.POST, unit=r.unit, prefix=f"r{r.pk}")
    galat = None
    if form.is_valid():
        d = form.cleaned_data
        try:
            simpan_tindak_lanjut(
                request.user, r, d["tindak_lanjut"], d["status"], [e.pk for e in d["eviden"]]
            )
        except DitolakError as exc:
            galat = str(exc)
        else:
            messages.success(request, "Tindak lanjut tersimpan.")
            return redirect("evaluasi:rekomendasi", unit=r.unit.slug)
    else:
        galat = "Periksa isian tindak lanjut."
    konteks = _konteks_rekomendasi(request, r.unit, galat=galat)
    return render(request, "evaluasi/rekomendasi.html", konteks, status=422)


@login_required
def terbuka(request: HttpRequest) -> HttpResponse:
    """Open recommendations (belum) per unit the user may see."""
    return render(
        request, "evaluasi/terbuka.html", {"kelompok": selectors.rekomendasi_terbuka(request.user)}
    )
