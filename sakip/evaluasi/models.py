"""Evaluation results: AKIP scores per unit and year, LHE recommendations, audit findings.

Two layers, one source of truth for a year's result:

* :class:`HasilEvaluasi` + :class:`SkorKomponen` hold a unit's component scores of a
  year, as an LHE states them. Every derived figure (IKU "Nilai akuntabilitas
  kinerja", "Persentase PD dengan predikat SAKIP minimal BB", the history table,
  the PD recap) reads them. Older years come in by import (seed 000 Tabel 3.1).
* :class:`LembarKerja` (the LKE, versioned per year) and :class:`EvaluasiAKIP` with
  its :class:`JawabanLKE` are the worksheet on which an evaluator scores a unit, beside
  the unit's self-assessment. While it is a draft it is a working paper; when the LHE
  is issued it is locked and its component scores are written into the unit's
  ``HasilEvaluasi`` of that year (``EvaluasiAKIP.hasil``), which from then on cannot
  drift from the worksheet (see ``services.kunci_evaluasi``).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sakip.kinerja import MODEL_12_2015, MODEL_88_2021, KinerjaError, Predikat, nilai_akip
from sakip.kinerja import predikat_akip as hitung_predikat
from sakip.organisasi.models import Unit

MODEL_EVALUASI = {m.kode: m for m in (MODEL_88_2021, MODEL_12_2015)}

SKOR = {
    "max_digits": 5,
    "decimal_places": 2,
    "validators": [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
}


class ModelEvaluasi(models.TextChoices):
    PERMENPANRB_88_2021 = "permenpanrb-88-2021", "PermenPAN-RB 88/2021"
    PERMENPANRB_12_2015 = "permenpanrb-12-2015", "PermenPAN-RB 12/2015"
    HIBRIDA = "hibrida", "Lain/hibrida (skor diambil apa adanya)"


class HasilEvaluasi(models.Model):
    """A unit's AKIP evaluation of a year: component scores, or only the total where that is all we have."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="hasil_evaluasi")
    tahun = models.PositiveSmallIntegerField("tahun")
    model = models.CharField(
        "model evaluasi",
        max_length=24,
        choices=ModelEvaluasi.choices,
        default=ModelEvaluasi.HIBRIDA,
    )
    nilai_total = models.DecimalField(
        "nilai (bila tanpa rincian komponen)", null=True, blank=True, **SKOR
    )
    catatan = models.TextField("catatan", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hasil evaluasi AKIP"
        verbose_name_plural = "hasil evaluasi AKIP"
        ordering = ["-tahun", "unit__nama"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun"], name="hasil_evaluasi_unik")
        ]

    def __str__(self) -> str:
        return f"Evaluasi AKIP {self.unit} {self.tahun}"

    def nilai(self, skor: list[SkorKomponen] | None = None) -> Decimal | None:
        """The total: the stored total, or the sum of the component scores (PermenPAN-RB 88/2021)."""
        if self.nilai_total is not None:
            return Decimal(self.nilai_total)
        daftar = list(self.skor.all()) if skor is None else skor
        if not daftar:
            return None
        return nilai_akip(
            {s.komponen: Decimal(s.nilai) for s in daftar}, MODEL_EVALUASI.get(self.model)
        )

    def predikat(self, skor: list[SkorKomponen] | None = None) -> Predikat | None:
        n = self.nilai(skor)
        return None if n is None else hitung_predikat(n)


class SebaranPredikat(models.Model):
    """How many PD of a Pemda held a predikat in a year, as a report states it.

    For a year whose PD scores are not stored but whose distribution is printed, so
    the next year's recap can still show its change (seed 000 Bab III.C.3.d "Resume
    Hasil Penilaian SAKIP 2024": 2023 A 2, BB 20, B 14, CC 1 → 22 PD at least BB).
    Where the PD's own results of the year are stored, those are used instead.
    """

    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        related_name="sebaran_predikat",
        verbose_name="pemda",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    predikat = models.CharField(
        "predikat", max_length=2, choices=[(p.kode, f"{p.kode} ({p.sebutan})") for p in Predikat]
    )
    jumlah = models.PositiveSmallIntegerField("jumlah PD")
    catatan = models.TextField("sumber/catatan", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sebaran predikat PD (tercatat)"
        verbose_name_plural = "sebaran predikat PD (tercatat)"
        ordering = ["-tahun", "unit__nama", "predikat"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "predikat"], name="sebaran_predikat_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.tahun}: {self.predikat} {self.jumlah} PD"


class SkorKomponen(models.Model):
    hasil = models.ForeignKey(HasilEvaluasi, on_delete=models.CASCADE, related_name="skor")
    komponen = models.CharField("komponen", max_length=40)
    nilai = models.DecimalField("nilai", **SKOR)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "skor komponen"
        verbose_name_plural = "skor komponen"
        constraints = [
            models.UniqueConstraint(fields=["hasil", "komponen"], name="skor_komponen_unik")
        ]

    def __str__(self) -> str:
        return f"{self.komponen}: {self.nilai}"

    def clean(self) -> None:
        model = MODEL_EVALUASI.get(self.hasil.model)
        if model is not None:
            kode = {k.kode for k in model.komponen}
            if self.komponen not in kode:
                raise ValidationError(
                    {"komponen": f"Komponen {self.komponen!r} tidak ada pada {model.nama}."}
                )
        try:
            nilai_akip({self.komponen: Decimal(self.nilai)}, None)
        except KinerjaError as exc:
            raise ValidationError({"nilai": str(exc)}) from exc


class StatusTindakLanjut(models.TextChoices):
    SUDAH = "sudah", "Sudah"
    BELUM = "belum", "Belum"


class Rekomendasi(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="rekomendasi")
    tahun = models.PositiveSmallIntegerField("tahun evaluasi")
    komponen = models.CharField("komponen", max_length=120, blank=True)
    rekomendasi = models.TextField("rekomendasi")
    tindak_lanjut = models.TextField("tindak lanjut", blank=True)
    status = models.CharField(
        "status", max_length=6, choices=StatusTindakLanjut.choices, default=StatusTindakLanjut.BELUM
    )
    batas_waktu = models.DateField("batas waktu", null=True, blank=True)
    eviden = models.ManyToManyField(
        "pengukuran.Eviden", blank=True, related_name="rekomendasi", verbose_name="data dukung"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "rekomendasi"
        verbose_name_plural = "rekomendasi"
        ordering = ["-tahun", "pk"]

    def __str__(self) -> str:
        return f"{self.komponen or 'Rekomendasi'} {self.tahun}"


class Temuan(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="temuan")
    tahun = models.PositiveSmallIntegerField("tahun")
    temuan = models.TextField("temuan pemeriksaan")
    rekomendasi = models.TextField("rekomendasi", blank=True)
    rencana_aksi = models.TextField("rencana aksi", blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    status = models.CharField(
        "status", max_length=6, choices=StatusTindakLanjut.choices, default=StatusTindakLanjut.BELUM
    )
    nilai = models.DecimalField(
        "nilai (Rp)", max_digits=18, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "temuan"
        verbose_name_plural = "temuan"
        ordering = ["-tahun", "pk"]

    def __str__(self) -> str:
        return self.temuan[:80]


# --- The evaluation worksheet (LKE), versioned per year ------------------------------


class SkalaJawaban(models.TextChoices):
    HURUF = "huruf", "AA/A/BB/B/CC/C/D/E"
    YA_TIDAK = "ya_tidak", "Ya/Tidak"


PILIHAN_JAWABAN = {
    SkalaJawaban.HURUF: [
        ("AA", "AA (100)"),
        ("A", "A (90)"),
        ("BB", "BB (80)"),
        ("B", "B (70)"),
        ("CC", "CC (60)"),
        ("C", "C (50)"),
        ("D", "D (30)"),
        ("E", "E (0)"),
    ],
    SkalaJawaban.YA_TIDAK: [("Y", "Ya (100)"), ("T", "Tidak (0)")],
}


class LembarKerja(models.Model):
    """One version of an LKE: the criteria KemenPAN-RB set for the years from ``tahun`` on.

    An evaluation keeps the version it was scored on (``EvaluasiAKIP.lembar``, PROTECT),
    so a later revision of the criteria never rewrites a past score.
    """

    model = models.CharField(
        "model evaluasi",
        max_length=24,
        choices=[c for c in ModelEvaluasi.choices if c[0] != ModelEvaluasi.HIBRIDA],
    )
    tahun = models.PositiveSmallIntegerField("berlaku mulai tahun")
    nama = models.CharField("nama", max_length=200)
    keterangan = models.TextField("keterangan", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "lembar kerja evaluasi (LKE)"
        verbose_name_plural = "lembar kerja evaluasi (LKE)"
        ordering = ["-tahun", "model"]
        constraints = [models.UniqueConstraint(fields=["model", "tahun"], name="lke_versi_unik")]

    def __str__(self) -> str:
        return f"{self.nama} (versi {self.tahun})"

    @classmethod
    def berlaku(cls, tahun: int, model: str | None = None) -> LembarKerja | None:
        """The newest version in force for an evaluation ``tahun`` (88/2021 unless asked)."""
        qs = cls.objects.filter(tahun__lte=tahun, model=model or ModelEvaluasi.PERMENPANRB_88_2021)
        return qs.order_by("-tahun").first()


class KomponenLKE(models.Model):
    lembar = models.ForeignKey(LembarKerja, on_delete=models.CASCADE, related_name="komponen")
    kode = models.CharField("kode", max_length=40)
    nama = models.CharField("nama", max_length=200)
    bobot = models.DecimalField("bobot", max_digits=5, decimal_places=2)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "komponen LKE"
        verbose_name_plural = "komponen LKE"
        ordering = ["urutan", "pk"]
        constraints = [models.UniqueConstraint(fields=["lembar", "kode"], name="komponen_lke_unik")]

    def __str__(self) -> str:
        return f"{self.nama} ({self.bobot})"


class SubKomponenLKE(models.Model):
    komponen = models.ForeignKey(KomponenLKE, on_delete=models.CASCADE, related_name="sub")
    kode = models.CharField("kode", max_length=40)
    nama = models.CharField("nama", max_length=200)
    bobot = models.DecimalField("bobot", max_digits=5, decimal_places=2)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "sub-komponen LKE"
        verbose_name_plural = "sub-komponen LKE"
        ordering = ["urutan", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["komponen", "kode"], name="subkomponen_lke_unik")
        ]

    def __str__(self) -> str:
        return f"{self.komponen.nama} — {self.nama} ({self.bobot})"


class KriteriaLKE(models.Model):
    sub = models.ForeignKey(SubKomponenLKE, on_delete=models.CASCADE, related_name="kriteria")
    nomor = models.CharField("nomor", max_length=10)
    uraian = models.TextField("kriteria")
    skala = models.CharField(
        "skala jawaban", max_length=10, choices=SkalaJawaban.choices, default=SkalaJawaban.HURUF
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "kriteria LKE"
        verbose_name_plural = "kriteria LKE"
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.uraian[:60]}"

    @property
    def pilihan(self) -> list[tuple[str, str]]:
        return PILIHAN_JAWABAN[SkalaJawaban(self.skala)]


class StatusEvaluasi(models.TextChoices):
    DRAF = "draf", "Draf (penilaian berjalan)"
    TERKUNCI = "terkunci", "Terkunci (LHE terbit)"


class EvaluasiAKIP(models.Model):
    """An evaluator's scoring of a unit for a year on one LKE version, beside the unit's own."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="evaluasi_akip")
    tahun = models.PositiveSmallIntegerField("tahun dievaluasi")
    lembar = models.ForeignKey(
        LembarKerja, on_delete=models.PROTECT, related_name="evaluasi", verbose_name="LKE"
    )
    status = models.CharField(
        "status", max_length=10, choices=StatusEvaluasi.choices, default=StatusEvaluasi.DRAF
    )
    nomor_lhe = models.CharField("nomor LHE", max_length=100, blank=True)
    tanggal_lhe = models.DateField("tanggal LHE", null=True, blank=True)
    dikunci_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dikunci_pada = models.DateTimeField("dikunci pada", null=True, blank=True)
    hasil = models.OneToOneField(
        HasilEvaluasi,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lembar_evaluasi",
        verbose_name="hasil evaluasi yang ditetapkan",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "evaluasi AKIP (LKE)"
        verbose_name_plural = "evaluasi AKIP (LKE)"
        ordering = ["-tahun", "unit__urutan", "unit__nama"]
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="evaluasi_akip_unik")]

    def __str__(self) -> str:
        return f"LKE {self.unit} {self.tahun}"

    @property
    def terkunci(self) -> bool:
        return self.status == StatusEvaluasi.TERKUNCI


class JawabanLKE(models.Model):
    """One criterion: the unit's self-assessment and the evaluator's answer, side by side."""

    evaluasi = models.ForeignKey(EvaluasiAKIP, on_delete=models.CASCADE, related_name="jawaban")
    kriteria = models.ForeignKey(KriteriaLKE, on_delete=models.PROTECT, related_name="jawaban")
    jawaban_mandiri = models.CharField("jawaban penilaian mandiri", max_length=2, blank=True)
    catatan_mandiri = models.TextField("catatan unit", blank=True)
    jawaban_evaluator = models.CharField("jawaban evaluator", max_length=2, blank=True)
    catatan_evaluator = models.TextField("catatan evaluator", blank=True)
    eviden = models.ManyToManyField(
        "pengukuran.Eviden", blank=True, related_name="jawaban_lke", verbose_name="data dukung"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "jawaban LKE"
        verbose_name_plural = "jawaban LKE"
        constraints = [
            models.UniqueConstraint(fields=["evaluasi", "kriteria"], name="jawaban_lke_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kriteria}: {self.jawaban_mandiri or '-'} / {self.jawaban_evaluator or '-'}"
