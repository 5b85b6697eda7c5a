"""The import/export page: blank template, a unit's data as Excel, and upload to import.

The upload goes through the same service as ``sakip import`` with the user passed
in, so a row of a unit the user may not change is refused like any bad row; the
import lands whole or not at all, and the refusal lists every bad row.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from sakip.core.konteks import unit_aktif
from sakip.impor.berkas import Dataset, baca_json, baca_xlsx, baca_yaml, tulis_xlsx
from sakip.impor.ekspor import export_dataset
from sakip.impor.forms import FormEkspor, FormUnggah
from sakip.impor.services import ImporGagal, import_dataset
from sakip.impor.skema import LEMBAR
from sakip.organisasi.akses import unit_atau_404, unit_ids_untuk

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _boleh_impor(user: object) -> bool:
    """Whether the user may change any unit at all (admin, perencana, operator)."""
    return unit_ids_untuk(user, "change") != set()


def _unduhan(isi: bytes, nama: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


@login_required
def halaman(request: HttpRequest) -> HttpResponse:
    aktif = unit_aktif(request)
    konteks = {
        "form_unggah": FormUnggah(),
        "form_ekspor": FormEkspor(user=request.user, initial={"unit": aktif}),
        "boleh_impor": _boleh_impor(request.user),
        "lembar": LEMBAR,
    }
    return render(request, "impor/halaman.html", konteks)


@login_required
def templat(request: HttpRequest) -> HttpResponse:
    """The blank workbook: instructions sheet and every sheet with its header row."""
    return _unduhan(tulis_xlsx({}, kosong=True), "templat-sakip.xlsx")


@login_required
def ekspor(request: HttpRequest) -> HttpResponse:
    """A unit's data (with the units below it) as a workbook that imports back."""
    form = FormEkspor(request.GET, user=request.user)
    # A unit outside the user's units is 404, like any other screen, not a form error.
    unit = unit_atau_404(request.user, request.GET.get("unit", ""), "view")
    if not form.is_valid():
        konteks = {
            "form_unggah": FormUnggah(),
            "form_ekspor": form,
            "boleh_impor": _boleh_impor(request.user),
            "lembar": LEMBAR,
        }
        return render(request, "impor/halaman.html", konteks, status=422)
    tahun = form.cleaned_data["tahun"]
    data = export_dataset(unit, tahun)
    nama = f"sakip-{slugify(unit.slug)}{f'-{tahun}' if tahun else ''}.xlsx"
    return _unduhan(tulis_xlsx(data), nama)


def _baca(berkas: object) -> Dataset:
    nama = getattr(berkas, "name", "berkas")
    isi = berkas.read()  # type: ignore[attr-defined]
    akhiran = Path(nama).suffix.lower()
    if akhiran == ".xlsx":
        return baca_xlsx(isi)
    if akhiran == ".json":
        return baca_json(isi, nama)
    return baca_yaml(isi, nama)


@login_required
@require_POST
def unggah(request: HttpRequest) -> HttpResponse:
    """Import an uploaded workbook in one transaction; report every bad row, or a summary."""
    if not _boleh_impor(request.user):
        raise PermissionDenied("Hanya admin, perencana atau operator yang dapat mengimpor data.")
    form = FormUnggah(request.POST, request.FILES)
    konteks: dict[str, object] = {"form_unggah": form}
    status = 200
    if form.is_valid():
        berkas = form.cleaned_data["berkas"]
        konteks["nama_berkas"] = berkas.name
        try:
            hasil = import_dataset(_baca(berkas), request.user)
        except ImporGagal as gagal:
            konteks["galat"] = gagal.galat
            status = 422
        else:
            konteks["hasil"] = hasil
            konteks["rincian"] = sorted(hasil.jumlah.items())
    else:
        status = 422
    if request.htmx:  # type: ignore[attr-defined]
        # htmx swaps only 2xx answers; the report is the answer either way.
        return render(request, "impor/_hasil.html", konteks)
    aktif = unit_aktif(request)
    konteks |= {
        "form_ekspor": FormEkspor(user=request.user, initial={"unit": aktif}),
        "boleh_impor": True,
        "lembar": LEMBAR,
    }
    return render(request, "impor/halaman.html", konteks, status=status)
