"""Forms of the import/export page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms

from sakip.core.forms import FormRapi
from sakip.organisasi.models import Unit

# A whole agency's workbook (the Kaltim demo exports to about 0,5 MB) fits many times over.
UKURAN_MAKS = 10 * 1024 * 1024
AKHIRAN = {".xlsx", ".yaml", ".yml", ".json"}


class FormUnggah(FormRapi):
    berkas = forms.FileField(
        label="Berkas dataset",
        help_text="Excel (.xlsx) dari templat, atau YAML/JSON; paling besar 10 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.yaml,.yml,.json"}),
    )

    def clean_berkas(self) -> Any:
        berkas = self.cleaned_data["berkas"]
        akhiran = Path(berkas.name).suffix.lower()
        if akhiran not in AKHIRAN:
            raise forms.ValidationError(
                f"Jenis berkas {akhiran or '(tanpa akhiran)'} tidak dikenal; "
                "gunakan .xlsx, .yaml atau .json."
            )
        if berkas.size > UKURAN_MAKS:
            raise forms.ValidationError(
                f"Berkas {berkas.size / 1024 / 1024:.1f} MB melebihi batas 10 MB; "
                "pecah menjadi beberapa berkas (mis. per unit atau per tahun)."
            )
        return berkas


class FormEkspor(FormRapi):
    unit = forms.ModelChoiceField(
        label="Unit",
        queryset=Unit.objects.none(),
        to_field_name="slug",
        empty_label=None,
        help_text="Data unit ini beserta unit di bawahnya.",
    )
    tahun = forms.IntegerField(
        label="Tahun (opsional)",
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="Kosongkan untuk semua tahun.",
    )

    def __init__(self, *args: Any, user: object, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.restrict(user).order_by("urutan", "nama")
