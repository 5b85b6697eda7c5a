"""The operator's quarterly entry screen and the TW workflow screens.

Views stay thin: reads are :mod:`sakip.pengukuran.selectors`, writes
:mod:`sakip.pengukuran.services`. Another unit answers 404 (never its data); a
read-only role in one's own unit answers 403 on a write. A row saved through HTMX
answers with the re-rendered row and, out of band, the checklist; without
JavaScript every form posts and redirects back to the page.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from sakip.anggaran.models import Anggaran
from sakip.core.konteks import unit_aktif, unit_pilihan
from sakip.kinerja.periode import TRIWULAN, triwulan_terakhir
from sakip.organisasi.akses import (
    PERAN_PENGUBAH,
    boleh,
    unit_atau_404,
    unit_ids_peran,
    unit_ids_untuk,
    wajib_peran,
)
from sakip.organisasi.models import Peran, Unit
from sakip.pengukuran.forms import (
    FormEviden,
    FormKembalikan,
    FormNarasi,
    FormPilihPeriode,
    FormRealisasi,
    FormRealisasiAnggaran,
)
from sakip.pengukuran.models import Eviden
from sakip.pengukuran.selectors import (
    LABEL_TW,
    Isian,
    antrean_verifikasi,
    isian_bawaan,
    isian_periode,
    kelengkapan_periode,
    tandai_hak,
)
from sakip.pengukuran.services import (
    DitolakError,
    KonflikError,
    PerluPenjelasanError,
    ajukan_periode,
    kembalikan_periode,
    simpan_isian_anggaran,
    simpan_isian_realisasi,
    simpan_narasi,
    unggah_eviden,
    verifikasi_periode,
)
from sakip.perencanaan.models import Indikator, SubKegiatan

PERAN_PERENCANA = {Peran.PERENCANA, Peran.ADMIN}
# Who may look at completeness across units: the planner, and the head who reads.
PERAN_KELENGKAPAN = {Peran.PERENCANA, Peran.ADMIN, Peran.PIMPINAN}


def _periode(periode: str) -> str:
    if periode not in TRIWULAN:
        raise Http404("Periode harus TW1, TW2, TW3 atau TW4.")
    return periode


def _unit_isi(request: HttpRequest, slug: str) -> Unit:
    """The unit for a write: 404 if not one's own, 403 for a read-only role in it."""
    unit = unit_atau_404(request.user, slug, "view")
    wajib_peran(request.user, unit, PERAN_PENGUBAH, "mengisi realisasi")
    return unit


def _isian(request: HttpRequest, unit: Unit, tahun: int, periode: str) -> Isian:
    return tandai_hak(isian_periode(unit, tahun, periode), request.user)


def _alamat(unit: Unit, tahun: int, periode: str, jangkar: str = "") -> str:
    url = reverse("pengukuran:isian", args=[unit.slug, tahun, periode])
    return f"{url}#{jangkar}" if jangkar else url


# --- entry screen -------------------------------------------------------------------


@login_required
@require_GET
def isian_awal(request: HttpRequest) -> HttpResponse:
    """Open the entry screen on the active unit (or the year/TW picked in the form)."""
    dapat_diubah = unit_ids_untuk(request.user, "change")
    if dapat_diubah is not None and not dapat_diubah and "unit" not in request.GET:
        return render(request, "pengukuran/isian_kosong.html")
    unit = unit_aktif(request)
    if unit is None or (dapat_diubah is not None and unit.pk not in dapat_diubah):
        unit = next(
            u for u in unit_pilihan(request) if dapat_diubah is None or u.pk in dapat_diubah
        )
    tahun_q, periode_q = request.GET.get("tahun", ""), request.GET.get("periode", "")
    if tahun_q.isdigit() and periode_q in TRIWULAN:
        # The picker of a unit's page keeps that unit; its page checks the access.
        slug = request.GET.get("unit") or unit.slug
        return redirect("pengukuran:isian", slug, int(tahun_q), periode_q)
    tahun, periode = isian_bawaan(unit)
    return redirect("pengukuran:isian", unit.slug, tahun, periode)


@login_required
@require_GET
def isian(request: HttpRequest, unit: str, tahun: int, periode: str) -> HttpResponse:
    """The entry screen of one unit's TW (read-only for pimpinan and evaluator)."""
    u = unit_atau_404(request.user, unit, "view")
    data = _isian(request, u, tahun, _periode(periode))
    pilih = FormPilihPeriode(
        initial={"tahun": tahun, "periode": periode}, tahun_pilihan=data.tahun_pilihan
    )
    return render(
        request,
        "pengukuran/isian.html",
        {
            "isian": data,
            "periksa": data.daftar_periksa,
            "form_pilih": pilih,
            "form_narasi": FormNarasi(),
            "tinjau": False,
        },
    )


def _jawab_baris(
    request: HttpRequest,
    unit: Unit,
    tahun: int,
    periode: str,
    jenis: str,
    pk: int,
    galat: str = "",
    pesan: str = "",
    isian_form: dict[str, str] | None = None,
    minta_penjelasan: bool = False,
) -> HttpResponse:
    """The re-rendered row (HTMX) or a redirect back to it with the message."""
    jangkar = f"{'ang' if jenis == 'anggaran' else 'ind'}-{pk}"
    if not request.htmx:
        if galat:
            messages.error(request, galat)
        else:
            messages.success(request, pesan)
        return redirect(_alamat(unit, tahun, periode, jangkar))
    data = _isian(request, unit, tahun, periode)
    baris = data.baris_anggaran(pk) if jenis == "anggaran" else data.baris_indikator(pk)
    baris.galat, baris.pesan = galat, pesan
    baris.minta_penjelasan = minta_penjelasan
    if isian_form is not None:
        baris.nilai_isian = isian_form.get("nilai", "")
        baris.catatan_isian = isian_form.get("catatan", "")
    templat = (
        "pengukuran/_baris_indikator.html"
        if jenis == "indikator"
        else "pengukuran/_baris_anggaran.html"
    )
    return render(
        request,
        "pengukuran/_jawaban_baris.html",
        {
            "templat": templat,
            "b": baris,
            "isian": data,
            "periksa": data.daftar_periksa,
            "form_narasi": FormNarasi(),
            # Evidence and narrative live in the row's folded details: keep them open.
            "buka_rincian": jenis == "rincian",
        },
    )


@login_required
@require_POST
def simpan_indikator(
    request: HttpRequest, unit: str, tahun: int, periode: str, pk: int
) -> HttpResponse:
    """Save one indicator row's realisasi of the TW (optimistic locking on ``versi``)."""
    u = _unit_isi(request, unit)
    _periode(periode)
    ind = get_object_or_404(Indikator.objects.select_related("unit"), pk=pk, unit=u)
    form = FormRealisasi(request.POST)
    if not form.is_valid():
        return _jawab_baris(
            request, u, tahun, periode, "indikator", pk,
            galat=f"{ind.kode}: isian tidak sah ({form.errors.as_text()}).",
            isian_form=request.POST.dict(),
        )  # fmt: skip
    d = form.cleaned_data
    try:
        simpan_isian_realisasi(
            request.user, ind, tahun, periode, d["nilai"], d["versi"], d["catatan"]
        )
    except DitolakError as exc:
        return _jawab_baris(
            request, u, tahun, periode, "indikator", pk, galat=str(exc),
            isian_form=request.POST.dict() if not isinstance(exc, KonflikError) else None,
            minta_penjelasan=isinstance(exc, PerluPenjelasanError),
        )  # fmt: skip
    return _jawab_baris(
        request, u, tahun, periode, "indikator", pk, pesan=f"Realisasi {ind.kode} tersimpan."
    )


@login_required
@require_POST
def simpan_anggaran(
    request: HttpRequest, unit: str, tahun: int, periode: str, pk: int
) -> HttpResponse:
    """Save one budget line's realisasi of the TW (that TW's amount, not cumulative)."""
    u = _unit_isi(request, unit)
    _periode(periode)
    sub = get_object_or_404(SubKegiatan.objects.select_related("unit"), pk=pk, unit=u)
    if not Anggaran.objects.filter(sub_kegiatan=sub, tahun=tahun).exists():
        raise Http404("Sub kegiatan ini tidak mempunyai pagu pada tahun tersebut.")
    form = FormRealisasiAnggaran(request.POST)
    if not form.is_valid():
        return _jawab_baris(
            request, u, tahun, periode, "anggaran", pk,
            galat=f"{sub.kode}: isian tidak sah ({form.errors.as_text()}).",
            isian_form=request.POST.dict(),
        )  # fmt: skip
    d = form.cleaned_data
    try:
        simpan_isian_anggaran(
            request.user, sub, tahun, periode, d["nilai"], d["versi"], d["catatan"]
        )
    except DitolakError as exc:
        return _jawab_baris(
            request, u, tahun, periode, "anggaran", pk, galat=str(exc),
            isian_form=request.POST.dict() if not isinstance(exc, KonflikError) else None,
            minta_penjelasan=isinstance(exc, PerluPenjelasanError),
        )  # fmt: skip
    return _jawab_baris(
        request, u, tahun, periode, "anggaran", pk,
        pesan=f"Realisasi anggaran {sub.kode} tersimpan.",
    )  # fmt: skip


@login_required
@require_POST
def simpan_narasi_indikator(
    request: HttpRequest, unit: str, tahun: int, periode: str, pk: int
) -> HttpResponse:
    """Save the narrative (faktor pendorong, penghambat, permasalahan, solusi) of an indicator."""
    u = _unit_isi(request, unit)
    _periode(periode)
    ind = get_object_or_404(Indikator.objects.select_related("unit"), pk=pk, unit=u)
    form = FormNarasi(request.POST)
    if not form.is_valid():
        return _jawab_baris(
            request, u, tahun, periode, "rincian", pk,
            galat=f"Narasi {ind.kode}: {form.errors.as_text()}",
        )  # fmt: skip
    try:
        simpan_narasi(request.user, ind, tahun, periode, **form.cleaned_data)
    except DitolakError as exc:
        return _jawab_baris(request, u, tahun, periode, "rincian", pk, galat=str(exc))
    return _jawab_baris(
        request, u, tahun, periode, "rincian", pk, pesan=f"Narasi {ind.kode} tersimpan."
    )


@login_required
@require_POST
def unggah_eviden_indikator(
    request: HttpRequest, unit: str, tahun: int, periode: str, pk: int
) -> HttpResponse:
    """Upload a data dukung file for an indicator's TW."""
    u = _unit_isi(request, unit)
    _periode(periode)
    ind = get_object_or_404(Indikator.objects.select_related("unit"), pk=pk, unit=u)
    form = FormEviden(request.POST, request.FILES)
    if not form.is_valid():
        return _jawab_baris(
            request, u, tahun, periode, "rincian", pk,
            galat=f"Data dukung {ind.kode} tidak diunggah: pilih berkas yang akan diunggah.",
        )  # fmt: skip
    try:
        ev = unggah_eviden(
            request.user,
            ind,
            tahun,
            periode,
            form.cleaned_data["judul"],
            form.cleaned_data["berkas"],
        )
    except DitolakError as exc:
        return _jawab_baris(
            request, u, tahun, periode, "rincian", pk,
            galat=f"Data dukung {ind.kode} tidak diunggah: {exc}",
        )  # fmt: skip
    return _jawab_baris(
        request, u, tahun, periode, "rincian", pk,
        pesan=f"Data dukung “{ev.judul}” diunggah.",
    )  # fmt: skip


@login_required
@require_GET
def unduh_eviden(request: HttpRequest, pk: int) -> FileResponse:
    """Download a data dukung file; only for users who may view its unit (404 otherwise)."""
    ev = Eviden.objects.filter(pk=pk).select_related("indikator").first()
    if ev is None or not boleh(request.user, ev.indikator.unit_id, "view"):
        raise Http404("Data dukung tidak ditemukan atau bukan wewenang Anda.")
    try:
        berkas = ev.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Berkas data dukung tidak ada lagi di penyimpanan.") from exc
    return FileResponse(berkas, as_attachment=True, filename=Path(ev.berkas.name).name)


@login_required
@require_POST
def ajukan(request: HttpRequest, unit: str, tahun: int, periode: str) -> HttpResponse:
    """Submit the TW to the planner, once the checklist is complete."""
    u = _unit_isi(request, unit)
    data = _isian(request, u, tahun, _periode(periode))
    if not data.daftar_periksa.lengkap:
        messages.error(
            request,
            f"{LABEL_TW[periode]} {tahun} belum dapat diajukan: lengkapi dulu daftar periksa.",
        )
        return redirect(_alamat(u, tahun, periode, "daftar-periksa"))
    try:
        ajukan_periode(request.user, u, tahun, periode)
    except DitolakError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"{LABEL_TW[periode]} {tahun} {u} diajukan; perencana akan memverifikasinya.",
        )
    return redirect(_alamat(u, tahun, periode))


# --- verification -------------------------------------------------------------------


@login_required
@require_GET
def verifikasi(request: HttpRequest) -> HttpResponse:
    """The planner's queue: every submitted TW of the units below them."""
    ids = unit_ids_peran(request.user, PERAN_PERENCANA)
    if ids is not None and not ids:
        raise PermissionDenied("Hanya perencana yang dapat membuka antrean verifikasi.")
    return render(request, "pengukuran/verifikasi.html", {"antrean": antrean_verifikasi(ids)})


def _unit_perencana(request: HttpRequest, slug: str) -> Unit:
    unit = unit_atau_404(request.user, slug, "view")
    wajib_peran(request.user, unit, PERAN_PERENCANA, "memverifikasi isian triwulan")
    return unit


@login_required
@require_GET
def tinjau(request: HttpRequest, unit: str, tahun: int, periode: str) -> HttpResponse:
    """Read-only review of a unit's TW with its warnings and explanations."""
    u = _unit_perencana(request, unit)
    data = isian_periode(u, tahun, _periode(periode))  # no tandai_hak: every row read-only
    return render(
        request,
        "pengukuran/tinjau.html",
        {
            "isian": data,
            "periksa": data.daftar_periksa,
            "form_kembalikan": FormKembalikan(),
            "tinjau": True,
        },
    )


@login_required
@require_POST
def tinjau_verifikasi(request: HttpRequest, unit: str, tahun: int, periode: str) -> HttpResponse:
    u = _unit_perencana(request, unit)
    try:
        verifikasi_periode(request.user, u, tahun, _periode(periode))
    except DitolakError as exc:
        messages.error(request, str(exc))
        return redirect("pengukuran:tinjau", u.slug, tahun, periode)
    messages.success(request, f"{LABEL_TW[periode]} {tahun} {u} diverifikasi.")
    return redirect("pengukuran:verifikasi")


@login_required
@require_POST
def tinjau_kembalikan(request: HttpRequest, unit: str, tahun: int, periode: str) -> HttpResponse:
    u = _unit_perencana(request, unit)
    form = FormKembalikan(request.POST)
    if not form.is_valid():
        data = isian_periode(u, tahun, _periode(periode))
        return render(
            request,
            "pengukuran/tinjau.html",
            {
                "isian": data,
                "periksa": data.daftar_periksa,
                "form_kembalikan": form,
                "tinjau": True,
            },
            status=400,
        )
    try:
        kembalikan_periode(request.user, u, tahun, _periode(periode), form.cleaned_data["alasan"])
    except DitolakError as exc:
        messages.error(request, str(exc))
        return redirect("pengukuran:tinjau", u.slug, tahun, periode)
    messages.success(request, f"{LABEL_TW[periode]} {tahun} {u} dikembalikan ke operator.")
    return redirect("pengukuran:verifikasi")


# --- completeness -------------------------------------------------------------------

URUTAN_KELENGKAPAN = {
    "terlambat": lambda k: (not k.terlambat, k.persen or 0, k.unit.nama),
    "persen": lambda k: (k.persen or 0, k.unit.nama),
    "unit": lambda k: (k.unit.urutan, k.unit.nama),
    "tenggat": lambda k: (k.hari_tersisa, k.unit.nama),
}


@login_required
@require_GET
def kelengkapan_awal(request: HttpRequest) -> HttpResponse:
    """The last ended TW, or the year and TW picked in the form."""
    tahun_q, periode_q = request.GET.get("tahun", ""), request.GET.get("periode", "")
    if tahun_q.isdigit() and periode_q in TRIWULAN:
        return redirect("pengukuran:kelengkapan", int(tahun_q), periode_q)
    tahun, periode = triwulan_terakhir(timezone.localdate())
    return redirect("pengukuran:kelengkapan", tahun, periode)


@login_required
@require_GET
def kelengkapan(request: HttpRequest, tahun: int, periode: str) -> HttpResponse:
    """Completeness of a TW across the units below the planner (or head)."""
    _periode(periode)
    ids = unit_ids_peran(request.user, PERAN_KELENGKAPAN)
    if ids is not None and not ids:
        raise PermissionDenied("Hanya perencana dan pimpinan yang dapat melihat kelengkapan.")
    ids_perencana = unit_ids_peran(request.user, PERAN_PERENCANA)
    if ids is None:
        ids = set(Unit.objects.values_list("pk", flat=True))
    urut = request.GET.get("urut", "terlambat")
    baris = kelengkapan_periode(ids, tahun, periode)
    baris.sort(key=URUTAN_KELENGKAPAN.get(urut, URUTAN_KELENGKAPAN["terlambat"]))
    return render(
        request,
        "pengukuran/kelengkapan.html",
        {
            "baris": baris,
            "tahun": tahun,
            "periode": periode,
            "label_periode": LABEL_TW[periode],
            "urut": urut,
            "jumlah_terlambat": sum(1 for b in baris if b.terlambat),
            "tahun_pilihan": range(tahun - 3, max(tahun, timezone.localdate().year) + 2),
            "pilihan_tw": LABEL_TW.items(),
            # None: every unit (admin); the review link shows only where one may verify.
            "semua_tinjau": ids_perencana is None,
            "ids_tinjau": ids_perencana or set(),
        },
    )
