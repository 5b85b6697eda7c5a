"""TW reminders: units still missing data get an e-mail on the configured days and a banner."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from sakip.anggaran.models import RealisasiAnggaran
from sakip.core.pengingat import kirim_pengingat, pengingat_untuk
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Realisasi

pytestmark = pytest.mark.django_db

# TW IV 2024 is due on 10 January 2025 with the default of ten days.
SEPEKAN_SEBELUM = dt.date(2025, 1, 3)


@pytest.fixture
def hukum_belum_mengisi(klien_kaltim: dict[str, Client]) -> Unit:
    """Biro Hukum without its 2024 year values: its TW IV data is missing."""
    Realisasi.objects.filter(indikator__unit__slug="kaltim-biro-hukum", tahun=2024).delete()
    RealisasiAnggaran.objects.filter(sub_kegiatan__unit__slug="kaltim-biro-hukum").delete()
    operator = klien_kaltim["operator_hukum"].user  # type: ignore[attr-defined]
    operator.email = "operator.hukum@kaltimprov.invalid"
    operator.save()
    return Unit.objects.get(slug="kaltim-biro-hukum")


def test_a_unit_missing_data_is_found_with_its_deadline(hukum_belum_mengisi: Unit) -> None:
    daftar = {p.unit.slug: p for p in pengingat_untuk(None, SEPEKAN_SEBELUM)}
    p = daftar["kaltim-biro-hukum"]
    assert (p.tahun, p.periode, p.tenggat, p.sisa_hari) == (2024, "TW4", dt.date(2025, 1, 10), 7)
    assert p.kurang > 0
    assert p.pesan.startswith("Isian Triwulan IV 2024 Biro Hukum masih kurang")
    assert "tenggat 10 Januari 2025, 7 hari lagi" in p.pesan
    # Biro Umum reported everything (the demo's final 2024 values): no reminder.
    assert "kaltim-biro-umum" not in daftar


def test_the_operators_get_an_email_on_the_configured_days_only(
    hukum_belum_mengisi: Unit, settings: object
) -> None:
    settings.SAKIP_URL = "https://sakip.kaltimprov.invalid"  # type: ignore[attr-defined]
    terkirim = kirim_pengingat(SEPEKAN_SEBELUM)
    surat = [m for m in mail.outbox if "operator.hukum@kaltimprov.invalid" in m.to]
    assert len(surat) == 1
    assert "Pengingat isian Triwulan IV 2024: Biro Hukum" in surat[0].subject
    assert "https://sakip.kaltimprov.invalid/isian/kaltim-biro-hukum/2024/TW4/" in surat[0].body
    assert any(p.unit.slug == "kaltim-biro-hukum" for p, _ in terkirim)
    mail.outbox.clear()
    assert not [
        p for p, _ in kirim_pengingat(dt.date(2025, 1, 5)) if p.unit.pk == hukum_belum_mengisi.pk
    ]
    assert not mail.outbox or all(
        "operator.hukum@kaltimprov.invalid" not in m.to for m in mail.outbox
    )


def test_a_submitted_unit_is_not_reminded(hukum_belum_mengisi: Unit) -> None:
    from sakip.pengukuran.models import PengajuanPeriode

    PengajuanPeriode.objects.create(
        unit=hukum_belum_mengisi, tahun=2024, periode="TW4", status="diajukan"
    )
    assert all(p.unit.pk != hukum_belum_mengisi.pk for p in pengingat_untuk(None, SEPEKAN_SEBELUM))


def test_the_command_can_show_without_sending(hukum_belum_mengisi: Unit, capsys: object) -> None:
    call_command("kirim_pengingat", "--tanggal", "2025-01-03", "--coba")
    keluaran = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "kaltim-biro-hukum: Isian Triwulan IV 2024" in keluaran
    assert "operator.hukum@kaltimprov.invalid" in keluaran and "akan dikirim" in keluaran
    assert not mail.outbox
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        call_command("kirim_pengingat", "--tanggal", "3/1/2025")


def test_the_banner_shows_the_operator_their_units_gap(
    hukum_belum_mengisi: Unit, klien_kaltim: dict[str, Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: SEPEKAN_SEBELUM)
    r = klien_kaltim["operator_hukum"].get("/")
    spanduk = r.context["spanduk_tenggat"]
    assert len(spanduk) == 1 and "Biro Hukum masih kurang" in spanduk[0]["pesan"]
    assert spanduk[0]["tautan"] == "/isian/kaltim-biro-hukum/2024/TW4/"
    assert "Biro Hukum masih kurang" in r.content.decode()
    # Another Biro's operator hears nothing of it; the head gets no banner at all.
    assert not klien_kaltim["operator_umum"].get("/").context.get("spanduk_tenggat")
    assert not klien_kaltim["pimpinan"].get("/").context.get("spanduk_tenggat")


def test_a_planner_over_many_late_units_gets_one_line(
    hukum_belum_mengisi: Unit, klien_kaltim: dict[str, Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.utils import timezone

    RealisasiAnggaran.objects.filter(sub_kegiatan__unit__slug="kaltim-biro-umum").delete()
    Realisasi.objects.filter(indikator__unit__slug="kaltim-biro-umum", tahun=2024).delete()
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: dt.date(2025, 1, 20))
    spanduk = klien_kaltim["perencana"].get("/").context["spanduk_tenggat"]
    assert len(spanduk) == 1
    assert spanduk[0]["pesan"].split()[0].isdigit()
    assert "unit belum melengkapi isian Triwulan IV 2024" in spanduk[0]["pesan"]
    assert "melewati tenggat" in spanduk[0]["pesan"]
    assert spanduk[0]["tautan"] == "/kelengkapan/2024/TW4/"
