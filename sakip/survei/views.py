"""Survey screens: overview, annual/parent table, results of a semester, import, template, export.

Views stay thin: reads are :mod:`.selectors`, writes :mod:`.services`. Another
unit's pages answer 404; only the unit's operators and planners (and admin) import
its responses, read-only roles get 403 there.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sakip.impor.services import ImporGagal
from sakip.organisasi.akses import boleh_peran, unit_atau_404, unit_ids_peran, wajib_peran
from sakip.organisasi.models import Unit
from sakip.survei import selectors
from sakip.survei.forms import FormTahun, FormUnggahTanggapan
from sakip.survei.models import SEMESTER
from sakip.survei.services import PERAN_PENGIMPOR, ekspor_xlsx, impor_tanggapan, tulis_templat

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _unduhan(isi: bytes, nama: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons


def _periksa(tahun: int, periode: str | None = None) -> None:
    if not 2000 <= tahun <= 2100 or (periode is not None and periode not in dict(SEMESTER)):
        raise Http404("Tahun atau semester tidak dikenal.")


def _unit_pengimpor(user: object) -> list[Unit]:
    ids = unit_ids_peran(user, PERAN_PENGIMPOR)
    qs = Unit.objects.order_by("urutan", "nama")
    return list(qs if ids is None else qs.filter(pk__in=ids))


@login_required
def awal(request: HttpRequest) -> HttpResponse:
    """The survey overview of the user's units for a year, with links to import."""
    ada = selectors.tahun_survei(request.user)
    pilihan = sorted(set(ada) | {dt.date.today().year}, reverse=True)
    bawaan = ada[0] if ada else pilihan[0]  # the latest year with results
    form = FormTahun(request.GET or None, tahun=pilihan)
    tahun = form.cleaned_data["tahun"] if form.is_bound and form.is_valid() else bawaan
    if not form.is_bound:
        form = FormTahun(initial={"tahun": tahun}, tahun=pilihan)
    tabel = [
        (akar, selectors.tabel_tahunan(akar, tahun)) for akar in selectors.unit_akar(request.user)
    ]
    konteks = {
        "form": form,
        "tahun": tahun,
        "tabel": tabel,
        "unit_impor": _unit_pengimpor(request.user),
        "semester": SEMESTER,
    }
    return render(request, "survei/awal.html", konteks)


@login_required
def tabel(request: HttpRequest, slug: str, tahun: int) -> HttpResponse:
    """IKM per semester and year of a unit and the units below it (Setda = mean of its Biro)."""
    _periksa(tahun)
    unit = unit_atau_404(request.user, slug, "view")
    konteks = {
        "unit": unit,
        "tahun": tahun,
        "baris": selectors.tabel_tahunan(unit, tahun),
        "semester": SEMESTER,
        "boleh_impor": boleh_peran(request.user, unit.pk, PERAN_PENGIMPOR),
    }
    return render(request, "survei/tabel.html", konteks)


@login_required
def tabel_xlsx(request: HttpRequest, slug: str, tahun: int) -> HttpResponse:
    _periksa(tahun)
    unit = unit_atau_404(request.user, slug, "view")
    return _unduhan(ekspor_xlsx(unit, tahun), f"ikm-{unit.slug}-{tahun}.xlsx")


@login_required
def hasil(request: HttpRequest, slug: str, tahun: int, periode: str) -> HttpResponse:
    """Unsur averages, IKM, mutu, three lowest unsur and respondent profile of one semester."""
    _periksa(tahun, periode)
    unit = unit_atau_404(request.user, slug, "view")
    konteks = {
        "h": selectors.hasil_semester(unit, tahun, periode),
        "unit": unit,
        "boleh_impor": boleh_peran(request.user, unit.pk, PERAN_PENGIMPOR),
    }
    return render(request, "survei/hasil.html", konteks)


@login_required
def impor(request: HttpRequest, slug: str, tahun: int, periode: str) -> HttpResponse:
    """Upload a unit's responses of a semester: all land, or every bad row is listed."""
    _periksa(tahun, periode)
    unit = unit_atau_404(request.user, slug, "view")
    wajib_peran(request.user, unit, PERAN_PENGIMPOR, "mengimpor tanggapan survei")
    konteks: dict[str, object] = {
        "unit": unit,
        "tahun": tahun,
        "periode": periode,
        "label_periode": dict(SEMESTER)[periode],
    }
    status = 200
    if request.method == "POST":
        form = FormUnggahTanggapan(request.POST, request.FILES)
        if form.is_valid():
            berkas = form.cleaned_data["berkas"]
            konteks["nama_berkas"] = berkas.name
            try:
                hasil = impor_tanggapan(
                    unit, tahun, periode, berkas.read(), berkas.name, user=request.user
                )
            except ImporGagal as gagal:
                konteks["galat"] = gagal.galat
                status = 422
            else:
                messages.success(
                    request,
                    f"{hasil.jumlah} tanggapan diimpor"
                    f"{f' (menggantikan {hasil.diganti})' if hasil.diganti else ''}; "
                    f"IKM {unit} {dict(SEMESTER)[periode]} {tahun} dihitung ulang.",
                )
                return redirect("survei:hasil", slug=unit.slug, tahun=tahun, periode=periode)
        else:
            status = 422
    else:
        form = FormUnggahTanggapan()
    konteks["form"] = form
    return render(request, "survei/impor.html", konteks, status=status)


@login_required
def templat(request: HttpRequest) -> HttpResponse:
    """The blank response workbook with its instruction sheet."""
    return _unduhan(tulis_templat(), "templat-tanggapan-skm.xlsx")
