"""Import a dataset in one transaction: it lands whole, or every bad row is reported and nothing is written.

The same service serves ``sakip import``, ``sakip load-demo`` and the import page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from sakip.anggaran.models import Anggaran, JenisBelanja, RealisasiAnggaran
from sakip.evaluasi.models import (
    HasilEvaluasi,
    Rekomendasi,
    SebaranPredikat,
    SkorKomponen,
    Temuan,
)
from sakip.impor.berkas import Baris, Dataset, Galat
from sakip.impor.skema import KOLOM_ANGKA_SDM, KOLOM_TEKS_NASKAH, KUNCI, LEMBAR, Kolom
from sakip.kinerja import KinerjaError, Predikat, Rentang, format_angka, parse_target
from sakip.kinerja.angka import ke_desimal_atau_none
from sakip.kinerja.kode import validasi_kode
from sakip.kinerja.target import sebagai_realisasi
from sakip.laporan.models import NaskahLaporan
from sakip.organisasi.akses import unit_ids_untuk
from sakip.organisasi.models import JenisUnit, Pengaturan, Unit
from sakip.pengukuran.models import Narasi, Realisasi, StatusData
from sakip.perencanaan.models import (
    Indikator,
    Kegiatan,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    Tingkat,
    Tujuan,
)
from sakip.perjanjian.models import PerjanjianKinerja, PKAnggaran, PKTarget, StatusPK
from sakip.profil.models import IsuStrategis, Kebijakan, Pegawai, Sarana
from sakip.survei.models import HasilSurvei


class ImporGagal(Exception):
    """The import was refused; ``galat`` lists every reason with its place."""

    def __init__(self, galat: list[Galat]) -> None:
        self.galat = galat
        super().__init__(f"{len(galat)} kesalahan; tidak ada data yang disimpan")


@dataclass
class HasilImpor:
    jumlah: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())


def import_dataset(ds: Dataset, user: object = None) -> HasilImpor:
    """Import every sheet of ``ds``; raise :class:`ImporGagal` (and write nothing) on any error.

    ``user`` None means a trusted caller (the command line); otherwise every row
    must concern a unit the user may change.
    """
    with transaction.atomic():
        pengimpor = _Pengimpor(ds, user)
        pengimpor.jalankan()
        galat = ds.galat + pengimpor.galat
        if galat:
            raise ImporGagal(galat)
    return pengimpor.hasil


def teks_target(nilai: object) -> str:
    """The canonical text of a target: "85", "86,69", "BB", "80–90"."""
    t = parse_target(str(nilai)) if not isinstance(nilai, int | Decimal) else Decimal(nilai)
    if t is None:
        raise KinerjaError("target kosong")
    if isinstance(t, Predikat):
        return t.kode
    if isinstance(t, Rentang):
        return str(t)
    return format_angka(t, None)


def teks_realisasi(nilai: object) -> str:
    """The canonical text of a realisasi: a number in Indonesian format or a predikat."""
    r = sebagai_realisasi(nilai if isinstance(nilai, str | int | Decimal) else str(nilai))
    if r is None:
        raise KinerjaError("realisasi kosong")
    return r.kode if isinstance(r, Predikat) else format_angka(r, None)


_BENAR = {"ya", "y", "true", "1", "benar", "yes"}
_SALAH = {"tidak", "t", "false", "0", "salah", "no", ""}


class _Lewati(Exception):
    """A row that already has an error: it is not written."""


# The model each sheet writes, so a text longer than its column is refused with the
# row and column instead of failing in the database (PostgreSQL enforces lengths,
# SQLite does not).
MODEL_LEMBAR: dict[str, type[Any]] = {
    "unit": Unit,
    "pengaturan": Pengaturan,
    "renstra": Renstra,
    "tujuan": Tujuan,
    "sasaran": Sasaran,
    "program": Program,
    "kegiatan": Kegiatan,
    "sub_kegiatan": SubKegiatan,
    "indikator": Indikator,
    "target": Target,
    "realisasi": Realisasi,
    "narasi": Narasi,
    "perjanjian_kinerja": PerjanjianKinerja,
    "pk_target": PKTarget,
    "pk_anggaran": PKAnggaran,
    "anggaran": Anggaran,
    "realisasi_anggaran": RealisasiAnggaran,
    "jenis_belanja": JenisBelanja,
    "evaluasi_akip": HasilEvaluasi,
    "sebaran_predikat": SebaranPredikat,
    "rekomendasi": Rekomendasi,
    "temuan": Temuan,
    "ikm": HasilSurvei,
    "sdm": Pegawai,
    "sarana": Sarana,
    "isu_strategis": IsuStrategis,
    "kebijakan": Kebijakan,
    "naskah_laporan": NaskahLaporan,
}


def _panjang_maksimum(lembar: str) -> dict[str, int]:
    return {
        f.name: f.max_length
        for f in MODEL_LEMBAR[lembar]._meta.get_fields()
        if getattr(f, "max_length", None) and f.get_internal_type() == "CharField"
    }


class _Pengimpor:
    def __init__(self, ds: Dataset, user: object) -> None:
        self.ds = ds
        self.user = user
        self.galat: list[Galat] = []
        self.hasil = HasilImpor()
        self.boleh_ids = None if user is None else unit_ids_untuk(user, "change")
        self.unit: dict[str, Unit] = {u.slug: u for u in Unit.objects.all()}
        self.renstra: dict[str, Renstra] = {r.kode: r for r in Renstra.objects.all()}
        self.pk_ditulis: set[int] = set()
        self.indikator_tahun: dict[tuple[int, int], set[str]] = {}
        # Lookup caches per Renstra, filled on first use (one query each).
        self._sub: dict[int, dict[tuple[int, str], SubKegiatan]] = {}
        self._keg: dict[int, dict[tuple[int, str], Kegiatan]] = {}
        self._unit_sub: dict[tuple[int, str], int] = {}
        self._ind: dict[int, dict[str, Indikator]] = {}
        # Rows of the high-volume sheets, written in bulk at the end of their sheet.
        self.antrian: dict[type[Any], dict[tuple[Any, ...], dict[str, Any]]] = {}
        self.panjang = {lembar: _panjang_maksimum(lembar) for lembar in MODEL_LEMBAR}

    # --- plumbing -------------------------------------------------------------

    def jalankan(self) -> None:
        penulis: dict[str, Callable[[Baris, dict[str, Any]], None]] = {
            "unit": self.tulis_unit,
            "pengaturan": self.tulis_pengaturan,
            "renstra": self.tulis_renstra,
            "tujuan": self.tulis_tujuan,
            "sasaran": self.tulis_sasaran,
            "program": self.tulis_program,
            "kegiatan": self.tulis_kegiatan,
            "sub_kegiatan": self.tulis_sub_kegiatan,
            "indikator": self.tulis_indikator,
            "target": self.tulis_target,
            "realisasi": self.tulis_realisasi,
            "narasi": self.tulis_narasi,
            "perjanjian_kinerja": self.tulis_pk,
            "pk_target": self.tulis_pk_target,
            "pk_anggaran": self.tulis_pk_anggaran,
            "anggaran": self.tulis_anggaran,
            "realisasi_anggaran": self.tulis_realisasi_anggaran,
            "jenis_belanja": self.tulis_jenis_belanja,
            "evaluasi_akip": self.tulis_evaluasi,
            "sebaran_predikat": self.tulis_sebaran_predikat,
            "rekomendasi": self.tulis_rekomendasi,
            "temuan": self.tulis_temuan,
            "ikm": self.tulis_ikm,
            "sdm": self.tulis_sdm,
            "sarana": self.tulis_sarana,
            "isu_strategis": self.tulis_isu,
            "kebijakan": self.tulis_kebijakan,
            "naskah_laporan": self.tulis_naskah,
        }
        for spek in LEMBAR:
            baris_lembar = self.ds.baris(spek.nama)
            if spek.nama == "unit":
                baris_lembar = self._urutkan_unit(baris_lembar)
            terlihat: dict[tuple[Any, ...], int] = {}
            for baris in baris_lembar:
                nilai = self._baca(baris, spek.kolom)
                if nilai is None:
                    continue
                kunci = tuple(nilai.get(k) for k in KUNCI[spek.nama])
                if kunci in terlihat:
                    self.salah(
                        baris,
                        KUNCI[spek.nama][-1],
                        kunci[-1],
                        f"duplikat: baris {terlihat[kunci]} sudah memuat "
                        + ", ".join(
                            f"{k}={v}" for k, v in zip(KUNCI[spek.nama], kunci, strict=True)
                        ),
                    )
                    continue
                terlihat[kunci] = baris.nomor
                try:
                    penulis[spek.nama](baris, nilai)
                except _Lewati:
                    continue
                self.hasil.jumlah[spek.nama] += 1
            self._tulis_antrian()
        self._periksa_periode_tunggal()

    def antre(self, model: type[Any], kunci: dict[str, Any], nilai: dict[str, Any]) -> None:
        """Queue an upsert of ``model`` by ``kunci`` (field ids); written in bulk per sheet."""
        self.antrian.setdefault(model, {})[tuple(kunci.items())] = nilai

    def _tulis_antrian(self) -> None:
        for model, baris in self.antrian.items():
            if not baris:
                continue
            medan_kunci = [k for k, _ in next(iter(baris))]
            medan_nilai = sorted({k for n in baris.values() for k in n})
            saringan = {f"{k}__in": {dict(kunci)[k] for kunci in baris} for k in medan_kunci}
            ada = {
                tuple((k, getattr(o, k)) for k in medan_kunci): o
                for o in model.objects.filter(**saringan)
            }
            baru, berubah = [], []
            for kunci, nilai in baris.items():
                objek = ada.get(kunci)
                if objek is None:
                    baru.append(model(**dict(kunci), **nilai))
                elif any(getattr(objek, k) != v for k, v in nilai.items()):
                    for k, v in nilai.items():
                        setattr(objek, k, v)
                    berubah.append(objek)
            if baru:
                bulk_create_with_history(
                    baru, model, batch_size=500, default_user=self.user_riwayat
                )
            if berubah:
                bulk_update_with_history(
                    berubah,
                    model,
                    fields=medan_nilai,
                    batch_size=500,
                    default_user=self.user_riwayat,
                )
        self.antrian = {}

    @property
    def user_riwayat(self) -> Any:
        return self.user if getattr(self.user, "is_authenticated", False) else None

    def salah(self, baris: Baris, kolom: str | None, nilai: object, alasan: str) -> _Lewati:
        self.galat.append(Galat(baris.lembar, baris.nomor, kolom, nilai, alasan))
        return _Lewati()

    def _baca(self, baris: Baris, kolom: tuple[Kolom, ...]) -> dict[str, Any] | None:
        hasil: dict[str, Any] = {}
        ada_galat = False
        for k in kolom:
            mentah = baris.nilai.get(k.nama)
            if isinstance(mentah, str):
                mentah = mentah.strip()
            if mentah is None or mentah == "":
                if k.wajib:
                    self.galat.append(Galat(baris.lembar, baris.nomor, k.nama, None, "wajib diisi"))
                    ada_galat = True
                hasil[k.nama] = None
                continue
            try:
                hasil[k.nama] = self._ubah(k, mentah)
                batas = self.panjang.get(baris.lembar, {}).get(k.nama)
                if k.jenis == "teks" and batas is not None and len(hasil[k.nama]) > batas:
                    raise ValueError(
                        f"terlalu panjang: {len(hasil[k.nama])} karakter, paling banyak {batas}"
                    )
            except (KinerjaError, ValueError) as exc:
                self.galat.append(Galat(baris.lembar, baris.nomor, k.nama, mentah, str(exc)))
                ada_galat = True
        return None if ada_galat else hasil

    def _ubah(self, k: Kolom, mentah: object) -> object:
        if isinstance(mentah, float):
            mentah = Decimal(repr(mentah))
        if k.jenis == "teks":
            return str(mentah).strip()
        if k.jenis in {"angka", "rupiah", "skor"}:
            nilai = ke_desimal_atau_none(mentah if not isinstance(mentah, bool) else str(mentah))
            if nilai is None:
                return None
            if k.jenis == "rupiah" and nilai < 0:
                raise ValueError("nilai rupiah tidak boleh negatif")
            if k.jenis == "skor" and not Decimal(0) <= nilai <= Decimal(100):
                raise ValueError(
                    f"nilai {format_angka(nilai)} di luar rentang 0–100 (periksa salah ketik, "
                    "misalnya 814,80 untuk 81,80)"
                )
            return nilai
        if k.jenis in {"tahun", "bulat"}:
            angka = ke_desimal_atau_none(mentah if not isinstance(mentah, bool) else str(mentah))
            if angka is None or angka != angka.to_integral_value() or angka < 0:
                raise ValueError("harus bilangan bulat tidak negatif")
            if k.jenis == "tahun" and not 1990 <= angka <= 2100:
                raise ValueError("tahun di luar 1990–2100")
            return int(angka)
        if k.jenis == "bool":
            teks = str(mentah).strip().lower()
            if teks in _BENAR:
                return True
            if teks in _SALAH:
                return False
            raise ValueError("isi 'ya' atau 'tidak'")
        if k.jenis == "tanggal":
            if isinstance(mentah, dt.date):
                return mentah
            try:
                return dt.date.fromisoformat(str(mentah))
            except ValueError as exc:
                raise ValueError("tanggal harus berformat TTTT-BB-HH, misalnya 2024-01-31") from exc
        if k.jenis == "pilihan":
            teks = str(mentah).strip()
            if teks not in k.pilihan:
                raise ValueError(f"pilihan yang sah: {', '.join(k.pilihan)}")
            return teks
        if k.jenis == "target":
            return teks_target(mentah)
        if k.jenis == "realisasi":
            return teks_realisasi(mentah)
        raise AssertionError(f"jenis kolom tidak dikenal: {k.jenis}")  # pragma: no cover

    # --- lookups ------------------------------------------------------------

    def cari_unit(self, baris: Baris, kolom: str, slug: str, tulis: bool = True) -> Unit:
        unit = self.unit.get(slug)
        if unit is None:
            raise self.salah(baris, kolom, slug, "unit tidak dikenal (belum ada di lembar 'unit')")
        if tulis and self.boleh_ids is not None and unit.pk not in self.boleh_ids:
            raise self.salah(baris, kolom, slug, "Anda tidak berwenang mengubah data unit ini")
        return unit

    def cari_renstra(self, baris: Baris, kode: str) -> Renstra:
        r = self.renstra.get(kode)
        if r is None:
            raise self.salah(baris, "renstra", kode, "Renstra tidak dikenal")
        return r

    def cari_program(
        self, baris: Baris, kolom: str, renstra: Renstra, unit: Unit, kode: str
    ) -> Program:
        # The program may be owned by the unit itself or by one of its ancestors (a Setda
        # program whose kegiatan are spread over its Bagian).
        for pemilik in [unit, *unit.leluhur()]:
            p = Program.objects.filter(renstra=renstra, unit=pemilik, kode=kode).first()
            if p is not None:
                return p
        raise self.salah(
            baris, kolom, kode, f"program {kode} milik {unit.slug} (atau induknya) tidak dikenal"
        )

    def cari_kegiatan(
        self, baris: Baris, kolom: str, renstra: Renstra, unit: Unit, kode: str
    ) -> Kegiatan:
        if renstra.pk not in self._keg:
            self._keg[renstra.pk] = {
                (x.unit_id, x.kode): x for x in Kegiatan.objects.filter(program__renstra=renstra)
            }
        k = self._keg[renstra.pk].get((unit.pk, kode))
        if k is None:
            raise self.salah(baris, kolom, kode, f"kegiatan {kode} milik {unit.slug} tidak dikenal")
        return k

    def cari_sub_kegiatan(
        self, baris: Baris, kolom: str, renstra: Renstra, unit: Unit, kode: str
    ) -> SubKegiatan:
        if renstra.pk not in self._sub:
            self._sub[renstra.pk] = {
                (x.unit_id, x.kode): x
                for x in SubKegiatan.objects.filter(kegiatan__program__renstra=renstra)
            }
        s = self._sub[renstra.pk].get((unit.pk, kode))
        if s is None:
            raise self.salah(
                baris, kolom, kode, f"sub kegiatan {kode} milik {unit.slug} tidak dikenal"
            )
        return s

    def cari_indikator(self, baris: Baris, renstra: Renstra, kode: str) -> Indikator:
        if renstra.pk not in self._ind:
            self._ind[renstra.pk] = {
                x.kode: x for x in Indikator.objects.filter(renstra=renstra).select_related("unit")
            }
        i = self._ind[renstra.pk].get(kode)
        if i is None:
            raise self.salah(baris, "indikator", kode, "indikator tidak dikenal di Renstra ini")
        if self.boleh_ids is not None and i.unit_id not in self.boleh_ids:
            raise self.salah(
                baris, "indikator", kode, "Anda tidak berwenang mengubah data unit ini"
            )
        return i

    def pk_baris(self, baris: Baris, v: dict[str, Any]) -> PerjanjianKinerja:
        unit = self.cari_unit(baris, "unit", v["unit"])
        pk = PerjanjianKinerja.objects.filter(
            unit=unit, tahun=v["tahun"], revisi=v.get("revisi") or 1
        ).first()
        if pk is None:
            raise self.salah(baris, "tahun", v["tahun"], "Perjanjian Kinerja ini tidak dikenal")
        return pk

    def pastikan_terbuka(self, baris: Baris, pk: PerjanjianKinerja) -> None:
        """A PK signed before this import is immutable: a change needs a new revision."""
        if pk.terkunci and pk.pk not in self.pk_ditulis:
            raise self.salah(
                baris,
                None,
                None,
                f"{pk} sudah ditandatangani dan terkunci; buat revisi baru untuk mengubahnya",
            )

    def kode(
        self, baris: Baris, kolom: str, kode: str, tingkat: str, induk: str | None = None
    ) -> str:
        try:
            return validasi_kode(kode, tingkat, induk)
        except KinerjaError as exc:
            raise self.salah(baris, kolom, kode, str(exc)) from exc

    # --- writers --------------------------------------------------------------

    def _urutkan_unit(self, daftar: list[Baris]) -> list[Baris]:
        """Parents before children, whatever order the sheet has."""
        dikenal = set(self.unit)
        sisa, hasil = list(daftar), []
        while sisa:
            maju = [
                b
                for b in sisa
                if not b.nilai.get("induk") or str(b.nilai["induk"]).strip() in dikenal
            ]
            if not maju:
                hasil.extend(sisa)  # unknown parents: reported by tulis_unit
                break
            for b in maju:
                dikenal.add(str(b.nilai.get("slug", "")).strip())
            hasil.extend(maju)
            sisa = [b for b in sisa if b not in maju]
        return hasil

    def tulis_unit(self, b: Baris, v: dict[str, Any]) -> None:
        from sakip.organisasi.models import slug_validator

        try:
            slug_validator(v["slug"])
        except Exception as exc:
            raise self.salah(
                b, "slug", v["slug"], "slug hanya boleh huruf kecil, angka dan '-'"
            ) from exc
        induk = self.cari_unit(b, "induk", v["induk"]) if v["induk"] else None
        lama = self.unit.get(v["slug"])
        if self.boleh_ids is not None:
            if lama is not None and lama.pk not in self.boleh_ids:
                raise self.salah(b, "slug", v["slug"], "Anda tidak berwenang mengubah unit ini")
            if lama is None and induk is None:
                raise self.salah(
                    b, "induk", None, "hanya administrator yang boleh membuat Pemda baru"
                )
        data = {
            k: v[k] or ""
            for k in (
                "nama",
                "jenis",
                "singkatan",
                "kluster",
                "kepala_nama",
                "kepala_nip",
                "kepala_jabatan",
                "alamat",
                "kota",
            )
        }
        unit, _ = Unit.objects.update_or_create(
            slug=v["slug"], defaults={**data, "induk": induk, "urutan": v["urutan"] or 0}
        )
        self.unit[unit.slug] = unit
        if self.boleh_ids is not None:
            self.boleh_ids.add(unit.pk)

    def tulis_pengaturan(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        data = {
            k: v[k] for k in ("skala", "rumus_negatif", "metode_rollup", "metode_serapan") if v[k]
        }
        if v["hari_tenggat"] is not None:
            data["hari_tenggat"] = v["hari_tenggat"]
        Pengaturan.objects.update_or_create(
            unit=unit, defaults={**data, "batas_atas_capaian": v["batas_atas_capaian"]}
        )

    def tulis_renstra(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        if v["tahun_selesai"] < v["tahun_mulai"]:
            raise self.salah(
                b, "tahun_selesai", v["tahun_selesai"], "tahun selesai sebelum tahun mulai"
            )
        r, _ = Renstra.objects.update_or_create(
            kode=v["kode"],
            defaults={
                "unit": unit,
                "nama": v["nama"],
                "tahun_mulai": v["tahun_mulai"],
                "tahun_selesai": v["tahun_selesai"],
                "dasar": v["dasar"] or "",
            },
        )
        self.renstra[r.kode] = r

    def tulis_tujuan(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        self.cari_unit(b, "renstra", r.unit.slug)
        Tujuan.objects.update_or_create(
            renstra=r, kode=v["kode"], defaults={"uraian": v["uraian"], "urutan": v["urutan"] or 0}
        )

    def tulis_sasaran(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        self.cari_unit(b, "renstra", r.unit.slug)
        tujuan = Tujuan.objects.filter(renstra=r, kode=v["tujuan"]).first()
        if tujuan is None:
            raise self.salah(b, "tujuan", v["tujuan"], "tujuan tidak dikenal di Renstra ini")
        Sasaran.objects.update_or_create(
            renstra=r,
            kode=v["kode"],
            defaults={"tujuan": tujuan, "uraian": v["uraian"], "urutan": v["urutan"] or 0},
        )

    def tulis_program(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        unit = self.cari_unit(b, "unit", v["unit"])
        kode = self.kode(b, "kode", v["kode"], "program")
        sasaran = []
        for s in (v["sasaran"] or "").split(","):
            if s.strip():
                obj = Sasaran.objects.filter(renstra=r, kode=s.strip()).first()
                if obj is None:
                    raise self.salah(
                        b, "sasaran", s.strip(), "sasaran tidak dikenal di Renstra ini"
                    )
                sasaran.append(obj)
        p, _ = Program.objects.update_or_create(
            renstra=r,
            unit=unit,
            kode=kode,
            defaults={"nama": v["nama"], "urutan": v["urutan"] or 0},
        )
        p.sasaran.set(sasaran)

    def tulis_kegiatan(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        unit = self.cari_unit(b, "unit", v["unit"])
        program = self.cari_program(b, "program", r, unit, v["program"])
        kode = self.kode(b, "kode", v["kode"], "kegiatan", program.kode)
        self._keg.pop(r.pk, None)
        Kegiatan.objects.update_or_create(
            program=program,
            unit=unit,
            kode=kode,
            defaults={"nama": v["nama"], "urutan": v["urutan"] or 0},
        )

    def tulis_sub_kegiatan(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        unit = self.cari_unit(b, "unit", v["unit"])
        kegiatan = self.cari_kegiatan(b, "kegiatan", r, unit, v["kegiatan"])
        kode = self.kode(b, "kode", v["kode"], "sub_kegiatan", kegiatan.kode)
        if not self._unit_sub:
            self._unit_sub = dict(
                ((keg, k), u)
                for keg, k, u in SubKegiatan.objects.values_list("kegiatan_id", "kode", "unit_id")
            )
        pemilik = self._unit_sub.setdefault((kegiatan.pk, kode), unit.pk)
        if pemilik != unit.pk:
            raise self.salah(
                b, "kode", kode, "kode sub kegiatan sudah dipakai unit lain pada kegiatan ini"
            )
        self.antre(
            SubKegiatan,
            {"kegiatan_id": kegiatan.pk, "kode": kode},
            {"unit_id": unit.pk, "nama": v["nama"], "urutan": v["urutan"] or 0},
        )

    def tulis_indikator(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        unit = (
            self.cari_unit(b, "unit", v["unit"])
            if v["unit"]
            else self.cari_unit(b, "renstra", r.unit.slug)
        )
        tingkat = v["level"]
        induk: dict[str, Any] = {t: None for t in Tingkat.values}
        if tingkat == Tingkat.TUJUAN:
            induk["tujuan"] = Tujuan.objects.filter(renstra=r, kode=v["induk"]).first()
        elif tingkat == Tingkat.SASARAN:
            induk["sasaran"] = Sasaran.objects.filter(renstra=r, kode=v["induk"]).first()
        elif tingkat == Tingkat.PROGRAM:
            induk["program"] = self.cari_program(b, "induk", r, unit, v["induk"])
        elif tingkat == Tingkat.KEGIATAN:
            induk["kegiatan"] = self.cari_kegiatan(b, "induk", r, unit, v["induk"])
        else:
            induk["sub_kegiatan"] = self.cari_sub_kegiatan(b, "induk", r, unit, v["induk"])
        if induk[tingkat] is None:
            raise self.salah(b, "induk", v["induk"], f"{tingkat} tidak dikenal di Renstra ini")
        self._ind.pop(r.pk, None)
        Indikator.objects.update_or_create(
            renstra=r,
            kode=v["kode"],
            defaults={
                **induk,
                "tingkat": tingkat,
                "unit": unit,
                "nama": v["nama"],
                "satuan": v["satuan"] or "",
                "polaritas": v["polaritas"] or "maksimal",
                "agregasi": v["agregasi"] or "terakhir",
                "iku": bool(v["iku"]),
                "formula": v["formula"] or "",
                "definisi": v["definisi"] or "",
                "sumber_data": v["sumber_data"] or "",
                "sumber_realisasi": v["sumber_realisasi"] or "",
                "rumus_negatif": v["rumus_negatif"] or "",
                "skala": v["skala"] or "",
                "urutan": v["urutan"] or 0,
            },
        )

    def tulis_target(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        ind = self.cari_indikator(b, r, v["indikator"])
        self.antre(
            Target,
            {"indikator_id": ind.pk, "tahun": v["tahun"], "periode": v["periode"] or "TAHUN"},
            {"nilai": v["nilai"]},
        )

    def tulis_realisasi(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        ind = self.cari_indikator(b, r, v["indikator"])
        # A derived indicator's value is computed, never typed; the one exception is a
        # year the source module holds no data for (the history of earlier reports),
        # which must say where the figure comes from.
        if ind.sumber_realisasi and (v["periode"] != "TAHUN" or not v["catatan"]):
            raise self.salah(
                b,
                "indikator",
                ind.kode,
                f"realisasi indikator ini diturunkan ({ind.get_sumber_realisasi_display()}), "
                "bukan diisi: hapus baris ini (nilai histori tahunan boleh diisi dengan "
                "catatan sumbernya)",
            )
        self.indikator_tahun.setdefault((ind.pk, v["tahun"]), set()).add(v["periode"])
        self.antre(
            Realisasi,
            {"indikator_id": ind.pk, "tahun": v["tahun"], "periode": v["periode"]},
            {
                "nilai": v["nilai"],
                "status": v["status"] or StatusData.FINAL,
                "catatan": v["catatan"] or "",
            },
        )

    def _periksa_periode_tunggal(self) -> None:
        if not self.indikator_tahun:
            return
        periode: dict[tuple[int, int], set[str]] = {}
        for ind_id, tahun, p in Realisasi.objects.filter(
            indikator_id__in={i for i, _ in self.indikator_tahun}
        ).values_list("indikator_id", "tahun", "periode"):
            periode.setdefault((ind_id, tahun), set()).add(p)
        kode = dict(
            Indikator.objects.filter(pk__in={i for i, _ in self.indikator_tahun}).values_list(
                "pk", "kode"
            )
        )
        for ind_id, tahun in self.indikator_tahun:
            semua = periode.get((ind_id, tahun), set())
            if "TAHUN" in semua and len(semua) > 1:
                self.galat.append(
                    Galat(
                        "realisasi",
                        None,
                        "periode",
                        ", ".join(sorted(semua)),
                        f"indikator {kode[ind_id]} tahun {tahun} punya nilai TAHUN sekaligus nilai "
                        "per periode; pilih salah satu (nilai tahunan diturunkan dari periode)",
                    )
                )

    def tulis_narasi(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        ind = self.cari_indikator(b, r, v["indikator"])
        Narasi.objects.update_or_create(
            indikator=ind,
            tahun=v["tahun"],
            defaults={
                k: v[k] or ""
                for k in ("faktor_pendorong", "faktor_penghambat", "permasalahan", "solusi")
            }
            | {"status": StatusData.FINAL},
        )

    def tulis_pk(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        r = self.cari_renstra(b, v["renstra"])
        data = {
            "renstra": r,
            "status": v["status"] or StatusPK.DRAF,
            "tanggal": v["tanggal"],
            **{
                k: v[k] or ""
                for k in (
                    "penandatangan",
                    "nip_penandatangan",
                    "jabatan_penandatangan",
                    "pihak_kedua",
                    "jabatan_pihak_kedua",
                    "catatan",
                )
            },
        }
        lama = PerjanjianKinerja.objects.filter(
            unit=unit, tahun=v["tahun"], revisi=v["revisi"] or 1
        ).first()
        if lama is not None and lama.terkunci:
            beda = [k for k, nilai in data.items() if getattr(lama, k) != nilai]
            if beda:
                raise self.salah(
                    b,
                    beda[0],
                    data[beda[0]],
                    f"{lama} sudah ditandatangani dan terkunci; buat revisi baru untuk mengubahnya",
                )
            return
        pk, _ = PerjanjianKinerja.objects.update_or_create(
            unit=unit, tahun=v["tahun"], revisi=v["revisi"] or 1, defaults=data
        )
        self.pk_ditulis.add(pk.pk)

    def tulis_pk_target(self, b: Baris, v: dict[str, Any]) -> None:
        pk = self.pk_baris(b, v)
        ind = Indikator.objects.filter(renstra=pk.renstra, kode=v["indikator"]).first()
        if ind is None:
            raise self.salah(
                b, "indikator", v["indikator"], "indikator tidak dikenal di Renstra PK ini"
            )
        if pk.pk not in self.pk_ditulis:
            lama = PKTarget.objects.filter(pk_dokumen=pk, indikator=ind).first()
            if lama is not None and lama.target == v["target"]:
                return
            self.pastikan_terbuka(b, pk)
        PKTarget.objects.update_or_create(
            pk_dokumen=pk,
            indikator=ind,
            defaults={
                "target": v["target"],
                "satuan": ind.satuan,
                "polaritas": ind.polaritas,
                "agregasi": ind.agregasi,
                "rumus_negatif": ind.rumus_negatif,
                "formula": ind.formula,
            },
        )

    def tulis_pk_anggaran(self, b: Baris, v: dict[str, Any]) -> None:
        pk = self.pk_baris(b, v)
        pemilik = self.cari_unit(b, "pemilik", v["pemilik"], tulis=False)
        program = self.cari_program(b, "program", pk.renstra, pemilik, v["program"])
        kegiatan = None
        if v["kegiatan"]:
            kegiatan = Kegiatan.objects.filter(program=program, kode=v["kegiatan"]).first()
            if kegiatan is None:
                raise self.salah(
                    b, "kegiatan", v["kegiatan"], "kegiatan tidak dikenal pada program ini"
                )
        lama = PKAnggaran.objects.filter(pk_dokumen=pk, program=program, kegiatan=kegiatan).first()
        if pk.pk not in self.pk_ditulis:
            if lama is not None and lama.pagu == v["pagu"]:
                return
            self.pastikan_terbuka(b, pk)
        if lama is None:
            PKAnggaran.objects.create(
                pk_dokumen=pk, program=program, kegiatan=kegiatan, pagu=v["pagu"]
            )
        elif lama.pagu != v["pagu"]:
            lama.pagu = v["pagu"]
            lama.save()

    def tulis_anggaran(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        unit = self.cari_unit(b, "unit", v["unit"])
        sub = self.cari_sub_kegiatan(b, "sub_kegiatan", r, unit, v["sub_kegiatan"])
        self.antre(
            Anggaran,
            {"sub_kegiatan_id": sub.pk, "tahun": v["tahun"]},
            {"pagu": v["pagu"], "pagu_murni": v["pagu_murni"]},
        )

    def tulis_realisasi_anggaran(self, b: Baris, v: dict[str, Any]) -> None:
        r = self.cari_renstra(b, v["renstra"])
        unit = self.cari_unit(b, "unit", v["unit"])
        sub = self.cari_sub_kegiatan(b, "sub_kegiatan", r, unit, v["sub_kegiatan"])
        self.antre(
            RealisasiAnggaran,
            {"sub_kegiatan_id": sub.pk, "tahun": v["tahun"], "periode": v["periode"]},
            {"nilai": v["nilai"], "status": v["status"] or StatusData.FINAL},
        )

    def tulis_jenis_belanja(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        JenisBelanja.objects.update_or_create(
            unit=unit,
            tahun=v["tahun"],
            kode=v["kode"],
            defaults={"nama": v["nama"], "pagu": v["pagu"], "realisasi": v["realisasi"]},
        )

    def tulis_evaluasi(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        hasil, _ = HasilEvaluasi.objects.get_or_create(unit=unit, tahun=v["tahun"])
        hasil.model = v["model"] or "hibrida"
        if v["catatan"]:
            hasil.catatan = v["catatan"]
        if v["komponen"]:
            SkorKomponen.objects.update_or_create(
                hasil=hasil, komponen=v["komponen"], defaults={"nilai": v["nilai"]}
            )
        else:
            hasil.nilai_total = v["nilai"]
        hasil.save()

    def tulis_sebaran_predikat(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        if unit.jenis != JenisUnit.PEMDA:
            raise self.salah(
                b, "unit", v["unit"], "sebaran predikat PD dicatat pada unit Pemda, bukan pada PD"
            )
        SebaranPredikat.objects.update_or_create(
            unit=unit,
            tahun=v["tahun"],
            predikat=v["predikat"],
            defaults={"jumlah": v["jumlah"], "catatan": v["catatan"] or ""},
        )

    def tulis_rekomendasi(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        Rekomendasi.objects.update_or_create(
            unit=unit,
            tahun=v["tahun"],
            komponen=v["komponen"] or "",
            rekomendasi=v["rekomendasi"],
            defaults={
                "tindak_lanjut": v["tindak_lanjut"] or "",
                "status": v["status"] or "belum",
                "batas_waktu": v["batas_waktu"],
            },
        )

    def tulis_temuan(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        Temuan.objects.update_or_create(
            unit=unit,
            tahun=v["tahun"],
            temuan=v["temuan"],
            defaults={
                **{k: v[k] or "" for k in ("rekomendasi", "rencana_aksi", "keterangan")},
                "status": v["status"] or "belum",
                "nilai": v["nilai"],
            },
        )

    def tulis_ikm(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        if v["nilai"] is None:
            raise self.salah(
                b,
                "nilai",
                None,
                "nilai IKM wajib diisi (tanggapan per responden diimpor di modul survei)",
            )
        if not Decimal(25) <= v["nilai"] <= Decimal(100):
            raise self.salah(b, "nilai", format_angka(v["nilai"]), "IKM di luar rentang 25–100")
        for i in range(1, 10):
            u = v[f"unsur_{i}"]
            if u is not None and not Decimal(1) <= u <= Decimal(4):
                raise self.salah(
                    b, f"unsur_{i}", format_angka(u, None), "nilai unsur di luar rentang 1–4"
                )
        HasilSurvei.objects.update_or_create(
            unit=unit,
            tahun=v["tahun"],
            periode=v["periode"],
            defaults={
                "nilai": v["nilai"],
                "responden": v["responden"],
                **{f"unsur_{i}": v[f"unsur_{i}"] for i in range(1, 10)},
            },
        )

    def tulis_sdm(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        Pegawai.objects.update_or_create(
            unit=unit,
            tahun=v["tahun"],
            kelompok=v["kelompok"] or "pns",
            jabatan=v["jabatan"],
            defaults={k: v[k] or 0 for k in KOLOM_ANGKA_SDM},
        )

    def tulis_sarana(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        Sarana.objects.update_or_create(
            unit=unit,
            tahun=v["tahun"],
            uraian=v["uraian"],
            satuan=v["satuan"] or "",
            defaults={
                "jumlah": v["jumlah"],
                "keterangan": v["keterangan"] or "",
                "urutan": v["urutan"] or 0,
            },
        )

    def tulis_isu(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        IsuStrategis.objects.update_or_create(
            unit=unit, tahun=v["tahun"], uraian=v["uraian"], defaults={"urutan": v["urutan"] or 0}
        )

    def tulis_kebijakan(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        Kebijakan.objects.update_or_create(
            unit=unit,
            tahun=v["tahun"],
            uraian=v["uraian"],
            defaults={
                **{k: v[k] or "" for k in ("nomor", "jenis", "keterangan")},
                "diterapkan": bool(v["diterapkan"]),
                "urutan": v["urutan"] or 0,
            },
        )

    def tulis_naskah(self, b: Baris, v: dict[str, Any]) -> None:
        unit = self.cari_unit(b, "unit", v["unit"])
        NaskahLaporan.objects.update_or_create(
            unit=unit,
            tahun=v["tahun"],
            defaults={
                **{k: v[k] or "" for k in KOLOM_TEKS_NASKAH},
                "tanggal": v["tanggal"],
            },
        )
