"""What every page knows about its user: roles, the units they may pick, the unit in use.

The unit in use is kept in the session, so an operator of two Bagian or a planner
of a whole Setda picks once and every screen opens on that unit.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from sakip.organisasi.akses import peran_pengguna
from sakip.organisasi.models import Unit

KUNCI_SESI_UNIT = "sakip_unit_aktif"


def unit_pilihan(request: HttpRequest) -> list[Unit]:
    """The units the user may view, tree order; computed once per request."""
    if not hasattr(request, "_sakip_unit_pilihan"):
        if not request.user.is_authenticated:
            request._sakip_unit_pilihan = []  # type: ignore[attr-defined]
        else:
            request._sakip_unit_pilihan = _urut_pohon(  # type: ignore[attr-defined]
                list(
                    Unit.objects.restrict(request.user).only(
                        "slug", "nama", "singkatan", "jenis", "induk_id", "urutan"
                    )
                )
            )
    return request._sakip_unit_pilihan  # type: ignore[attr-defined,no-any-return]


def _urut_pohon(units: list[Unit]) -> list[Unit]:
    """Parents before children, siblings by their order; ``label_pohon`` indented by depth."""
    ada = {u.pk for u in units}
    anak: dict[int | None, list[Unit]] = {}
    for u in units:
        anak.setdefault(u.induk_id if u.induk_id in ada else None, []).append(u)
    hasil: list[Unit] = []

    def jalan(induk: int | None, tingkat: int) -> None:
        for u in sorted(anak.get(induk, []), key=lambda x: (x.urutan, x.nama)):
            u.label_pohon = "\u00a0\u00a0" * tingkat + (u.singkatan or u.nama)  # type: ignore[attr-defined]
            hasil.append(u)
            jalan(u.pk, tingkat + 1)

    jalan(None, 0)
    return hasil


def unit_aktif(request: HttpRequest) -> Unit | None:
    """The unit chosen in the switcher, else the user's first unit; None without any unit."""
    pilihan = unit_pilihan(request)
    slug = request.session.get(KUNCI_SESI_UNIT) if hasattr(request, "session") else None
    for u in pilihan:
        if u.slug == slug:
            return u
    return pilihan[0] if pilihan else None


def navigasi(request: HttpRequest) -> dict[str, Any]:
    """Template context: the user's roles, units and the unit in use."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    peran = peran_pengguna(request.user)
    return {
        "peran_saya": peran,
        "unit_pilihan": unit_pilihan(request),
        "unit_aktif": unit_aktif(request),
    }
