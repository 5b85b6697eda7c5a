"""Display filters of the measurement screens: Indonesian numbers and workflow badges."""

from __future__ import annotations

from decimal import Decimal

from django import template

from sakip.kinerja import Predikat, format_angka, format_persen, format_rupiah
from sakip.pengukuran.models import StatusData

register = template.Library()

WARNA_STATUS = {
    StatusData.DRAF: "text-bg-secondary",
    StatusData.DIAJUKAN: "text-bg-primary",
    StatusData.DIKEMBALIKAN: "text-bg-danger",
    StatusData.DIVERIFIKASI: "text-bg-success",
    StatusData.FINAL: "text-bg-dark",
}


@register.filter
def angka(nilai: object) -> str:
    """A number as "1.234,5" (as many decimals as it has), a predikat as its code, "-" if none."""
    if nilai is None or nilai == "":
        return "-"
    if isinstance(nilai, Predikat):
        return nilai.kode
    if isinstance(nilai, Decimal | int):
        return format_angka(nilai, None)
    return str(nilai)


@register.filter
def persen(nilai: Decimal | None) -> str:
    # A missing attribute reaches a filter as "": show it as no data.
    return format_persen(nilai if nilai != "" else None)


@register.filter
def rupiah(nilai: Decimal | None) -> str:
    return format_rupiah(nilai if nilai != "" else None)


@register.filter
def ambil(kamus: dict[object, object] | None, kunci: object) -> object:
    """``kamus[kunci]`` in a template; None when missing."""
    return None if not kamus else kamus.get(kunci)


@register.filter
def label_status(status: str | None) -> str:
    return StatusData(status).label if status else "Belum diisi"


@register.filter
def warna_status(status: str | None) -> str:
    return WARNA_STATUS.get(status, "text-bg-light border") if status else "text-bg-light border"


@register.filter
def label_tw(periode: str) -> str:
    from sakip.pengukuran.selectors import LABEL_TW

    return LABEL_TW.get(periode, periode)


@register.filter
def mutlak(nilai: int) -> int:
    return abs(nilai)


@register.filter
def narasi_isi(narasi: object, nama: str) -> str:
    """A narrative field's text, "" without a narrative."""
    return "" if narasi is None else str(getattr(narasi, nama, "") or "")
