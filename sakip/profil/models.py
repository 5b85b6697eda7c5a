"""What Bab I of the LKjIP describes: staff, facilities, strategic issues; and policy lists."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from sakip.organisasi.models import Unit


class Pegawai(models.Model):
    """One row of the staff table (seed 000 Tabel 1.1): a position with its counts."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="pegawai")
    tahun = models.PositiveSmallIntegerField("tahun")
    kelompok = models.CharField(
        "kelompok",
        max_length=8,
        choices=[("pns", "PNS/P3K"), ("non_pns", "Non PNS")],
        default="pns",
    )
    jabatan = models.CharField("jabatan", max_length=160)
    pns = models.PositiveIntegerField("PNS", default=0)
    p3k = models.PositiveIntegerField("P3K", default=0)
    laki_laki = models.PositiveIntegerField("laki-laki", default=0)
    perempuan = models.PositiveIntegerField("perempuan", default=0)
    gol_iv = models.PositiveIntegerField("golongan IV", default=0)
    gol_iii = models.PositiveIntegerField("golongan III", default=0)
    gol_ii = models.PositiveIntegerField("golongan II", default=0)
    gol_i = models.PositiveIntegerField("golongan I", default=0)
    s3 = models.PositiveIntegerField("S3", default=0)
    s2 = models.PositiveIntegerField("S2", default=0)
    s1 = models.PositiveIntegerField("S1", default=0)
    diploma = models.PositiveIntegerField("Diploma", default=0)
    slta = models.PositiveIntegerField("SLTA", default=0)
    sltp = models.PositiveIntegerField("SLTP", default=0)
    sd = models.PositiveIntegerField("SD", default=0)
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pegawai (SDM)"
        verbose_name_plural = "pegawai (SDM)"
        ordering = ["tahun", "kelompok", "urutan"]

    def __str__(self) -> str:
        return f"{self.jabatan} ({self.tahun})"


class Sarana(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="sarana")
    tahun = models.PositiveSmallIntegerField("tahun")
    uraian = models.CharField("uraian", max_length=160)
    jumlah = models.DecimalField("banyaknya", max_digits=14, decimal_places=2)
    satuan = models.CharField("satuan", max_length=40, blank=True)
    keterangan = models.CharField("keterangan", max_length=255, blank=True)
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sarana dan prasarana"
        verbose_name_plural = "sarana dan prasarana"
        ordering = ["tahun", "urutan"]

    def __str__(self) -> str:
        return self.uraian


class IsuStrategis(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="isu_strategis")
    tahun = models.PositiveSmallIntegerField("tahun")
    uraian = models.TextField("uraian")
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "isu strategis"
        verbose_name_plural = "isu strategis"
        ordering = ["tahun", "urutan"]

    def __str__(self) -> str:
        return self.uraian[:80]


class Kebijakan(models.Model):
    """A policy counted by an indicator (seed 002 Tabel 3.4: 14 of 17 applied)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="kebijakan")
    tahun = models.PositiveSmallIntegerField("tahun")
    nomor = models.CharField("nomor", max_length=120, blank=True)
    uraian = models.TextField("uraian")
    jenis = models.CharField("jenis", max_length=80, blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    diterapkan = models.BooleanField("diterapkan", default=False)
    urutan = models.PositiveIntegerField("urutan", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kebijakan"
        verbose_name_plural = "kebijakan"
        ordering = ["tahun", "urutan"]

    def __str__(self) -> str:
        return self.uraian[:80]
