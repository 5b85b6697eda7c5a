"""Forms of the survey screens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms

from sakip.core.forms import FormRapi

UKURAN_MAKS = 5 * 1024 * 1024
AKHIRAN = {".xlsx", ".csv"}


class FormUnggahTanggapan(FormRapi):
    berkas = forms.FileField(
        label="Berkas tanggapan responden",
        help_text=(
            "Excel (.xlsx) dari templat atau CSV dengan kolom yang sama; paling besar 5 MB. "
            "Tanggapan semester ini yang sudah ada akan diganti."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_berkas(self) -> Any:
        berkas = self.cleaned_data["berkas"]
        akhiran = Path(berkas.name).suffix.lower()
        if akhiran not in AKHIRAN:
            raise forms.ValidationError(
                f"Jenis berkas {akhiran or '(tanpa akhiran)'} tidak dikenal; gunakan .xlsx atau .csv."
            )
        if berkas.size > UKURAN_MAKS:
            raise forms.ValidationError(
                f"Berkas {berkas.size / 1024 / 1024:.1f} MB melebihi batas 5 MB."
            )
        return berkas


class FormTahun(FormRapi):
    tahun = forms.TypedChoiceField(label="Tahun", coerce=int, choices=[])

    def __init__(self, *args: Any, tahun: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [(t, str(t)) for t in tahun]
