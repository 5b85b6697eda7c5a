"""The planner's Renstra/IKU screens: the list, the tree, and the edit forms.

Reads come from :mod:`.selectors`, writes go through :mod:`.services`. A Renstra
of a unit the user may not see answers 404; a read-only role answers 403 on every
edit screen, before any form is shown or stored.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from sakip.organisasi.akses import boleh_peran, wajib_peran
from sakip.pengukuran.services import DitolakError
from sakip.perencanaan import selectors
from sakip.perencanaan.forms import FormIndikator, FormSasaran, FormTargetTahunan, FormTujuan
from sakip.perencanaan.models import Indikator, Renstra, Sasaran, Tujuan
from sakip.perencanaan.services import (
    PERAN_PERENCANA,
    simpan_indikator,
    simpan_sasaran,
    simpan_target_tahunan,
    simpan_tujuan,
)


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    """The Renstra of the user's units, with period and counts."""
    return render(
        request, "perencanaan/daftar.html", {"renstra": selectors.renstra_terlihat(request.user)}
    )


@login_required
def renstra(request: HttpRequest, kode: str) -> HttpResponse:
    """The Renstra tree: tujuan → sasaran → indicators; program → kegiatan → sub kegiatan."""
    r = selectors.renstra_atau_404(request.user, kode)
    konteks = {
        "pohon": selectors.pohon_renstra(r),
        "renstra": r,
        "boleh_ubah": boleh_peran(request.user, r.unit_id, PERAN_PERENCANA),
    }
    return render(request, "perencanaan/renstra.html", konteks)


def _renstra_ubah(request: HttpRequest, kode: str) -> Renstra:
    """The Renstra to edit: 404 outside the user's units, 403 for a read-only role."""
    r = selectors.renstra_atau_404(request.user, kode)
    wajib_peran(request.user, r.unit, PERAN_PERENCANA, "mengubah Renstra")
    return r


def _ke_pohon(r: Renstra, jangkar: str) -> HttpResponse:
    return redirect(reverse("perencanaan:renstra", args=[r.kode]) + f"#{jangkar}")


def _simpan_form(
    request: HttpRequest,
    form: BaseForm,
    simpan: Any,
) -> Model | None:
    """Run a service on a valid form; its ValidationError lands on the form's fields."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return simpan(request.user, form.save(commit=False))  # type: ignore[attr-defined]
    except ValidationError as exc:
        for kolom, pesan in exc.message_dict.items():
            form.add_error(kolom if kolom in form.fields else None, pesan)
    except DitolakError as exc:
        form.add_error(None, str(exc))
    return None


def _halaman_form(
    request: HttpRequest, r: Renstra, form: BaseForm, judul: str, objek: Model | None = None
) -> HttpResponse:
    status = 422 if request.method == "POST" else 200
    konteks = {
        "renstra": r,
        "form": form,
        "judul": judul,
        "objek": objek,
        "jenis_riwayat": objek._meta.model_name if objek is not None else None,
    }
    return render(request, "perencanaan/form.html", konteks, status=status)


@login_required
def tujuan(request: HttpRequest, kode: str, pk: int | None = None) -> HttpResponse:
    """Add (no ``pk``) or edit a tujuan."""
    r = _renstra_ubah(request, kode)
    objek = get_object_or_404(Tujuan, pk=pk, renstra=r) if pk else Tujuan(renstra=r)
    form = FormTujuan(request.POST or None, instance=objek, renstra=r)
    if (hasil := _simpan_form(request, form, simpan_tujuan)) is not None:
        messages.success(request, f"Tujuan {hasil.kode} disimpan.")
        return _ke_pohon(r, f"tujuan-{hasil.pk}")
    judul = f"Ubah tujuan {objek.kode}" if pk else "Tambah tujuan"
    return _halaman_form(request, r, form, judul, objek if pk else None)


@login_required
def sasaran(request: HttpRequest, kode: str, pk: int | None = None) -> HttpResponse:
    """Add (no ``pk``) or edit a sasaran strategis."""
    r = _renstra_ubah(request, kode)
    objek = get_object_or_404(Sasaran, pk=pk, renstra=r) if pk else Sasaran(renstra=r)
    awal = {"tujuan": request.GET.get("tujuan")} if not pk else None
    form = FormSasaran(request.POST or None, instance=objek, renstra=r, initial=awal)
    if (hasil := _simpan_form(request, form, simpan_sasaran)) is not None:
        messages.success(request, f"Sasaran {hasil.kode} disimpan.")
        return _ke_pohon(r, f"sasaran-{hasil.pk}")
    judul = f"Ubah sasaran {objek.kode}" if pk else "Tambah sasaran"
    return _halaman_form(request, r, form, judul, objek if pk else None)


@login_required
def indikator(request: HttpRequest, kode: str, pk: int | None = None) -> HttpResponse:
    """Add (no ``pk``; ``?induk=sasaran:12`` preselects the parent) or edit an indicator."""
    r = _renstra_ubah(request, kode)
    objek = selectors.indikator_atau_404(r, pk) if pk else Indikator(renstra=r, unit=r.unit)
    awal: dict[str, Any] = {}
    if not pk and (induk := request.GET.get("induk", "")):
        awal = {"induk": induk, "tingkat": induk.partition(":")[0]}
    form = FormIndikator(
        request.POST or None,
        instance=objek,
        renstra=r,
        pilihan_induk=selectors.pilihan_induk(r),
        initial=awal,
    )
    if (hasil := _simpan_form(request, form, simpan_indikator)) is not None:
        messages.success(request, f"Indikator {hasil.kode} disimpan.")
        return _ke_pohon(r, f"indikator-{hasil.pk}")
    judul = f"Ubah indikator {objek.kode}" if pk else "Tambah indikator"
    return _halaman_form(request, r, form, judul, objek if pk else None)


@login_required
def target(request: HttpRequest, kode: str, pk: int) -> HttpResponse:
    """The indicator's target for every year of the Renstra, in one form."""
    r = _renstra_ubah(request, kode)
    ind = selectors.indikator_atau_404(r, pk)
    sekarang = {t.tahun: t.nilai for t in ind.target.filter(periode="TAHUN")}
    awal = {f"target_{th}": nilai for th, nilai in sekarang.items()}
    form = FormTargetTahunan(request.POST or None, indikator=ind, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            simpan_target_tahunan(request.user, ind, form.target_per_tahun())
        except ValidationError as exc:
            for kolom, pesan in exc.message_dict.items():
                form.add_error(kolom if kolom in form.fields else None, pesan)
        except DitolakError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Target {ind.kode} disimpan.")
            return _ke_pohon(r, f"indikator-{ind.pk}")
    return _halaman_form(request, r, form, f"Target {ind.kode}", ind)
