"""The consistency checks on the report page and on an uploaded report (issue 8).

Two sources of findings for a unit and year: the checks on its stored data
(:mod:`sakip.periksa`), and the document checks run on the report as the app
generates it now, read from the same document model the preview shows, so a
finding's row is the preview's row. A report uploaded by a planner is read
from DOCX or text and checked the same way; nothing of it is stored.

Every call into :mod:`sakip.periksa` (the data checks, the acceptances, the
XLSX and JSON export) is in this module, so the views stay thin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache

from sakip.core.versi import versi_data
from sakip.kinerja.periksa import dokumen as periksa_dok
from sakip.kinerja.periksa.baca_teks import baca_teks
from sakip.kinerja.periksa.lkjip import periksa_dokumen
from sakip.kinerja.periksa.temuan import URUTAN_TINGKAT, Temuan, Tingkat, urutkan
from sakip.laporan import dokumen as lap
from sakip.laporan.baca_docx import DocxError, baca_docx, tabel_dari_grid
from sakip.laporan.render_html import jangkar, jangkar_baris
from sakip.organisasi.models import Unit
from sakip.periksa import ekspor, selectors, services
from sakip.periksa.models import PenerimaanTemuan

UMUR_TEMBOLOK = 60 * 60
UKURAN_MAKS = 10 * 1024 * 1024
"""An LKjIP is a few MB with its charts; more is not a report (and not read into memory)."""
AKHIRAN = (".docx", ".txt", ".md")
_POLA_LABEL_TABEL = re.compile(r"^Tabel\s+[\w.]+$")


class PeriksaError(ValueError):
    """An uploaded file that cannot be checked; the message is for the planner."""


# --- the report as the checks see it ------------------------------------------------


def _teks(s: lap.Sel) -> str:
    # A cell's line breaks read as spaces, as the readers of a file give them.
    return re.sub(r"\s+", " ", s.teks).strip()


def _kepala(baris: list[lap.Sel]) -> list[str]:
    # A spanning header stands over each of its columns, as the readers give it.
    return [_teks(s) for s in baris for _ in range(s.rentang_kolom)]


def _badan(baris: list[lap.Sel]) -> list[str]:
    return [t for s in baris for t in [_teks(s), *[""] * (s.rentang_kolom - 1)]]


def dokumen_periksa(dokumen: lap.Dokumen) -> periksa_dok.Dokumen:
    """A generated report's document model as the document checks read it.

    The same tables, headers and rows a reader of its DOCX gets
    (:func:`sakip.laporan.baca_docx.baca_docx`), without writing the DOCX; the
    year is the cover's year, which the report is about.
    """
    tabel = [
        tabel_dari_grid(
            t.label if t.nomor else None,
            t.judul,
            [_kepala(k) for k in t.kepala],
            [_badan(b) for b in t.baris],
            urutan=i,
        )
        for i, t in enumerate(dokumen.tabel())
    ]
    paragraf: list[periksa_dok.Paragraf] = []
    for b in dokumen.blok:
        if isinstance(b, lap.Judul | lap.Paragraf):
            teks = f"{b.label} {b.teks}" if isinstance(b, lap.Paragraf) and b.label else b.teks
            baris = (re.sub(r"\s+", " ", s).strip() for s in teks.splitlines())
            paragraf += [periksa_dok.Paragraf(s) for s in baris if s]
    return periksa_dok.Dokumen(
        tahun=dokumen.sampul.tahun, tabel=tabel, paragraf=paragraf, nama=dokumen.judul
    )


def temuan_laporan(unit: Unit, tahun: int) -> list[Temuan]:
    """The document checks' findings on the report of ``unit`` for ``tahun`` as built now.

    Built as the preview builds it (drafts included) and kept until the data
    changes (:func:`sakip.core.versi.versi_data`), so the page asks for it once.
    A unit without a Renstra has no report, and so no finding on it.
    """
    from sakip.laporan.services import LaporanError, susun_dokumen

    kunci = f"sakip:periksa:laporan:{unit.pk}:{tahun}:{versi_data()}"
    hasil: list[Temuan] | None = cache.get(kunci)
    if hasil is None:
        try:
            dokumen, _templat = susun_dokumen(unit, tahun)
        except LaporanError:
            hasil = []
        else:
            hasil = periksa_dokumen(dokumen_periksa(dokumen))
        cache.set(kunci, hasil, UMUR_TEMBOLOK)
    return hasil


def tautan_pratinjau(t: Temuan, url_pratinjau: str) -> str | None:
    """The preview's row (or table) a finding on the generated report points to."""
    tabel = t.lokasi.tabel or ""
    if not _POLA_LABEL_TABEL.match(tabel):
        return None
    id_tabel = jangkar(tabel)
    if t.lokasi.baris is None:
        return f"{url_pratinjau}#{id_tabel}"
    return f"{url_pratinjau}#{jangkar_baris(id_tabel, t.lokasi.baris)}"


# --- sakip.periksa: the data checks, acceptances, export ------------------------------


def temuan_data(unit: Unit, tahun: int) -> list[Temuan]:
    """The stored-data checks' findings, each linked to the record to correct."""
    return selectors.temuan_data(unit, tahun)


def penerimaan(unit: Unit, tahun: int) -> dict[str, PenerimaanTemuan]:
    """Accepted findings of ``unit`` and ``tahun`` by :attr:`Temuan.sidik`."""
    return selectors.penerimaan(unit, tahun)


def terima(pengguna: object, unit: Unit, tahun: int, temuan: Temuan, alasan: str) -> None:
    """Accept a finding with a reason (the unit's perencana or admin only)."""
    services.terima_temuan(pengguna, unit, tahun, temuan, alasan)


def ke_xlsx(
    temuan: list[Temuan],
    penerimaan: dict[str, PenerimaanTemuan] | None = None,
    judul: str = "",
) -> bytes:
    return ekspor.ke_xlsx(temuan, penerimaan, judul=judul)


def ke_json(temuan: list[Temuan], penerimaan: dict[str, PenerimaanTemuan] | None = None) -> str:
    return ekspor.ke_json(temuan, penerimaan)


# --- what the page shows -----------------------------------------------------------------


@dataclass
class Butir:
    """One finding on the page: where it links and whether the team accepted it."""

    temuan: Temuan
    sumber: str  # "data" or "laporan"
    tautan: str | None = None
    diterima: PenerimaanTemuan | None = None


@dataclass
class Kelompok:
    tingkat: Tingkat
    butir: list[Butir] = field(default_factory=list)

    @property
    def terbuka(self) -> int:
        """Findings not accepted yet: what still needs the team's work."""
        return sum(1 for b in self.butir if b.diterima is None)


def kelompokkan(butir: Iterable[Butir]) -> list[Kelompok]:
    """Findings by severity (errors first), in each the checks' order; empty groups kept."""
    butir = list(butir)
    urut = {id(t): i for i, t in enumerate(urutkan(b.temuan for b in butir))}
    daftar = sorted(butir, key=lambda b: urut.get(id(b.temuan), 0))
    return [Kelompok(tk, [b for b in daftar if b.temuan.tingkat == tk]) for tk in URUTAN_TINGKAT]


def panel(unit: Unit, tahun: int, url_pratinjau: str) -> tuple[list[Kelompok], list[Temuan]]:
    """Every finding of ``unit`` and ``tahun`` for the report page, grouped by severity.

    The stored-data findings link to the record to correct (``lokasi.tautan``);
    the report's to the preview row. Returns the groups and the flat list
    (the order of the downloads).
    """
    diterima = penerimaan(unit, tahun)
    butir = [
        Butir(t, "data", t.lokasi.tautan, diterima.get(t.sidik)) for t in temuan_data(unit, tahun)
    ]
    butir += [
        Butir(t, "laporan", tautan_pratinjau(t, url_pratinjau), diterima.get(t.sidik))
        for t in temuan_laporan(unit, tahun)
    ]
    kelompok = kelompokkan(butir)
    return kelompok, [b.temuan for k in kelompok for b in k.butir]


def cari_temuan(unit: Unit, tahun: int, sidik: str) -> Temuan | None:
    """The current finding with fingerprint ``sidik``, or None when it is gone."""
    for t in [*temuan_data(unit, tahun), *temuan_laporan(unit, tahun)]:
        if t.sidik == sidik:
            return t
    return None


# --- a report uploaded by hand ------------------------------------------------------------


def baca_unggahan(nama: str, isi: bytes) -> periksa_dok.Dokumen:
    """Read an uploaded LKjIP (DOCX, or text with markdown or tab-separated tables).

    Raises :class:`PeriksaError` with a message for the planner when the file is
    of another kind, empty, or unreadable.
    """
    akhiran = nama.lower().rsplit(".", 1)[-1] if "." in nama else ""
    if f".{akhiran}" not in AKHIRAN:
        raise PeriksaError(
            f"Berkas “{nama}” tidak didukung. Unggah laporan sebagai Word (.docx) "
            "atau teks (.txt, .md) dengan tabel markdown atau dipisah tab."
        )
    if not isi.strip():
        raise PeriksaError(f"Berkas “{nama}” kosong.")
    if akhiran == "docx":
        try:
            return baca_docx(isi, nama)
        except DocxError as exc:
            raise PeriksaError(
                f"Berkas “{nama}” tidak dapat dibaca sebagai dokumen Word (.docx). "
                "Simpan ulang dari Word sebagai .docx (bukan .doc atau PDF)."
            ) from exc
    try:
        teks = isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        teks = isi.decode("cp1252", errors="replace")
    if "\x00" in teks:
        raise PeriksaError(f"Berkas “{nama}” bukan berkas teks.")
    return baca_teks(teks, nama)


def periksa_unggahan(nama: str, isi: bytes) -> tuple[periksa_dok.Dokumen, list[Temuan]]:
    """The document read from an upload, and every document check's findings on it."""
    dokumen = baca_unggahan(nama, isi)
    return dokumen, periksa_dokumen(dokumen)
