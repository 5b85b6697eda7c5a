"""Unit scoping in one place: which units a user may view or change.

Every queryset that holds a unit's data goes through :func:`unit_ids_untuk`
(via the models' ``restrict`` methods), so a forgotten filter cannot leak
another unit's data (DESIGN.md, "Inside a Django app").
"""

from __future__ import annotations

from sakip.organisasi.models import Keanggotaan, Peran, keturunan_ids

# Which roles may change data; the others only read.
PERAN_PENGUBAH = {Peran.ADMIN, Peran.PERENCANA, Peran.OPERATOR}


def unit_ids_untuk(user: object, aksi: str = "view") -> set[int] | None:
    """Unit ids the user may ``view`` or ``change``; None means every unit (superuser)."""
    if aksi not in {"view", "change"}:
        raise ValueError(f"aksi tidak dikenal: {aksi!r}")
    return unit_ids_peran(user, PERAN_PENGUBAH if aksi == "change" else None)


def unit_ids_peran(user: object, peran: set[str] | None) -> set[int] | None:
    """Unit ids where the user holds one of ``peran`` (any role when None), with their subtrees."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return set()
    if getattr(user, "is_superuser", False):
        return None
    anggota = Keanggotaan.objects.filter(user=user)
    if peran is not None:
        anggota = anggota.filter(peran__in=peran)
    return keturunan_ids(anggota.values_list("unit_id", flat=True))


def boleh(user: object, unit_id: int, aksi: str = "view") -> bool:
    ids = unit_ids_untuk(user, aksi)
    return ids is None or unit_id in ids


def boleh_peran(user: object, unit_id: int, peran: set[str]) -> bool:
    """Whether the user holds one of ``peran`` in the unit or above it."""
    ids = unit_ids_peran(user, peran)
    return ids is None or unit_id in ids
