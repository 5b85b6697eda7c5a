"""Unit scoping in one place: which units a user may view or change.

Every queryset that holds a unit's data goes through :func:`unit_ids_untuk`
(via the models' ``restrict`` methods), so a forgotten filter cannot leak
another unit's data (DESIGN.md, "Inside a Django app").
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from sakip.organisasi.models import Keanggotaan, Peran, Unit, keturunan_ids

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


def peran_di(user: object, unit: Unit) -> set[str]:
    """The user's roles that cover ``unit`` (memberships of the unit or an ancestor)."""
    if getattr(user, "is_superuser", False):
        return {Peran.ADMIN}
    if not getattr(user, "is_authenticated", False):
        return set()
    leluhur = [unit.pk, *(u.pk for u in unit.leluhur())]
    return set(
        Keanggotaan.objects.filter(user=user, unit_id__in=leluhur).values_list("peran", flat=True)
    )


def peran_pengguna(user: object) -> set[str]:
    """Every role the user holds anywhere: what the navigation offers."""
    if getattr(user, "is_superuser", False):
        return set(Peran.values)
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(Keanggotaan.objects.filter(user=user).values_list("peran", flat=True))


def unit_atau_404(user: object, slug: str, aksi: str = "view") -> Unit:
    """The unit named by ``slug`` if the user may ``aksi`` it; 404 otherwise.

    404 rather than 403 for another unit, so a URL does not even tell that the unit exists.
    """
    unit = Unit.objects.filter(slug=slug).first()
    if unit is None or not boleh(user, unit.pk, aksi):
        raise Http404("Unit tidak ditemukan atau bukan wewenang Anda.")
    return unit


def wajib_peran(user: object, unit: Unit, peran: set[str], tindakan: str) -> None:
    """403 unless the user holds one of ``peran`` in ``unit`` or above; ``tindakan`` says what."""
    if not boleh_peran(user, unit.pk, peran):
        nama = ", ".join(sorted(Peran(p).label.lower() for p in peran))
        raise PermissionDenied(f"Hanya {nama} {unit} yang dapat {tindakan}.")
