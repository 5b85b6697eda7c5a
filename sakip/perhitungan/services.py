"""The computation service: stored facts of a unit and year → every figure, via sakip.kinerja.

A fixed number of queries loads what the year needs; everything else is computed in
memory, so the count does not grow with the number of rows (DESIGN.md). Nothing
computed here is stored: correcting a realisasi corrects every figure that uses it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sakip.anggaran.models import Anggaran, JenisBelanja, RealisasiAnggaran
from sakip.evaluasi.models import HasilEvaluasi
from sakip.kinerja import (
    Agregasi,
    Anak,
    MetodeRollup,
    Polaritas,
    PosAnggaran,
    Predikat,
    Tingkat,
    TotalAnggaran,
    akhir_periode,
    capaian,
    efisiensi,
    jumlah,
    nilai_tahunan,
    persentase,
    perubahan_persen,
    pohon_menurut_kode,
    porsi,
    predikat_akip,
    rata_rata,
    rollup_capaian,
    serapan_gabungan,
    tingkat_kemajuan,
    total_anggaran,
    total_semua,
)
from sakip.kinerja.target import sebagai_realisasi
from sakip.organisasi.models import Aturan, JenisUnit, Unit, aturan_untuk
from sakip.pengukuran.models import STATUS_TERVERIFIKASI, Realisasi
from sakip.perencanaan.models import (
    URUTAN_PERIODE,
    Indikator,
    Kegiatan,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    SumberRealisasi,
    Target,
)
from sakip.perjanjian.models import PerjanjianKinerja, PKTarget, StatusPK
from sakip.survei.models import HasilSurvei

TAHUN_PEMBANDING = 3


@dataclass
class HasilIndikator:
    indikator: Indikator
    target: str | None
    realisasi: Decimal | Predikat | None
    capaian: Decimal | None
    kategori: Tingkat | None
    sumber: str
    realisasi_lalu: dict[int, Decimal | Predikat | None] = field(default_factory=dict)
    perubahan: Decimal | None = None
    target_akhir: str | None = None
    kemajuan: Decimal | None = None

    @property
    def polaritas(self) -> str:
        return self.indikator.polaritas


@dataclass
class HasilSasaran:
    sasaran: Sasaran
    capaian: Decimal | None
    pagu: Decimal | None
    realisasi_anggaran: Decimal | None
    serapan: Decimal | None
    efisiensi: Decimal | None


@dataclass(frozen=True)
class BarisJenisBelanja:
    """A row of the jenis belanja table (seed 002 Tabel 3.10), parents derived from children."""

    kode: str
    nama: str
    tingkat: int
    pagu: Decimal | None
    realisasi: Decimal | None
    sisa: Decimal | None
    serapan: Decimal | None
    tertimbang: Decimal | None


@dataclass
class KinerjaUnit:
    unit: Unit
    tahun: int
    aturan: Aturan
    renstra: list[Renstra]
    indikator: dict[int, HasilIndikator]
    sasaran: list[HasilSasaran]
    capaian_sub_kegiatan: dict[int, Decimal | None]
    capaian_kegiatan: dict[int, Decimal | None]
    capaian_program: dict[int, Decimal | None]
    capaian_unit_program: dict[tuple[int, int], Decimal | None]
    anggaran_program: dict[int, TotalAnggaran]
    anggaran_unit: dict[int, TotalAnggaran]
    rata_rata_iku: Decimal | None
    jenis_belanja: list[BarisJenisBelanja] = field(default_factory=list)
    total_jenis_belanja: TotalAnggaran | None = None
    # The structure and raw facts the figures came from, for the report's tables.
    program: list[Program] = field(default_factory=list)
    kegiatan: list[Kegiatan] = field(default_factory=list)
    sub_kegiatan: list[SubKegiatan] = field(default_factory=list)
    anggaran_sub: dict[int, PosAnggaran] = field(default_factory=dict)
    # unit id → the signed PK revision the figures used.
    pk_berlaku: dict[int, PerjanjianKinerja] = field(default_factory=dict)
    # indikator id → {tahun: target as printed}, every year of the Renstra.
    target_per_tahun: dict[int, dict[int, str]] = field(default_factory=dict)
    # (indikator id, periode) → realisasi as typed, this year only.
    realisasi_periode: dict[tuple[int, str], str] = field(default_factory=dict)
    # indikator id → the explanations typed with its realisasi this year, periods in
    # order (seed 002 Tabel 3.9's "Hambatan/Masalah" of a capaian outside 50–150 %).
    penjelasan: dict[int, str] = field(default_factory=dict)

    def iku(self) -> list[HasilIndikator]:
        return [h for h in self.indikator.values() if h.indikator.iku]

    def hasil(self, kode: str) -> HasilIndikator:
        for h in self.indikator.values():
            if h.indikator.kode == kode:
                return h
        raise KeyError(kode)


def historis(model: Any, pada: dt.datetime | None, **filter_: Any) -> Any:
    """Rows matching ``filter_`` as they stood at ``pada`` (django-simple-history), or now.

    The filter is applied to the historical rows themselves, so a row deleted
    since ``pada`` is still found.
    """
    if pada is None:
        return model.objects.filter(**filter_)
    return model.history.as_of(pada).filter(**filter_)


def hitung_kinerja(
    unit: Unit,
    tahun: int,
    hanya_terverifikasi: bool = False,
    pada: dt.datetime | None = None,
) -> KinerjaUnit:
    """Every figure of ``unit`` (a Perangkat Daerah with a Renstra, or any unit below it) for ``tahun``.

    ``hanya_terverifikasi`` leaves out realisasi not yet verified (dashboards,
    public page, final reports). ``pada`` rebuilds the figures as the data stood
    at that moment, from the change history.
    """
    aturan = aturan_untuk(unit)
    renstra = list(
        Renstra.objects.filter(unit__in=[unit, *unit.leluhur()], tahun_mulai__lte=tahun + 3)
        .filter(tahun_selesai__gte=tahun - 3)
        .select_related("unit")
    ) or list(Renstra.objects.filter(unit=unit))
    indikator = list(
        Indikator.objects.filter(renstra__in=renstra).select_related(
            "renstra", "unit", "tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"
        )
    )
    ind_ids = [i.pk for i in indikator]
    tahun_akhir = {r.pk: r.tahun_selesai for r in renstra}

    target: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
    target_per_tahun: dict[int, dict[int, str]] = defaultdict(dict)
    for t in historis(Target, pada, indikator_id__in=ind_ids):
        target[(t.indikator_id, t.tahun)][t.periode] = t.nilai
        if t.periode == "TAHUN":
            target_per_tahun[t.indikator_id][t.tahun] = t.nilai

    pk_target: dict[int, str] = {}
    # The definition each indicator had when the year's PK was signed (DESIGN.md).
    definisi_pk: dict[int, PKTarget] = {}
    # The latest revision signed by ``pada``: one signed after a report was finalised
    # must not change that report's rebuild.
    pk_berlaku: dict[int, PerjanjianKinerja] = {}
    for p in historis(
        PerjanjianKinerja, pada, renstra__in=renstra, tahun=tahun, status=StatusPK.DITANDATANGANI
    ).order_by("unit_id", "-revisi"):
        pk_berlaku.setdefault(p.unit_id, p)
    for t in historis(PKTarget, pada, pk_dokumen_id__in=[p.pk for p in pk_berlaku.values()]):
        pk_target[t.indikator_id] = t.target
        definisi_pk[t.indikator_id] = t

    filter_status = {"status__in": STATUS_TERVERIFIKASI} if hanya_terverifikasi else {}
    realisasi: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
    catatan: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    for r in historis(
        Realisasi,
        pada,
        indikator_id__in=ind_ids,
        tahun__gte=tahun - TAHUN_PEMBANDING,
        tahun__lte=tahun,
        **filter_status,
    ):
        realisasi[(r.indikator_id, r.tahun)][r.periode] = r.nilai
        if r.tahun == tahun and r.catatan.strip():
            catatan[r.indikator_id].append((akhir_periode(tahun, r.periode), r.catatan.strip()))
    # Each explanation once, in the order of the periods it was typed for.
    penjelasan = {
        i: " ".join(dict.fromkeys(teks for _, teks in sorted(per))) for i, per in catatan.items()
    }
    realisasi_periode = {
        (i, p): nilai
        for (i, th), per in realisasi.items()
        if th == tahun
        for p, nilai in per.items()
    }

    sasaran = list(
        Sasaran.objects.filter(renstra__in=renstra).order_by("renstra_id", "urutan", "kode")
    )
    programs = list(Program.objects.filter(renstra__in=renstra).prefetch_related("sasaran"))
    kegiatan = list(Kegiatan.objects.filter(program__in=programs))
    subs = list(SubKegiatan.objects.filter(kegiatan__in=kegiatan))
    sub_ids = [s.pk for s in subs]
    pagu_sub: dict[int, Decimal] = {
        a.sub_kegiatan_id: a.pagu
        for a in historis(Anggaran, pada, sub_kegiatan_id__in=sub_ids, tahun=tahun)
    }
    realisasi_sub: dict[int, list[Decimal]] = defaultdict(list)
    for ra in historis(
        RealisasiAnggaran, pada, sub_kegiatan_id__in=sub_ids, tahun=tahun, **filter_status
    ):
        realisasi_sub[ra.sub_kegiatan_id].append(ra.nilai)

    semua_unit = {u.pk: u for u in Unit.objects.all()}
    evaluasi = list(HasilEvaluasi.objects.filter(tahun=tahun).prefetch_related("skor"))
    survei = list(HasilSurvei.objects.filter(tahun=tahun))

    # --- budget -------------------------------------------------------------
    sub_per_kegiatan: dict[int, list[SubKegiatan]] = defaultdict(list)
    for s in subs:
        sub_per_kegiatan[s.kegiatan_id].append(s)
    keg_per_program: dict[int, list[Kegiatan]] = defaultdict(list)
    for k in kegiatan:
        keg_per_program[k.program_id].append(k)

    def pos_sub(s: SubKegiatan) -> PosAnggaran:
        return PosAnggaran(s.kode, s.nama, pagu_sub.get(s.pk), jumlah(realisasi_sub.get(s.pk, [])))

    anggaran_program = {
        p.pk: total_anggaran(
            PosAnggaran(
                p.kode,
                p.nama,
                rincian=tuple(
                    PosAnggaran(
                        k.kode, k.nama, rincian=tuple(pos_sub(s) for s in sub_per_kegiatan[k.pk])
                    )
                    for k in keg_per_program[p.pk]
                ),
            )
        )
        for p in programs
    }
    anggaran_unit: dict[int, TotalAnggaran] = {}
    induk_dari = {u.pk: u.induk_id for u in semua_unit.values()}

    def leluhur_ids(uid: int) -> list[int]:
        hasil = [uid]
        while induk_dari.get(hasil[-1]):
            hasil.append(induk_dari[hasil[-1]])  # type: ignore[arg-type]
        return hasil

    per_unit: dict[int, list[PosAnggaran]] = defaultdict(list)
    for s in subs:
        for uid in leluhur_ids(s.unit_id):
            per_unit[uid].append(pos_sub(s))
    for uid, pos in per_unit.items():
        u = semua_unit[uid]
        anggaran_unit[uid] = total_anggaran(PosAnggaran(u.slug, u.nama, rincian=tuple(pos)))

    # --- indicators -----------------------------------------------------------
    def nilai_tahun(
        ind: Indikator, periode: dict[str, str], agregasi: str
    ) -> Decimal | Predikat | None:
        if not periode:
            return None
        if "TAHUN" in periode:
            return sebagai_realisasi(periode["TAHUN"])
        urut = sorted(periode, key=lambda p: URUTAN_PERIODE[p])
        nilai = [sebagai_realisasi(periode[p]) for p in urut]
        if any(isinstance(n, Predikat) for n in nilai):
            return nilai[-1]
        return nilai_tahunan([n for n in nilai if not isinstance(n, Predikat)], Agregasi(agregasi))

    def target_tahun(ind: Indikator, th: int) -> str | None:
        if th == tahun and ind.pk in pk_target:
            return pk_target[ind.pk]
        periode = target.get((ind.pk, th), {})
        if not periode:
            return None
        if "TAHUN" in periode:
            return periode["TAHUN"]
        nilai = nilai_tahun(ind, periode, ind.agregasi)
        return None if nilai is None else str(nilai)

    ikm_cache: dict[int, Decimal | None] = {}

    def ikm_unit(uid: int) -> Decimal | None:
        if uid not in ikm_cache:
            sendiri = [s.nilai for s in survei if s.unit_id == uid]
            if sendiri:
                ikm_cache[uid] = rata_rata(sendiri)
            else:
                anak = [u.pk for u in semua_unit.values() if u.induk_id == uid]
                ikm_cache[uid] = rata_rata(ikm_unit(a) for a in anak)
        return ikm_cache[uid]

    def nilai_evaluasi(uid: int) -> Decimal | None:
        for h in evaluasi:
            if h.unit_id == uid:
                return h.nilai(list(h.skor.all()))
        return None

    def persen_bb(uid: int) -> Decimal | None:
        pemda = next(
            (semua_unit[u] for u in leluhur_ids(uid) if semua_unit[u].jenis == JenisUnit.PEMDA),
            None,
        )
        if pemda is None:
            return None
        pd = [
            h
            for h in evaluasi
            if semua_unit[h.unit_id].induk_id == pemda.pk
            and semua_unit[h.unit_id].jenis == JenisUnit.PERANGKAT_DAERAH
        ]
        if not pd:
            return None
        nilai = [h.nilai(list(h.skor.all())) for h in pd]
        bb = sum(
            1
            for n in nilai
            if n is not None and predikat_akip(n).peringkat >= Predikat.BB.peringkat
        )
        return persentase(bb, sum(1 for n in nilai if n is not None))

    hasil: dict[int, HasilIndikator] = {}
    per_entitas: dict[tuple[str, int], list[Indikator]] = defaultdict(list)
    for ind in indikator:
        per_entitas[(ind.tingkat, getattr(ind, f"{ind.tingkat}_id"))].append(ind)

    entitas_capaian: dict[tuple[str, int], Decimal | None] = {}

    def skala_untuk(ind: Indikator) -> Any:
        from sakip.kinerja import SKALA_BAWAAN

        return SKALA_BAWAAN[ind.skala] if ind.skala else aturan.skala

    def hitung_indikator(ind: Indikator) -> HasilIndikator:
        if ind.pk in hasil:
            return hasil[ind.pk]
        pk = definisi_pk.get(ind.pk)
        opsi = aturan.opsi_untuk(pk.rumus_negatif if pk else ind.rumus_negatif)
        polaritas = Polaritas(pk.polaritas if pk and pk.polaritas else ind.polaritas)
        agregasi = pk.agregasi if pk and pk.agregasi else ind.agregasi
        sumber = ind.sumber_realisasi
        r: Decimal | Predikat | None = None
        if sumber == SumberRealisasi.ROLLUP:
            r = realisasi_turunan(ind)
        elif sumber == SumberRealisasi.EVALUASI_NILAI:
            r = nilai_evaluasi(ind.renstra.unit_id)
        elif sumber == SumberRealisasi.EVALUASI_PERSEN_BB:
            r = persen_bb(ind.renstra.unit_id)
        elif sumber == SumberRealisasi.IKM:
            r = ikm_unit(ind.renstra.unit_id)
        if r is None:
            # Typed data; for a derived indicator whose source module holds nothing this
            # year, the history figure of an earlier report (the importer asks its source).
            r = nilai_tahun(ind, realisasi.get((ind.pk, tahun), {}), agregasi)
            sumber = "isian" if r is not None else sumber
        t = target_tahun(ind, tahun)
        c = capaian(t, r, polaritas, opsi) if t is not None else None
        lalu = {
            th: nilai_tahun(ind, realisasi.get((ind.pk, th), {}), ind.agregasi)
            for th in range(tahun - TAHUN_PEMBANDING, tahun)
        }
        sebelumnya = lalu.get(tahun - 1)
        target_akhir = target_tahun(ind, tahun_akhir[ind.renstra_id])
        h = HasilIndikator(
            indikator=ind,
            target=t,
            realisasi=r,
            capaian=c,
            kategori=skala_untuk(ind).kategori(c) if c is not None else None,
            sumber=sumber or "isian",
            realisasi_lalu=lalu,
            perubahan=(
                perubahan_persen(r, sebelumnya)
                if isinstance(r, Decimal) and isinstance(sebelumnya, Decimal)
                else None
            ),
            target_akhir=target_akhir,
            kemajuan=(
                tingkat_kemajuan(r, target_akhir, polaritas, opsi)
                if target_akhir is not None and r is not None
                else None
            ),
        )
        hasil[ind.pk] = h
        return h

    def capaian_entitas(tingkat: str, pk: int) -> Decimal | None:
        """An entity's capaian: mean of its own indicators, else the roll-up of its children."""
        kunci = (tingkat, pk)
        if kunci not in entitas_capaian:
            milik = per_entitas.get(kunci, [])
            if milik:
                entitas_capaian[kunci] = rata_rata(hitung_indikator(i).capaian for i in milik)
            else:
                entitas_capaian[kunci] = rollup_anak(tingkat, pk)
        return entitas_capaian[kunci]

    def pagu_entitas(tingkat: str, pk: int) -> Decimal | None:
        if tingkat == "sub_kegiatan":
            return pagu_sub.get(pk)
        if tingkat == "kegiatan":
            return jumlah(pagu_sub.get(s.pk) for s in sub_per_kegiatan[pk])
        if tingkat == "program":
            return anggaran_program[pk].pagu
        return None

    def rollup(anak: list[tuple[str, int]]) -> Decimal | None:
        return rollup_capaian(
            [Anak(capaian_entitas(t, p), pagu_entitas(t, p)) for t, p in anak], aturan.metode_rollup
        )

    def rollup_program(program_id: int) -> Decimal | None:
        # Seed 002 Lampiran: a program's figure is the mean of its Bagian, each the mean of
        # its kegiatan; weighted by pagu, the kegiatan are weighted directly.
        per_unit_keg: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for k in keg_per_program[program_id]:
            per_unit_keg[k.unit_id].append(("kegiatan", k.pk))
        for uid, anak in per_unit_keg.items():
            capaian_unit_program[(program_id, uid)] = rollup(anak)
        if aturan.metode_rollup is MetodeRollup.RATA_RATA:
            return rata_rata(capaian_unit_program[(program_id, uid)] for uid in per_unit_keg)
        return rollup([("kegiatan", k.pk) for k in keg_per_program[program_id]])

    def rollup_anak(tingkat: str, pk: int) -> Decimal | None:
        if tingkat == "kegiatan":
            return rollup([("sub_kegiatan", s.pk) for s in sub_per_kegiatan[pk]])
        if tingkat == "program":
            return rollup_program(pk)
        if tingkat == "sasaran":
            return rollup(
                [("program", p.pk) for p in programs if any(s.pk == pk for s in p.sasaran.all())]
            )
        if tingkat == "tujuan":
            return rollup([("sasaran", s.pk) for s in sasaran if s.tujuan_id == pk])
        return None

    def realisasi_turunan(ind: Indikator) -> Decimal | None:
        return rollup_anak(ind.tingkat, getattr(ind, f"{ind.tingkat}_id"))

    capaian_unit_program: dict[tuple[int, int], Decimal | None] = {}
    for ind in indikator:
        hitung_indikator(ind)
    capaian_sub = {s.pk: capaian_entitas("sub_kegiatan", s.pk) for s in subs}
    capaian_keg = {k.pk: capaian_entitas("kegiatan", k.pk) for k in kegiatan}
    capaian_prog = {p.pk: capaian_entitas("program", p.pk) for p in programs}
    for p in programs:
        rollup_program(p.pk)

    sasaran_hasil = []
    for s in sasaran:
        milik = per_entitas.get(("sasaran", s.pk), [])
        c = rata_rata(hasil[i.pk].capaian for i in milik)
        pos = [
            (anggaran_program[p.pk].pagu, anggaran_program[p.pk].realisasi)
            for p in programs
            if any(x.pk == s.pk for x in p.sasaran.all())
        ]
        sr = serapan_gabungan(pos, aturan.metode_serapan) if pos else None
        sasaran_hasil.append(
            HasilSasaran(
                sasaran=s,
                capaian=c,
                pagu=jumlah(p for p, _ in pos),
                realisasi_anggaran=jumlah(r for _, r in pos),
                serapan=sr,
                efisiensi=efisiensi(c, sr),
            )
        )

    jenis_belanja, total_jenis_belanja = _jenis_belanja(unit, tahun, pada)
    return KinerjaUnit(
        unit=unit,
        tahun=tahun,
        aturan=aturan,
        renstra=renstra,
        indikator=hasil,
        sasaran=sasaran_hasil,
        capaian_sub_kegiatan=capaian_sub,
        capaian_kegiatan=capaian_keg,
        capaian_program=capaian_prog,
        capaian_unit_program=capaian_unit_program,
        anggaran_program=anggaran_program,
        anggaran_unit=anggaran_unit,
        rata_rata_iku=rata_rata(h.capaian for h in hasil.values() if h.indikator.iku),
        jenis_belanja=jenis_belanja,
        total_jenis_belanja=total_jenis_belanja,
        program=programs,
        kegiatan=kegiatan,
        sub_kegiatan=subs,
        anggaran_sub={s.pk: pos_sub(s) for s in subs},
        target_per_tahun=dict(target_per_tahun),
        realisasi_periode=realisasi_periode,
        penjelasan=penjelasan,
        pk_berlaku=pk_berlaku,
    )


def _jenis_belanja(
    unit: Unit, tahun: int, pada: dt.datetime | None
) -> tuple[list[BarisJenisBelanja], TotalAnggaran | None]:
    """The jenis belanja table: each parent the sum of its children, "tertimbang" vs the total pagu."""
    pos = [
        PosAnggaran(j.kode, j.nama, j.pagu, j.realisasi)
        for j in historis(JenisBelanja, pada, unit_id=unit.pk, tahun=tahun)
    ]
    if not pos:
        return [], None
    pohon = pohon_menurut_kode(pos)
    total = total_semua(pohon)
    baris: list[BarisJenisBelanja] = []

    def tambah(t: TotalAnggaran, tingkat: int) -> None:
        baris.append(
            BarisJenisBelanja(
                kode=t.kode,
                nama=t.nama,
                tingkat=tingkat,
                pagu=t.pagu,
                realisasi=t.realisasi,
                sisa=t.sisa,
                serapan=t.serapan,
                tertimbang=porsi(t.realisasi, total.pagu),
            )
        )
        for r in t.rincian:
            tambah(r, tingkat + 1)

    for t in total.rincian:
        tambah(t, 0)
    return baris, total
