"""IKM results per unit and semester as reported (PermenPAN-RB 14/2017)."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.organisasi.models import Unit

NRR = {
    "max_digits": 6,
    "decimal_places": 4,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(Decimal(1)), MaxValueValidator(Decimal(4))],
}


class HasilSurvei(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="hasil_survei")
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField(
        "semester", max_length=2, choices=[("S1", "Semester I"), ("S2", "Semester II")]
    )
    nilai = models.DecimalField(
        "IKM",
        max_digits=6,
        decimal_places=3,
        validators=[MinValueValidator(Decimal(25)), MaxValueValidator(Decimal(100))],
    )
    responden = models.PositiveIntegerField("jumlah responden", null=True, blank=True)
    unsur_1 = models.DecimalField("U1 Persyaratan", **NRR)
    unsur_2 = models.DecimalField("U2 Prosedur", **NRR)
    unsur_3 = models.DecimalField("U3 Waktu", **NRR)
    unsur_4 = models.DecimalField("U4 Biaya/Tarif", **NRR)
    unsur_5 = models.DecimalField("U5 Produk", **NRR)
    unsur_6 = models.DecimalField("U6 Kompetensi", **NRR)
    unsur_7 = models.DecimalField("U7 Perilaku", **NRR)
    unsur_8 = models.DecimalField("U8 Sarana Prasarana", **NRR)
    unsur_9 = models.DecimalField("U9 Pengaduan", **NRR)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hasil survei (IKM)"
        verbose_name_plural = "hasil survei (IKM)"
        ordering = ["-tahun", "unit__nama", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun", "periode"], name="hasil_survei_unik")
        ]

    def __str__(self) -> str:
        return f"IKM {self.unit} {self.tahun} {self.periode}: {self.nilai}"


SEMESTER = [("S1", "Semester I"), ("S2", "Semester II")]
JAWABAN = [MinValueValidator(1), MaxValueValidator(4)]


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"


class Pendidikan(models.TextChoices):
    SD = "SD", "SD ke bawah"
    SMP = "SMP", "SMP/sederajat"
    SMA = "SMA", "SMA/sederajat"
    D3 = "D3", "D1–D3"
    S1 = "S1", "D4/S1"
    S2 = "S2", "S2"
    S3 = "S3", "S3"


class Pekerjaan(models.TextChoices):
    ASN = "ASN", "PNS/ASN"
    TNI_POLRI = "TNI", "TNI/Polri"
    SWASTA = "SWASTA", "Pegawai swasta"
    WIRAUSAHA = "WIRAUSAHA", "Wirausaha"
    PELAJAR = "PELAJAR", "Pelajar/Mahasiswa"
    LAINNYA = "LAINNYA", "Lainnya"


class TanggapanSurvei(models.Model):
    """One respondent's answers to the nine unsur (each 1–4) and profile, per unit and semester.

    The responses of a unit and semester are imported as a whole (replacing the
    previous ones); :class:`HasilSurvei` is then recomputed from them and stays the
    one place the IKM computations read.
    """

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="tanggapan_survei")
    tahun = models.PositiveSmallIntegerField("tahun")
    periode = models.CharField("semester", max_length=2, choices=SEMESTER)
    nomor = models.PositiveIntegerField("nomor responden")
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    pendidikan = models.CharField("pendidikan", max_length=3, choices=Pendidikan.choices)
    pekerjaan = models.CharField("pekerjaan", max_length=10, choices=Pekerjaan.choices)
    umur = models.PositiveSmallIntegerField("umur", null=True, blank=True)
    u1 = models.PositiveSmallIntegerField("U1 Persyaratan", validators=JAWABAN)
    u2 = models.PositiveSmallIntegerField("U2 Prosedur", validators=JAWABAN)
    u3 = models.PositiveSmallIntegerField("U3 Waktu", validators=JAWABAN)
    u4 = models.PositiveSmallIntegerField("U4 Biaya/Tarif", validators=JAWABAN)
    u5 = models.PositiveSmallIntegerField("U5 Produk", validators=JAWABAN)
    u6 = models.PositiveSmallIntegerField("U6 Kompetensi", validators=JAWABAN)
    u7 = models.PositiveSmallIntegerField("U7 Perilaku", validators=JAWABAN)
    u8 = models.PositiveSmallIntegerField("U8 Sarana Prasarana", validators=JAWABAN)
    u9 = models.PositiveSmallIntegerField("U9 Pengaduan", validators=JAWABAN)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tanggapan survei"
        verbose_name_plural = "tanggapan survei"
        ordering = ["unit__nama", "tahun", "periode", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "periode", "nomor"], name="tanggapan_survei_unik"
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"u{i}__gte": 1, f"u{i}__lte": 4}),
                    name=f"tanggapan_survei_u{i}_1_4",
                )
                for i in range(1, 10)
            ),
        ]

    def __str__(self) -> str:
        return f"Responden {self.nomor} {self.unit} {self.tahun} {self.periode}"

    @property
    def jawaban(self) -> tuple[int, ...]:
        """The nine answers u1…u9, in the regulation's order."""
        return tuple(getattr(self, f"u{i}") for i in range(1, 10))
