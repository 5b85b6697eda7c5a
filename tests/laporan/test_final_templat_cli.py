"""Finalised reports regenerate identically; an agency's template is used; the CLI; the PDF."""

from __future__ import annotations

import hashlib
import io
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from docx import Document

from sakip.laporan.models import LaporanFinal, LaporanFinalError, TemplatLaporan
from sakip.laporan.services import LaporanError, bangun_ulang, buat_laporan, finalisasi
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Realisasi

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_kaltim")]


@pytest.fixture
def kaltim() -> Unit:
    return Unit.objects.get(slug="setda-kaltim")


def test_finalised_report_regenerates_identically_after_a_change(kaltim: Unit) -> None:
    final = finalisasi(kaltim, 2024)
    assert final.revisi == 0
    assert final.sha256 == hashlib.sha256(bytes(final.isi)).hexdigest()
    # A Biro corrects a realisasi after the report was finalised.
    r = Realisasi.objects.get(indikator__kode="IKU-08", tahun=2024, periode="TAHUN")
    r.nilai = "90,00"
    r.save()
    assert bangun_ulang(final) == bytes(final.isi)
    # ... while a report built now shows the new value, and finalising again is revision 1.
    baru = buat_laporan(kaltim, 2024, "docx", hanya_terverifikasi=True)
    assert hashlib.sha256(baru.isi).hexdigest() != final.sha256
    assert finalisasi(kaltim, 2024).revisi == 1


def test_a_pk_revision_signed_after_finalising_does_not_change_the_rebuild(kaltim: Unit) -> None:
    import datetime as dt

    from sakip.perencanaan.models import Indikator
    from sakip.perjanjian.models import PerjanjianKinerja, StatusPK
    from sakip.perjanjian.services import revisi_baru, tanda_tangani, ubah_target

    final = finalisasi(kaltim, 2024)
    berlaku = (
        PerjanjianKinerja.objects.filter(unit=kaltim, tahun=2024, status=StatusPK.DITANDATANGANI)
        .order_by("-revisi")
        .first()
    )
    assert berlaku is not None
    baru = revisi_baru(berlaku)
    ubah_target(baru, Indikator.objects.get(kode="IKU-08", renstra=berlaku.renstra), "80")
    tanda_tangani(baru, dt.date(2025, 6, 30))
    assert bangun_ulang(final) == bytes(final.isi)
    # A report built now uses the new revision's target (86,69 / 80 = 108,36).
    isi_baru = buat_laporan(kaltim, 2024, "html", hanya_terverifikasi=True).isi.decode()
    assert "108,36" in isi_baru


def test_a_finalised_report_cannot_be_changed_or_deleted(kaltim: Unit) -> None:
    final = finalisasi(kaltim, 2024)
    final.isi = b"lain"
    with pytest.raises(LaporanFinalError, match="tidak dapat diubah"):
        final.save()
    with pytest.raises(LaporanFinalError, match="tidak dapat dihapus"):
        LaporanFinal.objects.get(pk=final.pk).delete()
    palsu = LaporanFinal(
        unit=kaltim, tahun=2024, revisi=9, data_pada=final.data_pada, sha256="0" * 64, isi=b"x"
    )
    with pytest.raises(LaporanFinalError, match="hash"):
        palsu.save()


def _templat() -> bytes:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "PEMERINTAH PROVINSI KALIMANTAN TIMUR — KOP RESMI"
    doc.add_paragraph("{{ judul }}")
    doc.add_paragraph("{{ nama_unit }} · {{ nama_induk }} · {{ kota }} {{ tahun }}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_the_agency_template_gives_cover_and_letterhead(kaltim: Unit) -> None:
    TemplatLaporan.objects.create(unit=kaltim, berkas=ContentFile(_templat(), "templat.docx"))
    # A Biro below the Setda uses the nearest template up the tree.
    for slug in ("setda-kaltim",):
        isi = buat_laporan(Unit.objects.get(slug=slug), 2024, "docx").isi
        doc = Document(io.BytesIO(isi))
        kop = "\n".join(p.text for s in doc.sections for p in s.header.paragraphs)
        assert "KOP RESMI" in kop
        awal = [p.text for p in doc.paragraphs[:4]]
        assert any("LAPORAN KINERJA" in t.upper() for t in awal)
        assert any("Sekretariat Daerah" in t and "2024" in t for t in awal)
        assert "{{" not in "\n".join(awal)


def test_an_unreadable_template_is_refused_at_upload(kaltim: Unit) -> None:
    from django.core.exceptions import ValidationError

    t = TemplatLaporan(unit=kaltim, berkas=ContentFile(b"bukan word", "kop.docx"))
    with pytest.raises(ValidationError, match="tidak dapat dibaca sebagai dokumen Word"):
        t.full_clean()


def test_cli_writes_each_format(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    keluar = tmp_path / "k.xlsx"  # type: ignore[operator]
    call_command("report", unit="setda-kaltim", year=2024, format="xlsx", output=str(keluar))
    assert keluar.read_bytes()[:2] == b"PK"
    err = capsys.readouterr().err
    assert "100%" in err and "Selesai" in err  # the progress bar reached the end
    html = tmp_path / "k.html"  # type: ignore[operator]
    call_command(
        "report", unit="setda-kaltim", year=2024, format="html", output=str(html), quiet=True
    )
    assert "122,10" in html.read_text(encoding="utf-8")


def test_cli_errors_say_what_is_wrong(tmp_path: object) -> None:
    with pytest.raises(CommandError, match="'tidak-ada' tidak ada"):
        call_command("report", unit="tidak-ada", year=2024, quiet=True)
    with pytest.raises(CommandError, match="bukan waktu ISO 8601"):
        call_command("report", unit="setda-kaltim", year=2024, as_of="kemarin", quiet=True)
    # A Pemda without a Renstra of its own for a year long past
    with pytest.raises(CommandError, match="belum memiliki Renstra"):
        call_command(
            "report",
            unit="kaltim-biro-hukum",
            year=1990,
            quiet=True,
            output=str(tmp_path / "x.docx"),
        )  # type: ignore[operator]


def test_unknown_format_is_refused(kaltim: Unit) -> None:
    with pytest.raises(LaporanError, match="tidak dikenal"):
        buat_laporan(kaltim, 2024, "odt")


def test_pdf_renders_with_page_numbers_in_the_lists(kaltim: Unit, tmp_path: object) -> None:
    isi = buat_laporan(kaltim, 2024, "pdf").isi
    assert isi.startswith(b"%PDF")
    berkas = tmp_path / "k.pdf"  # type: ignore[operator]
    berkas.write_bytes(isi)
    info = subprocess.run(
        ["pdfinfo", str(berkas)], capture_output=True, text=True, check=True
    ).stdout
    halaman = int(next(b for b in info.splitlines() if b.startswith("Pages:")).split()[1])
    assert 55 <= halaman <= 75, halaman  # 60 pages on 2026-11-25 (docs/laporan.md)
    subprocess.run(
        ["pdftoppm", "-r", "30", "-f", "1", "-l", "3", "-png", str(berkas), str(tmp_path / "hal")],
        check=True,
    )  # type: ignore[operator]
    assert len(list(tmp_path.glob("hal*.png"))) == 3  # type: ignore[attr-defined]
    teks = subprocess.run(
        ["pdftotext", "-layout", str(berkas), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "122,10" in teks and "Rp 202.978.570.206" in teks


def test_pdf_without_libreoffice_says_so(kaltim: Unit, settings: object) -> None:
    settings.SAKIP_LIBREOFFICE = "/tidak/ada/soffice"  # type: ignore[attr-defined]
    with pytest.raises(LaporanError, match="LibreOffice"):
        buat_laporan(kaltim, 2024, "pdf")
