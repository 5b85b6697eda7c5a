"""Template filters for figures in Indonesian format and small accessible inline charts.

The charts are inline SVG drawn on the server: no JavaScript library, nothing from a
CDN (DESIGN.md), and each carries a text alternative; the page beside it prints the
numbers in a table as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django import template
from django.utils.html import format_html

from sakip.kinerja import format_angka, format_persen, format_rupiah

register = template.Library()


@register.filter
def angka(nilai: object, tempat: int | None = 2) -> str:
    """``1.234.567,89``; ``-`` for no data."""
    return format_angka(nilai, tempat)  # type: ignore[arg-type]


@register.filter
def persen(nilai: object) -> str:
    """``122,10 %``; ``-`` for no data."""
    return format_persen(nilai)  # type: ignore[arg-type]


@register.filter
def rupiah(nilai: object) -> str:
    """``Rp 1.234.567``; ``-`` for no data."""
    return format_rupiah(nilai)  # type: ignore[arg-type]


@register.simple_tag
def batang(nilai: Decimal | None, puncak: Decimal | int = 100, label: str = "") -> str:
    """A horizontal bar of ``nilai`` on 0…``puncak`` with a mark at 100 %.

    Decorative beside the printed number (``aria-hidden``), unless ``label`` is given,
    in which case it is an image with that text.
    """
    puncak = Decimal(puncak) or Decimal(100)
    lebar = Decimal(0) if nilai is None else max(Decimal(0), min(Decimal(nilai), puncak))
    persen_lebar = (lebar / puncak * 100).quantize(Decimal("0.1"))
    garis = (Decimal(100) / puncak * 100).quantize(Decimal("0.1"))
    atribut = format_html('role="img" aria-label="{}"', label) if label else 'aria-hidden="true"'
    return format_html(
        '<svg class="dasbor-batang" viewBox="0 0 100 10" preserveAspectRatio="none" '
        'width="100%" height="14" focusable="false" {}>'
        '<rect x="0" y="0" width="100" height="10" class="dasbor-batang-latar"></rect>'
        '<rect x="0" y="0" width="{}" height="10" class="dasbor-batang-isi"></rect>'
        '<line x1="{}" x2="{}" y1="0" y2="10" class="dasbor-batang-target"></line></svg>',
        atribut,
        persen_lebar,
        garis,
        garis,
    )


@register.simple_tag
def garis_tren(titik: Sequence[object]) -> str:
    """A sparkline of the numeric points of a trend (objects with ``tahun``/``nilai``).

    Decorative (``aria-hidden``): the page prints every year's value beside it, which
    is the text alternative. Years without a numeric value are left out of the line;
    fewer than two points draw nothing.
    """
    angka_ada = [(t.tahun, t.nilai) for t in titik if t.nilai is not None]  # type: ignore[attr-defined]
    if len(angka_ada) < 2:
        return ""
    lebar, tinggi, tepi = 80, 24, 3
    nilai = [n for _, n in angka_ada]
    bawah, atas = min(nilai), max(nilai)
    rentang = (atas - bawah) or Decimal(1)
    n = len(titik)
    tahun_ke_x = {t.tahun: i for i, t in enumerate(titik)}  # type: ignore[attr-defined]
    poin = []
    for th, v in angka_ada:
        x = Decimal(tepi) + Decimal(tahun_ke_x[th]) * (lebar - 2 * tepi) / max(n - 1, 1)
        y = Decimal(tinggi - tepi) - (v - bawah) / rentang * (tinggi - 2 * tepi)
        poin.append((x.quantize(Decimal("0.1")), y.quantize(Decimal("0.1"))))
    garis = " ".join(f"{x},{y}" for x, y in poin)
    akhir_x, akhir_y = poin[-1]
    return format_html(
        '<svg class="dasbor-tren" width="{}" height="{}" viewBox="0 0 {} {}" aria-hidden="true" '
        'focusable="false"><polyline points="{}" fill="none"></polyline>'
        '<circle cx="{}" cy="{}" r="2.5"></circle></svg>',
        lebar,
        tinggi,
        lebar,
        tinggi,
        garis,
        akhir_x,
        akhir_y,
    )


@register.simple_tag
def lampu(
    kategori: str | None, warna: str | None, kosong: str = "Belum ada data terverifikasi"
) -> str:
    """A traffic light that is not colour only: a shaped dot plus the category in words."""
    if not kategori:
        return format_html(
            '<span class="dasbor-lampu dasbor-lampu-kosong"><span aria-hidden="true">○</span> {}</span>',
            kosong,
        )
    # A different glyph per light, so the level reads without telling colours apart.
    tanda = {"hijau": "●", "kuning": "▲", "oranye": "◆", "merah": "■"}.get(warna or "", "●")
    return format_html(
        '<span class="dasbor-lampu dasbor-lampu-{}"><span aria-hidden="true">{}</span> {}</span>',
        warna or "kosong",
        tanda,
        kategori,
    )
