"""The pages every user shares: the landing page, the unit switcher and the account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from sakip.core.konteks import KUNCI_SESI_UNIT, unit_pilihan


@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    """The landing page: the screens of the user's roles, as cards."""
    return render(request, "sakip/beranda.html")


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
