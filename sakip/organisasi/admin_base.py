"""Admin base class: change history, and a queryset scoped to the user's units."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from sakip.organisasi.akses import unit_ids_untuk


class UnitScopedAdmin(SimpleHistoryAdmin):
    """``unit_path`` names the lookup from the model to its Unit (e.g. ``"indikator__unit"``)."""

    unit_path = "unit"
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        ids = unit_ids_untuk(request.user, "view")
        return qs if ids is None else qs.filter(**{f"{self.unit_path}__in": ids})

    def _boleh_ubah(self, request: HttpRequest, obj: Any) -> bool:
        if obj is None:
            return True
        ids = unit_ids_untuk(request.user, "change")
        if ids is None:
            return True
        nilai: Any = obj
        for bagian in self.unit_path.split("__"):
            nilai = getattr(nilai, bagian)
        return nilai.pk in ids

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and self._boleh_ubah(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and self._boleh_ubah(request, obj)
