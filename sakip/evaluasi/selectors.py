"""Reads shared by the evaluation screens and exports; every figure comes from sakip.kinerja."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from sakip.evaluasi.models import (
    EvaluasiAKIP,
    HasilEvaluasi,
    JawabanLKE,
    KomponenLKE,
    KriteriaLKE,
    LembarKerja,
    Rekomendasi,
    SebaranPredikat,
    SkorKomponen,
    StatusTindakLanjut,
    SubKomponenLKE,
)
from sakip.kinerja import (
    MODEL_12_2015,
    MODEL_88_2021,
    Predikat,
    RekapPredikat,
    SkorLKE,
    perubahan_persen,
    predikat_akip,
    rekap_predikat,
    rekap_sebaran,
    selisih,
    skor_lke,
)
from sakip.kinerja import KomponenLKE as KomponenSkor
from sakip.kinerja import SubKomponenLKE as SubSkor
from sakip.organisasi.akses import boleh, unit_ids_untuk
from sakip.organisasi.models import JenisUnit, Kluster, Unit, keturunan_ids
from sakip.pengukuran.models import Eviden
from sakip.perhitungan.services import historis

# Component names as the LHE prints them; the seed's Tabel 3.1 uses the 88/2021 names
# and adds "Capaian Kinerja" of the five-component model.
NAMA_KOMPONEN = {k.kode: k.nama for k in (*MODEL_12_2015.komponen, *MODEL_88_2021.komponen)}
URUTAN_KOMPONEN = ["perencanaan", "pengukuran", "pelaporan", "evaluasi_internal", "capaian"]


def nama_komponen(kode: str) -> str:
    return NAMA_KOMPONEN.get(kode, kode.replace("_", " ").capitalize())


# --- the worksheet ------------------------------------------------------------------


def evaluasi_terlihat(user: object) -> QuerySet[EvaluasiAKIP]:
    ids = unit_ids_untuk(user, "view")
    qs = EvaluasiAKIP.objects.select_related("unit", "lembar", "hasil")
    return qs if ids is None else qs.filter(unit_id__in=ids)


def evaluasi_atau_404(user: object, pk: int) -> EvaluasiAKIP:
    """The evaluation if the user may see its unit; 404 otherwise (another unit's draft too)."""
    evaluasi = evaluasi_terlihat(user).filter(pk=pk).first()
    if evaluasi is None:
        raise Http404("Evaluasi tidak ditemukan atau bukan wewenang Anda.")
    return evaluasi


def eviden_pilihan(evaluasi: EvaluasiAKIP) -> QuerySet[Eviden]:
    """The unit's evidence library of the year: data dukung of its (and its sub-units') indicators."""
    return (
        Eviden.objects.filter(
            indikator__unit_id__in=keturunan_ids([evaluasi.unit_id]), tahun=evaluasi.tahun
        )
        .select_related("indikator")
        .order_by("indikator__kode", "periode", "judul")
    )


def struktur_lembar(lembar: LembarKerja) -> list[KomponenLKE]:
    """Components with their sub-components and criteria, three queries."""
    return list(
        lembar.komponen.prefetch_related(
            Prefetch(
                "sub",
                queryset=SubKomponenLKE.objects.prefetch_related(
                    Prefetch("kriteria", queryset=KriteriaLKE.objects.order_by("urutan", "pk"))
                ),
            )
        )
    )


def skor_dari(struktur: list[KomponenLKE], jawaban: dict[int, JawabanLKE], pihak: str) -> SkorLKE:
    """Score the worksheet from one side's answers (``mandiri`` or ``evaluator``)."""
    kolom = f"jawaban_{pihak}"
    return skor_lke(
        [
            KomponenSkor(
                k.kode,
                Decimal(k.bobot),
                tuple(
                    SubSkor(
                        s.kode,
                        Decimal(s.bobot),
                        tuple(
                            (getattr(jawaban[kr.pk], kolom) or None) if kr.pk in jawaban else None
                            for kr in s.kriteria.all()
                        ),
                    )
                    for s in k.sub.all()
                ),
            )
            for k in struktur
        ]
    )


@dataclass
class BarisKriteria:
    kriteria: KriteriaLKE
    jawaban: JawabanLKE | None

    @property
    def berbeda(self) -> bool:
        j = self.jawaban
        return bool(j and j.jawaban_mandiri and j.jawaban_evaluator) and (
            j is not None and j.jawaban_mandiri != j.jawaban_evaluator
        )


@dataclass
class BarisSub:
    sub: SubKomponenLKE
    mandiri: Decimal | None
    evaluator: Decimal | None
    kriteria: list[BarisKriteria]

    @property
    def selisih(self) -> Decimal | None:
        return selisih(self.evaluator, self.mandiri)


@dataclass
class BarisKomponen:
    komponen: KomponenLKE
    mandiri: Decimal | None
    evaluator: Decimal | None
    sub: list[BarisSub]

    @property
    def selisih(self) -> Decimal | None:
        return selisih(self.evaluator, self.mandiri)


@dataclass
class IsianLembar:
    evaluasi: EvaluasiAKIP
    komponen: list[BarisKomponen]
    mandiri: SkorLKE
    evaluator: SkorLKE
    eviden: list[Eviden]

    @property
    def selisih(self) -> Decimal | None:
        return selisih(self.evaluator.nilai, self.mandiri.nilai)


def isian_lembar(evaluasi: EvaluasiAKIP) -> IsianLembar:
    """The worksheet as the screen shows it: both sides' answers, sub-totals and difference."""
    struktur = struktur_lembar(evaluasi.lembar)
    jawaban = {
        j.kriteria_id: j
        for j in evaluasi.jawaban.prefetch_related("eviden__indikator").select_related(None)
    }
    mandiri = skor_dari(struktur, jawaban, "mandiri")
    evaluator = skor_dari(struktur, jawaban, "evaluator")
    baris = [
        BarisKomponen(
            k,
            mandiri.komponen[k.kode],
            evaluator.komponen[k.kode],
            [
                BarisSub(
                    s,
                    mandiri.subkomponen[(k.kode, s.kode)],
                    evaluator.subkomponen[(k.kode, s.kode)],
                    [BarisKriteria(kr, jawaban.get(kr.pk)) for kr in s.kriteria.all()],
                )
                for s in k.sub.all()
            ],
        )
        for k in struktur
    ]
    return IsianLembar(evaluasi, baris, mandiri, evaluator, list(eviden_pilihan(evaluasi)))


# --- overview -----------------------------------------------------------------------


@dataclass
class RingkasanUnit:
    unit: Unit
    tahun: dict[int, tuple[Decimal | None, Predikat | None, EvaluasiAKIP | None]] = field(
        default_factory=dict
    )


def ringkasan(user: object) -> tuple[list[int], list[RingkasanUnit]]:
    """Per unit the user may see: each year's nilai and predikat, and its worksheet if any."""
    ids = unit_ids_untuk(user, "view")
    hasil = HasilEvaluasi.objects.select_related("unit").prefetch_related("skor")
    lke = EvaluasiAKIP.objects.select_related("unit", "lembar")
    if ids is not None:
        hasil = hasil.filter(unit_id__in=ids)
        lke = lke.filter(unit_id__in=ids)
    per_unit: dict[int, RingkasanUnit] = {}
    for h in hasil:
        n = h.nilai(list(h.skor.all()))
        r = per_unit.setdefault(h.unit_id, RingkasanUnit(h.unit))
        r.tahun[h.tahun] = (n, None if n is None else predikat_akip(n), None)
    for e in lke:
        r = per_unit.setdefault(e.unit_id, RingkasanUnit(e.unit))
        n, p, _ = r.tahun.get(e.tahun, (None, None, None))
        r.tahun[e.tahun] = (n, p, e)
    tahun = sorted({t for r in per_unit.values() for t in r.tahun}, reverse=True)[:6]
    urut = sorted(per_unit.values(), key=lambda r: (r.unit.urutan, r.unit.nama))
    return tahun, urut


# --- the history table (seed 000 Tabel 3.1) ------------------------------------------


@dataclass
class BarisRiwayat:
    kode: str
    nama: str
    nilai: list[Decimal | None]
    perubahan: Decimal | None


@dataclass
class RiwayatEvaluasi:
    unit: Unit
    tahun: list[int]
    komponen: list[BarisRiwayat]
    total: list[Decimal | None]
    predikat: list[Predikat | None]
    perubahan_total: Decimal | None
    terkunci: list[bool]

    @property
    def judul_perubahan(self) -> str:
        if len(self.tahun) < 2:
            return "Peningkatan/Penurunan"
        return f"Peningkatan/Penurunan {self.tahun[-2]}–{self.tahun[-1]}"


def riwayat_evaluasi(
    unit: Unit, dari: int | None = None, sampai: int | None = None
) -> RiwayatEvaluasi:
    """Component scores per year, total, predikat, and the change between the last two years.

    The change is computed (C_t − C_t−1): seed 000 prints −1,57 for Capaian Kinerja
    2022–2023, where 13,60 − 15,20 is −1,60.
    """
    qs = HasilEvaluasi.objects.filter(unit=unit).prefetch_related("skor", "lembar_evaluasi")
    if dari is not None:
        qs = qs.filter(tahun__gte=dari)
    if sampai is not None:
        qs = qs.filter(tahun__lte=sampai)
    hasil = sorted(qs, key=lambda h: h.tahun)
    tahun = [h.tahun for h in hasil]
    skor = [{s.komponen: Decimal(s.nilai) for s in h.skor.all()} for h in hasil]
    kode = sorted(
        {k for s in skor for k in s},
        key=lambda k: (URUTAN_KOMPONEN.index(k) if k in URUTAN_KOMPONEN else 99, k),
    )
    komponen = []
    for k in kode:
        nilai = [s.get(k) for s in skor]
        ubah = selisih(nilai[-1], nilai[-2]) if len(nilai) > 1 else None
        komponen.append(BarisRiwayat(k, nama_komponen(k), nilai, ubah))
    total = [h.nilai(list(h.skor.all())) for h in hasil]
    terkunci = []
    for h in hasil:
        try:
            terkunci.append(h.lembar_evaluasi is not None)
        except EvaluasiAKIP.DoesNotExist:
            terkunci.append(False)
    return RiwayatEvaluasi(
        unit=unit,
        tahun=tahun,
        komponen=komponen,
        total=total,
        predikat=[None if n is None else predikat_akip(n) for n in total],
        perubahan_total=selisih(total[-1], total[-2]) if len(total) > 1 else None,
        terkunci=terkunci,
    )


# --- the PD recap of a Pemda -------------------------------------------------------------


@dataclass
class BarisRekap:
    unit: Unit
    nilai: Decimal
    predikat: Predikat


@dataclass
class RekapPD:
    pemda: Unit
    tahun: int
    rekap: RekapPredikat
    kluster: list[tuple[str, list[BarisRekap]]]
    lalu: RekapPredikat | None
    lalu_tersimpan: int = 0
    lalu_sumber: str = ""
    """Where last year's figures come from when not from the PD's stored results."""
    sumber: str = ""
    """Likewise for this year's distribution (the list by cluster shows only stored PD)."""

    @property
    def perubahan_jumlah_bb(self) -> Decimal | None:
        """Change of the number of PD with predikat ≥ BB, in % (seed 000: 22 → 30 is +36,36)."""
        return (
            None
            if self.lalu is None
            else perubahan_persen(self.rekap.minimal_bb, self.lalu.minimal_bb)
        )

    @property
    def selisih_persen_bb(self) -> Decimal | None:
        """Change of the share with predikat ≥ BB, in points."""
        if self.lalu is None:
            return None
        return selisih(self.rekap.persen_minimal_bb, self.lalu.persen_minimal_bb)


def pemda_atau_404(user: object, slug: str) -> Unit:
    """A Pemda whose recap the user may see: they belong to it or to one of its units."""
    pemda = Unit.objects.filter(slug=slug, jenis=JenisUnit.PEMDA).first()
    if pemda is None:
        raise Http404("Pemda tidak ditemukan.")
    if boleh(user, pemda.pk):
        return pemda
    ids = unit_ids_untuk(user, "view") or set()
    if ids & keturunan_ids([pemda.pk]):
        return pemda
    raise Http404("Pemda tidak ditemukan atau bukan wewenang Anda.")


def _nilai_pd(pemda: Unit, tahun: int, pada: dt.datetime | None) -> list[tuple[Unit, Decimal]]:
    hasil = list(
        historis(
            HasilEvaluasi,
            pada,
            unit__induk=pemda,
            unit__jenis=JenisUnit.PERANGKAT_DAERAH,
            tahun=tahun,
        ).select_related("unit")
    )
    skor: dict[int, list[SkorKomponen]] = defaultdict(list)
    for sk in historis(SkorKomponen, pada, hasil_id__in=[h.pk for h in hasil]):
        skor[sk.hasil_id].append(sk)
    return [(h.unit, n) for h in hasil if (n := h.nilai(skor[h.pk])) is not None]


def rekap_pd(pemda: Unit, tahun: int, pada: dt.datetime | None = None) -> RekapPD:
    """All PD of a Pemda for a year: predikat distribution, list by cluster, share ≥ BB vs last year.

    ``pada`` rebuilds it as the data stood then (the LKjIP built as of a date).
    """
    baris = _nilai_pd(pemda, tahun, pada)
    per_kluster: dict[str, list[BarisRekap]] = defaultdict(list)
    for u, n in sorted(baris, key=lambda b: (b[0].urutan, b[0].nama)):
        per_kluster[u.kluster].append(BarisRekap(u, n, predikat_akip(n)))
    label = dict(Kluster.choices)
    kluster = [(label[k], per_kluster[k]) for k in Kluster.values if per_kluster.get(k)]
    if per_kluster.get(""):
        kluster.append(("Tanpa kluster", per_kluster[""]))
    rekap, sumber = _rekap_tahun(pemda, tahun, [n for _, n in baris], pada)
    nilai_lalu = _nilai_pd(pemda, tahun - 1, pada)
    lalu: RekapPredikat | None
    lalu, sumber_lalu = _rekap_tahun(pemda, tahun - 1, [n for _, n in nilai_lalu], pada)
    if not sumber_lalu and not _sebanding(lalu.jumlah, rekap.jumlah):
        lalu = None
    return RekapPD(
        pemda=pemda,
        tahun=tahun,
        rekap=rekap,
        kluster=kluster,
        lalu=lalu,
        lalu_tersimpan=len(nilai_lalu),
        lalu_sumber=sumber_lalu,
        sumber=sumber,
    )


def _rekap_tahun(
    pemda: Unit, tahun: int, nilai: list[Decimal], pada: dt.datetime | None
) -> tuple[RekapPredikat, str]:
    """A year's recap from its PD's stored scores, or from its recorded distribution when that
    covers more PD (the Kaltim demo stores only the Setda's own 2023 score but the 2023
    distribution of all 37); the second item names the recorded source, "" for the scores."""
    dari_nilai = rekap_predikat(nilai)
    tercatat, sumber = _sebaran_tercatat(pemda, tahun, pada)
    if tercatat is not None and tercatat.jumlah > dari_nilai.jumlah:
        return tercatat, sumber
    return dari_nilai, ""


def _sebaran_tercatat(
    pemda: Unit, tahun: int, pada: dt.datetime | None
) -> tuple[RekapPredikat | None, str]:
    """A year's distribution as recorded (SebaranPredikat), with its source; (None, "") without."""
    baris = list(historis(SebaranPredikat, pada, unit_id=pemda.pk, tahun=tahun))
    if not baris:
        return None, ""
    sebaran = {Predikat.dari_teks(b.predikat): b.jumlah for b in baris}
    catatan = "; ".join(dict.fromkeys(b.catatan for b in baris if b.catatan))
    return rekap_sebaran(sebaran), catatan or "sebaran predikat tercatat"


def _sebanding(lalu: int, sekarang: int) -> bool:
    """Last year's recap is compared only when it covers at least 90 % as many PD as this year's.

    A year where only a few PD results are stored (the Kaltim demo keeps the Setda's own
    2023 score from Tabel 3.1, not the 2023 score of every PD) would give a meaningless
    change (1 → 30 PD); the year's recorded distribution is used instead, if any
    (:class:`SebaranPredikat`), else the screen says the year is incomplete.
    """
    return lalu > 0 and lalu * 10 >= sekarang * 9


def tahun_rekap(pemda: Unit) -> list[int]:
    return sorted(
        set(
            HasilEvaluasi.objects.filter(
                unit__induk=pemda, unit__jenis=JenisUnit.PERANGKAT_DAERAH
            ).values_list("tahun", flat=True)
        ),
        reverse=True,
    )


# --- recommendations -------------------------------------------------------------------


def rekomendasi_unit(unit: Unit) -> list[Rekomendasi]:
    return list(
        Rekomendasi.objects.filter(unit=unit).prefetch_related("eviden").order_by("-tahun", "pk")
    )


def rekomendasi_terbuka(user: object) -> list[tuple[Unit, list[Rekomendasi]]]:
    """Open (belum) recommendations per unit the user may see, oldest due date first."""
    ids = unit_ids_untuk(user, "view")
    qs = Rekomendasi.objects.filter(status=StatusTindakLanjut.BELUM).select_related("unit")
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    per_unit: dict[int, tuple[Unit, list[Rekomendasi]]] = {}
    for r in qs.order_by("batas_waktu", "tahun", "pk"):
        per_unit.setdefault(r.unit_id, (r.unit, []))[1].append(r)
    return sorted(per_unit.values(), key=lambda x: (x[0].urutan, x[0].nama))


def pilihan_komponen(unit: Unit, tahun: int) -> list[tuple[str, str]]:
    """Components a recommendation may name: those of the year's worksheet, else of 88/2021."""
    e = EvaluasiAKIP.objects.filter(unit=unit, tahun=tahun).select_related("lembar").first()
    if e is not None:
        return [(k.nama, k.nama) for k in e.lembar.komponen.all()]
    return [(k.nama, k.nama) for k in (*MODEL_88_2021.komponen, MODEL_12_2015.komponen[-1])]
