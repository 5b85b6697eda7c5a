"""Checking an LKjIP document: every registered document check, in one call."""

from __future__ import annotations

from collections.abc import Iterable

# The check modules register themselves on import.
from sakip.kinerja.periksa import cek_dokumen, cek_tabel  # noqa: F401
from sakip.kinerja.periksa.baca_teks import baca_teks
from sakip.kinerja.periksa.daftar import ATURAN_DOKUMEN
from sakip.kinerja.periksa.dokumen import Dokumen
from sakip.kinerja.periksa.temuan import Temuan


def periksa_dokumen(dokumen: Dokumen, kode: Iterable[str] | None = None) -> list[Temuan]:
    """All findings on ``dokumen`` (or only those of the checks named in ``kode``)."""
    return ATURAN_DOKUMEN.jalankan(dokumen, kode)


def periksa_teks(teks: str, nama: str = "", kode: Iterable[str] | None = None) -> list[Temuan]:
    """Read a report from text (markdown or tab-separated tables) and check it."""
    return periksa_dokumen(baca_teks(teks, nama), kode)
