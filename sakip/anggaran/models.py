"""Budget: pagu per sub kegiatan and year, realisasi per TW, and by jenis belanja.

Program, kegiatan and unit totals are derived (sakip.kinerja.total_anggaran), never stored.
"""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.organisasi.models import Unit
from sakip.pengukuran.models import StatusData
from sakip.perencanaan.models import Periode, SubKegiatan

RUPIAH = {"max_digits": 18, "decimal_places": 2, "validators": [MinValueValidator(0)]}


class Anggaran(models.Model):
    sub_kegiatan = models.ForeignKey(SubKegiatan, on_delete=models.CASCADE, related_name="anggaran")
    tahun = models.PositiveSmallIntegerField("tahun")
    pagu = models.DecimalField("pagu (Rp)", **RUPIAH)
    pagu_murni = models.DecimalField("pagu murni (Rp)", null=True, blank=True, **RUPIAH)
    versi = models.PositiveIntegerField("versi", default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pagu sub kegiatan"
        verbose_name_plural = "pagu sub kegiatan"
        constraints = [
            models.UniqueConstraint(fields=["sub_kegiatan", "tahun"], name="anggaran_unik")
        ]

    def __str__(self) -> str:
        return f"{self.sub_kegiatan.kode} {self.tahun}: {self.pagu}"


class RealisasiAnggaranQuerySet(models.QuerySet["RealisasiAnggaran"]):
    def terverifikasi(self) -> RealisasiAnggaranQuerySet:
        from sakip.pengukuran.models import STATUS_TERVERIFIKASI

        return self.filter(status__in=STATUS_TERVERIFIKASI)


class RealisasiAnggaran(models.Model):
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, related_name="realisasi_anggaran"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField("periode", max_length=5, choices=Periode.choices)
    nilai = models.DecimalField("realisasi (Rp)", **RUPIAH)
    status = models.CharField(
        "status", max_length=14, choices=StatusData.choices, default=StatusData.DRAF
    )
    catatan = models.TextField("penjelasan", blank=True)
    versi = models.PositiveIntegerField("versi", default=1)
    history = HistoricalRecords()

    objects = RealisasiAnggaranQuerySet.as_manager()

    class Meta:
        verbose_name = "realisasi anggaran"
        verbose_name_plural = "realisasi anggaran"
        constraints = [
            models.UniqueConstraint(
                fields=["sub_kegiatan", "tahun", "periode"], name="realisasi_anggaran_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sub_kegiatan.kode} {self.tahun} {self.periode}: {self.nilai}"


class JenisBelanja(models.Model):
    """Budget by expenditure type (Permendagri 77/2020: 5.1 Belanja Operasi, 5.2 Modal, …)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="jenis_belanja")
    tahun = models.PositiveSmallIntegerField("tahun")
    kode = models.CharField("kode", max_length=20)
    nama = models.CharField("nama", max_length=160)
    pagu = models.DecimalField("pagu (Rp)", null=True, blank=True, **RUPIAH)
    realisasi = models.DecimalField("realisasi (Rp)", null=True, blank=True, **RUPIAH)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "jenis belanja"
        verbose_name_plural = "jenis belanja"
        ordering = ["tahun", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "kode"], name="jenis_belanja_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama} {self.tahun}"
