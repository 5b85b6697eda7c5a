"""Forms of the evaluation screens; they check input, :mod:`.services` writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import forms
from django.http import QueryDict

from sakip.core.forms import FormRapi
from sakip.evaluasi.models import KriteriaLKE, LembarKerja, StatusTindakLanjut
from sakip.evaluasi.services import PERAN_EVALUATOR, IsianKriteria
from sakip.organisasi.akses import unit_ids_peran, unit_ids_untuk
from sakip.organisasi.models import Unit
from sakip.pengukuran.models import Eviden


def unit_evaluasi(user: object) -> Any:
    """Units where the user may open a worksheet: as evaluator/admin, or as the unit itself."""
    menilai = unit_ids_peran(user, PERAN_EVALUATOR)
    ubah = unit_ids_untuk(user, "change")
    qs = Unit.objects.order_by("urutan", "nama")
    if menilai is None or ubah is None:
        return qs
    return qs.filter(pk__in=menilai | ubah)


class FormBuatEvaluasi(FormRapi):
    unit = forms.ModelChoiceField(
        label="Unit yang dievaluasi",
        queryset=Unit.objects.none(),
        to_field_name="slug",
        empty_label=None,
    )
    tahun = forms.IntegerField(label="Tahun yang dievaluasi", min_value=2000, max_value=2100)
    lembar = forms.ModelChoiceField(
        label="Versi LKE",
        queryset=LembarKerja.objects.all(),
        required=False,
        empty_label="Versi yang berlaku pada tahun itu",
        help_text="Kosongkan untuk memakai LKE PermenPAN-RB 88/2021 versi terbaru tahun itu.",
    )

    def __init__(self, *args: Any, user: object, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_evaluasi(user)
        self.fields["tahun"].initial = dt.date.today().year - 1


class FormKunci(FormRapi):
    nomor_lhe = forms.CharField(label="Nomor LHE", max_length=100)
    tanggal_lhe = forms.DateField(
        label="Tanggal LHE", widget=forms.DateInput(attrs={"type": "date"})
    )


class FormRekomendasi(FormRapi):
    tahun = forms.IntegerField(label="Tahun evaluasi", min_value=2000, max_value=2100)
    komponen = forms.CharField(label="Komponen", max_length=120)
    rekomendasi = forms.CharField(label="Rekomendasi", widget=forms.Textarea(attrs={"rows": 3}))
    batas_waktu = forms.DateField(
        label="Batas waktu tindak lanjut",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class FormTindakLanjut(FormRapi):
    tindak_lanjut = forms.CharField(
        label="Tindak lanjut", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    status = forms.ChoiceField(label="Status", choices=StatusTindakLanjut.choices)
    eviden = forms.ModelMultipleChoiceField(
        label="Data dukung",
        queryset=Eviden.objects.none(),
        required=False,
        help_text="Dari pustaka data dukung unit (indikator unit ini).",
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["eviden"].queryset = Eviden.objects.filter(
            indikator__unit_id__in=unit.keturunan_ids()
        ).order_by("-tahun", "judul")


def baca_isian(
    data: QueryDict, kriteria: Iterable[KriteriaLKE], pihak: str
) -> dict[int, IsianKriteria]:
    """The worksheet form of one side: ``<pihak>-<kriteria>-jawaban`` / ``-catatan`` / ``-eviden``.

    Only criteria present in the submission are taken, so a partial form changes only its rows.
    """
    hasil = {}
    for k in kriteria:
        awalan = f"{pihak}-{k.pk}"
        if f"{awalan}-jawaban" not in data:
            continue
        eviden = None
        if f"{awalan}-eviden-ada" in data:
            eviden = [int(e) for e in data.getlist(f"{awalan}-eviden") if e.isdigit()]
        hasil[k.pk] = IsianKriteria(
            data.get(f"{awalan}-jawaban", ""), data.get(f"{awalan}-catatan", ""), eviden
        )
    return hasil
