"""Model permissions from roles: a membership is all a user needs.

Which rows a permission reaches is decided by unit scoping (``akses``); this
backend only says which kinds of records a role may view, add, change or delete.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from sakip.organisasi.models import Keanggotaan, Peran

APLIKASI_SAKIP = (
    "organisasi",
    "perencanaan",
    "perjanjian",
    "pengukuran",
    "anggaran",
    "evaluasi",
    "survei",
    "profil",
    "laporan",
)
SEMUA_AKSI = ("view", "add", "change", "delete")

# Operators enter their unit's measurements; evaluators keep the evaluation results.
DATA_OPERATOR = {
    "pengukuran": ("realisasi", "narasi", "eviden", "pengajuanperiode"),
    "anggaran": ("realisasianggaran",),
}
DATA_EVALUATOR = {"evaluasi": ("hasilevaluasi", "skorkomponen", "rekomendasi", "temuan")}


def _izin_peran(peran: str) -> set[str]:
    if peran in {Peran.ADMIN, Peran.PERENCANA}:
        return {f"{app}.{aksi}_*" for app in APLIKASI_SAKIP for aksi in SEMUA_AKSI}
    hasil = {f"{app}.view_*" for app in APLIKASI_SAKIP}
    tambahan = {Peran.OPERATOR: DATA_OPERATOR, Peran.EVALUATOR: DATA_EVALUATOR}.get(peran, {})
    for app, models in tambahan.items():
        hasil |= {f"{app}.{aksi}_{m}" for m in models for aksi in ("add", "change")}
    return hasil


class PeranBackend(BaseBackend):
    """Grants model permissions by the roles of the user's memberships."""

    def _pola(self, user_obj: Any) -> set[str]:
        if not getattr(user_obj, "is_active", False) or getattr(user_obj, "is_anonymous", True):
            return set()
        if not hasattr(user_obj, "_sakip_izin"):
            peran = set(Keanggotaan.objects.filter(user=user_obj).values_list("peran", flat=True))
            user_obj._sakip_izin = set().union(*(_izin_peran(p) for p in peran)) if peran else set()
        return user_obj._sakip_izin  # type: ignore[no-any-return]

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        pola = self._pola(user_obj)
        if perm in pola:
            return True
        app, _, kode = perm.partition(".")
        aksi = kode.split("_", 1)[0]
        return f"{app}.{aksi}_*" in pola

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return any(p.startswith(f"{app_label}.") for p in self._pola(user_obj))
