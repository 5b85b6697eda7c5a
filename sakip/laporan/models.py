"""What the report needs beyond the figures: the planner's texts, the agency's template,
finalised reports (immutable) and report requests run in the background."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.organisasi.models import Unit


class NaskahLaporan(models.Model):
    """The planner's own texts of a unit's LKjIP for a year (Bab I, Kata Pengantar, Bab IV).

    Empty fields are left out of the report or replaced by generated text that says
    where it came from; nothing here is ever overwritten by the generator.
    """

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="naskah_laporan")
    tahun = models.PositiveSmallIntegerField("tahun")
    kata_pengantar = models.TextField("kata pengantar", blank=True)
    ikhtisar = models.TextField("ikhtisar eksekutif (pembuka)", blank=True)
    dasar_pembentukan = models.TextField("dasar pembentukan organisasi", blank=True)
    landasan_hukum = models.TextField(
        "landasan hukum", blank=True, help_text="Satu peraturan per baris."
    )
    tugas_fungsi = models.TextField("tugas dan fungsi", blank=True)
    struktur_organisasi = models.TextField("uraian struktur organisasi", blank=True)
    bagan_organisasi = models.ImageField(
        "bagan struktur organisasi",
        upload_to="laporan/bagan/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"])],
        help_text="Kosong: bagan digambar dari susunan unit.",
    )
    aspek_strategis = models.TextField("aspek strategis organisasi", blank=True)
    kesimpulan = models.TextField("kesimpulan (tambahan perencana)", blank=True)
    saran = models.TextField("saran", blank=True, help_text="Satu saran per baris.")
    penandatangan_nama = models.CharField(
        "nama penandatangan", max_length=160, blank=True, help_text="Kosong: kepala unit."
    )
    penandatangan_nip = models.CharField("NIP penandatangan", max_length=30, blank=True)
    penandatangan_jabatan = models.CharField("jabatan penandatangan", max_length=160, blank=True)
    tempat = models.CharField("tempat penandatanganan", max_length=80, blank=True)
    tanggal = models.DateField("tanggal penandatanganan", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "naskah laporan"
        verbose_name_plural = "naskah laporan"
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun"], name="naskah_laporan_unik")
        ]

    def __str__(self) -> str:
        return f"Naskah LKjIP {self.unit} {self.tahun}"


def validasi_templat(berkas: object) -> None:
    """A template must be a Word document python-docx can open; checked at upload."""
    from docx import Document

    try:
        berkas.seek(0)  # type: ignore[attr-defined]
        Document(berkas)
    except Exception as exc:  # any failure to read means: not a usable .docx
        raise ValidationError(
            "Berkas templat tidak dapat dibaca sebagai dokumen Word (.docx): "
            f"{exc.__class__.__name__}. Simpan ulang dari Word sebagai .docx."
        ) from exc
    finally:
        berkas.seek(0)  # type: ignore[attr-defined]


class TemplatLaporan(models.Model):
    """An agency's own Word template: its styles, header/footer (letterhead, logo) and cover.

    The body of the template is the cover; it may use ``{{ judul }}``, ``{{ nama_unit }}``,
    ``{{ nama_induk }}``, ``{{ tahun }}`` and ``{{ kota }}`` (docxtpl). Units below the
    agency use the nearest template up the tree.
    """

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="templat_laporan")
    berkas = models.FileField(
        "templat Word (.docx)",
        upload_to="laporan/templat/",
        validators=[FileExtensionValidator(["docx"]), validasi_templat],
    )
    diunggah_pada = models.DateTimeField("diunggah pada", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "templat laporan"
        verbose_name_plural = "templat laporan"

    def __str__(self) -> str:
        return f"Templat {self.unit}"


class LaporanFinalError(Exception):
    pass


class LaporanFinal(models.Model):
    """A finalised report: its bytes, their SHA-256, and the moment its data was read.

    Immutable (DESIGN.md): it is never updated or deleted; a correction is a new
    revision. :func:`sakip.laporan.services.bangun_ulang` rebuilds it from the change
    history as of ``data_pada`` and gives the same bytes.
    """

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="laporan_final")
    tahun = models.PositiveSmallIntegerField("tahun")
    revisi = models.PositiveSmallIntegerField("revisi", default=0)
    data_pada = models.DateTimeField("data per")
    sha256 = models.CharField("SHA-256", max_length=64)
    isi = models.BinaryField("isi DOCX")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    dibuat_pada = models.DateTimeField("difinalkan pada", auto_now_add=True)

    class Meta:
        verbose_name = "laporan final"
        verbose_name_plural = "laporan final"
        ordering = ["-tahun", "unit__nama", "-revisi"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "revisi"], name="laporan_final_unik")
        ]

    def __str__(self) -> str:
        return f"LKjIP {self.unit} {self.tahun} revisi {self.revisi}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise LaporanFinalError("Laporan final tidak dapat diubah; buat revisi baru.")
        if hashlib.sha256(bytes(self.isi)).hexdigest() != self.sha256:
            raise LaporanFinalError("Isi laporan tidak cocok dengan hash-nya.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise LaporanFinalError("Laporan final tidak dapat dihapus.")

    @property
    def nama_berkas(self) -> str:
        return f"LKjIP-{self.unit.slug}-{self.tahun}-r{self.revisi}.docx"


class StatusPermintaan(models.TextChoices):
    ANTRE = "antre", "Menunggu giliran"
    BERJALAN = "berjalan", "Sedang dibuat"
    SELESAI = "selesai", "Selesai"
    GAGAL = "gagal", "Gagal"


class PermintaanLaporan(models.Model):
    """A report requested from the app and built by the background worker, with its progress."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="permintaan_laporan")
    tahun = models.PositiveSmallIntegerField("tahun")
    format = models.CharField(
        "format",
        max_length=4,
        choices=[("docx", "Word"), ("pdf", "PDF"), ("html", "HTML"), ("xlsx", "Excel")],
    )
    hanya_terverifikasi = models.BooleanField("hanya data terverifikasi", default=False)
    status = models.CharField(
        "status", max_length=10, choices=StatusPermintaan.choices, default=StatusPermintaan.ANTRE
    )
    kemajuan = models.PositiveSmallIntegerField("kemajuan (%)", default=0)
    tahap = models.CharField("tahap", max_length=160, blank=True)
    pesan_galat = models.TextField("pesan galat", blank=True)
    berkas = models.FileField("berkas", upload_to="laporan/hasil/", blank=True)
    id_tugas = models.CharField("id tugas", max_length=64, blank=True)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    diminta_pada = models.DateTimeField("diminta pada", auto_now_add=True)
    selesai_pada = models.DateTimeField("selesai pada", null=True, blank=True)

    class Meta:
        verbose_name = "permintaan laporan"
        verbose_name_plural = "permintaan laporan"
        ordering = ["-diminta_pada"]

    def __str__(self) -> str:
        return f"{self.unit} {self.tahun} {self.format}: {self.get_status_display()}"

    @property
    def nama_berkas(self) -> str:
        return Path(self.berkas.name).name if self.berkas else ""
