"""Perjanjian Kinerja on the Kaltim demo: drafted from the Renstra, signed and locked, revised."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sakip.organisasi.models import Unit
from sakip.pengukuran.services import DitolakError
from sakip.perencanaan.models import Indikator
from sakip.perhitungan.services import hitung_kinerja
from sakip.perjanjian.models import PerjanjianKinerja, StatusPK
from sakip.perjanjian.services import buat_pk, revisi_baru, tanda_tangani, ubah_target

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_kaltim")]


def test_a_biro_pk_copies_its_renstra_targets_and_budget() -> None:
    hukum = Unit.objects.get(slug="kaltim-biro-hukum")
    pk = buat_pk(hukum, 2025)
    assert (pk.revisi, pk.status, pk.renstra.kode) == (1, StatusPK.DRAF, "setda-kaltim-2024-2026")
    # Biro Hukum answers for IKU-05 (Tabel 2.3); the Renstra's 2025 target is copied.
    assert [(t.indikator.kode, t.target, t.polaritas) for t in pk.target.all()] == [
        ("IKU-05", "100", "maksimal")
    ]
    # Budget per program from the Biro's program tree (the 2025 pagu is not in the seed).
    assert pk.anggaran.count() == 0
    pk_2024 = buat_pk(hukum, 2024)
    pagu = {a.program.kode: a.pagu for a in pk_2024.anggaran.all()}
    # Tabel 3.19, Biro Hukum
    assert pagu == {"4.01.01": Decimal("2184978000"), "4.01.05": Decimal("4522109500")}
    with pytest.raises(DitolakError, match="masih berupa draf"):
        buat_pk(hukum, 2024)


def test_a_draft_is_adjusted_signed_and_then_locked() -> None:
    pk = buat_pk(Unit.objects.get(slug="kaltim-biro-hukum"), 2025)
    iku05 = Indikator.objects.get(kode="IKU-05")
    assert ubah_target(pk, iku05, "95").target == "95"
    with pytest.raises(DitolakError, match="Target 'sembilan puluh' untuk IKU-05"):
        ubah_target(pk, iku05, "sembilan puluh")
    pk = tanda_tangani(pk, dt.date(2025, 2, 3))
    assert pk.terkunci and pk.tanggal == dt.date(2025, 2, 3)
    with pytest.raises(DitolakError, match="terkunci; buat revisi baru"):
        ubah_target(pk, iku05, "90")
    with pytest.raises(DitolakError, match="sudah ditandatangani pada 03-02-2025"):
        tanda_tangani(pk, dt.date(2025, 2, 4))


def test_a_revision_keeps_the_signed_pk_and_counts_once_signed() -> None:
    setda = Unit.objects.get(slug="setda-kaltim")
    asli = PerjanjianKinerja.objects.get(unit=setda, tahun=2024, revisi=1)
    assert asli.terkunci
    baru = revisi_baru(asli)
    assert (baru.revisi, baru.status) == (2, StatusPK.DRAF)
    assert baru.target.count() == asli.target.count() == 13
    assert baru.anggaran.count() == asli.anggaran.count() == 9
    iku08 = Indikator.objects.get(kode="IKU-08")
    ubah_target(baru, iku08, "75")
    # A draft revision changes nothing yet: the figures use the signed revision 1.
    assert hitung_kinerja(setda, 2024).hasil("IKU-08").capaian == Decimal("122.10")
    tanda_tangani(baru, dt.date(2024, 9, 30))
    assert hitung_kinerja(setda, 2024).hasil("IKU-08").capaian == Decimal("115.59")
    asli.refresh_from_db()
    assert asli.target.get(indikator=iku08).target == "71"
    with pytest.raises(DitolakError, match="revisi dibuat dari PK terbaru"):
        revisi_baru(asli)
    with pytest.raises(DitolakError, match="masih draf"):
        revisi_baru(buat_pk(Unit.objects.get(slug="kaltim-biro-umum"), 2025))


def test_the_command_line_drafts_a_pk_and_explains_a_refusal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from django.core.management import CommandError, call_command

    call_command("buat_pk", unit="kaltim-biro-umum", year=2024)
    assert "PK Biro Umum 2024 dibuat sebagai draf: 1 target, 1 program beranggaran." in (
        capsys.readouterr().out
    )
    with pytest.raises(CommandError, match="masih berupa draf"):
        call_command("buat_pk", unit="kaltim-biro-umum", year=2024)
    with pytest.raises(CommandError, match="Unit 'biro-x' tidak ada"):
        call_command("buat_pk", unit="biro-x", year=2024)
