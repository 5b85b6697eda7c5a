"""Measurement: realisasi per period, narrative, evidence, and the TW workflow."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.kinerja import KinerjaError
from sakip.kinerja.target import sebagai_realisasi
from sakip.organisasi.models import Unit
from sakip.perencanaan.models import Indikator, Periode


class StatusData(models.TextChoices):
    DRAF = "draf", "Draf"
    DIAJUKAN = "diajukan", "Diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi"
    FINAL = "final", "Final"


STATUS_TERVERIFIKASI = (StatusData.DIVERIFIKASI, StatusData.FINAL)
STATUS_DAPAT_DIUBAH_OPERATOR = (StatusData.DRAF, StatusData.DIKEMBALIKAN)


class RealisasiQuerySet(models.QuerySet["Realisasi"]):
    def terverifikasi(self) -> RealisasiQuerySet:
        """Only verified or final values: what dashboards, the public page and final reports use."""
        return self.filter(status__in=STATUS_TERVERIFIKASI)

    def restrict(self, user: object, aksi: str = "view") -> RealisasiQuerySet:
        from sakip.organisasi.akses import unit_ids_untuk

        ids = unit_ids_untuk(user, aksi)
        return self if ids is None else self.filter(indikator__unit_id__in=ids)


class Realisasi(models.Model):
    """The realisasi of an indicator for one period (or the year as one value)."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField("periode", max_length=5, choices=Periode.choices)
    nilai = models.CharField("realisasi", max_length=40)
    status = models.CharField(
        "status", max_length=14, choices=StatusData.choices, default=StatusData.DRAF
    )
    catatan = models.TextField("catatan/penjelasan", blank=True)
    versi = models.PositiveIntegerField("versi", default=1)
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)
    history = HistoricalRecords()

    objects = RealisasiQuerySet.as_manager()

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        ordering = ["tahun", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "periode"], name="realisasi_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode} {self.tahun} {self.periode}: {self.nilai}"

    def clean(self) -> None:
        try:
            sebagai_realisasi(self.nilai)
        except KinerjaError as exc:
            raise ValidationError({"nilai": str(exc)}) from exc


class Narasi(models.Model):
    """The operator's narrative of an indicator for a year; never overwritten by generated text."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="narasi")
    tahun = models.PositiveSmallIntegerField("tahun")
    faktor_pendorong = models.TextField("faktor pendorong", blank=True)
    faktor_penghambat = models.TextField("faktor penghambat", blank=True)
    permasalahan = models.TextField("permasalahan", blank=True)
    solusi = models.TextField("solusi/upaya", blank=True)
    status = models.CharField(
        "status", max_length=14, choices=StatusData.choices, default=StatusData.DRAF
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "narasi"
        verbose_name_plural = "narasi"
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="narasi_unik")]

    def __str__(self) -> str:
        return f"Narasi {self.indikator.kode} {self.tahun}"


EKSTENSI_EVIDEN = {
    ".pdf",
    ".jpg",
    ".jpeg",
    ".png",
    ".xlsx",
    ".xls",
    ".docx",
    ".doc",
    ".csv",
    ".zip",
}
UKURAN_MAKS_EVIDEN = 20 * 1024 * 1024


def validasi_berkas_eviden(berkas: object) -> None:
    nama = getattr(berkas, "name", "") or ""
    ukuran = getattr(berkas, "size", 0) or 0
    if Path(nama).suffix.lower() not in EKSTENSI_EVIDEN:
        raise ValidationError(
            f"Jenis berkas {Path(nama).suffix or '(tanpa ekstensi)'} tidak diterima; "
            f"gunakan {', '.join(sorted(EKSTENSI_EVIDEN))}."
        )
    if ukuran > UKURAN_MAKS_EVIDEN:
        raise ValidationError(
            f"Berkas {ukuran / 1024 / 1024:.1f} MB melebihi batas "
            f"{UKURAN_MAKS_EVIDEN // 1024 // 1024} MB."
        )


class Eviden(models.Model):
    """A data dukung file of a unit, linked to an indicator and period."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="eviden")
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField("periode", max_length=5, choices=Periode.choices)
    judul = models.CharField("judul", max_length=255)
    berkas = models.FileField("berkas", upload_to="eviden/%Y/", validators=[validasi_berkas_eviden])
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    diunggah_pada = models.DateTimeField("diunggah pada", auto_now_add=True)
    status = models.CharField(
        "status", max_length=14, choices=StatusData.choices, default=StatusData.DRAF
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "data dukung"
        verbose_name_plural = "data dukung"

    def __str__(self) -> str:
        return self.judul


class PengajuanPeriode(models.Model):
    """The workflow record of one unit's period: who submitted, verified or returned it, and why."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="pengajuan")
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField("periode", max_length=5, choices=Periode.choices)
    status = models.CharField(
        "status", max_length=14, choices=StatusData.choices, default=StatusData.DRAF
    )
    alasan = models.TextField("alasan pengembalian", blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pengajuan periode"
        verbose_name_plural = "pengajuan periode"
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "periode"], name="pengajuan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.tahun} {self.periode}: {self.get_status_display()}"
