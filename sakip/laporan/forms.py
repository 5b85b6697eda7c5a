from django import forms

from sakip.laporan.models import PermintaanLaporan, TemplatLaporan


class FormPermintaan(forms.ModelForm):
    format = forms.ChoiceField(
        label="Format",
        choices=PermintaanLaporan._meta.get_field("format").choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = PermintaanLaporan
        fields = ["format", "hanya_terverifikasi"]
        labels = {"hanya_terverifikasi": "Hanya data yang sudah diverifikasi"}
        help_texts = {
            "hanya_terverifikasi": "Tanpa centang, data yang masih draf ikut dihitung "
            "dan laporan ditandai DRAF."
        }


class FormTemplat(forms.ModelForm):
    class Meta:
        model = TemplatLaporan
        fields = ["berkas"]
        help_texts = {
            "berkas": "Dokumen Word (.docx) berisi kop, logo, huruf dan sampul instansi. "
            "Sampul boleh memakai {{ judul }}, {{ nama_unit }}, {{ nama_induk }}, "
            "{{ tahun }} dan {{ kota }}."
        }


class FormPeriksaDokumen(forms.Form):
    """A report made by hand, uploaded to be checked; size and kind checked before reading."""

    berkas = forms.FileField(
        label="Berkas LKjIP",
        help_text="Word (.docx), atau teks (.txt, .md) dengan tabel markdown atau dipisah tab; "
        "paling besar 10 MB. Berkas hanya dibaca untuk diperiksa dan tidak disimpan.",
        error_messages={"required": "Pilih berkas laporan yang akan diperiksa."},
    )

    def clean_berkas(self) -> object:
        from sakip.laporan.periksa import AKHIRAN, UKURAN_MAKS

        berkas = self.cleaned_data["berkas"]
        if not berkas.name.lower().endswith(AKHIRAN):
            raise forms.ValidationError(
                "Jenis berkas tidak didukung: unggah Word (.docx) atau teks (.txt, .md)."
            )
        if berkas.size > UKURAN_MAKS:
            raise forms.ValidationError(
                f"Berkas terlalu besar ({berkas.size / 1024 / 1024:.1f} MB); "
                "batasnya 10 MB. Simpan tanpa gambar atau sebagai teks."
            )
        return berkas
