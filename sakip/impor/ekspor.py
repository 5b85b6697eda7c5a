"""Export a unit's data (its subtree, optionally one year) as dataset sheets.

The output imports into an empty database and exports again to the same content.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sakip.anggaran.models import Anggaran, JenisBelanja, RealisasiAnggaran
from sakip.evaluasi.models import HasilEvaluasi, Rekomendasi, SebaranPredikat, Temuan
from sakip.impor.berkas import Data
from sakip.impor.skema import KOLOM_ANGKA_SDM, KOLOM_TEKS_NASKAH
from sakip.kinerja import format_angka
from sakip.laporan.models import NaskahLaporan
from sakip.organisasi.models import Pengaturan, Unit, keturunan_ids
from sakip.pengukuran.models import Narasi, Realisasi
from sakip.perencanaan.models import (
    Indikator,
    Kegiatan,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget
from sakip.profil.models import IsuStrategis, Kebijakan, Pegawai, Sarana
from sakip.survei.models import HasilSurvei


def _n(nilai: Decimal | None) -> str | None:
    return None if nilai is None else format_angka(nilai, None)


def _bersih(baris: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in baris.items() if v not in (None, "")}


def export_dataset(unit: Unit, tahun: int | None = None) -> Data:
    """Every sheet for ``unit`` and the units below it; yearly sheets limited to ``tahun`` if given."""
    ids = keturunan_ids([unit.pk])
    leluhur = list(reversed(unit.leluhur()))
    units = leluhur + list(Unit.objects.filter(pk__in=ids).select_related("induk").order_by("pk"))
    data: Data = {}

    def per_tahun(qs: Any) -> Any:
        return qs if tahun is None else qs.filter(tahun=tahun)

    data["unit"] = [
        _bersih(
            {
                "slug": u.slug,
                "nama": u.nama,
                "jenis": u.jenis,
                "induk": u.induk.slug if u.induk else None,
                "singkatan": u.singkatan,
                "kluster": u.kluster,
                "kepala_nama": u.kepala_nama,
                "kepala_nip": u.kepala_nip,
                "kepala_jabatan": u.kepala_jabatan,
                "alamat": u.alamat,
                "kota": u.kota,
                "urutan": u.urutan or None,
            }
        )
        for u in units
    ]
    semua_ids = {u.pk for u in units}
    data["pengaturan"] = [
        _bersih(
            {
                "unit": p.unit.slug,
                "skala": p.skala,
                "rumus_negatif": p.rumus_negatif,
                "metode_rollup": p.metode_rollup,
                "metode_serapan": p.metode_serapan,
                "batas_atas_capaian": _n(p.batas_atas_capaian),
                "hari_tenggat": p.hari_tenggat,
            }
        )
        for p in Pengaturan.objects.filter(unit_id__in=semua_ids)
        .select_related("unit")
        .order_by("pk")
    ]
    renstra = list(Renstra.objects.filter(unit_id__in=ids).select_related("unit").order_by("kode"))
    data["renstra"] = [
        _bersih(
            {
                "kode": r.kode,
                "unit": r.unit.slug,
                "nama": r.nama,
                "tahun_mulai": r.tahun_mulai,
                "tahun_selesai": r.tahun_selesai,
                "dasar": r.dasar,
            }
        )
        for r in renstra
    ]
    data["tujuan"] = [
        _bersih(
            {
                "renstra": t.renstra.kode,
                "kode": t.kode,
                "uraian": t.uraian,
                "urutan": t.urutan or None,
            }
        )
        for t in Tujuan.objects.filter(renstra__in=renstra)
        .select_related("renstra")
        .order_by("renstra__kode", "pk")
    ]
    data["sasaran"] = [
        _bersih(
            {
                "renstra": s.renstra.kode,
                "kode": s.kode,
                "tujuan": s.tujuan.kode,
                "uraian": s.uraian,
                "urutan": s.urutan or None,
            }
        )
        for s in Sasaran.objects.filter(renstra__in=renstra)
        .select_related("renstra", "tujuan")
        .order_by("renstra__kode", "pk")
    ]
    program = (
        Program.objects.filter(renstra__in=renstra)
        .select_related("renstra", "unit")
        .prefetch_related("sasaran")
        .order_by("renstra__kode", "pk")
    )
    data["program"] = [
        _bersih(
            {
                "renstra": p.renstra.kode,
                "unit": p.unit.slug,
                "kode": p.kode,
                "nama": p.nama,
                "sasaran": ",".join(sorted(s.kode for s in p.sasaran.all())),
                "urutan": p.urutan or None,
            }
        )
        for p in program
    ]
    data["kegiatan"] = [
        _bersih(
            {
                "renstra": k.program.renstra.kode,
                "unit": k.unit.slug,
                "program": k.program.kode,
                "kode": k.kode,
                "nama": k.nama,
                "urutan": k.urutan or None,
            }
        )
        for k in Kegiatan.objects.filter(program__renstra__in=renstra)
        .select_related("program__renstra", "unit")
        .order_by("program__renstra__kode", "pk")
    ]
    data["sub_kegiatan"] = [
        _bersih(
            {
                "renstra": s.kegiatan.program.renstra.kode,
                "unit": s.unit.slug,
                "kegiatan": s.kegiatan.kode,
                "kode": s.kode,
                "nama": s.nama,
                "urutan": s.urutan or None,
            }
        )
        for s in SubKegiatan.objects.filter(kegiatan__program__renstra__in=renstra)
        .select_related("kegiatan__program__renstra", "unit")
        .order_by("kegiatan__program__renstra__kode", "pk")
    ]
    indikator = (
        Indikator.objects.filter(renstra__in=renstra)
        .select_related(
            "renstra", "unit", "tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"
        )
        .order_by("renstra__kode", "pk")
    )
    data["indikator"] = [
        _bersih(
            {
                "renstra": i.renstra.kode,
                "kode": i.kode,
                "level": i.tingkat,
                "induk": i.induk.kode if i.induk is not None else None,  # type: ignore[attr-defined]
                "unit": i.unit.slug,
                "nama": i.nama,
                "satuan": i.satuan,
                "polaritas": i.polaritas,
                "agregasi": i.agregasi,
                "iku": "ya" if i.iku else None,
                "formula": i.formula,
                "definisi": i.definisi,
                "sumber_data": i.sumber_data,
                "sumber_realisasi": i.sumber_realisasi,
                "rumus_negatif": i.rumus_negatif,
                "skala": i.skala,
                "urutan": i.urutan or None,
            }
        )
        for i in indikator
    ]
    ind_qs = Indikator.objects.filter(renstra__in=renstra)

    def per_indikator(model: Any, *kolom: str) -> list[dict[str, Any]]:
        """Rows keyed by (renstra, indikator) with the given columns, in a stable order."""
        urut = ["indikator__renstra__kode", "indikator_id", "tahun"]
        if "periode" in kolom:
            urut.append("periode")
        qs = per_tahun(model.objects.filter(indikator__in=ind_qs))
        return [
            _bersih(
                {
                    "renstra": o.indikator.renstra.kode,
                    "indikator": o.indikator.kode,
                    **{k: getattr(o, k) for k in kolom},
                }
            )
            for o in qs.select_related("indikator__renstra").order_by(*urut)
        ]

    data["target"] = per_indikator(Target, "tahun", "periode", "nilai")
    data["realisasi"] = per_indikator(Realisasi, "tahun", "periode", "nilai", "status", "catatan")
    data["narasi"] = per_indikator(
        Narasi,
        "tahun",
        "faktor_pendorong",
        "faktor_penghambat",
        "permasalahan",
        "solusi",
    )
    pk = per_tahun(PerjanjianKinerja.objects.filter(unit_id__in=ids)).select_related(
        "unit", "renstra"
    )
    pk = pk.order_by("unit__slug", "tahun", "revisi")
    data["perjanjian_kinerja"] = [
        _bersih(
            {
                "unit": p.unit.slug,
                "tahun": p.tahun,
                "revisi": p.revisi,
                "renstra": p.renstra.kode,
                "status": p.status,
                "tanggal": p.tanggal,
                "penandatangan": p.penandatangan,
                "nip_penandatangan": p.nip_penandatangan,
                "jabatan_penandatangan": p.jabatan_penandatangan,
                "pihak_kedua": p.pihak_kedua,
                "jabatan_pihak_kedua": p.jabatan_pihak_kedua,
                "catatan": p.catatan,
            }
        )
        for p in pk
    ]
    data["pk_target"] = [
        _bersih(
            {
                "unit": t.pk_dokumen.unit.slug,
                "tahun": t.pk_dokumen.tahun,
                "revisi": t.pk_dokumen.revisi,
                "indikator": t.indikator.kode,
                "target": t.target,
            }
        )
        for t in PKTarget.objects.filter(pk_dokumen__in=pk)
        .select_related("pk_dokumen__unit", "indikator")
        .order_by("pk_dokumen__unit__slug", "pk_dokumen__tahun", "pk_dokumen__revisi", "pk")
    ]
    data["pk_anggaran"] = [
        _bersih(
            {
                "unit": a.pk_dokumen.unit.slug,
                "tahun": a.pk_dokumen.tahun,
                "revisi": a.pk_dokumen.revisi,
                "pemilik": a.program.unit.slug,
                "program": a.program.kode,
                "kegiatan": a.kegiatan.kode if a.kegiatan else None,
                "pagu": _n(a.pagu),
            }
        )
        for a in PKAnggaran.objects.filter(pk_dokumen__in=pk)
        .select_related("pk_dokumen__unit", "program__unit", "kegiatan")
        .order_by("pk_dokumen__unit__slug", "pk_dokumen__tahun", "pk_dokumen__revisi", "pk")
    ]
    sub_qs = SubKegiatan.objects.filter(kegiatan__program__renstra__in=renstra)
    data["anggaran"] = [
        _bersih(
            {
                "renstra": a.sub_kegiatan.kegiatan.program.renstra.kode,
                "unit": a.sub_kegiatan.unit.slug,
                "sub_kegiatan": a.sub_kegiatan.kode,
                "tahun": a.tahun,
                "pagu": _n(a.pagu),
                "pagu_murni": _n(a.pagu_murni),
            }
        )
        for a in per_tahun(Anggaran.objects.filter(sub_kegiatan__in=sub_qs))
        .select_related("sub_kegiatan__kegiatan__program__renstra", "sub_kegiatan__unit")
        .order_by("sub_kegiatan_id", "tahun")
    ]
    data["realisasi_anggaran"] = [
        _bersih(
            {
                "renstra": a.sub_kegiatan.kegiatan.program.renstra.kode,
                "unit": a.sub_kegiatan.unit.slug,
                "sub_kegiatan": a.sub_kegiatan.kode,
                "tahun": a.tahun,
                "periode": a.periode,
                "nilai": _n(a.nilai),
                "status": a.status,
            }
        )
        for a in per_tahun(RealisasiAnggaran.objects.filter(sub_kegiatan__in=sub_qs))
        .select_related("sub_kegiatan__kegiatan__program__renstra", "sub_kegiatan__unit")
        .order_by("sub_kegiatan_id", "tahun", "periode")
    ]
    data["jenis_belanja"] = [
        _bersih(
            {
                "unit": j.unit.slug,
                "tahun": j.tahun,
                "kode": j.kode,
                "nama": j.nama,
                "pagu": _n(j.pagu),
                "realisasi": _n(j.realisasi),
            }
        )
        for j in per_tahun(JenisBelanja.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun", "kode")
    ]
    evaluasi: list[dict[str, Any]] = []
    for h in (
        per_tahun(HasilEvaluasi.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .prefetch_related("skor")
        .order_by("unit__slug", "tahun")
    ):
        dasar = {"unit": h.unit.slug, "tahun": h.tahun, "model": h.model}
        if h.nilai_total is not None:
            evaluasi.append(_bersih({**dasar, "nilai": _n(h.nilai_total), "catatan": h.catatan}))
        for s in sorted(h.skor.all(), key=lambda s: s.pk):
            evaluasi.append(_bersih({**dasar, "komponen": s.komponen, "nilai": _n(s.nilai)}))
    data["evaluasi_akip"] = evaluasi
    data["sebaran_predikat"] = [
        _bersih(
            {
                "unit": b.unit.slug,
                "tahun": b.tahun,
                "predikat": b.predikat,
                "jumlah": b.jumlah,
                "catatan": b.catatan,
            }
        )
        for b in per_tahun(SebaranPredikat.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun", "predikat")
    ]
    data["rekomendasi"] = [
        _bersih(
            {
                "unit": r.unit.slug,
                "tahun": r.tahun,
                "komponen": r.komponen,
                "rekomendasi": r.rekomendasi,
                "tindak_lanjut": r.tindak_lanjut,
                "status": r.status,
                "batas_waktu": r.batas_waktu,
            }
        )
        for r in per_tahun(Rekomendasi.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun", "pk")
    ]
    data["temuan"] = [
        _bersih(
            {
                "unit": t.unit.slug,
                "tahun": t.tahun,
                "temuan": t.temuan,
                "rekomendasi": t.rekomendasi,
                "rencana_aksi": t.rencana_aksi,
                "keterangan": t.keterangan,
                "status": t.status,
                "nilai": _n(t.nilai),
            }
        )
        for t in per_tahun(Temuan.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun", "pk")
    ]
    data["ikm"] = [
        _bersih(
            {
                "unit": s.unit.slug,
                "tahun": s.tahun,
                "periode": s.periode,
                "nilai": _n(s.nilai),
                "responden": s.responden,
                **{f"unsur_{i}": _n(getattr(s, f"unsur_{i}")) for i in range(1, 10)},
            }
        )
        for s in per_tahun(HasilSurvei.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun", "periode")
    ]
    data["sdm"] = [
        _bersih(
            {"unit": p.unit.slug, "tahun": p.tahun, "kelompok": p.kelompok, "jabatan": p.jabatan}
            | {k: getattr(p, k) or None for k in KOLOM_ANGKA_SDM}
        )
        for p in per_tahun(Pegawai.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun", "pk")
    ]
    data["sarana"] = [
        _bersih(
            {
                "unit": s.unit.slug,
                "tahun": s.tahun,
                "uraian": s.uraian,
                "jumlah": _n(s.jumlah),
                "satuan": s.satuan,
                "keterangan": s.keterangan,
                "urutan": s.urutan or None,
            }
        )
        for s in per_tahun(Sarana.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun", "pk")
    ]
    data["isu_strategis"] = [
        _bersih(
            {"unit": i.unit.slug, "tahun": i.tahun, "urutan": i.urutan or None, "uraian": i.uraian}
        )
        for i in per_tahun(IsuStrategis.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun", "pk")
    ]
    data["kebijakan"] = [
        _bersih(
            {
                "unit": k.unit.slug,
                "tahun": k.tahun,
                "nomor": k.nomor,
                "uraian": k.uraian,
                "jenis": k.jenis,
                "keterangan": k.keterangan,
                "diterapkan": "ya" if k.diterapkan else "tidak",
                "urutan": k.urutan or None,
            }
        )
        for k in per_tahun(Kebijakan.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun", "pk")
    ]
    data["naskah_laporan"] = [
        _bersih(
            {"unit": n.unit.slug, "tahun": n.tahun}
            | {k: getattr(n, k) for k in KOLOM_TEKS_NASKAH}
            | {"tanggal": n.tanggal}
        )
        for n in per_tahun(NaskahLaporan.objects.filter(unit_id__in=ids))
        .select_related("unit")
        .order_by("unit__slug", "tahun")
    ]
    return {k: v for k, v in data.items() if v}
