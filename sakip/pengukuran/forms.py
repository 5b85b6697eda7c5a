"""Forms of the measurement screens. Numbers stay text here: the services read them the
Indonesian way ("1.234.567,89", "85 %", "Rp 1.234.567") and say what is wrong."""

from __future__ import annotations

from django import forms

from sakip.pengukuran.models import Narasi
from sakip.pengukuran.services import PANJANG_PENJELASAN_ANGGARAN
from sakip.perencanaan.models import Periode

PILIHAN_TW = [(p, Periode(p).label) for p in ("TW1", "TW2", "TW3", "TW4")]


class FormRealisasi(forms.Form):
    nilai = forms.CharField(label="Realisasi", max_length=40, required=False)
    versi = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    catatan = forms.CharField(
        label="Catatan/penjelasan", required=False, max_length=2000, widget=forms.Textarea
    )


class FormRealisasiAnggaran(forms.Form):
    nilai = forms.CharField(label="Realisasi (Rp)", max_length=40, required=False)
    versi = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    catatan = forms.CharField(
        label="Penjelasan", required=False, max_length=PANJANG_PENJELASAN_ANGGARAN
    )


class FormNarasi(forms.ModelForm):
    class Meta:
        model = Narasi
        fields = ["faktor_pendorong", "faktor_penghambat", "permasalahan", "solusi"]
        widgets = {f: forms.Textarea(attrs={"rows": 2}) for f in fields}


class FormEviden(forms.Form):
    judul = forms.CharField(label="Judul data dukung", max_length=255, required=False)
    berkas = forms.FileField(label="Berkas")


class FormKembalikan(forms.Form):
    alasan = forms.CharField(
        label="Alasan pengembalian",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Tuliskan alasan agar operator tahu apa yang harus diperbaiki."
        },
    )


class FormPilihPeriode(forms.Form):
    tahun = forms.TypedChoiceField(
        label="Tahun", coerce=int, widget=forms.Select(attrs={"class": "form-select"})
    )
    periode = forms.ChoiceField(
        label="Triwulan", choices=PILIHAN_TW, widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args: object, tahun_pilihan: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["tahun"].choices = [(t, str(t)) for t in tahun_pilihan]  # type: ignore[attr-defined]
