"""Browser tests: Playwright driving Debian's Chromium against a live server with the demo.

Chromium comes from Debian (``scripts/ensure-chromium``, run by ``make test``), not
from Playwright's own download, so CI and new machines need nothing else.
Screenshots of the main screens go to a temporary folder, or to ``docs/gambar/layar``
with ``SAKIP_LAYAR=docs`` (how the pictures in docs/ are refreshed).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("SAKIP_CHROMIUM", "/usr/bin/chromium")
DOCS_LAYAR = Path(__file__).resolve().parents[2] / "docs" / "gambar" / "layar"


@pytest.fixture(scope="module")
def peramban() -> Iterator[object]:
    """Chromium for one test module; Playwright's loop ends with it."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium tidak ada di {CHROMIUM}; jalankan scripts/ensure-chromium.")
    # Playwright's sync API keeps an event loop in the test thread; the ORM calls the
    # tests make between browser steps are still plain synchronous code. Only while
    # the browser runs: the rest of the suite keeps Django's async-safety check.
    lama = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
            )
            yield browser
            browser.close()
    finally:
        if lama is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = lama


@pytest.fixture
def layar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: docs/gambar/layar when refreshing the docs, else a temp folder."""
    if os.environ.get("SAKIP_LAYAR") == "docs":
        DOCS_LAYAR.mkdir(parents=True, exist_ok=True)
        return DOCS_LAYAR
    return tmp_path_factory.mktemp("layar")


@pytest.fixture
def demo_langsung(transactional_db: None, live_server: object, settings: object) -> str:
    """The two demo agencies and their logins, committed, behind a live server; its URL."""
    settings.SAKIP_DEMO = True  # type: ignore[attr-defined]
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return str(live_server.url)  # type: ignore[attr-defined]


class Sesi:
    """A signed-in browser page of one demo login."""

    def __init__(self, peramban: object, url: str, username: str, layar: Path) -> None:
        self.url = url
        self.layar = layar
        self.konteks = peramban.new_context(  # type: ignore[attr-defined]
            viewport={"width": 1366, "height": 900}, locale="id-ID", accept_downloads=True
        )
        self.page = self.konteks.new_page()
        self.page.set_default_timeout(20_000)
        self.page.goto(f"{url}/masuk/")
        self.page.get_by_label("Nama pengguna").fill(username)
        self.page.get_by_label("Kata sandi").fill("demo")
        self.page.get_by_role("button", name="Masuk").click()
        self.page.wait_for_url(re.compile(r".*/$"))

    def buka(self, path: str) -> object:
        return self.page.goto(f"{self.url}{path}")

    def potret(self, nama: str) -> Path:
        """A full-page screenshot of the current screen, named for the docs."""
        berkas = self.layar / f"{nama}.png"
        self.page.screenshot(path=str(berkas), full_page=True)
        return berkas

    def tutup(self) -> None:
        self.konteks.close()


@pytest.fixture
def masuk(peramban: object, demo_langsung: str, layar: Path) -> Iterator[object]:
    """``masuk("operator.hukum.kaltim")`` → a signed-in :class:`Sesi`."""
    sesi: list[Sesi] = []

    def buka(username: str) -> Sesi:
        s = Sesi(peramban, demo_langsung, username, layar)
        sesi.append(s)
        return s

    yield buka
    for s in sesi:
        s.tutup()
