"""Forms of the Renstra/IKU screens; they check input, :mod:`.services` writes."""

from __future__ import annotations

from typing import Any

from django import forms

from sakip.core.forms import FormModelRapi, FormRapi
from sakip.kinerja import KinerjaError, parse_target
from sakip.organisasi.models import Unit
from sakip.perencanaan.models import Indikator, Renstra, Sasaran, Tingkat, Tujuan


class _FormDalamRenstra(FormModelRapi):
    """A form for a row of one Renstra: the Renstra is fixed by the page, and the
    uniqueness of ``kode`` inside it is checked as a field error, not a database error."""

    def __init__(self, *args: Any, renstra: Renstra, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.renstra = renstra

    def _post_clean(self) -> None:
        self.instance.renstra = self.renstra
        super()._post_clean()

    def clean_kode(self) -> str:
        kode = self.cleaned_data["kode"].strip()
        lain = type(self.instance).objects.filter(renstra=self.renstra, kode=kode)
        if lain.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"Kode {kode} sudah dipakai di Renstra ini.")
        return kode


class FormTujuan(_FormDalamRenstra):
    class Meta:
        model = Tujuan
        fields = ["kode", "uraian", "urutan"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}


class FormSasaran(_FormDalamRenstra):
    class Meta:
        model = Sasaran
        fields = ["tujuan", "kode", "uraian", "urutan"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, renstra: Renstra, **kwargs: Any) -> None:
        super().__init__(*args, renstra=renstra, **kwargs)
        self.fields["tujuan"].queryset = Tujuan.objects.filter(renstra=renstra)
        self.fields["tujuan"].label = "Tujuan"


# The value of the "induk" choice: "<tingkat>:<id>", so one list holds every level.
def _nilai_induk(tingkat: str, pk: int) -> str:
    return f"{tingkat}:{pk}"


class FormIndikator(_FormDalamRenstra):
    """An indicator at any level of the Renstra; its parent is picked from one grouped list."""

    induk = forms.ChoiceField(
        label="Induk",
        help_text="Tujuan, sasaran, program, kegiatan atau sub kegiatan tempat indikator ini "
        "berada; harus sesuai dengan tingkat.",
    )

    class Meta:
        model = Indikator
        fields = [
            "kode",
            "nama",
            "tingkat",
            "induk",
            "unit",
            "satuan",
            "polaritas",
            "agregasi",
            "iku",
            "formula",
            "definisi",
            "sumber_data",
            "sumber_realisasi",
            "urutan",
        ]
        labels = {"unit": "Penanggung jawab", "iku": "Indikator Kinerja Utama (IKU)"}
        help_texts = {
            "satuan": "Mis. Persen, Indeks, Dokumen, Orang.",
            "sumber_realisasi": "Dari mana realisasinya datang: diisi unit, atau diturunkan "
            "dari modul lain.",
        }
        widgets = {
            "nama": forms.Textarea(attrs={"rows": 2}),
            "formula": forms.Textarea(attrs={"rows": 2}),
            "definisi": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, renstra: Renstra, pilihan_induk: Any, **kwargs: Any) -> None:
        super().__init__(*args, renstra=renstra, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(
            pk__in=renstra.unit.keturunan_ids()
        ).order_by("urutan", "nama")
        self.fields["induk"].choices = [("", "— pilih induk —"), *pilihan_induk]
        if self.instance.pk and self.instance.induk is not None:
            self.initial["induk"] = _nilai_induk(self.instance.tingkat, self.instance.induk.pk)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        nilai = data.get("induk") or ""
        tingkat = data.get("tingkat")
        jenis, _, ident = nilai.partition(":")
        if tingkat and jenis and jenis != tingkat:
            self.add_error(
                "induk",
                f"Induk yang dipilih berupa {Tingkat(jenis).label.lower()}, sedangkan tingkat "
                f"indikator {Tingkat(tingkat).label.lower()}.",
            )
        elif tingkat and ident.isdigit():
            # Exactly one parent link, the one of its level (Indikator.clean checks the same).
            for t in Tingkat.values:
                setattr(self.instance, f"{t}_id", int(ident) if t == tingkat else None)
        return data


class FormTargetTahunan(FormRapi):
    """One field per year of the Renstra; empty means no target for that year."""

    def __init__(self, *args: Any, indikator: Indikator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        r = indikator.renstra
        for tahun in range(r.tahun_mulai, r.tahun_selesai + 1):
            self.fields[f"target_{tahun}"] = forms.CharField(
                label=f"Target {tahun}",
                required=False,
                max_length=40,
                help_text="Angka (85 · 1.234,5), predikat (BB) atau rentang (80–90).",
            )
            # Fields added after FormRapi.__init__ get their class here.
            self.fields[f"target_{tahun}"].widget.attrs["class"] = "form-control"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for nama, nilai in list(data.items()):
            if not nama.startswith("target_") or not nilai:
                continue
            try:
                parse_target(nilai)
            except KinerjaError as exc:
                self.add_error(nama, f"{self.fields[nama].label} tidak dapat dibaca: {exc}.")
        return data

    def target_per_tahun(self) -> dict[int, str]:
        """The cleaned values as {tahun: teks} ("" where the target is removed)."""
        return {
            int(n.removeprefix("target_")): (v or "").strip()
            for n, v in self.cleaned_data.items()
            if n.startswith("target_")
        }
