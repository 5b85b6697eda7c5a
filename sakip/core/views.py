"""The pages every user shares: the landing page, the unit switcher and the account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from sakip.core.akun import (
    NAMA_PERANGKAT,
    FormKodeOTP,
    FormMasuk,
    kunci_base32,
    perangkat_aktif,
    qr_svg,
)
from sakip.core.konteks import KUNCI_SESI_UNIT, unit_pilihan
from sakip.core.riwayat import riwayat, unit_pemilik
from sakip.organisasi.akses import boleh, peran_pengguna
from sakip.organisasi.models import Peran


@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    """The landing page: the screens of the user's roles, as cards."""
    peran = peran_pengguna(request.user)
    nama_peran = [label for nilai, label in Peran.choices if nilai in peran]
    return render(request, "sakip/beranda.html", {"nama_peran": nama_peran})


@login_required
@require_POST
def pilih_unit(request: HttpRequest) -> HttpResponse:
    """Remember the unit chosen in the switcher; only a unit the user may see is accepted."""
    slug = request.POST.get("unit", "")
    if any(u.slug == slug for u in unit_pilihan(request)):
        request.session[KUNCI_SESI_UNIT] = slug
    else:
        messages.error(request, "Unit itu tidak ada dalam wewenang Anda.")
    tujuan = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        tujuan, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        tujuan = "/"
    return redirect(tujuan)


class GantiSandi(auth_views.PasswordChangeView):
    template_name = "akun/ganti_sandi.html"
    success_url = reverse_lazy("beranda")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        messages.success(self.request, "Kata sandi Anda sudah diganti.")
        return super().form_valid(form)


class Masuk(auth_views.LoginView):
    """Sign-in; a user with two-step verification also gives the code of their app."""

    form_class = FormMasuk
    redirect_authenticated_user = True

    def form_valid(self, form: FormMasuk) -> HttpResponse:  # type: ignore[override]
        respons = super().form_valid(form)
        if form.perangkat is not None:
            otp_login(self.request, form.perangkat)
        return respons


@login_required
def dua_langkah(request: HttpRequest) -> HttpResponse:
    """Switch two-step verification on (scan, confirm with a code) or off (with a code)."""
    aktif = perangkat_aktif(request.user)
    if aktif is not None:
        form = FormKodeOTP(request.POST or None, perangkat=aktif)
        if request.method == "POST" and form.is_valid():
            TOTPDevice.objects.filter(user=request.user).delete()
            messages.success(request, "Verifikasi dua langkah dimatikan.")
            return redirect("dua-langkah")
        return render(request, "akun/dua_langkah.html", {"aktif": True, "form": form})

    # A pending device keeps its key across reloads so the scanned QR stays valid.
    calon, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": NAMA_PERANGKAT}
    )
    form = FormKodeOTP(request.POST or None, perangkat=calon)
    if request.method == "POST" and form.is_valid():
        calon.confirmed = True
        calon.save(update_fields=["confirmed"])
        otp_login(request, calon)
        messages.success(
            request,
            "Verifikasi dua langkah aktif. Saat masuk berikutnya, isi juga kode dari aplikasi Anda.",
        )
        return redirect("dua-langkah")
    konteks = {
        "aktif": False,
        "form": form,
        "qr": qr_svg(calon.config_url),
        "kunci": kunci_base32(calon),
    }
    return render(request, "akun/dua_langkah.html", konteks)


@login_required
def halaman_riwayat(request: HttpRequest, jenis: str, pk: int) -> HttpResponse:
    """The change history of one record; 404 for a record of a unit the user may not see."""
    pemilik = unit_pemilik(jenis, pk)
    if pemilik is None or pemilik[1] is None or not boleh(request.user, pemilik[1], "view"):
        raise Http404("Data tidak ditemukan atau bukan wewenang Anda.")
    objek, _ = pemilik
    konteks = {
        "objek": objek,
        "jenis_data": objek._meta.verbose_name,
        "entri": riwayat(jenis, pk),
        "kembali": request.GET.get("kembali", "")
        if url_has_allowed_host_and_scheme(request.GET.get("kembali", ""), {request.get_host()})
        else "",
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "sakip/_riwayat.html", konteks)
    return render(request, "sakip/riwayat.html", konteks)
