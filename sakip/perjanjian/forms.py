"""Forms of the PK wizard; they check input, the services in :mod:`.services` write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from sakip.core.forms import FormModelRapi, FormRapi
from sakip.kinerja import KinerjaError, parse_angka, parse_target
from sakip.organisasi.akses import unit_ids_peran
from sakip.organisasi.models import Peran, Unit
from sakip.perencanaan.models import Kegiatan, Program
from sakip.perjanjian.models import PerjanjianKinerja
from sakip.perjanjian.services import KOLOM_PENANDATANGAN

# Who drafts, edits, signs and revises a PK.
PERAN_PENYUSUN = {Peran.ADMIN, Peran.PERENCANA}


def unit_penyusun(user: object) -> Any:
    """Units where the user may draft a PK (perencana or admin, with the units below)."""
    ids = unit_ids_peran(user, PERAN_PENYUSUN)
    qs = Unit.objects.order_by("urutan", "nama")
    return qs if ids is None else qs.filter(pk__in=ids)


class FormBuatPK(FormRapi):
    unit = forms.ModelChoiceField(
        label="Unit", queryset=Unit.objects.none(), to_field_name="slug", empty_label=None
    )
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)

    def __init__(self, *args: Any, user: object, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_penyusun(user)
        self.fields["tahun"].initial = dt.date.today().year


def _teks_target(nilai: str) -> str:
    try:
        if parse_target(nilai) is None:
            raise forms.ValidationError("Target wajib diisi.")
    except KinerjaError as exc:
        raise forms.ValidationError(f"Target tidak dapat dibaca: {exc}.") from exc
    return nilai.strip()


class FormTargetPK(FormRapi):
    """One agreed target: a number (Indonesian format), a predikat or a range."""

    target = forms.CharField(label="Target PK", max_length=40)

    def clean_target(self) -> str:
        return _teks_target(self.cleaned_data["target"])


def _teks_pagu(nilai: str) -> str:
    try:
        angka = parse_angka(nilai)
    except KinerjaError as exc:
        raise forms.ValidationError(f"Pagu tidak dapat dibaca: {exc}.") from exc
    if angka is None:
        raise forms.ValidationError("Pagu wajib diisi (angka Rupiah, mis. 1.250.000.000).")
    if angka < 0:
        raise forms.ValidationError("Pagu tidak boleh negatif.")
    return nilai


class FormPagu(FormRapi):
    pagu = forms.CharField(
        label="Pagu (Rp)",
        max_length=40,
        help_text="Format Indonesia: 1.250.000.000 atau 1.250.000.000,50.",
    )

    def clean_pagu(self) -> str:
        return _teks_pagu(self.cleaned_data["pagu"])


class FormTambahAnggaran(FormRapi):
    """A budget line for a program, or one kegiatan of it."""

    program = forms.ModelChoiceField(label="Program", queryset=Program.objects.none())
    kegiatan = forms.ModelChoiceField(
        label="Kegiatan (opsional)",
        queryset=Kegiatan.objects.none(),
        required=False,
        empty_label="— seluruh program —",
    )
    pagu = forms.CharField(
        label="Pagu (Rp)", max_length=40, help_text="Format Indonesia: 1.250.000.000."
    )

    def __init__(self, *args: Any, program: list[Program], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [p.pk for p in program]
        self.fields["program"].queryset = Program.objects.filter(pk__in=ids).select_related("unit")
        self.fields["program"].label_from_instance = lambda p: f"{p.kode} {p.nama} ({p.unit})"
        self.fields["kegiatan"].queryset = Kegiatan.objects.filter(program_id__in=ids)
        self.fields["kegiatan"].label_from_instance = lambda k: f"{k.kode} {k.nama}"

    def clean_pagu(self) -> str:
        return _teks_pagu(self.cleaned_data["pagu"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        p, k = data.get("program"), data.get("kegiatan")
        if p is not None and k is not None and k.program_id != p.pk:
            self.add_error("kegiatan", f"Kegiatan {k.kode} bukan bagian program {p.kode}.")
        return data


class FormPenandatangan(FormModelRapi):
    class Meta:
        model = PerjanjianKinerja
        fields = list(KOLOM_PENANDATANGAN)
        labels = {
            "penandatangan": "Nama pihak pertama",
            "nip_penandatangan": "NIP pihak pertama",
            "jabatan_penandatangan": "Jabatan pihak pertama",
            "pihak_kedua": "Nama pihak kedua",
            "jabatan_pihak_kedua": "Jabatan pihak kedua",
        }
        widgets = {"catatan": forms.Textarea(attrs={"rows": 2})}

    def clean_nip_penandatangan(self) -> str:
        nip = "".join(self.cleaned_data["nip_penandatangan"].split())
        if nip and (not nip.isdigit() or len(nip) != 18):
            raise forms.ValidationError("NIP terdiri atas 18 angka (spasi boleh).")
        return nip


class FormTandaTangan(FormRapi):
    tanggal = forms.DateField(
        label="Tanggal penandatanganan",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    setuju = forms.BooleanField(
        label="Saya memahami bahwa PK yang ditandatangani terkunci dan perubahan "
        "berikutnya hanya melalui revisi baru.",
    )

    def __init__(self, *args: Any, pk: PerjanjianKinerja, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pk_dokumen = pk
        self.fields["tanggal"].initial = dt.date.today()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        pk = self.pk_dokumen
        if not (pk.penandatangan and pk.jabatan_penandatangan):
            raise forms.ValidationError(
                "Lengkapi nama dan jabatan pihak pertama (langkah 3) sebelum menandatangani."
            )
        return data
