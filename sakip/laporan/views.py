"""The report page: request a build, follow its progress, preview, download, finalise.

Views stay thin: building is :mod:`sakip.laporan.services`, run by the worker through
:mod:`sakip.laporan.tasks`. Another unit's report answers 404, never its data.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sakip.laporan import periksa as pk
from sakip.laporan.forms import FormPeriksaDokumen, FormPermintaan, FormTemplat
from sakip.laporan.models import LaporanFinal, PermintaanLaporan, StatusPermintaan, TemplatLaporan
from sakip.laporan.services import FORMAT, LaporanError, finalisasi, susun_dokumen
from sakip.laporan.tasks import buat_laporan_latar
from sakip.organisasi.akses import boleh, boleh_peran, peran_pengguna
from sakip.organisasi.models import Peran, Unit
from sakip.perjanjian.models import PerjanjianKinerja

# Finalising fixes the agency's official report; the planner (or an admin) does it.
PERAN_FINALISASI = {Peran.ADMIN, Peran.PERENCANA}


def _unit(request: HttpRequest, slug: str) -> Unit:
    unit = get_object_or_404(Unit, slug=slug)
    if not boleh(request.user, unit.pk, "view"):
        raise Http404("Unit tidak ditemukan.")
    return unit


def _boleh_finalisasi(request: HttpRequest, unit: Unit) -> bool:
    return boleh_peran(request.user, unit.pk, PERAN_FINALISASI)


def _unit_perencana(request: HttpRequest, slug: str, tindakan: str) -> Unit:
    """The unit for an action of its planner or admin: 404 when foreign, 403 for other roles."""
    u = _unit(request, slug)
    if not _boleh_finalisasi(request, u):
        raise PermissionDenied(f"Hanya perencana atau admin unit ini yang dapat {tindakan}.")
    return u


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    """Every unit and year the user may report on.

    A year is offered where the unit or a unit above it has a Perjanjian Kinerja: a
    Biro reports on the years of its Setda's PK even before it has one of its own.
    """
    induk = dict(Unit.objects.values_list("pk", "induk_id"))
    tahun_pk: dict[int, set[int]] = {}
    for unit_id, tahun in PerjanjianKinerja.objects.values_list("unit_id", "tahun").distinct():
        tahun_pk.setdefault(unit_id, set()).add(tahun)
    pasangan = []
    for u in Unit.objects.restrict(request.user).only("slug", "nama", "induk_id"):
        tahun: set[int] = set()
        node: int | None = u.pk
        while node is not None:
            tahun |= tahun_pk.get(node, set())
            node = induk.get(node)
        pasangan += [(t, u.slug, u.nama) for t in tahun]
    pasangan.sort(key=lambda p: (-p[0], p[2]))
    return render(request, "laporan/daftar.html", {"pasangan": pasangan})


@login_required
def halaman(request: HttpRequest, unit: str, tahun: int) -> HttpResponse:
    u = _unit(request, unit)
    konteks = {
        "unit": u,
        "tahun": tahun,
        "form": FormPermintaan(initial={"format": "docx"}),
        "permintaan": PermintaanLaporan.objects.filter(unit=u, tahun=tahun)[:8],
        "final": LaporanFinal.objects.filter(unit=u, tahun=tahun).defer("isi"),
        "boleh_finalisasi": _boleh_finalisasi(request, u),
        "form_templat": FormTemplat(),
        "templat": TemplatLaporan.objects.filter(unit=u).first(),
    }
    return render(request, "laporan/halaman.html", konteks)


@login_required
@require_POST
def buat(request: HttpRequest, unit: str, tahun: int) -> HttpResponse:
    u = _unit(request, unit)
    form = FormPermintaan(request.POST)
    if not form.is_valid():
        messages.error(request, "Pilih format laporan: Word, PDF, HTML atau Excel.")
        return redirect("laporan:halaman", unit=u.slug, tahun=tahun)
    p = form.save(commit=False)
    p.unit, p.tahun, p.diminta_oleh = u, tahun, request.user
    p.save()
    hasil = buat_laporan_latar.enqueue(p.pk)
    PermintaanLaporan.objects.filter(pk=p.pk).update(id_tugas=str(hasil.id))
    p.refresh_from_db()
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "laporan/_permintaan.html", {"p": p})
    messages.info(request, "Laporan sedang disusun; kemajuannya tampil di bawah.")
    return redirect("laporan:halaman", unit=u.slug, tahun=tahun)


def _permintaan(request: HttpRequest, pk: int) -> PermintaanLaporan:
    p = get_object_or_404(PermintaanLaporan.objects.select_related("unit"), pk=pk)
    if not boleh(request.user, p.unit_id, "view"):
        raise Http404("Permintaan tidak ditemukan.")
    return p


@login_required
def status(request: HttpRequest, pk: int) -> HttpResponse:
    """One request's row; while it runs, the row asks for itself again (HTMX polling)."""
    return render(request, "laporan/_permintaan.html", {"p": _permintaan(request, pk)})


@login_required
def unduh(request: HttpRequest, pk: int) -> FileResponse:
    p = _permintaan(request, pk)
    if p.status != StatusPermintaan.SELESAI or not p.berkas:
        raise Http404("Berkas laporan belum tersedia.")
    return FileResponse(
        p.berkas.open("rb"),
        as_attachment=p.format != "html",
        filename=p.nama_berkas,
        content_type=FORMAT[p.format][0],
    )


@login_required
def unduh_final(request: HttpRequest, pk: int) -> HttpResponse:
    f = get_object_or_404(LaporanFinal.objects.select_related("unit"), pk=pk)
    if not boleh(request.user, f.unit_id, "view"):
        raise Http404("Laporan tidak ditemukan.")
    respons = HttpResponse(bytes(f.isi), content_type=FORMAT["docx"][0])
    respons["Content-Disposition"] = f'attachment; filename="{f.nama_berkas}"'
    respons["X-Content-SHA256"] = f.sha256
    return respons


@login_required
def pratinjau(request: HttpRequest, unit: str, tahun: int) -> HttpResponse:
    """The whole report as HTML inside the app, built now from the current data."""
    from sakip.laporan.render_html import html_isi

    u = _unit(request, unit)
    hanya = request.GET.get("terverifikasi") == "1"
    try:
        dokumen, _templat = susun_dokumen(u, tahun, hanya_terverifikasi=hanya)
    except LaporanError as exc:
        messages.error(request, str(exc))
        return redirect("laporan:halaman", unit=u.slug, tahun=tahun)
    konteks = {"unit": u, "tahun": tahun, "isi": html_isi(dokumen), "terverifikasi": hanya}
    return render(request, "laporan/pratinjau.html", konteks)


@login_required
@require_POST
def final(request: HttpRequest, unit: str, tahun: int) -> HttpResponse:
    u = _unit_perencana(request, unit, "memfinalkan laporan")
    try:
        f = finalisasi(u, tahun, oleh=request.user)
    except LaporanError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"Laporan Tahun {tahun} difinalkan sebagai revisi {f.revisi} "
            f"(SHA-256 {f.sha256[:12]}…). Isinya tidak dapat diubah lagi.",
        )
    return redirect("laporan:halaman", unit=u.slug, tahun=tahun)


@login_required
@require_POST
def templat(request: HttpRequest, unit: str, tahun: int) -> HttpResponse:
    u = _unit_perencana(request, unit, "mengganti templat")
    lama = TemplatLaporan.objects.filter(unit=u).first()
    form = FormTemplat(request.POST, request.FILES, instance=lama)
    if form.is_valid():
        t = form.save(commit=False)
        t.unit = u
        t.save()
        messages.success(request, "Templat Word disimpan; laporan berikutnya memakainya.")
    else:
        for galat in form.errors.get("berkas", []):
            messages.error(request, f"Templat tidak disimpan: {galat}")
    return redirect("laporan:halaman", unit=u.slug, tahun=tahun)


# --- consistency checks (issue 8) -------------------------------------------------------

FORMAT_TEMUAN = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@login_required
def periksa(request: HttpRequest, unit: str, tahun: int) -> HttpResponse:
    """The findings on the unit's data and on its report as built now.

    Loaded by the report page after it has shown (HTMX); a whole page without it.
    """
    u = _unit(request, unit)
    kelompok, semua = pk.panel(u, tahun, reverse("laporan:pratinjau", args=[u.slug, tahun]))
    konteks = {
        "unit": u,
        "tahun": tahun,
        "kelompok": kelompok,
        "jumlah": len(semua),
        "boleh_terima": _boleh_finalisasi(request, u),
    }
    nama = "laporan/_periksa.html" if request.htmx else "laporan/periksa.html"  # type: ignore[attr-defined]
    return render(request, nama, konteks)


@login_required
@require_POST
def periksa_terima(request: HttpRequest, unit: str, tahun: int) -> HttpResponse:
    """Accept a finding with a reason: the planner's (or an admin's) decision, recorded."""
    u = _unit_perencana(request, unit, "menerima temuan")
    alasan = request.POST.get("alasan", "").strip()
    temuan = pk.cari_temuan(u, tahun, request.POST.get("sidik", ""))
    if temuan is None:
        messages.error(request, "Temuan tidak ditemukan lagi; mungkin datanya sudah diperbaiki.")
    elif len(alasan) < 5:
        messages.error(request, "Tuliskan alasan menerima temuan (paling sedikit 5 huruf).")
    else:
        pk.terima(request.user, u, tahun, temuan, alasan)
        messages.success(request, f"Temuan {temuan.kode} diterima: {alasan}")
    return redirect(reverse("laporan:halaman", args=[u.slug, tahun]) + "#pemeriksaan")


@login_required
def periksa_unduh(request: HttpRequest, unit: str, tahun: int, format: str) -> HttpResponse:
    """The findings of the panel as XLSX or JSON, with the team's acceptances."""
    if format not in FORMAT_TEMUAN:
        raise Http404("Format tidak dikenal.")
    u = _unit(request, unit)
    _kelompok, semua = pk.panel(u, tahun, reverse("laporan:pratinjau", args=[u.slug, tahun]))
    diterima = pk.penerimaan(u, tahun)
    if format == "xlsx":
        isi: bytes = pk.ke_xlsx(semua, diterima, judul=f"Pemeriksaan LKjIP {u.nama} {tahun}")
    else:
        isi = pk.ke_json(semua, diterima).encode()
    respons = HttpResponse(isi, content_type=FORMAT_TEMUAN[format])
    respons["Content-Disposition"] = f'attachment; filename="periksa-{u.slug}-{tahun}.{format}"'
    return respons


def _data_uri(isi: bytes, format: str) -> str:
    import base64

    return f"data:{FORMAT_TEMUAN[format]};base64,{base64.b64encode(isi).decode('ascii')}"


@login_required
def periksa_dokumen(request: HttpRequest) -> HttpResponse:
    """Check a report made by hand: upload, read, check, show; nothing is stored.

    The downloads are part of the answer (data URIs), so the file is not kept
    on the server for a second request.
    """
    if not peran_pengguna(request.user) & PERAN_FINALISASI:
        raise PermissionDenied("Hanya perencana atau admin yang dapat memeriksa dokumen.")
    konteks: dict[str, object] = {}
    if request.method == "POST":
        form = FormPeriksaDokumen(request.POST, request.FILES)
        if form.is_valid():
            berkas = form.cleaned_data["berkas"]
            try:
                dokumen, temuan = pk.periksa_unggahan(berkas.name, berkas.read())
            except pk.PeriksaError as exc:
                form.add_error("berkas", str(exc))
            else:
                dasar = re.sub(r"[^\w.-]+", "-", berkas.name.rsplit(".", 1)[0])[:60] or "laporan"
                konteks.update(
                    dokumen=dokumen,
                    kelompok=pk.kelompokkan(pk.Butir(t, "dokumen") for t in temuan),
                    jumlah=len(temuan),
                    nama_unduh=f"periksa-{dasar}",
                    unduh_xlsx=_data_uri(pk.ke_xlsx(temuan, judul=berkas.name), "xlsx"),
                    unduh_json=_data_uri(pk.ke_json(temuan).encode(), "json"),
                )
    else:
        form = FormPeriksaDokumen()
    konteks["form"] = form
    return render(request, "laporan/periksa_dokumen.html", konteks)
