"""Every demo login signs in through the browser and lands on the screens of its role."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_each_demo_login_sees_the_menu_of_its_role(masuk: object) -> None:
    harapan = {
        "operator.hukum.kaltim": ({"Isian Realisasi", "Laporan"}, {"Verifikasi", "Perencanaan"}),
        "perencana.kaltim": ({"Isian Realisasi", "Verifikasi", "Kelengkapan", "Laporan"}, set()),
        "pimpinan.kaltim": ({"Dasbor", "Laporan"}, {"Isian Realisasi", "Verifikasi"}),
        "evaluator.kaltim": ({"Dasbor", "Laporan"}, {"Isian Realisasi", "Verifikasi"}),
    }
    for username, (ada, tidak) in harapan.items():
        sesi = masuk(username)  # type: ignore[operator]
        menu = set(sesi.page.locator("#menu-utama .nav-link").all_inner_texts())
        menu = {m.strip() for m in menu}
        assert ada <= menu, (username, menu)
        assert not (tidak & menu), (username, menu)
        assert "Selamat datang" in sesi.page.inner_text("h1")
        sesi.potret(f"beranda-{username.split('.')[0]}")
