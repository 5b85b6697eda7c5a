"""Signing in: password, then the TOTP code for users who switched two-step verification on.

Two-step verification is optional (issue 6): a planner or admin switches it on
from the account menu; from then on their sign-in asks for the six-digit code of
their authenticator app. Repeated wrong passwords are throttled by django-axes.
"""

from __future__ import annotations

import base64
from io import BytesIO
from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django_otp.plugins.otp_totp.models import TOTPDevice

NAMA_PERANGKAT = "Aplikasi autentikator"


def _terlalu_cepat(perangkat: TOTPDevice) -> forms.ValidationError | None:
    """django-otp doubles the wait after each wrong code; say so rather than "wrong code"."""
    boleh, info = perangkat.verify_is_allowed()
    if boleh:
        return None
    return forms.ValidationError(
        "Terlalu banyak kode salah berturut-turut; tunggu beberapa detik lalu coba lagi "
        f"({info.get('failure_count', '?')} kali salah).",
        code="kode_tertahan",
    )


def perangkat_aktif(user: Any) -> TOTPDevice | None:
    """The user's confirmed TOTP device, if two-step verification is on."""
    if not getattr(user, "pk", None):
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class FormMasuk(AuthenticationForm):
    """Username and password, and the TOTP code when the user has switched it on."""

    kode = forms.CharField(
        label="Kode verifikasi",
        required=False,
        max_length=8,
        help_text="Hanya bila verifikasi dua langkah Anda aktif: 6 angka dari aplikasi autentikator.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Nama pengguna atau kata sandi salah.",
        "inactive": "Akun ini tidak aktif; hubungi admin.",
    }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        user = self.get_user()
        self.perangkat = perangkat_aktif(user)
        if self.perangkat is not None:
            kode = (data.get("kode") or "").strip().replace(" ", "")
            if not kode:
                raise forms.ValidationError(
                    "Verifikasi dua langkah aktif untuk akun ini: isi kode 6 angka dari "
                    "aplikasi autentikator Anda.",
                    code="kode_wajib",
                )
            galat = _terlalu_cepat(self.perangkat)
            if galat is not None:
                raise galat
            if not self.perangkat.verify_token(kode):
                raise forms.ValidationError(
                    "Kode verifikasi salah atau sudah kedaluwarsa; periksa jam ponsel Anda "
                    "lalu coba kode yang sedang tampil.",
                    code="kode_salah",
                )
        return data


class FormKodeOTP(forms.Form):
    kode = forms.CharField(
        label="Kode dari aplikasi",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, perangkat: TOTPDevice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.perangkat = perangkat

    def clean_kode(self) -> str:
        kode = self.cleaned_data["kode"].strip().replace(" ", "")
        galat = _terlalu_cepat(self.perangkat)
        if galat is not None:
            raise galat
        if not self.perangkat.verify_token(kode):
            raise forms.ValidationError(
                "Kode tidak cocok. Pastikan Anda memindai kode QR di atas dan jam ponsel tepat."
            )
        return kode


def qr_svg(url: str) -> str:
    """The provisioning URL as an inline SVG data URI: no image service, no CDN."""
    gambar = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    gambar.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def kunci_base32(perangkat: TOTPDevice) -> str:
    """The secret as people type it into an app by hand (groups of four)."""
    teks = base64.b32encode(perangkat.bin_key).decode().rstrip("=")
    return " ".join(teks[i : i + 4] for i in range(0, len(teks), 4))
