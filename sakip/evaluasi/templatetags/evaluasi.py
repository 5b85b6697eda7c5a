"""Template filters of the evaluation screens."""

from __future__ import annotations

from decimal import Decimal

from django import template

from sakip.kinerja import format_angka

register = template.Library()


@register.filter
def nilai(n: Decimal | str | None) -> str:
    """A score as "81,80"; "-" when there is none."""
    return "-" if n is None or n == "" else format_angka(Decimal(n))


@register.filter
def ubah(n: Decimal | str | None) -> str:
    """A change as "+7,80" / "-1,60"; "-" when there is none."""
    if n is None or n == "":
        return "-"
    d = Decimal(n)
    return ("+" if d > 0 else "") + format_angka(d)


@register.filter
def ambil(kamus: dict[object, object] | None, kunci: object) -> object:
    return None if not kamus else kamus.get(kunci)
