"""Admin base class: change history, and a queryset scoped to the user's units."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import PermissionDenied
from django.db.models import ForeignKey, QuerySet
from django.forms import ModelChoiceField
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from sakip.kinerja import format_rupiah
from sakip.organisasi.akses import unit_ids_untuk
from sakip.organisasi.models import Unit


def kolom_rupiah(nama_field: str, judul: str) -> Any:
    """A changelist column showing a money field as ``Rp 1.234.567``, sortable by the field."""

    @admin.display(description=judul, ordering=nama_field)
    def tampil(obj: Any) -> str:
        return format_rupiah(getattr(obj, nama_field))

    tampil.__name__ = f"{nama_field}_rupiah"
    return tampil


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

    def get_list_filter(self, request: HttpRequest) -> Any:
        # A related filter would otherwise list every unit, Renstra or program in the
        # database, other agencies' included; offer only what the scoped rows use.
        filter_: list[Any] = []
        for f in super().get_list_filter(request):
            if isinstance(f, str) and get_fields_from_path(self.model, f)[-1].is_relation:
                f = (f, admin.RelatedOnlyFieldListFilter)
            filter_.append(f)
        return filter_

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField | None:
        """Choices limited to the units the user may change (and what belongs to them)."""
        ids = unit_ids_untuk(request.user, "change")
        terkait = db_field.related_model
        if ids is not None and "queryset" not in kwargs:
            if terkait is Unit:
                kwargs["queryset"] = Unit.objects.filter(pk__in=ids)
            elif any(f.name == "unit" for f in terkait._meta.get_fields()):
                kwargs["queryset"] = terkait._default_manager.filter(unit__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # A forged form (or a choice outside the list) must not place a row in a unit
        # the user may not write.
        if not self._boleh_ubah(request, obj):
            raise PermissionDenied("Unit ini di luar wewenang Anda.")
        super().save_model(request, obj, form, change)
