"""Signing in and the account: throttling, optional two-step verification, unit switcher."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from sakip.core.konteks import KUNCI_SESI_UNIT
from sakip.organisasi.models import Keanggotaan, Peran, Unit

pytestmark = pytest.mark.django_db


def kode_sekarang(perangkat: TOTPDevice) -> str:
    totp = TOTP(perangkat.bin_key, perangkat.step, perangkat.t0, perangkat.digits, perangkat.drift)
    return f"{totp.token():0{perangkat.digits}d}"


@pytest.fixture
def planner(mini: None) -> object:
    user = get_user_model().objects.create_user("perencana.uji", password="sandi-uji-panjang")
    Keanggotaan.objects.create(
        user=user, unit=Unit.objects.get(slug="setda-contoh"), peran=Peran.PERENCANA
    )
    return user


def masuk(client: Client, sandi: str, kode: str = "") -> object:
    return client.post(
        reverse("masuk"), {"username": "perencana.uji", "password": sandi, "kode": kode}
    )


def test_a_wrong_password_is_told_in_indonesian(client: Client, planner: object) -> None:
    r = masuk(client, "salah")
    assert r.status_code == 200
    assert "Nama pengguna atau kata sandi salah." in r.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_right_password_signs_in_and_lands_on_the_home_page(
    client: Client, planner: object
) -> None:
    r = masuk(client, "sandi-uji-panjang")
    assert r.status_code == 302 and r["Location"] == reverse("beranda")
    halaman = client.get(reverse("beranda")).content.decode()
    assert "Selamat datang, perencana.uji" in halaman
    assert "Sekretariat Daerah" in halaman  # the unit in use
    assert "Peran: Perencana</p>" in halaman


def test_the_home_page_tells_a_user_without_a_role_to_ask_the_admin(
    client: Client, django_user_model: object
) -> None:
    client.force_login(django_user_model.objects.create_user("baru", password="x" * 12))  # type: ignore[attr-defined]
    halaman = client.get(reverse("beranda")).content.decode()
    assert "Peran: belum ada; hubungi admin" in halaman


def test_repeated_wrong_passwords_lock_the_name_even_for_the_right_one(
    client: Client, planner: object
) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert masuk(client, "tebakan").status_code == 200
    r = masuk(client, "tebakan")
    assert r.status_code == 429
    assert "Terlalu banyak percobaan masuk" in r.content.decode()
    assert "15 menit" in r.content.decode()
    r = masuk(client, "sandi-uji-panjang")
    assert r.status_code == 429 and "_auth_user_id" not in client.session


def test_two_step_verification_is_switched_on_and_then_asked_at_sign_in(
    client: Client, planner: object
) -> None:
    client.force_login(planner)  # type: ignore[arg-type]
    r = client.get(reverse("dua-langkah"))
    assert r.status_code == 200
    halaman = r.content.decode()
    assert "data:image/svg+xml;base64," in halaman and "Aktifkan" in halaman
    calon = TOTPDevice.objects.get(user=planner, confirmed=False)
    r = client.post(reverse("dua-langkah"), {"kode": "000000"})
    assert "Kode tidak cocok" in r.content.decode()
    assert not TOTPDevice.objects.filter(user=planner, confirmed=True).exists()
    r = client.post(reverse("dua-langkah"), {"kode": kode_sekarang(calon)})
    assert "tunggu beberapa detik" in r.content.decode()  # a wrong code holds the next one back
    calon.refresh_from_db()
    calon.throttle_reset()
    r = client.post(reverse("dua-langkah"), {"kode": kode_sekarang(calon)})
    assert r.status_code == 302
    assert TOTPDevice.objects.get(user=planner).confirmed

    client.logout()
    r = masuk(client, "sandi-uji-panjang")
    assert "isi kode 6 angka" in r.content.decode() and "_auth_user_id" not in client.session
    r = masuk(client, "sandi-uji-panjang", "123456")
    assert "Kode verifikasi salah" in r.content.decode()
    perangkat = TOTPDevice.objects.get(user=planner)
    perangkat.throttle_reset()
    # A code is accepted once (no replay); the test stands in for the next 30-second window.
    perangkat.last_t = -1
    perangkat.save(update_fields=["last_t"])
    r = masuk(client, "sandi-uji-panjang", kode_sekarang(perangkat))
    assert r.status_code == 302 and "_auth_user_id" in client.session
    assert client.get(reverse("dua-langkah")).context["aktif"] is True


def test_without_two_step_verification_no_code_is_asked(client: Client, planner: object) -> None:
    r = masuk(client, "sandi-uji-panjang", "")
    assert r.status_code == 302


def test_the_unit_switcher_keeps_a_unit_the_user_may_see_and_refuses_others(
    client: Client, planner: object
) -> None:
    client.force_login(planner)  # type: ignore[arg-type]
    halaman = client.get(reverse("beranda")).content.decode()
    assert 'name="unit"' in halaman and "contoh-bagian-a" in halaman
    r = client.post(reverse("pilih-unit"), {"unit": "contoh-bagian-a", "next": "/laporan/"})
    assert r.status_code == 302 and r["Location"] == "/laporan/"
    assert client.session[KUNCI_SESI_UNIT] == "contoh-bagian-a"
    r = client.post(
        reverse("pilih-unit"), {"unit": "pemkab-contoh", "next": "https://jahat.example"}
    )
    assert r["Location"] == "/"  # no open redirect
    assert client.session[KUNCI_SESI_UNIT] == "contoh-bagian-a"


def test_a_password_is_changed_with_the_old_one(client: Client, planner: object) -> None:
    client.force_login(planner)  # type: ignore[arg-type]
    r = client.post(
        reverse("ganti-sandi"),
        {
            "old_password": "keliru",
            "new_password1": "Baru-sekali-2026",
            "new_password2": "Baru-sekali-2026",
        },
    )
    assert r.status_code == 200 and "is-invalid" in r.content.decode()
    r = client.post(
        reverse("ganti-sandi"),
        {
            "old_password": "sandi-uji-panjang",
            "new_password1": "Baru-sekali-2026",
            "new_password2": "Baru-sekali-2026",
        },
    )
    assert r.status_code == 302
    planner.refresh_from_db()  # type: ignore[attr-defined]
    assert planner.check_password("Baru-sekali-2026")  # type: ignore[attr-defined]


def test_an_idle_session_ends() -> None:
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE == 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_every_page_but_sign_in_asks_for_a_login(client: Client) -> None:
    for nama in ("beranda", "ganti-sandi", "dua-langkah"):
        r = client.get(reverse(nama))
        assert r.status_code == 302 and r["Location"].startswith(reverse("masuk"))


def test_the_deploy_check_is_clean_with_production_settings(tmp_path: object) -> None:
    env = {
        **os.environ,
        "SAKIP_DEBUG": "0",
        "SAKIP_SECRET_KEY": "k" * 20 + "-produksi-acak-" + "x7Qp9zLm2Vb8Nc4Rt6Yh" * 2,
        "SAKIP_ALLOWED_HOSTS": "sakip.example.go.id",
        "DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite3",
        "SAKIP_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "sakip.settings",
    }
    # A test runner's setting, never a deployment's (Django's check refuses it there).
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    hasil = subprocess.run(
        [sys.executable, "-m", "sakip", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "no issues" in hasil.stdout


def test_the_admin_is_entered_through_the_one_sign_in(client: Client) -> None:
    r = client.get("/admin/login/?next=/admin/")
    assert r.status_code == 302 and r["Location"] == "/masuk/?next=/admin/"


def test_signing_out_ends_the_session(client: Client, planner: object) -> None:
    client.force_login(planner)  # type: ignore[arg-type]
    r = client.post(reverse("keluar"))
    assert r.status_code == 302 and r["Location"] == reverse("masuk")
    assert "_auth_user_id" not in client.session
