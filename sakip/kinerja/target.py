"""What a target can be: a number, a predikat such as "BB", or a range."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sakip.kinerja.angka import Angka, format_angka, ke_desimal, parse_nilai
from sakip.kinerja.galat import KinerjaError
from sakip.kinerja.predikat import Predikat


@dataclass(frozen=True)
class Rentang:
    """A target given as a range ``bawah``–``atas`` (e.g. inflation "3 ± 1" is 2–4)."""

    bawah: Decimal
    atas: Decimal

    def __post_init__(self) -> None:
        if self.bawah > self.atas:
            raise KinerjaError(
                f"rentang {format_angka(self.bawah, None)}–{format_angka(self.atas, None)}: "
                "batas bawah lebih besar dari batas atas"
            )

    def __str__(self) -> str:
        return f"{format_angka(self.bawah, None)}–{format_angka(self.atas, None)}"


Target = Decimal | int | Predikat | Rentang
"""A parsed target: numeric, qualitative (predikat order) or a range."""

_ANGKA = r"[-+]?\d[\d.,]*"
_PLUS_MINUS = re.compile(rf"^\s*({_ANGKA})\s*(?:±|\+/-|\+-)\s*({_ANGKA})\s*(.*)$")
_RENTANG = re.compile(
    rf"^\s*({_ANGKA})\s*(?:%\s*)?(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?: dengan)?)\s*({_ANGKA})\s*(.*)$",
    re.IGNORECASE,
)


def _angka(teks: str, asli: str) -> Decimal:
    nilai = parse_nilai(teks).angka
    if nilai is None:  # pragma: no cover - the patterns admit digits only
        raise KinerjaError(f"target {asli!r}: bagian {teks!r} bukan angka")
    return nilai


def parse_target(teks: str) -> Target | None:
    """Read a target as planners write it.

    "85", "85 %", "12 Dokumen" → a number; "BB" → :class:`Predikat`; "80–90",
    "80 - 90", "80 s.d. 90" → a range; "3 ± 1" → the range 2–4; "-" or empty →
    None (no target). Anything else raises :class:`KinerjaError`.
    """
    if Predikat.cocok(teks):
        return Predikat.dari_teks(teks)
    for pola, pm in ((_PLUS_MINUS, True), (_RENTANG, False)):
        cocok = pola.match(teks)
        if cocok:
            a, b = _angka(cocok[1], teks), _angka(cocok[2], teks)
            if pm:
                return Rentang(a - b, a + b)
            return Rentang(a, b)
    return parse_nilai(teks).angka


def sebagai_target(target: Target | str | None) -> Target | None:
    """Normalise a stored or typed target into a :data:`Target` (or None)."""
    if target is None or isinstance(target, Predikat | Rentang):
        return target
    if isinstance(target, str):
        return parse_target(target)
    return ke_desimal(target, "target")


def sebagai_realisasi(realisasi: Angka | Predikat | str | None) -> Decimal | Predikat | None:
    """Normalise a realisasi: a number, a predikat, or None for no data."""
    if realisasi is None or isinstance(realisasi, Predikat):
        return realisasi
    if isinstance(realisasi, str):
        if Predikat.cocok(realisasi):
            return Predikat.dari_teks(realisasi)
        return parse_nilai(realisasi).angka
    return ke_desimal(realisasi, "realisasi")
