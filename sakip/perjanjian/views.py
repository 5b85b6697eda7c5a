"""The PK wizard: list, draft from the Renstra, adjust targets and budget, sign, revise, print.

Views stay thin: reads are :mod:`.selectors`, writes :mod:`.services`. A PK of a
unit the user may not see answers 404; a read-only role answers 403 on any write.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sakip.core.konteks import unit_aktif
from sakip.organisasi.akses import boleh_peran, unit_atau_404, wajib_peran
from sakip.pengukuran.services import DitolakError
from sakip.perjanjian import selectors
from sakip.perjanjian.forms import (
    PERAN_PENYUSUN,
    FormBuatPK,
    FormPagu,
    FormPenandatangan,
    FormTambahAnggaran,
    FormTandaTangan,
    FormTargetPK,
)
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget
from sakip.perjanjian.services import (
    buat_pk,
    hapus_anggaran,
    revisi_baru,
    tanda_tangani,
    ubah_anggaran,
    ubah_penandatangan,
    ubah_target,
)


def _konteks_daftar(request: HttpRequest, form: FormBuatPK | None = None) -> dict[str, Any]:
    if form is None:
        aktif = unit_aktif(request)
        form = FormBuatPK(user=request.user, initial={"unit": aktif.slug if aktif else None})
    return {
        "kelompok": selectors.daftar_pk(request.user),
        "form": form,
        "boleh_buat": form.fields["unit"].queryset.exists(),
    }


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    """The PKs of the user's units, grouped by unit and year, with the "Buat PK" form."""
    return render(request, "perjanjian/daftar.html", _konteks_daftar(request))


@login_required
@require_POST
def buat(request: HttpRequest) -> HttpResponse:
    """Draft a PK from the Renstra targets of the year (perencana/admin of the unit)."""
    unit = unit_atau_404(request.user, request.POST.get("unit", ""), "view")
    wajib_peran(request.user, unit, PERAN_PENYUSUN, "menyusun Perjanjian Kinerja")
    form = FormBuatPK(request.POST, user=request.user)
    if form.is_valid():
        try:
            pk = buat_pk(unit, form.cleaned_data["tahun"], user=request.user)
        except DitolakError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"{pk} disusun sebagai draf dari target Renstra tahun {pk.tahun}."
            )
            return redirect("perjanjian:detail", pk=pk.pk)
    return render(request, "perjanjian/daftar.html", _konteks_daftar(request, form), status=422)


def _pk_ubah(request: HttpRequest, pk_id: int) -> PerjanjianKinerja:
    """The PK to change: 404 outside the user's units, 403 for a read-only role."""
    pk = selectors.pk_atau_404(request.user, pk_id)
    wajib_peran(request.user, pk.unit, PERAN_PENYUSUN, "mengubah Perjanjian Kinerja")
    return pk


def _konteks_detail(request: HttpRequest, pk: PerjanjianKinerja, **form: Any) -> dict[str, Any]:
    boleh_ubah = boleh_peran(request.user, pk.unit_id, PERAN_PENYUSUN)
    riwayat = selectors.riwayat_revisi(pk)
    program = selectors.program_pk(pk) if boleh_ubah and not pk.terkunci else []
    konteks: dict[str, Any] = {
        "pk": pk,
        "boleh_ubah": boleh_ubah,
        "dapat_diubah": boleh_ubah and not pk.terkunci,
        "terbaru": riwayat[0].pk == pk.pk,
        "riwayat": riwayat,
        "perbedaan": selectors.perbedaan_target(pk),
        "baris_target": selectors.baris_target(pk),
        "anggaran": selectors.baris_anggaran(pk),
        "form_tambah": FormTambahAnggaran(program=program),
        "form_penandatangan": FormPenandatangan(instance=pk),
        "form_tanda_tangan": FormTandaTangan(pk=pk),
        "galat_target": {},
    }
    konteks["total_pagu"] = sum((a.pagu for a in konteks["anggaran"]), start=0)
    konteks.update(form)
    return konteks


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The wizard: 1 targets, 2 budget, 3 signatories, 4 sign and lock; history and diff."""
    dokumen = selectors.pk_atau_404(request.user, pk)
    return render(request, "perjanjian/detail.html", _konteks_detail(request, dokumen))


def _ke_langkah(pk: PerjanjianKinerja, langkah: str) -> HttpResponse:
    return redirect(reverse("perjanjian:detail", args=[pk.pk]) + f"#langkah-{langkah}")


@login_required
@require_POST
def target(request: HttpRequest, pk: int, indikator: int) -> HttpResponse:
    """Change one agreed target; HTMX swaps just the row, with the error beside the input."""
    dokumen = _pk_ubah(request, pk)
    baris = get_object_or_404(
        PKTarget.objects.select_related("indikator", "indikator__sasaran"),
        pk_dokumen=dokumen,
        indikator_id=indikator,
    )
    form = FormTargetPK(request.POST, prefix=f"t{baris.indikator_id}")
    if form.is_valid():
        try:
            baris = ubah_target(
                dokumen, baris.indikator, form.cleaned_data["target"], user=request.user
            )
        except DitolakError as exc:
            form.add_error("target", str(exc))
    tersimpan = form.is_valid()
    if request.htmx:  # type: ignore[attr-defined]
        konteks = {
            "pk": dokumen,
            "b": selectors.satu_baris_target(dokumen, baris),
            "dapat_diubah": not dokumen.terkunci,
            "form": None if tersimpan else form,
            "tersimpan": tersimpan,
        }
        return render(request, "perjanjian/_baris_target.html", konteks)
    if tersimpan:
        messages.success(request, f"Target {baris.indikator.kode} disimpan: {baris.target}.")
        return _ke_langkah(dokumen, "target")
    galat = {baris.indikator_id: form}
    konteks = _konteks_detail(request, dokumen, galat_target=galat)
    return render(request, "perjanjian/detail.html", konteks, status=422)


@login_required
@require_POST
def anggaran(request: HttpRequest, pk: int, baris: int) -> HttpResponse:
    """Change the pagu of one budget line (HTMX: the row alone)."""
    dokumen = _pk_ubah(request, pk)
    objek = get_object_or_404(
        PKAnggaran.objects.select_related("program", "program__unit", "kegiatan"),
        pk=baris,
        pk_dokumen=dokumen,
    )
    form = FormPagu(request.POST, prefix=f"a{objek.pk}")
    if form.is_valid():
        try:
            objek = ubah_anggaran(
                dokumen, objek.program, objek.kegiatan, form.cleaned_data["pagu"], request.user
            )
        except DitolakError as exc:
            form.add_error("pagu", str(exc))
    tersimpan = form.is_valid()
    if request.htmx:  # type: ignore[attr-defined]
        konteks = {
            "pk": dokumen,
            "a": objek,
            "dapat_diubah": not dokumen.terkunci,
            "form": None if tersimpan else form,
            "tersimpan": tersimpan,
        }
        return render(request, "perjanjian/_baris_anggaran.html", konteks)
    if tersimpan:
        messages.success(request, "Pagu disimpan.")
    else:
        messages.error(request, "; ".join(form.errors.get("pagu", ["Pagu tidak disimpan."])))
    return _ke_langkah(dokumen, "anggaran")


@login_required
@require_POST
def anggaran_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach a budget line (program, optionally one kegiatan) to a draft."""
    dokumen = _pk_ubah(request, pk)
    form = FormTambahAnggaran(request.POST, program=selectors.program_pk(dokumen))
    if form.is_valid():
        d = form.cleaned_data
        try:
            ubah_anggaran(dokumen, d["program"], d["kegiatan"], d["pagu"], request.user)
        except DitolakError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Anggaran program {d['program'].kode} disimpan.")
            return _ke_langkah(dokumen, "anggaran")
    konteks = _konteks_detail(request, dokumen, form_tambah=form)
    return render(request, "perjanjian/detail.html", konteks, status=422)


@login_required
@require_POST
def anggaran_hapus(request: HttpRequest, pk: int, baris: int) -> HttpResponse:
    dokumen = _pk_ubah(request, pk)
    objek = get_object_or_404(PKAnggaran, pk=baris, pk_dokumen=dokumen)
    try:
        hapus_anggaran(dokumen, objek, request.user)
    except DitolakError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Baris anggaran dihapus.")
    return _ke_langkah(dokumen, "anggaran")


@login_required
@require_POST
def penandatangan(request: HttpRequest, pk: int) -> HttpResponse:
    """Save who signs (first and second party) on a draft."""
    dokumen = _pk_ubah(request, pk)
    form = FormPenandatangan(request.POST, instance=PerjanjianKinerja(pk=dokumen.pk))
    if form.is_valid():
        try:
            ubah_penandatangan(dokumen, form.cleaned_data, request.user)
        except DitolakError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Data penandatangan disimpan.")
        return _ke_langkah(dokumen, "penandatangan")
    konteks = _konteks_detail(request, dokumen, form_penandatangan=form)
    return render(request, "perjanjian/detail.html", konteks, status=422)


@login_required
@require_POST
def tandatangani(request: HttpRequest, pk: int) -> HttpResponse:
    """Sign and lock the draft, after an explicit confirmation."""
    dokumen = _pk_ubah(request, pk)
    form = FormTandaTangan(request.POST, pk=dokumen)
    if form.is_valid():
        try:
            dokumen = tanda_tangani(dokumen, form.cleaned_data["tanggal"], user=request.user)
        except DitolakError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"{dokumen} ditandatangani dan dikunci; perubahan melalui revisi baru."
            )
            return _ke_langkah(dokumen, "kunci")
    konteks = _konteks_detail(request, dokumen, form_tanda_tangan=form)
    return render(request, "perjanjian/detail.html", konteks, status=422)


@login_required
@require_POST
def revisi(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a new draft revision from the newest signed one."""
    dokumen = _pk_ubah(request, pk)
    try:
        baru = revisi_baru(dokumen, user=request.user)
    except DitolakError as exc:
        messages.error(request, str(exc))
        return redirect("perjanjian:detail", pk=dokumen.pk)
    messages.success(
        request, f"Revisi {baru.revisi} dibuat sebagai draf dari revisi {dokumen.revisi}."
    )
    return redirect("perjanjian:detail", pk=baru.pk)


@login_required
def cetak(request: HttpRequest, pk: int) -> HttpResponse:
    """The PK as its printed document: statement, targets, budget, signatures."""
    dokumen = selectors.pk_atau_404(request.user, pk)
    anggaran = selectors.baris_anggaran(dokumen)
    konteks = {
        "pk": dokumen,
        "baris_target": selectors.baris_target(dokumen),
        "anggaran": anggaran,
        "total_pagu": sum((a.pagu for a in anggaran), start=0),
    }
    return render(request, "perjanjian/cetak.html", konteks)
