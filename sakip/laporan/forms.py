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
