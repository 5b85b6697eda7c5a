"""Reads of the leader's dashboard: verified figures of a unit and year, shaped for the page.

Every figure comes from :func:`sakip.perhitungan.services.hitung_kinerja` with
``hanya_terverifikasi=True`` (DESIGN.md: dashboards use only verified data). The
computation reads the whole Renstra (≈ 120 ms on the Kaltim demo), so its result,
reduced to plain rows, is cached per (unit, year) under a key that changes with any
recorded change of the data it reads (:func:`sakip.core.versi.versi_data`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone

from sakip.core.versi import versi_data
from sakip.kinerja import (
    PosAnggaran,
    Predikat,
    SkalaPenilaian,
    Tingkat,
    format_nilai,
    rata_rata,
    total_anggaran,
)
from sakip.kinerja.periode import TRIWULAN, tenggat_periode
from sakip.organisasi.models import JenisUnit, Unit, aturan_untuk, keturunan_ids
from sakip.pengukuran.selectors import KelengkapanUnit, kelengkapan_periode
from sakip.perencanaan.models import Renstra
from sakip.perhitungan.services import HasilIndikator, KinerjaUnit, hitung_kinerja
from sakip.perjanjian.models import PerjanjianKinerja, StatusPK

# The colours of the traffic lights, best first; a scale's levels are spread over them.
WARNA = ("hijau", "kuning", "oranye", "merah")

# Apps whose recorded changes can change a figure of the dashboard.

# How long a cached dashboard may live at most, even if no change was recorded.
UMUR_TEMBOLOK = 60 * 60


# --- rows of the page --------------------------------------------------------------


@dataclass(frozen=True)
class TitikTren:
    tahun: int
    nilai: Decimal | None
    teks: str


@dataclass(frozen=True)
class Lampu:
    """One indicator as a traffic light: figures, the category of the scale, and its trend."""

    kode: str
    nama: str
    satuan: str
    tingkat: str
    target: str
    realisasi: str
    ada_realisasi: bool
    capaian: Decimal | None
    kategori: str | None
    warna: str | None
    tren: tuple[TitikTren, ...]


@dataclass(frozen=True)
class BarisAnggaran:
    """A node of the drill-down: capaian and budget of a program, kegiatan or sub kegiatan."""

    pk: int
    kode: str
    nama: str
    unit: str
    capaian: Decimal | None
    kategori: str | None
    warna: str | None
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    anak: tuple[BarisAnggaran, ...] = ()


@dataclass(frozen=True)
class KelompokSasaran:
    """A sasaran with its capaian, its programs' budget taken together, and those programs."""

    kode: str
    uraian: str
    capaian: Decimal | None
    kategori: str | None
    warna: str | None
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    program: tuple[BarisAnggaran, ...]


@dataclass(frozen=True)
class RingkasanPD:
    """A Perangkat Daerah on its Pemda's dashboard."""

    slug: str
    nama: str
    jumlah_iku: int
    rata_rata_iku: Decimal | None
    kategori: str | None
    warna: str | None


@dataclass
class Dasbor:
    """Everything the dashboard of one unit and year shows, as plain values (cacheable)."""

    unit_id: int
    tahun: int
    jenis: str  # "pemda", "pd" or "biro"
    nama_skala: str
    tingkat_skala: tuple[tuple[str, str], ...]  # (nama, warna) best first: the legend
    lampu: list[Lampu] = field(default_factory=list)
    rata_rata: Decimal | None = None
    kategori_rata_rata: str | None = None
    warna_rata_rata: str | None = None
    sasaran: list[KelompokSasaran] = field(default_factory=list)
    program: list[BarisAnggaran] = field(default_factory=list)
    perangkat_daerah: list[RingkasanPD] = field(default_factory=list)

    @property
    def jumlah_per_kategori(self) -> list[tuple[str, str, int]]:
        """(category, colour, how many lights) in the scale's order, then those without data."""
        hitung: dict[str | None, int] = defaultdict(int)
        for lampu in self.lampu:
            hitung[lampu.kategori] += 1
        hasil = [(nama, warna, hitung[nama]) for nama, warna in self.tingkat_skala]
        if hitung[None]:
            hasil.append(("Belum ada data terverifikasi", "kosong", hitung[None]))
        return hasil

    @property
    def skala_batang(self) -> Decimal:
        """The top of the capaian bars: 100 %, or the highest capaian shown when above it."""
        nilai = [s.capaian for s in self.sasaran if s.capaian is not None]
        nilai += [p.capaian for p in self.program if p.capaian is not None]
        return max([Decimal(100), *nilai])


# --- colours ---------------------------------------------------------------------


def warna_tingkat(skala: SkalaPenilaian, tingkat: Tingkat | None) -> str | None:
    """The traffic-light colour of a level: the scale's levels spread from green to red.

    By rank, not by the scale's own colour names, so every configured scale (four
    levels, Permendagri's five, an agency's own) maps onto the same four lights.
    """
    if tingkat is None:
        return None
    urutan = [t.kode for t in skala.tingkat]
    if tingkat.kode not in urutan or len(urutan) == 1:
        return WARNA[0]
    i = urutan.index(tingkat.kode)
    return WARNA[i * (len(WARNA) - 1) // (len(urutan) - 1)]


# --- the cache key ---------------------------------------------------------------


# --- years -----------------------------------------------------------------------


def _pohon_ids(unit: Unit) -> tuple[list[int], set[int]]:
    leluhur = [unit.pk, *(u.pk for u in unit.leluhur())]
    return leluhur, keturunan_ids([unit.pk])


def tahun_pk_terakhir(unit: Unit) -> int | None:
    """The latest year with a signed PK for the unit or an ancestor; else below it (a Pemda)."""
    leluhur, keturunan = _pohon_ids(unit)
    ditandatangani = PerjanjianKinerja.objects.filter(status=StatusPK.DITANDATANGANI)
    tahun = ditandatangani.filter(unit_id__in=leluhur).aggregate(m=Max("tahun"))["m"]
    if tahun is None:
        tahun = ditandatangani.filter(unit_id__in=keturunan).aggregate(m=Max("tahun"))["m"]
    return tahun  # type: ignore[no-any-return]


def tahun_pilihan(unit: Unit, tahun: int) -> list[int]:
    """Years offered by the year picker: those with a signed PK above or below the unit."""
    leluhur, keturunan = _pohon_ids(unit)
    semua = set(
        PerjanjianKinerja.objects.filter(
            status=StatusPK.DITANDATANGANI, unit_id__in=set(leluhur) | keturunan
        ).values_list("tahun", flat=True)
    )
    return sorted(semua | {tahun}, reverse=True)


# --- the dashboard ---------------------------------------------------------------


def jenis_dasbor(unit: Unit) -> str:
    if unit.jenis == JenisUnit.PEMDA:
        return "pemda"
    if unit.jenis == JenisUnit.PERANGKAT_DAERAH:
        return "pd"
    return "biro"


def data_dasbor(unit: Unit, tahun: int) -> Dasbor:
    """The dashboard of ``unit`` for ``tahun`` from verified data; cached until the data changes."""
    kunci = f"sakip:dasbor:{unit.pk}:{tahun}:{versi_data()}"
    hasil = cache.get(kunci)
    if hasil is None:
        hasil = _susun_dasbor(unit, tahun)
        cache.set(kunci, hasil, UMUR_TEMBOLOK)
    return hasil  # type: ignore[no-any-return]


def _teks_nilai(nilai: Decimal | Predikat | None, satuan: str) -> str:
    if nilai is None:
        return "-"
    if isinstance(nilai, Predikat):
        return nilai.kode
    return format_nilai(nilai, satuan)


def _lampu(h: HasilIndikator, skala: SkalaPenilaian, tahun: int) -> Lampu:
    ind = h.indikator
    titik = [
        TitikTren(th, n if isinstance(n, Decimal) else None, _teks_nilai(n, ""))
        for th, n in sorted(h.realisasi_lalu.items())
    ]
    titik.append(
        TitikTren(
            tahun,
            h.realisasi if isinstance(h.realisasi, Decimal) else None,
            _teks_nilai(h.realisasi, ""),
        )
    )
    return Lampu(
        kode=ind.kode,
        nama=ind.nama,
        satuan=ind.satuan,
        tingkat=ind.get_tingkat_display(),
        target=h.target or "-",
        realisasi=_teks_nilai(h.realisasi, ind.satuan),
        ada_realisasi=h.realisasi is not None,
        capaian=h.capaian,
        kategori=h.kategori.nama if h.kategori else None,
        warna=warna_tingkat(skala, h.kategori),
        tren=tuple(titik),
    )


def _susun_dasbor(unit: Unit, tahun: int) -> Dasbor:
    jenis = jenis_dasbor(unit)
    if jenis == "pemda":
        skala = aturan_untuk(unit).skala
        dasbor = _dasbor_kosong(unit, tahun, jenis, skala)
        dasbor.perangkat_daerah = _ringkasan_pd(unit, tahun, skala)
        dasbor.rata_rata = rata_rata(pd.rata_rata_iku for pd in dasbor.perangkat_daerah)
        _isi_kategori_rata_rata(dasbor, skala)
        return dasbor
    k = hitung_kinerja(unit, tahun, hanya_terverifikasi=True)
    skala = k.aturan.skala
    dasbor = _dasbor_kosong(unit, tahun, jenis, skala)
    if jenis == "pd":
        hasil = sorted(k.iku(), key=lambda h: (h.indikator.urutan, h.indikator.kode))
        dasbor.rata_rata = k.rata_rata_iku
        milik: set[int] | None = None
    else:
        # A Biro/Bagian has no IKU of its own: its own program and kegiatan indicators.
        milik = keturunan_ids([unit.pk])
        hasil = [
            h
            for h in k.indikator.values()
            if h.indikator.unit_id in milik and h.indikator.tingkat in {"program", "kegiatan"}
        ]
        hasil.sort(key=lambda h: (h.indikator.tingkat != "program", h.indikator.kode))
        dasbor.rata_rata = rata_rata(h.capaian for h in hasil)
    dasbor.lampu = [_lampu(h, skala, tahun) for h in hasil]
    _isi_kategori_rata_rata(dasbor, skala)
    dasbor.program, dasbor.sasaran = _rincian(k, skala, milik)
    return dasbor


def _dasbor_kosong(unit: Unit, tahun: int, jenis: str, skala: SkalaPenilaian) -> Dasbor:
    return Dasbor(
        unit_id=unit.pk,
        tahun=tahun,
        jenis=jenis,
        nama_skala=skala.nama,
        tingkat_skala=tuple((t.nama, warna_tingkat(skala, t) or "") for t in skala.tingkat),
    )


def _isi_kategori_rata_rata(dasbor: Dasbor, skala: SkalaPenilaian) -> None:
    t = skala.kategori(dasbor.rata_rata) if dasbor.rata_rata is not None else None
    dasbor.kategori_rata_rata = t.nama if t else None
    dasbor.warna_rata_rata = warna_tingkat(skala, t)


def _rincian(
    k: KinerjaUnit, skala: SkalaPenilaian, milik: set[int] | None
) -> tuple[list[BarisAnggaran], list[KelompokSasaran]]:
    """Programs (with kegiatan and sub kegiatan) of the unit, and the sasaran they serve."""
    nama_unit = {u.pk: str(u) for u in Unit.objects.only("nama", "singkatan")}

    def kat(c: Decimal | None) -> tuple[str | None, str | None]:
        t = skala.kategori(c) if c is not None else None
        return (t.nama if t else None, warna_tingkat(skala, t))

    sub_per_keg: dict[int, list[BarisAnggaran]] = defaultdict(list)
    pos_per_keg: dict[int, list[PosAnggaran]] = defaultdict(list)
    for s in k.sub_kegiatan:
        pos_per_keg[s.kegiatan_id].append(k.anggaran_sub[s.pk])
    for s in sorted(k.sub_kegiatan, key=lambda s: (s.urutan, s.kode)):
        if milik is not None and s.unit_id not in milik:
            continue
        pos = k.anggaran_sub[s.pk]
        t = total_anggaran(pos)
        c = k.capaian_sub_kegiatan.get(s.pk)
        sub_per_keg[s.kegiatan_id].append(
            BarisAnggaran(
                s.pk,
                s.kode,
                s.nama,
                nama_unit.get(s.unit_id, ""),
                c,
                *kat(c),
                t.pagu,
                t.realisasi,
                t.serapan,
            )
        )
    keg_per_prog: dict[int, list[BarisAnggaran]] = defaultdict(list)
    for g in sorted(k.kegiatan, key=lambda g: (g.urutan, g.kode)):
        if milik is not None and g.unit_id not in milik:
            continue
        anak = tuple(sub_per_keg[g.pk])
        t = total_anggaran(PosAnggaran(g.kode, g.nama, rincian=tuple(pos_per_keg[g.pk])))
        c = k.capaian_kegiatan.get(g.pk)
        keg_per_prog[g.program_id].append(
            BarisAnggaran(
                g.pk,
                g.kode,
                g.nama,
                nama_unit.get(g.unit_id, ""),
                c,
                *kat(c),
                t.pagu,
                t.realisasi,
                t.serapan,
                anak,
            )
        )
    program: list[BarisAnggaran] = []
    sasaran_program: dict[int, list[BarisAnggaran]] = defaultdict(list)
    for p in sorted(k.program, key=lambda p: (p.urutan, p.kode)):
        if milik is not None and p.unit_id not in milik:
            continue
        t = k.anggaran_program[p.pk]
        c = k.capaian_program.get(p.pk)
        baris = BarisAnggaran(
            p.pk,
            p.kode,
            p.nama,
            nama_unit.get(p.unit_id, ""),
            c,
            *kat(c),
            t.pagu,
            t.realisasi,
            t.serapan,
            tuple(keg_per_prog[p.pk]),
        )
        program.append(baris)
        sasaran_ids = [s.pk for s in p.sasaran.all()]
        for sid in sasaran_ids or [0]:
            sasaran_program[sid].append(baris)
    kelompok: list[KelompokSasaran] = []
    for hs in k.sasaran:
        anggota = tuple(sasaran_program.get(hs.sasaran.pk, ()))
        if milik is not None and not anggota:
            continue
        kelompok.append(
            KelompokSasaran(
                hs.sasaran.kode,
                hs.sasaran.uraian,
                hs.capaian,
                *kat(hs.capaian),
                hs.pagu,
                hs.realisasi_anggaran,
                hs.serapan,
                anggota,
            )
        )
    if sasaran_program.get(0):
        lain = tuple(sasaran_program[0])
        t = total_anggaran(
            PosAnggaran(
                "",
                "",
                rincian=tuple(PosAnggaran(b.kode, b.nama, b.pagu, b.realisasi) for b in lain),
            )
        )
        kelompok.append(
            KelompokSasaran(
                "",
                "Program penunjang (tanpa sasaran)",
                None,
                None,
                None,
                t.pagu,
                t.realisasi,
                t.serapan,
                lain,
            )
        )
    return program, kelompok


def _ringkasan_pd(pemda: Unit, tahun: int, skala: SkalaPenilaian) -> list[RingkasanPD]:
    """Each Perangkat Daerah of a Pemda with the mean capaian of its IKU.

    A PD without a Renstra covering the year is listed without figures; one with a
    Renstra costs one (cached) computation, so the page grows with the number of
    PD using sakip, not with their data.
    """
    pd = list(Unit.objects.filter(induk=pemda, jenis=JenisUnit.PERANGKAT_DAERAH))
    dengan_renstra = set(
        Renstra.objects.filter(
            unit__in=pd, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun
        ).values_list("unit_id", flat=True)
    )
    hasil = []
    for u in pd:
        if u.pk in dengan_renstra:
            d = data_dasbor(u, tahun)
            hasil.append(
                RingkasanPD(
                    u.slug,
                    u.nama,
                    len(d.lampu),
                    d.rata_rata,
                    d.kategori_rata_rata,
                    d.warna_rata_rata,
                )
            )
        else:
            hasil.append(RingkasanPD(u.slug, u.nama, 0, None, None, None))
    hasil.sort(key=lambda r: (r.rata_rata_iku is None, r.nama))
    return hasil


# --- units behind schedule ---------------------------------------------------------


def unit_tertinggal(
    unit: Unit, tahun: int, hari_ini: dt.date | None = None
) -> tuple[str | None, list[KelengkapanUnit]]:
    """Units under ``unit`` late with the last TW of ``tahun`` already due: (that TW, the units).

    Late as the planner's completeness page says it (past the deadline, not submitted);
    the figures come from :func:`sakip.pengukuran.selectors.kelengkapan_periode`.
    """
    hari_ini = hari_ini or timezone.localdate()
    hari_tenggat = aturan_untuk(unit).hari_tenggat
    jatuh_tempo = [p for p in TRIWULAN if tenggat_periode(tahun, p, hari_tenggat) < hari_ini]
    if not jatuh_tempo:
        return None, []
    periode = jatuh_tempo[-1]
    semua = kelengkapan_periode(keturunan_ids([unit.pk]), tahun, periode, hari_ini)
    return periode, [k for k in semua if k.terlambat]
