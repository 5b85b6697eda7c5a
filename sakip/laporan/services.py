"""Report use cases: build in a format, finalise (immutable, hashed), rebuild from history."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from sakip.laporan.bangun import bangun_laporan
from sakip.laporan.dokumen import Dokumen
from sakip.laporan.models import LaporanFinal
from sakip.laporan.sumber import kumpulkan
from sakip.organisasi.models import Unit

FORMAT = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "pdf": ("application/pdf", "pdf"),
    "html": ("text/html; charset=utf-8", "html"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}

Kemajuan = Callable[[int, str], None]


class LaporanError(Exception):
    """A report that cannot be made, with a message for the user."""


@dataclass(frozen=True)
class HasilLaporan:
    isi: bytes
    format: str
    nama_berkas: str

    @property
    def jenis_konten(self) -> str:
        return FORMAT[self.format][0]


def _diam(_persen: int, _tahap: str) -> None:
    return None


def susun_dokumen(
    unit: Unit,
    tahun: int,
    *,
    hanya_terverifikasi: bool = False,
    pada: dt.datetime | None = None,
    kemajuan: Kemajuan = _diam,
) -> tuple[Dokumen, bytes | None]:
    """The document model and the agency template it is to be rendered with."""
    kemajuan(2, "Membaca data")
    data = kumpulkan(unit, tahun, hanya_terverifikasi=hanya_terverifikasi, pada=pada)
    if data.renstra is None and not data.kinerja.indikator:
        raise LaporanError(
            f"{unit.nama} belum memiliki Renstra atau indikator untuk Tahun {tahun}; "
            "laporan tidak dapat disusun."
        )
    return bangun_laporan(data, kemajuan), data.templat


def render(
    dokumen: Dokumen, templat: bytes | None, format: str, kemajuan: Kemajuan = _diam
) -> bytes:
    """Render a built document in one of :data:`FORMAT`."""
    if format not in FORMAT:
        raise LaporanError(f"Format {format!r} tidak dikenal; pilih {', '.join(FORMAT)}.")
    kemajuan(72, f"Menulis berkas {format.upper()}")
    if format == "docx":
        from sakip.laporan.render_docx import docx

        return docx(dokumen, templat)
    if format == "pdf":
        from sakip.laporan.render_pdf import LibreOfficeError, pdf

        try:
            return pdf(dokumen, templat, kemajuan)
        except LibreOfficeError as exc:
            raise LaporanError(str(exc)) from exc
    if format == "html":
        from sakip.laporan.render_html import html_lengkap

        return html_lengkap(dokumen)
    from sakip.laporan.render_xlsx import xlsx

    return xlsx(dokumen)


def buat_laporan(
    unit: Unit,
    tahun: int,
    format: str,
    *,
    hanya_terverifikasi: bool = False,
    pada: dt.datetime | None = None,
    kemajuan: Kemajuan = _diam,
) -> HasilLaporan:
    """The LKjIP of ``unit`` for ``tahun`` in ``format`` (docx, pdf, html, xlsx)."""
    if format not in FORMAT:
        raise LaporanError(f"Format {format!r} tidak dikenal; pilih {', '.join(FORMAT)}.")
    dokumen, templat = susun_dokumen(
        unit, tahun, hanya_terverifikasi=hanya_terverifikasi, pada=pada, kemajuan=kemajuan
    )
    isi = render(dokumen, templat, format, kemajuan)
    kemajuan(100, "Selesai")
    akhiran = "" if hanya_terverifikasi else "-draf"
    return HasilLaporan(isi, format, f"LKjIP-{unit.slug}-{tahun}{akhiran}.{FORMAT[format][1]}")


def finalisasi(
    unit: Unit, tahun: int, oleh: object | None = None, kemajuan: Kemajuan = _diam
) -> LaporanFinal:
    """Store the report built from verified data as it stands now: bytes, hash and data moment.

    The moment is a whole second, as the DOCX properties hold it. It is the next
    second boundary, and the build waits until it has passed: every change saved
    before finalising is then inside the report, and the build reads history up to a
    moment already past, as a rebuild (:func:`bangun_ulang`) later will, so both read
    exactly the same facts.
    """
    sekarang = timezone.now()
    pada = sekarang.replace(microsecond=0) + dt.timedelta(seconds=1)
    time.sleep((pada - sekarang).total_seconds())
    hasil = buat_laporan(
        unit, tahun, "docx", hanya_terverifikasi=True, pada=pada, kemajuan=kemajuan
    )
    with transaction.atomic():
        # Two finalisations at once collide on the unique (unit, tahun, revisi); one fails.
        revisi = LaporanFinal.objects.filter(unit=unit, tahun=tahun).aggregate(m=Max("revisi"))["m"]
        return LaporanFinal.objects.create(
            unit=unit,
            tahun=tahun,
            revisi=0 if revisi is None else revisi + 1,
            data_pada=pada,
            sha256=hashlib.sha256(hasil.isi).hexdigest(),
            isi=hasil.isi,
            dibuat_oleh=oleh if getattr(oleh, "pk", None) else None,
        )


def bangun_ulang(final: LaporanFinal) -> bytes:
    """Rebuild a finalised report from the change history as of its data moment."""
    return buat_laporan(
        final.unit, final.tahun, "docx", hanya_terverifikasi=True, pada=final.data_pada
    ).isi
