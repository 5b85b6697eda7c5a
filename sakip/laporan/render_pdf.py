"""DOCX → PDF through LibreOffice headless, with real page numbers in the Daftar Isi/Tabel/Grafik.

LibreOffice does not refresh Word's TOC fields when it converts, so the PDF is
made in two passes: the first shows on which page each heading and caption
landed (read back with pdftotext), the second writes those numbers into the
fields' cached results. Both passes share one LibreOffice profile.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from sakip.laporan.dokumen import Dokumen, entri_daftar
from sakip.laporan.render_docx import docx

BATAS_WAKTU = 300  # seconds for one conversion; a 100-page report takes about ten


class LibreOfficeError(RuntimeError):
    pass


PESAN_TIDAK_ADA = (
    "LibreOffice tidak ditemukan, sehingga PDF tidak dapat dibuat. Pasang dengan "
    "`scripts/ensure-libreoffice` (Debian: paket libreoffice-writer-nogui) atau tetapkan "
    "lokasinya pada SAKIP_LIBREOFFICE. Laporan Word (DOCX) tetap dapat diunduh."
)


def cari_libreoffice() -> str:
    """The soffice executable: the setting SAKIP_LIBREOFFICE, else found on PATH."""
    ditetapkan = getattr(settings, "SAKIP_LIBREOFFICE", "")
    if ditetapkan:
        if Path(ditetapkan).is_file():
            return ditetapkan
        raise LibreOfficeError(f"SAKIP_LIBREOFFICE={ditetapkan!r} tidak ada. {PESAN_TIDAK_ADA}")
    for nama in ("soffice", "libreoffice"):
        jalur = shutil.which(nama)
        if jalur:
            return jalur
    raise LibreOfficeError(PESAN_TIDAK_ADA)


def konversi(data_docx: bytes, profil: Path, soffice: str) -> bytes:
    """One DOCX → PDF conversion in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="sakip-pdf-") as kerja:
        masuk = Path(kerja) / "laporan.docx"
        masuk.write_bytes(data_docx)
        try:
            hasil = subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profil.as_uri()}",
                    "--headless",
                    "--norestore",
                    "--nolockcheck",
                    "--convert-to",
                    "pdf:writer_pdf_Export",
                    "--outdir",
                    kerja,
                    str(masuk),
                ],
                capture_output=True,
                timeout=BATAS_WAKTU,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise LibreOfficeError(
                f"LibreOffice tidak selesai dalam {BATAS_WAKTU} detik saat membuat PDF."
            ) from exc
        keluar = Path(kerja) / "laporan.pdf"
        if hasil.returncode != 0 or not keluar.exists():
            pesan = (hasil.stderr or hasil.stdout).decode(errors="replace").strip()
            raise LibreOfficeError(f"LibreOffice gagal membuat PDF: {pesan or 'tanpa pesan'}")
        return keluar.read_bytes()


def _normal(teks: str) -> str:
    return re.sub(r"\s+", " ", teks).strip().lower()


def halaman_entri(data_pdf: bytes, dokumen: Dokumen) -> dict[str, int]:
    """The page of each Daftar entry in a rendered PDF.

    Pages of the Daftar themselves (lines of dot leaders) are skipped; entries are
    searched in document order, each from the page of the one before.
    """
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return {}
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data_pdf)
        f.flush()
        teks = subprocess.run(
            [pdftotext, "-layout", f.name, "-"], capture_output=True, check=True, timeout=120
        ).stdout.decode(errors="replace")
    halaman = teks.split("\f")
    daftar = {i for i, h in enumerate(halaman) if len(re.findall(r"\.{8,}", h)) >= 3}
    isi = {i: _normal(h) for i, h in enumerate(halaman) if i not in daftar}
    hasil: dict[str, int] = {}
    for jenis in ("isi", "Tabel", "Grafik", "Gambar"):
        mulai = 0
        for _, entri in entri_daftar(dokumen, jenis):
            kunci = _normal(entri)[:60]
            for i in range(mulai, len(halaman)):
                if i in isi and kunci in isi[i]:
                    hasil[entri] = i + 1
                    mulai = i
                    break
    return hasil


def pdf(
    dokumen: Dokumen,
    templat: bytes | None = None,
    kemajuan: Callable[[int, str], None] | None = None,
) -> bytes:
    """The report as PDF; raises :class:`LibreOfficeError` with a clear message when it cannot."""
    soffice = cari_libreoffice()
    lapor = kemajuan or (lambda _p, _t: None)
    with tempfile.TemporaryDirectory(prefix="sakip-lo-") as profil:
        lapor(75, "Mengonversi ke PDF (tahap 1 dari 2)")
        pertama = konversi(docx(dokumen, templat), Path(profil), soffice)
        halaman = halaman_entri(pertama, dokumen)
        lapor(88, "Mengisi nomor halaman daftar isi (tahap 2 dari 2)")
        return konversi(docx(dokumen, templat, halaman=halaman), Path(profil), soffice)
