"""A finding of a consistency check: where, what, and the right value.

A finding must let a reader correct the document from the message alone
(issue 8): it names the table, row and column, the printed value and the value
that should stand there, and the formula the check assumed. Its ``kode`` is
stable so that a team can accept a finding with a reason and not see it again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Tingkat(StrEnum):
    """Severity; the order is the order of :data:`URUTAN_TINGKAT`."""

    GALAT = "galat"
    """An error: a figure that is wrong (a sum, a capaian, a predikat)."""
    PERINGATAN = "peringatan"
    """Probably wrong or missing: an outlier without explanation, a stale year."""
    CATATAN = "catatan"
    """Worth a look; not wrong by itself."""

    @property
    def label(self) -> str:
        return {"galat": "Galat", "peringatan": "Peringatan", "catatan": "Catatan"}[self.value]


URUTAN_TINGKAT = (Tingkat.GALAT, Tingkat.PERINGATAN, Tingkat.CATATAN)


@dataclass(frozen=True)
class Lokasi:
    """Where a finding is: a table and row of a document, or a stored record.

    ``tabel`` is the caption label ("Tabel 3.16") or a description ("Ikhtisar
    Eksekutif"); ``baris`` counts the table's body rows from 1 as the reader
    sees them; ``kolom`` is the column's header; ``uraian`` the row's label
    (indicator, program, sub kegiatan); ``baris_berkas`` the line in a text
    file; ``tautan`` a URL in the app (the record to correct).
    """

    tabel: str | None = None
    baris: int | None = None
    kolom: str | None = None
    uraian: str | None = None
    baris_berkas: int | None = None
    tautan: str | None = None

    def __str__(self) -> str:
        bagian: list[str] = []
        if self.tabel:
            bagian.append(self.tabel)
        if self.baris is not None:
            bagian.append(f"baris {self.baris}")
        if self.uraian:
            bagian.append(f"“{_ringkas(self.uraian)}”")
        if self.kolom:
            bagian.append(f"kolom “{_ringkas(self.kolom, 40)}”")
        if self.baris_berkas is not None:
            bagian.append(f"(baris berkas {self.baris_berkas})")
        return ", ".join(bagian) if bagian else "-"


@dataclass(frozen=True)
class Temuan:
    """One finding.

    ``kode`` names the check (e.g. ``CAPAIAN_HITUNG``), ``pesan`` says in
    Bahasa Indonesia what is wrong and what the right value is; ``tercetak``
    and ``seharusnya`` carry the printed and the right value as text so that a
    spreadsheet of findings can be sorted and corrected; ``rumus`` says which
    formula the check assumed.
    """

    kode: str
    tingkat: Tingkat
    pesan: str
    lokasi: Lokasi = field(default_factory=Lokasi)
    tercetak: str | None = None
    seharusnya: str | None = None
    rumus: str | None = None

    @property
    def sidik(self) -> str:
        """A stable fingerprint: the same finding in a rebuilt report has the same one.

        Built from the code and the location's table, row label and column (not
        from the message, whose numbers change when the data is corrected), so a
        team's acceptance of a finding survives a regeneration.
        """
        kunci = "|".join(
            [
                self.kode,
                self.lokasi.tabel or "",
                _normal(self.lokasi.uraian or ""),
                _normal(self.lokasi.kolom or ""),
                "" if self.lokasi.uraian else str(self.lokasi.baris or ""),
            ]
        )
        return hashlib.sha1(kunci.encode("utf-8")).hexdigest()[:16]

    def sebagai_dict(self) -> dict[str, object]:
        """A JSON-ready mapping (``sakip periksa --json``)."""
        return {
            "kode": self.kode,
            "tingkat": self.tingkat.value,
            "pesan": self.pesan,
            "lokasi": {
                "tabel": self.lokasi.tabel,
                "baris": self.lokasi.baris,
                "kolom": self.lokasi.kolom,
                "uraian": self.lokasi.uraian,
                "baris_berkas": self.lokasi.baris_berkas,
                "tautan": self.lokasi.tautan,
            },
            "tercetak": self.tercetak,
            "seharusnya": self.seharusnya,
            "rumus": self.rumus,
            "sidik": self.sidik,
        }


def urutkan(temuan: Iterable[Temuan]) -> list[Temuan]:
    """Errors first, then warnings, then notes; within a severity, document order."""
    daftar = list(temuan)
    peringkat = {t: i for i, t in enumerate(URUTAN_TINGKAT)}
    return sorted(
        daftar,
        key=lambda t: (peringkat[t.tingkat], t.lokasi.baris_berkas or 0, t.lokasi.baris or 0),
    )


def _normal(teks: str) -> str:
    return re.sub(r"\s+", " ", teks).strip().lower()


def _ringkas(teks: str, panjang: int = 70) -> str:
    teks = re.sub(r"\s+", " ", teks).strip()
    return teks if len(teks) <= panjang else teks[: panjang - 1].rstrip() + "…"
