"""Permendagri 90/2019 codes of program, kegiatan and sub kegiatan (DOMAIN.md §12)."""

from __future__ import annotations

import re

from sakip.kinerja.galat import KinerjaError

# urusan X . bidang XX . program XX . kegiatan X.XX . sub kegiatan XXXX (or the older XX)
POLA_KODE = {
    "program": re.compile(r"^[0-9X]\.[0-9X]{2}\.\d{2}$"),
    "kegiatan": re.compile(r"^[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}$"),
    "sub_kegiatan": re.compile(r"^[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}\.(?:\d{4}|\d{2})$"),
}
CONTOH_KODE = {
    "program": "4.01.01",
    "kegiatan": "4.01.01.2.01",
    "sub_kegiatan": "4.01.01.2.01.0001 (atau 4.01.01.2.01.01)",
}


def validasi_kode(kode: str, tingkat: str, kode_induk: str | None = None) -> str:
    """Check a code's format for its level and that it extends its parent's code.

    Kepmendagri 050-5889/2021: program ``4.01.01``, kegiatan ``4.01.01.2.01``,
    sub kegiatan ``4.01.01.2.01.0001``; older data uses a two-digit sub kegiatan
    (``4.01.01.2.01.01``), accepted and stored as given. Returns the code
    stripped of surrounding blanks; raises :class:`KinerjaError` saying what is wrong.
    """
    if tingkat not in POLA_KODE:
        raise KinerjaError(f"tingkat kode tidak dikenal: {tingkat!r}")
    bersih = kode.strip()
    if not POLA_KODE[tingkat].match(bersih):
        raise KinerjaError(
            f"kode {tingkat.replace('_', ' ')} {kode!r} tidak sesuai format Permendagri 90/2019 "
            f"(contoh: {CONTOH_KODE[tingkat]})"
        )
    if kode_induk is not None and not bersih.startswith(kode_induk.strip() + "."):
        raise KinerjaError(
            f"kode {tingkat.replace('_', ' ')} {bersih} tidak diawali kode induknya {kode_induk}"
        )
    return bersih
