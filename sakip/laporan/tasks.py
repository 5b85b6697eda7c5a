"""Report builds requested from the app, run by the background worker (`sakip db_worker`).

A full LKjIP takes seconds and a PDF longer, too long for a web request that a
proxy may cut; the page asks for it, the worker builds it and writes its progress
to the :class:`~sakip.laporan.models.PermintaanLaporan` row that the page polls.
"""

from __future__ import annotations

import logging
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from sakip.laporan.models import PermintaanLaporan, StatusPermintaan
from sakip.laporan.services import LaporanError, buat_laporan

log = logging.getLogger(__name__)


def _catat(permintaan_id: int, **kolom: object) -> None:
    # An UPDATE, not save(): the page reads the row while the worker writes it, and a
    # save() of a stale instance would put back fields the other side changed.
    PermintaanLaporan.objects.filter(pk=permintaan_id).update(**kolom)


@task()
def buat_laporan_latar(permintaan_id: int) -> str:
    """Build the requested report and attach it to its request; return the status."""
    p = PermintaanLaporan.objects.select_related("unit").get(pk=permintaan_id)
    _catat(p.pk, status=StatusPermintaan.BERJALAN, kemajuan=1, tahap="Memulai")

    def kemajuan(persen: int, tahap: str) -> None:
        _catat(p.pk, kemajuan=min(max(persen, 1), 99), tahap=tahap[:160])

    try:
        hasil = buat_laporan(
            p.unit,
            p.tahun,
            p.format,
            hanya_terverifikasi=p.hanya_terverifikasi,
            kemajuan=kemajuan,
        )
    except LaporanError as exc:
        _catat(
            p.pk,
            status=StatusPermintaan.GAGAL,
            pesan_galat=str(exc),
            tahap="Gagal",
            selesai_pada=timezone.now(),
        )
        return StatusPermintaan.GAGAL
    except Exception:
        # The user gets a sentence, the log gets the traceback; the row never stays "running".
        log.exception("Laporan %s gagal dibuat", permintaan_id)
        _catat(
            p.pk,
            status=StatusPermintaan.GAGAL,
            pesan_galat="Terjadi kesalahan tak terduga saat menyusun laporan; "
            "administrator dapat melihat rinciannya di log server.",
            tahap="Gagal",
            selesai_pada=timezone.now(),
        )
        return StatusPermintaan.GAGAL
    # A folder per build keeps the file's own name, which is the download's name.
    p.berkas.save(f"{uuid.uuid4().hex}/{hasil.nama_berkas}", ContentFile(hasil.isi), save=False)
    _catat(
        p.pk,
        berkas=p.berkas.name,
        status=StatusPermintaan.SELESAI,
        kemajuan=100,
        tahap="Selesai",
        selesai_pada=timezone.now(),
    )
    return StatusPermintaan.SELESAI
