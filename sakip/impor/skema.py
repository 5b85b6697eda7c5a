"""The dataset's sheets and columns (docs/dataset.md), shared by import, export and the template."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kolom:
    nama: str
    wajib: bool = False
    jenis: str = "teks"  # teks, angka, rupiah, tahun, bulat, bool, tanggal, pilihan, target
    pilihan: tuple[str, ...] = ()
    keterangan: str = ""


@dataclass(frozen=True)
class Lembar:
    nama: str
    kolom: tuple[Kolom, ...]
    keterangan: str

    def kolom_bernama(self, nama: str) -> Kolom | None:
        for k in self.kolom:
            if k.nama == nama:
                return k
        return None


def _k(nama: str, jenis: str = "teks", *pilihan: str, wajib: bool = False) -> Kolom:
    return Kolom(nama=nama, wajib=wajib, jenis=jenis, pilihan=tuple(pilihan))


def _w(nama: str, jenis: str = "teks", *pilihan: str) -> Kolom:
    return _k(nama, jenis, *pilihan, wajib=True)


KOLOM_ANGKA_SDM = (
    "pns",
    "p3k",
    "laki_laki",
    "perempuan",
    "gol_iv",
    "gol_iii",
    "gol_ii",
    "gol_i",
    "s3",
    "s2",
    "s1",
    "diploma",
    "slta",
    "sltp",
    "sd",
    "urutan",
)
# The planner's texts of the LKjIP (sakip.laporan.models.NaskahLaporan), in report order.
KOLOM_TEKS_NASKAH = (
    "kata_pengantar",
    "ikhtisar",
    "dasar_pembentukan",
    "landasan_hukum",
    "tugas_fungsi",
    "struktur_organisasi",
    "aspek_strategis",
    "kesimpulan",
    "saran",
    "penandatangan_nama",
    "penandatangan_nip",
    "penandatangan_jabatan",
    "tempat",
)
PERIODE = ("TW1", "TW2", "TW3", "TW4", "S1", "S2", "TAHUN")
STATUS = ("draf", "diajukan", "dikembalikan", "diverifikasi", "final")
TINDAK = ("sudah", "belum")

LEMBAR: tuple[Lembar, ...] = (
    Lembar(
        "unit",
        (
            _w("slug"),
            _w("nama"),
            _w(
                "jenis",
                "pilihan",
                "pemda",
                "perangkat_daerah",
                "biro",
                "bagian",
                "sub_bagian",
                "lainnya",
            ),
            _k("induk"),
            _k("singkatan"),
            _k("kluster", "pilihan", "utama", "pendukung", "tambahan"),
            _k("kepala_nama"),
            _k("kepala_nip"),
            _k("kepala_jabatan"),
            _k("alamat"),
            _k("kota"),
            _k("urutan", "bulat"),
        ),
        "Pohon unit: Pemda → Perangkat Daerah → Biro/Bagian → Sub Bagian.",
    ),
    Lembar(
        "pengaturan",
        (
            _w("unit"),
            _k("skala", "pilihan", "empat_tingkat", "permendagri_86_2017"),
            _k("rumus_negatif", "pilihan", "selisih", "rasio"),
            _k("metode_rollup", "pilihan", "rata_rata", "tertimbang_pagu"),
            _k("metode_serapan", "pilihan", "rasio_total", "rata_rata_persen"),
            _k("batas_atas_capaian", "angka"),
            _k("hari_tenggat", "bulat"),
        ),
        "Aturan perhitungan instansi; berlaku untuk semua unit di bawahnya.",
    ),
    Lembar(
        "renstra",
        (
            _w("kode"),
            _w("unit"),
            _w("nama"),
            _w("tahun_mulai", "tahun"),
            _w("tahun_selesai", "tahun"),
            _k("dasar"),
        ),
        "Rencana Strategis per Perangkat Daerah.",
    ),
    Lembar(
        "tujuan",
        (_w("renstra"), _w("kode"), _w("uraian"), _k("urutan", "bulat")),
        "Tujuan Renstra.",
    ),
    Lembar(
        "sasaran",
        (_w("renstra"), _w("kode"), _w("tujuan"), _w("uraian"), _k("urutan", "bulat")),
        "Sasaran strategis.",
    ),
    Lembar(
        "program",
        (_w("renstra"), _w("unit"), _w("kode"), _w("nama"), _k("sasaran"), _k("urutan", "bulat")),
        "Program (kode Permendagri 90/2019), unit pemilik, sasaran yang didukung (dipisah koma).",
    ),
    Lembar(
        "kegiatan",
        (_w("renstra"), _w("unit"), _w("program"), _w("kode"), _w("nama"), _k("urutan", "bulat")),
        "Kegiatan; kodenya diawali kode program.",
    ),
    Lembar(
        "sub_kegiatan",
        (_w("renstra"), _w("unit"), _w("kegiatan"), _w("kode"), _w("nama"), _k("urutan", "bulat")),
        "Sub kegiatan; kodenya diawali kode kegiatan.",
    ),
    Lembar(
        "indikator",
        (
            _w("renstra"),
            _w("kode"),
            _w("level", "pilihan", "tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"),
            _w("induk"),
            _k("unit"),
            _w("nama"),
            _k("satuan"),
            _k("polaritas", "pilihan", "maksimal", "minimal", "stabil"),
            _k("agregasi", "pilihan", "terakhir", "jumlah", "rata_rata", "maksimum"),
            _k("iku", "bool"),
            _k("formula"),
            _k("definisi"),
            _k("sumber_data"),
            _k(
                "sumber_realisasi",
                "pilihan",
                "rollup",
                "evaluasi_nilai",
                "evaluasi_persen_bb",
                "ikm",
            ),
            _k("rumus_negatif", "pilihan", "selisih", "rasio"),
            _k("skala", "pilihan", "empat_tingkat", "permendagri_86_2017"),
            _k("urutan", "bulat"),
        ),
        "Indikator kinerja pada tingkat mana pun.",
    ),
    Lembar(
        "target",
        (
            _w("renstra"),
            _w("indikator"),
            _w("tahun", "tahun"),
            _k("periode", "pilihan", *PERIODE),
            _w("nilai", "target"),
        ),
        "Target per tahun (dan per periode bila ada): angka, predikat (BB) atau rentang (80–90).",
    ),
    Lembar(
        "realisasi",
        (
            _w("renstra"),
            _w("indikator"),
            _w("tahun", "tahun"),
            _w("periode", "pilihan", *PERIODE),
            _w("nilai", "realisasi"),
            _k("status", "pilihan", *STATUS),
            _k("catatan"),
        ),
        "Realisasi per periode; tahun sebelum Renstra adalah data historis.",
    ),
    Lembar(
        "narasi",
        (
            _w("renstra"),
            _w("indikator"),
            _w("tahun", "tahun"),
            _k("faktor_pendorong"),
            _k("faktor_penghambat"),
            _k("permasalahan"),
            _k("solusi"),
        ),
        "Narasi analisis per indikator per tahun.",
    ),
    Lembar(
        "perjanjian_kinerja",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _k("revisi", "bulat"),
            _w("renstra"),
            _k("status", "pilihan", "draf", "ditandatangani"),
            _k("tanggal", "tanggal"),
            _k("penandatangan"),
            _k("nip_penandatangan"),
            _k("jabatan_penandatangan"),
            _k("pihak_kedua"),
            _k("jabatan_pihak_kedua"),
            _k("catatan"),
        ),
        "Perjanjian Kinerja per unit per tahun (revisi 1, 2, …).",
    ),
    Lembar(
        "pk_target",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _k("revisi", "bulat"),
            _w("indikator"),
            _w("target", "target"),
        ),
        "Target yang diperjanjikan.",
    ),
    Lembar(
        "pk_anggaran",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _k("revisi", "bulat"),
            _w("pemilik"),
            _w("program"),
            _k("kegiatan"),
            _w("pagu", "rupiah"),
        ),
        "Anggaran program/kegiatan dalam PK.",
    ),
    Lembar(
        "anggaran",
        (
            _w("renstra"),
            _w("unit"),
            _w("sub_kegiatan"),
            _w("tahun", "tahun"),
            _w("pagu", "rupiah"),
            _k("pagu_murni", "rupiah"),
        ),
        "Pagu per sub kegiatan per tahun.",
    ),
    Lembar(
        "realisasi_anggaran",
        (
            _w("renstra"),
            _w("unit"),
            _w("sub_kegiatan"),
            _w("tahun", "tahun"),
            _w("periode", "pilihan", "TW1", "TW2", "TW3", "TW4", "TAHUN"),
            _w("nilai", "rupiah"),
            _k("status", "pilihan", *STATUS),
        ),
        "Realisasi anggaran per sub kegiatan per triwulan.",
    ),
    Lembar(
        "jenis_belanja",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _w("kode"),
            _w("nama"),
            _k("pagu", "rupiah"),
            _k("realisasi", "rupiah"),
        ),
        "Anggaran per jenis belanja (Permendagri 77/2020).",
    ),
    Lembar(
        "evaluasi_akip",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _k("model", "pilihan", "permenpanrb-88-2021", "permenpanrb-12-2015", "hibrida"),
            _k("komponen"),
            _w("nilai", "skor"),
            _k("catatan"),
        ),
        "Nilai evaluasi AKIP per komponen (atau nilai total saja).",
    ),
    Lembar(
        "sebaran_predikat",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _w("predikat", "pilihan", "AA", "A", "BB", "B", "CC", "C", "D"),
            _w("jumlah", "bulat"),
            _k("catatan"),
        ),
        "Jumlah PD sebuah Pemda per predikat SAKIP, untuk tahun yang nilai per PD-nya tidak "
        "tersimpan (mis. kolom tahun lalu 'Resume Hasil Penilaian SAKIP').",
    ),
    Lembar(
        "rekomendasi",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _k("komponen"),
            _w("rekomendasi"),
            _k("tindak_lanjut"),
            _k("status", "pilihan", *TINDAK),
            _k("batas_waktu", "tanggal"),
        ),
        "Rekomendasi LHE dan tindak lanjutnya.",
    ),
    Lembar(
        "temuan",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _w("temuan"),
            _k("rekomendasi"),
            _k("rencana_aksi"),
            _k("keterangan"),
            _k("status", "pilihan", *TINDAK),
            _k("nilai", "rupiah"),
        ),
        "Temuan pemeriksaan BPK-RI/APIP dan tindak lanjutnya.",
    ),
    Lembar(
        "ikm",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _w("periode", "pilihan", "S1", "S2"),
            _k("nilai", "angka"),
            _k("responden", "bulat"),
            *(_k(f"unsur_{i}", "angka") for i in range(1, 10)),
        ),
        "Hasil survei kepuasan masyarakat per unit per semester.",
    ),
    Lembar(
        "sdm",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _k("kelompok", "pilihan", "pns", "non_pns"),
            _w("jabatan"),
            *(_k(n, "bulat") for n in KOLOM_ANGKA_SDM),
        ),
        "Sumber daya manusia (Tabel 1.1).",
    ),
    Lembar(
        "sarana",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _w("uraian"),
            _w("jumlah", "angka"),
            _k("satuan"),
            _k("keterangan"),
            _k("urutan", "bulat"),
        ),
        "Sarana dan prasarana (Tabel 1.2).",
    ),
    Lembar(
        "isu_strategis",
        (_w("unit"), _w("tahun", "tahun"), _k("urutan", "bulat"), _w("uraian")),
        "Permasalahan utama (isu strategis).",
    ),
    Lembar(
        "kebijakan",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            _k("nomor"),
            _w("uraian"),
            _k("jenis"),
            _k("keterangan"),
            _k("diterapkan", "bool"),
            _k("urutan", "bulat"),
        ),
        "Daftar kebijakan yang dihitung oleh indikator.",
    ),
    Lembar(
        "naskah_laporan",
        (
            _w("unit"),
            _w("tahun", "tahun"),
            *(_k(n) for n in KOLOM_TEKS_NASKAH),
            _k("tanggal", "tanggal"),
        ),
        "Naskah LKjIP per unit per tahun: Kata Pengantar, Ikhtisar, Bab I, Bab IV, penandatangan.",
    ),
)

LEMBAR_PER_NAMA = {lembar.nama: lembar for lembar in LEMBAR}
FORMAT = "sakip/1"

# The natural key of each sheet's rows: a second row with the same key is a duplicate.
KUNCI: dict[str, tuple[str, ...]] = {
    "unit": ("slug",),
    "pengaturan": ("unit",),
    "renstra": ("kode",),
    "tujuan": ("renstra", "kode"),
    "sasaran": ("renstra", "kode"),
    "program": ("renstra", "unit", "kode"),
    "kegiatan": ("renstra", "unit", "program", "kode"),
    "sub_kegiatan": ("renstra", "unit", "kode"),
    "indikator": ("renstra", "kode"),
    "target": ("renstra", "indikator", "tahun", "periode"),
    "realisasi": ("renstra", "indikator", "tahun", "periode"),
    "narasi": ("renstra", "indikator", "tahun"),
    "perjanjian_kinerja": ("unit", "tahun", "revisi"),
    "pk_target": ("unit", "tahun", "revisi", "indikator"),
    "pk_anggaran": ("unit", "tahun", "revisi", "pemilik", "program", "kegiatan"),
    "anggaran": ("renstra", "unit", "sub_kegiatan", "tahun"),
    "realisasi_anggaran": ("renstra", "unit", "sub_kegiatan", "tahun", "periode"),
    "jenis_belanja": ("unit", "tahun", "kode"),
    "evaluasi_akip": ("unit", "tahun", "komponen"),
    "sebaran_predikat": ("unit", "tahun", "predikat"),
    "rekomendasi": ("unit", "tahun", "komponen", "rekomendasi"),
    "temuan": ("unit", "tahun", "temuan"),
    "ikm": ("unit", "tahun", "periode"),
    "sdm": ("unit", "tahun", "kelompok", "jabatan"),
    "sarana": ("unit", "tahun", "uraian", "satuan"),
    "isu_strategis": ("unit", "tahun", "uraian"),
    "kebijakan": ("unit", "tahun", "uraian"),
    "naskah_laporan": ("unit", "tahun"),
}
