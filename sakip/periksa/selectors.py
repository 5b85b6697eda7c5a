"""Reads for the checks: a unit's stored year as a DataUnit, its findings, their acceptances.

The figures come from :func:`sakip.perhitungan.services.hitung_kinerja`, the
same computation the report uses, so a finding speaks of the capaian the report
would print; the few facts it does not keep (period targets, explanations,
narratives, PK revisions, APBD murni pagu, jenis belanja) are read here in a
fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from sakip.anggaran.models import Anggaran, JenisBelanja, RealisasiAnggaran
from sakip.kinerja.anggaran import PosAnggaran
from sakip.kinerja.periksa.data import (
    LABEL_PERIODE,
    TABEL_ANGGARAN,
    TABEL_REALISASI,
    DataAnggaran,
    DataIndikator,
    DataUnit,
    RevisiPK,
    periksa_data,
    tabel_pk,
)
from sakip.kinerja.periksa.temuan import Temuan
from sakip.kinerja.periode import TRIWULAN, tenggat_periode
from sakip.organisasi.models import Unit, keturunan_ids
from sakip.pengukuran.models import Narasi
from sakip.perencanaan.models import Indikator, Tingkat
from sakip.perencanaan.models import Target as TargetModel
from sakip.perhitungan.services import KinerjaUnit, hitung_kinerja
from sakip.periksa.models import PenerimaanTemuan
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget

# The tingkat whose indicators the LKjIP narrates in Bab III (PermenPAN-RB 53/2014).
TINGKAT_BERNARASI = {Tingkat.TUJUAN, Tingkat.SASARAN}
_PERIODE_DARI_LABEL = {v: k for k, v in LABEL_PERIODE.items()}


def periode_jatuh_tempo(unit: Unit, tahun: int, hari_ini: dt.date | None = None) -> tuple[str, ...]:
    """The periods of ``tahun`` whose deadline (``Pengaturan.hari_tenggat``) has passed."""
    from sakip.organisasi.models import aturan_untuk

    hari_ini = hari_ini or timezone.localdate()
    hari = aturan_untuk(unit).hari_tenggat
    tw = tuple(p for p in TRIWULAN if tenggat_periode(tahun, p, hari) < hari_ini)
    semester = tuple(s for s, p in (("S1", "TW2"), ("S2", "TW4")) if p in tw)
    return tw + semester


def _kode_anggaran(ind: Indikator, kinerja: KinerjaUnit) -> tuple[str, ...]:
    if ind.tingkat == Tingkat.SASARAN and ind.sasaran_id:
        return tuple(
            dict.fromkeys(
                p.kode
                for p in kinerja.program
                if any(s.pk == ind.sasaran_id for s in p.sasaran.all())
            )
        )
    induk = ind.induk
    return (induk.kode,) if induk is not None and hasattr(induk, "kode") else ()


def _kelompok(pasangan: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    """(id, value) rows grouped by id, in query order."""
    hasil: dict[int, list[str]] = defaultdict(list)
    for i, nilai in pasangan:
        hasil[i].append(nilai)
    return hasil


def data_unit(unit: Unit, tahun: int, hari_ini: dt.date | None = None) -> DataUnit:
    """``unit``'s stored data for ``tahun`` (drafts included: the checks come before the report)."""
    kinerja = hitung_kinerja(unit, tahun)
    bawah = keturunan_ids([unit.pk])
    semua_unit = {u.pk: u.slug for u in Unit.objects.all()}
    hasil = [h for h in kinerja.indikator.values() if h.indikator.unit_id in bawah]
    ids = [h.indikator.pk for h in hasil]

    periode_target = _kelompok(
        TargetModel.objects.filter(indikator_id__in=ids, tahun=tahun)
        .exclude(periode="TAHUN")
        .values_list("indikator_id", "periode")
    )
    bernarasi = {
        n.indikator_id
        for n in Narasi.objects.filter(indikator_id__in=ids, tahun=tahun)
        if any(
            x.strip() for x in (n.faktor_pendorong, n.faktor_penghambat, n.permasalahan, n.solusi)
        )
    }
    realisasi_periode: dict[int, dict[str, str]] = defaultdict(dict)
    for (i, p), nilai in kinerja.realisasi_periode.items():
        realisasi_periode[i][p] = nilai

    indikator = tuple(
        DataIndikator(
            kode=h.indikator.kode,
            nama=h.indikator.nama,
            unit=semua_unit.get(h.indikator.unit_id, ""),
            satuan=h.indikator.satuan,
            target=h.target,
            periode_target=tuple(periode_target.get(h.indikator.pk, [])),
            realisasi_periode=realisasi_periode.get(h.indikator.pk, {}),
            realisasi=h.realisasi,
            capaian=h.capaian,
            penjelasan=kinerja.penjelasan.get(h.indikator.pk, ""),
            ada_narasi=h.indikator.pk in bernarasi,
            perlu_narasi=h.indikator.tingkat in TINGKAT_BERNARASI or h.indikator.iku,
            turunan=bool(h.indikator.sumber_realisasi),
            realisasi_turunan=(
                h.realisasi if h.indikator.sumber_realisasi and h.sumber != "isian" else None
            ),
            kode_anggaran=_kode_anggaran(h.indikator, kinerja),
        )
        for h in hasil
    )

    subs = [s for s in kinerja.sub_kegiatan if s.unit_id in bawah]
    sub_ids = [s.pk for s in subs]
    murni = dict(
        Anggaran.objects.filter(sub_kegiatan_id__in=sub_ids, tahun=tahun).values_list(
            "sub_kegiatan_id", "pagu_murni"
        )
    )
    catatan_anggaran = _kelompok(
        RealisasiAnggaran.objects.filter(sub_kegiatan_id__in=sub_ids, tahun=tahun)
        .exclude(catatan="")
        .values_list("sub_kegiatan_id", "catatan")
    )
    kode_kegiatan = {k.pk: k.kode for k in kinerja.kegiatan}
    anggaran = tuple(
        DataAnggaran(
            kode=s.kode,
            nama=s.nama,
            unit=semua_unit.get(s.unit_id, ""),
            pagu=kinerja.anggaran_sub[s.pk].pagu,
            pagu_murni=murni.get(s.pk),
            realisasi=kinerja.anggaran_sub[s.pk].realisasi,
            catatan="\n".join(catatan_anggaran.get(s.pk, [])),
            induk=kode_kegiatan.get(s.kegiatan_id, ""),
        )
        for s in subs
    )

    revisi = list(PerjanjianKinerja.objects.filter(unit=unit, tahun=tahun).order_by("revisi"))
    target_pk: dict[int, dict[str, str]] = defaultdict(dict)
    for t in PKTarget.objects.filter(pk_dokumen__in=revisi).select_related("indikator"):
        target_pk[t.pk_dokumen_id][t.indikator.kode] = t.target
    anggaran_pk: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for a in PKAnggaran.objects.filter(pk_dokumen__in=revisi).select_related("program", "kegiatan"):
        kunci = a.kegiatan.kode if a.kegiatan else a.program.kode
        per = anggaran_pk[a.pk_dokumen_id]
        per[kunci] = per.get(kunci, Decimal(0)) + a.pagu

    return DataUnit(
        unit=unit.slug,
        tahun=tahun,
        periode_jatuh_tempo=periode_jatuh_tempo(unit, tahun, hari_ini),
        indikator=indikator,
        anggaran=anggaran,
        revisi_pk=tuple(
            RevisiPK(p.revisi, target_pk.get(p.pk, {}), anggaran_pk.get(p.pk, {})) for p in revisi
        ),
        jenis_belanja=tuple(
            PosAnggaran(j.kode, j.nama, j.pagu, j.realisasi)
            for j in JenisBelanja.objects.filter(unit=unit, tahun=tahun)
        ),
    )


def _tautan(
    temuan: Temuan, data: DataUnit, unit: dict[str, str], pk_id: dict[int, int], periode_akhir: str
) -> str | None:
    """The page where the finding is corrected: the unit's entry page of that TW, or the PK."""
    lokasi = temuan.lokasi
    if lokasi.tabel in (TABEL_REALISASI, TABEL_ANGGARAN):
        slug = unit.get(lokasi.uraian or "") or data.unit
        periode = _PERIODE_DARI_LABEL.get(lokasi.kolom or "", "")
        if periode not in TRIWULAN:
            periode = periode_akhir
        return reverse(
            "pengukuran:isian", kwargs={"unit": slug, "tahun": data.tahun, "periode": periode}
        )
    for revisi, pk in pk_id.items():
        if lokasi.tabel == tabel_pk(revisi):
            return reverse("perjanjian:detail", kwargs={"pk": pk})
    return None


def temuan_data(
    unit: Unit,
    tahun: int,
    kode: list[str] | None = None,
    hari_ini: dt.date | None = None,
) -> list[Temuan]:
    """The findings on ``unit``'s stored ``tahun``, each linked to the page that corrects it."""
    data = data_unit(unit, tahun, hari_ini)
    pk_id = dict(
        PerjanjianKinerja.objects.filter(unit=unit, tahun=tahun).values_list("revisi", "pk")
    )
    tw = [p for p in data.periode_jatuh_tempo if p in TRIWULAN]
    periode_akhir = tw[-1] if tw else TRIWULAN[0]
    # The row's own unit: a Biro's operator corrects it, not the Setda's planner.
    unit_baris = {i.uraian: i.unit for i in data.indikator} | {
        a.uraian: a.unit for a in data.anggaran
    }
    return [
        replace(
            t,
            lokasi=replace(t.lokasi, tautan=_tautan(t, data, unit_baris, pk_id, periode_akhir)),
        )
        for t in periksa_data(data, kode)
    ]


def penerimaan(unit: Unit, tahun: int) -> dict[str, PenerimaanTemuan]:
    """The findings of ``unit``'s ``tahun`` a team accepted, keyed by ``Temuan.sidik``."""
    return {
        p.sidik: p
        for p in PenerimaanTemuan.objects.filter(unit=unit, tahun=tahun).select_related(
            "diterima_oleh"
        )
    }
