"""The LKjIP of a unit and year as a document model, in the outline of PermenPAN-RB 53/2014.

The outline follows both seeds (shared/DOMAIN.md §10): Kata Pengantar, Ikhtisar
Eksekutif, Daftar Isi/Tabel/Grafik, Bab I–IV and Lampiran. Every figure comes
from :mod:`sakip.perhitungan` (through :class:`~sakip.laporan.sumber.DataLaporan`);
this module only arranges and words it. A part with no data says so in a
sentence instead of printing an empty table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from sakip.impor.skema import KOLOM_ANGKA_SDM
from sakip.kinerja import (
    KinerjaError,
    PosAnggaran,
    Predikat,
    TotalAnggaran,
    format_angka,
    format_rupiah,
    jumlah,
    parse_target,
    perlu_penjelasan,
    porsi,
    predikat_akip,
    rata_rata,
    selisih,
    total_anggaran,
)
from sakip.kinerja import serapan as hitung_serapan
from sakip.kinerja.narasi import (
    DataAnggaran,
    DataIndikator,
    DataRingkasan,
    DataSasaran,
    kesimpulan,
    narasi_anggaran,
    narasi_ikhtisar,
    narasi_indikator,
    narasi_sasaran,
    terbilang,
)
from sakip.laporan.dokumen import (
    Daftar,
    Dokumen,
    Grafik,
    Judul,
    Paragraf,
    Sampul,
    Sel,
    Tabel,
    TandaTangan,
    beri_nomor,
    sel_angka,
    sel_persen,
    sel_rupiah,
    sel_teks,
)
from sakip.laporan.sumber import DataLaporan
from sakip.laporan.tembolok import grafik as g
from sakip.perencanaan.models import Program, SumberRealisasi
from sakip.perhitungan.services import HasilIndikator, HasilSasaran
from sakip.perjanjian.models import PKAnggaran

Kemajuan = Callable[[int, str], None]

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
HURUF = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
KOMPONEN_AKIP = {
    "perencanaan": "Perencanaan Kinerja",
    "pengukuran": "Pengukuran Kinerja",
    "pelaporan": "Pelaporan Kinerja",
    "evaluasi": "Evaluasi Akuntabilitas Kinerja Internal",
    "evaluasi_internal": "Evaluasi Akuntabilitas Kinerja Internal",
    "capaian": "Capaian Kinerja",
}


def _diam(persen: int, tahap: str) -> None:
    return None


def bangun_laporan(data: DataLaporan, kemajuan: Kemajuan = _diam) -> Dokumen:
    """The whole report of ``data.unit`` for ``data.tahun``, numbered and ready to render."""
    return _Pembangun(data, kemajuan).bangun()


def sel_realisasi(nilai: Decimal | Predikat | None) -> Sel:
    if isinstance(nilai, Decimal):
        return sel_angka(nilai, 2)
    return sel_teks(nilai.kode if isinstance(nilai, Predikat) else None, rata="kanan")


def sel_ukur(h: HasilIndikator) -> list[Sel]:
    """Satuan, target, realisasi and capaian of an indicator, as a measurement row prints them."""
    # A count is printed as counted ("29", not "29,00"), beside its target "6".
    r = h.realisasi
    return [
        sel_teks(h.indikator.satuan, rata="tengah"),
        sel_target(h.target),
        sel_seperti_dicetak(r) if isinstance(r, Decimal) else sel_realisasi(r),
        sel_persen(h.capaian),
    ]


def sel_seperti_dicetak(n: Decimal | int) -> Sel:
    """A number without trailing zeros ("71", "85,5", "29"), as the seeds print targets and counts."""
    return Sel(format_angka(n, None), Decimal(n), "desimal", rata="kanan")


def sel_target(target: str | None) -> Sel:
    """A target as the seeds print it: numbers without trailing zeros ("71", "85,5"),
    predikat and ranges as read, any other text as typed."""
    if target is None or not target.strip():
        return sel_teks(None, rata="kanan")
    try:
        t = parse_target(target)
    except KinerjaError:
        return sel_teks(target, rata="kanan")
    if isinstance(t, Decimal | int):
        return sel_seperti_dicetak(t)
    return sel_teks(t, rata="kanan")


def _paragraf_dari(teks: str, gaya: str = "narasi_operator") -> list[Paragraf]:
    """A planner's text: paragraphs separated by blank lines."""
    return [
        Paragraf(" ".join(bagian.split()), gaya)  # type: ignore[arg-type]
        for bagian in teks.replace("\r\n", "\n").split("\n\n")
        if bagian.strip()
    ]


def _baris_dari(teks: str) -> list[str]:
    return [b.strip() for b in teks.replace("\r\n", "\n").split("\n") if b.strip()]


def _kepala(*judul: str | tuple[str, int]) -> list[Sel]:
    sel = []
    for j in judul:
        teks, rentang = (j, 1) if isinstance(j, str) else j
        sel.append(Sel(teks, rentang_kolom=rentang, tebal=True, rata="tengah"))
    return sel


def _urutan(h: HasilIndikator) -> tuple[int, str]:
    return (h.indikator.urutan, h.indikator.kode)


def _nomor_kolom(n: int) -> list[Sel]:
    return [Sel(f"({i})", rata="tengah") for i in range(1, n + 1)]


class _Pembangun:
    def __init__(self, data: DataLaporan, kemajuan: Kemajuan) -> None:
        self.data = data
        self.k = data.kinerja
        self.kemajuan = kemajuan
        self.tahun = data.tahun
        self.unit = data.unit
        self.nama_unit = data.unit.nama
        pemda = data.induk_pemda
        self.nama_pemda = pemda.nama if pemda else ""
        self.kota = (data.naskah.tempat if data.naskah and data.naskah.tempat else "") or (
            data.unit.kota or (pemda.kota if pemda else "")
        )
        self.iku = self.k.iku()
        # Loaded once by sakip.perhitungan; looking a PK row's program up through its
        # foreign key would cost a query per row.
        self.program_per_id = {p.pk: p for p in self.k.program}
        self.kegiatan_per_id = {k.pk: k for k in self.k.kegiatan}
        self.sasaran_ind: dict[int, list[HasilIndikator]] = defaultdict(list)
        for h in self.k.indikator.values():
            if h.indikator.tingkat == "sasaran" and h.indikator.sasaran_id:
                self.sasaran_ind[h.indikator.sasaran_id].append(h)
        for daftar in self.sasaran_ind.values():
            daftar.sort(key=_urutan)
        self.ukur = self.iku or [h for hs in self.sasaran_ind.values() for h in hs]
        # Tables printed once even when several indicators would call for them.
        self.sudah_ada: set[str] = set()
        self.ukur.sort(key=_urutan)
        self.dok = Dokumen(
            judul=f"Laporan Kinerja Instansi Pemerintah {self.nama_unit} Tahun {self.tahun}",
            sampul=Sampul(
                judul="Laporan Kinerja Instansi Pemerintah (LKjIP)",
                nama_unit=self.nama_unit,
                nama_induk=self.nama_pemda,
                tahun=self.tahun,
                kota=self.kota,
            ),
            data_pada=data.pada,
            tanda_draf=not data.hanya_terverifikasi,
        )

    # --- helpers -----------------------------------------------------------------------

    def tambah(self, *blok: object) -> None:
        self.dok.tambah(*blok)  # type: ignore[arg-type]

    def p(self, teks: str, gaya: str = "biasa", label: str = "") -> None:
        self.tambah(Paragraf(teks, gaya, label))  # type: ignore[arg-type]

    def kosong(self, teks: str) -> None:
        self.tambah(Paragraf(teks, "kosong"))

    def nama_unit_pendek(self, unit_id: int) -> str:
        u = self.data.semua_unit.get(unit_id)
        return (u.singkatan or u.nama) if u else "-"

    def nama_pos_pk(self, a: PKAnggaran) -> str:
        """The program or kegiatan a PK budget row is for."""
        if a.kegiatan_id:
            return str(self.kegiatan_per_id[a.kegiatan_id])
        return str(self.program_per_id[a.program_id])

    def program_sasaran(self, hs: HasilSasaran) -> list[Program]:
        return [p for p in self.k.program if any(s.pk == hs.sasaran.pk for s in p.sasaran.all())]

    @property
    def jumlah_program(self) -> int:
        # A program run by several Biro counts once (seed 000 Tabel 2.5).
        return len({p.kode for p in self.k.program})

    def kategori(self, h: HasilIndikator) -> str:
        return h.kategori.nama if h.kategori else "-"

    def kategori_nilai(self, nilai: Decimal | None) -> str | None:
        if nilai is None:
            return None
        return self.k.aturan.skala.kategori(nilai).nama

    def unit_dan_bawahan(self) -> set[int]:
        """Ids of the report's unit and every unit below it."""
        milik = {self.unit.pk}
        tepi = [self.unit]
        while tepi:
            anak = self.data.anak(tepi.pop())
            milik.update(u.pk for u in anak)
            tepi.extend(anak)
        return milik

    def total_unit(self) -> TotalAnggaran | None:
        return self.k.anggaran_unit.get(self.unit.pk)

    # --- the document ------------------------------------------------------------------

    def bangun(self) -> Dokumen:
        langkah: list[tuple[str, Callable[[], None]]] = [
            ("Kata Pengantar", self.kata_pengantar),
            ("Ikhtisar Eksekutif", self.ikhtisar),
            ("Daftar isi", self.daftar),
            ("Bab I Pendahuluan", self.bab_1),
            ("Bab II Perencanaan Kinerja", self.bab_2),
            ("Bab III Akuntabilitas Kinerja", self.bab_3),
            ("Bab IV Penutup", self.bab_4),
            ("Lampiran", self.lampiran),
        ]
        for i, (tahap, fungsi) in enumerate(langkah):
            self.kemajuan(10 + 60 * i // len(langkah), f"Menyusun {tahap}")
            fungsi()
        beri_nomor(self.dok)
        if not any(True for _ in self.dok.grafik() if _.jenis == "Gambar"):
            self.dok.blok = [
                b for b in self.dok.blok if not (isinstance(b, Daftar) and b.jenis == "Gambar")
            ]
        return self.dok

    # --- front matter ------------------------------------------------------------------

    def penandatangan(self) -> TandaTangan:
        n = self.data.naskah
        unit = self.unit
        nama = (n.penandatangan_nama if n else "") or unit.kepala_nama or "-"
        nip = (n.penandatangan_nip if n else "") or unit.kepala_nip
        jabatan = (n.penandatangan_jabatan if n else "") or unit.kepala_jabatan or "Kepala"
        if n and n.tanggal:
            tanggal = f"{n.tanggal.day} {BULAN[n.tanggal.month - 1]} {n.tanggal.year}"
        else:
            tanggal = f"Februari {self.tahun + 1}"
        tempat = self.kota or ""
        return TandaTangan(
            tempat_tanggal=f"{tempat}, {tanggal}" if tempat else tanggal,
            jabatan=f"{jabatan.upper()},",
            nama=nama.upper(),
            nip=nip,
        )

    def kata_pengantar(self) -> None:
        self.tambah(Judul("KATA PENGANTAR"))
        teks = self.data.naskah.kata_pengantar if self.data.naskah else ""
        if teks.strip():
            self.tambah(*_paragraf_dari(teks))
        else:
            self.p(
                f"Laporan Kinerja Instansi Pemerintah (LKjIP) {self.nama_unit} Tahun "
                f"{self.tahun} disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas "
                "dan fungsi serta capaian kinerja terhadap sasaran yang ditetapkan dalam "
                f"Perjanjian Kinerja Tahun {self.tahun}, sesuai Peraturan Presiden Nomor 29 Tahun "
                "2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan "
                "Menteri PAN-RB Nomor 53 Tahun 2014.",
                "narasi_otomatis",
            )
            self.p(
                "Laporan ini diharapkan menjadi bahan evaluasi dan perbaikan kinerja pada "
                "tahun berikutnya.",
                "narasi_otomatis",
            )
        self.tambah(self.penandatangan())

    def ringkasan(self) -> DataRingkasan:
        terukur = [h for h in self.ukur if h.capaian is not None]
        total = self.total_unit()
        ekstrem = sorted(terukur, key=lambda h: h.capaian)  # type: ignore[arg-type, return-value]
        rata = rata_rata(h.capaian for h in self.ukur)
        return DataRingkasan(
            nama_unit=self.nama_unit,
            tahun=self.tahun,
            jumlah_iku=len(self.ukur),
            jumlah_tercapai=sum(1 for h in terukur if h.capaian >= 100),  # type: ignore[operator]
            jumlah_terukur=len(terukur),
            rata_rata_capaian=rata,
            kategori=self.kategori_nilai(rata),
            jumlah_sasaran=len(self.k.sasaran),
            jumlah_program=self.jumlah_program,
            pagu=total.pagu if total else None,
            realisasi_anggaran=total.realisasi if total else None,
            serapan=total.serapan if total else None,
            terendah=(ekstrem[0].indikator.nama, ekstrem[0].capaian) if ekstrem else None,  # type: ignore[arg-type]
            tertinggi=(ekstrem[-1].indikator.nama, ekstrem[-1].capaian) if ekstrem else None,  # type: ignore[arg-type]
        )

    def ikhtisar(self) -> None:
        self.tambah(Judul("IKHTISAR EKSEKUTIF", awalan="IE"))
        if self.data.naskah and self.data.naskah.ikhtisar.strip():
            self.tambah(*_paragraf_dari(self.data.naskah.ikhtisar))
        for teks in narasi_ikhtisar(self.ringkasan()):
            self.p(teks, "narasi_otomatis")
        self.tabel_pengukuran("ikhtisar-iku", f"Capaian Indikator Kinerja Utama Tahun {self.tahun}")

    def daftar(self) -> None:
        for judul, jenis in (
            ("DAFTAR ISI", "isi"),
            ("DAFTAR TABEL", "Tabel"),
            ("DAFTAR GRAFIK", "Grafik"),
            ("DAFTAR GAMBAR", "Gambar"),
        ):
            self.tambah(Judul(judul), Daftar(jenis))  # type: ignore[arg-type]

    # --- Bab I -------------------------------------------------------------------------

    def bab_1(self) -> None:
        n = self.data.naskah
        self.tambah(Judul("BAB I PENDAHULUAN", awalan="1"))
        bagian = iter(HURUF)
        self.tambah(Judul(f"{next(bagian)}. Dasar Pembentukan Organisasi", 2))
        self.teks_atau_kosong(n.dasar_pembentukan if n else "", "dasar pembentukan organisasi")
        self.tambah(Judul(f"{next(bagian)}. Landasan Hukum", 2))
        hukum = _baris_dari(n.landasan_hukum) if n else []
        if hukum:
            for i, baris in enumerate(hukum, 1):
                self.p(f"{i}.\t{baris.lstrip('0123456789. ')}", "daftar_angka")
        else:
            self.kosong("Landasan hukum belum diisi pada naskah laporan.")
        self.tambah(Judul(f"{next(bagian)}. Tugas dan Fungsi", 2))
        self.teks_atau_kosong(n.tugas_fungsi if n else "", "tugas dan fungsi")
        self.tambah(Judul(f"{next(bagian)}. Struktur Organisasi", 2))
        if n and n.struktur_organisasi.strip():
            self.tambah(*_paragraf_dari(n.struktur_organisasi))
        self.bagan()
        self.tambah(Judul(f"{next(bagian)}. Sumber Daya Aparatur", 2))
        self.sdm()
        self.tambah(Judul(f"{next(bagian)}. Aspek Strategis Organisasi", 2))
        self.teks_atau_kosong(n.aspek_strategis if n else "", "aspek strategis organisasi")
        self.tambah(Judul(f"{next(bagian)}. Permasalahan Utama (Isu Strategis)", 2))
        if self.data.isu:
            for i, isu in enumerate(self.data.isu, 1):
                self.p(f"{i}.\t{' '.join(isu.uraian.split())}", "daftar_angka")
        else:
            self.kosong(f"Isu strategis Tahun {self.tahun} belum dicatat.")
        self.tambah(Judul(f"{next(bagian)}. Sarana dan Prasarana", 2))
        self.sarana()

    def teks_atau_kosong(self, teks: str, apa: str) -> None:
        if teks.strip():
            self.tambah(*_paragraf_dari(teks))
        else:
            self.kosong(f"Uraian {apa} belum diisi pada naskah laporan.")

    def bagan(self) -> None:
        if self.data.bagan_png:
            png, sumber = self.data.bagan_png, ""
        else:
            anak = [u.nama for u in self.data.anak(self.unit)]
            if not anak:
                return
            png = g.bagan_organisasi(self.nama_unit, anak)
            sumber = "digambar dari susunan unit pada sakip"
        self.tambah(
            Grafik(
                "bagan-organisasi",
                f"Struktur Organisasi {self.nama_unit}",
                png,
                jenis="Gambar",
                sumber=sumber,
                keterangan=f"Bagan struktur organisasi {self.nama_unit}",
            )
        )

    def sdm(self) -> None:
        pegawai = self.data.pegawai
        if not pegawai:
            self.kosong(f"Data sumber daya aparatur Tahun {self.tahun} belum diisi.")
            return
        self.p(
            f"Keadaan pegawai {self.nama_unit} per 31 Desember {self.tahun} disajikan pada "
            "{ref:sdm} berikut.",
            "narasi_otomatis",
        )
        kolom = tuple(k for k in KOLOM_ANGKA_SDM if k != "urutan")
        kepala = [
            [
                Sel("No", tebal=True, rata="tengah"),
                Sel("Jabatan", tebal=True, rata="tengah"),
                Sel("Status", rentang_kolom=2, tebal=True, rata="tengah"),
                Sel("Jenis Kelamin", rentang_kolom=2, tebal=True, rata="tengah"),
                Sel("Golongan", rentang_kolom=4, tebal=True, rata="tengah"),
                Sel("Pendidikan", rentang_kolom=7, tebal=True, rata="tengah"),
            ],
            _kepala(
                "",
                "",
                "PNS",
                "P3K",
                "L",
                "P",
                "IV",
                "III",
                "II",
                "I",
                "S3",
                "S2",
                "S1",
                "D",
                "SLTA",
                "SLTP",
                "SD",
            ),
        ]
        baris = []
        for i, pg in enumerate(pegawai, 1):
            baris.append(
                [sel_teks(i, rata="tengah"), sel_teks(pg.jabatan)]
                + [sel_angka(getattr(pg, k), 0) for k in kolom]
            )
        jumlah = {k: sum(getattr(pg, k) for pg in pegawai) for k in kolom}
        baris.append(
            [Sel("Jumlah", rentang_kolom=2, tebal=True, rata="tengah")]
            + [sel_angka(jumlah[k], 0, tebal=True) for k in kolom]
        )
        self.tambah(
            Tabel(
                "sdm",
                f"Sumber Daya Manusia pada {self.nama_unit} per 31 Desember {self.tahun}",
                kepala,
                baris,
                sumber=f"data kepegawaian {self.nama_unit}",
                lebar_kolom=[0.6, 4] + [0.8] * 15,
                lanskap=True,
            )
        )
        for kunci, judul, label, nilai in (
            (
                "sdm-gender",
                "Komposisi Pegawai Berdasarkan Jenis Kelamin",
                ["Laki-laki", "Perempuan"],
                [jumlah["laki_laki"], jumlah["perempuan"]],
            ),
            (
                "sdm-golongan",
                "Komposisi Pegawai Berdasarkan Golongan",
                ["Golongan IV", "Golongan III", "Golongan II", "Golongan I"],
                [jumlah["gol_iv"], jumlah["gol_iii"], jumlah["gol_ii"], jumlah["gol_i"]],
            ),
            (
                "sdm-pendidikan",
                "Komposisi Pegawai Berdasarkan Tingkat Pendidikan",
                ["S3", "S2", "S1", "Diploma", "SLTA", "SLTP", "SD"],
                [jumlah[k] for k in ("s3", "s2", "s1", "diploma", "slta", "sltp", "sd")],
            ),
        ):
            if sum(nilai) == 0:
                continue
            self.tambah(
                Grafik(
                    kunci,
                    judul,
                    g.grafik_pai(label, nilai),
                    lebar_cm=11,
                    keterangan=f"{judul}: "
                    + ", ".join(f"{a} {b}" for a, b in zip(label, nilai, strict=True)),
                )
            )

    def sarana(self) -> None:
        if not self.data.sarana:
            self.kosong(f"Data sarana dan prasarana Tahun {self.tahun} belum diisi.")
            return
        baris = [
            [
                sel_teks(i, rata="tengah"),
                sel_teks(s.uraian),
                sel_angka(s.jumlah, None),
                sel_teks(s.satuan),
                sel_teks(s.keterangan or ""),
            ]
            for i, s in enumerate(self.data.sarana, 1)
        ]
        self.tambah(
            Tabel(
                "sarana",
                f"Sarana dan Prasarana Kerja {self.nama_unit} Tahun {self.tahun}",
                [_kepala("No", "Uraian", "Banyaknya", "Satuan", "Keterangan"), _nomor_kolom(5)],
                baris,
                lebar_kolom=[0.6, 4, 1.5, 2, 3],
            )
        )

    # --- Bab II ------------------------------------------------------------------------

    def bab_2(self) -> None:
        self.tambah(Judul("BAB II PERENCANAAN KINERJA", awalan="2"))
        r = self.data.renstra
        self.tambah(Judul("A. Perencanaan Strategis", 2))
        if r is None:
            self.kosong(f"Belum ada Renstra yang mencakup Tahun {self.tahun}.")
        else:
            self.p(
                f"Tujuan dan sasaran jangka menengah {self.nama_unit} ditetapkan dalam {r.nama} "
                f"periode {r.tahun_mulai}–{r.tahun_selesai}"
                + (f" yang mengacu pada {r.dasar}" if r.dasar else "")
                + ", sebagaimana {ref:renstra}; keterkaitan program dan kegiatan dengan sasaran "
                "tersebut disajikan pada {ref:program-kegiatan}.",
                "narasi_otomatis",
            )
            self.tabel_renstra(r.tahun_mulai, r.tahun_selesai)
            self.tabel_program_kegiatan()
        self.tambah(Judul("B. Indikator Kinerja Utama", 2))
        self.tabel_iku()
        self.tambah(Judul("C. Perjanjian Kinerja", 2))
        self.tabel_pk("pk", f"Perjanjian Kinerja Tahun {self.tahun}")
        self.tambah(Judul("D. Anggaran per Sasaran Strategis", 2))
        self.tabel_anggaran_sasaran()

    def tabel_renstra(self, mulai: int, selesai: int) -> None:
        tahun = list(range(mulai, selesai + 1))
        kepala = [
            [
                Sel("Tujuan / Sasaran", tebal=True, rata="tengah"),
                Sel("Indikator", tebal=True, rata="tengah"),
                Sel("Satuan", tebal=True, rata="tengah"),
                Sel("Target Tahun", rentang_kolom=len(tahun), tebal=True, rata="tengah"),
                Sel("Penanggung Jawab", tebal=True, rata="tengah"),
            ],
            _kepala("", "", "", *[str(t) for t in tahun], ""),
        ]
        per_tujuan = defaultdict(list)
        for h in sorted(self.k.indikator.values(), key=_urutan):
            if h.indikator.tingkat == "tujuan":
                per_tujuan[h.indikator.tujuan_id].append(h)
        baris: list[list[Sel]] = []

        def baris_indikator(judul: Sel, hs: list[HasilIndikator]) -> None:
            if not hs:
                baris.append(
                    [judul, sel_teks("-"), sel_teks("")]
                    + [sel_teks("")] * len(tahun)
                    + [sel_teks("")]
                )
            for i, h in enumerate(hs):
                target = self.k.target_per_tahun.get(h.indikator.pk, {})
                baris.append(
                    [
                        judul if i == 0 else sel_teks(""),
                        sel_teks(h.indikator.nama),
                        sel_teks(h.indikator.satuan),
                    ]
                    + [sel_target(target.get(t)) for t in tahun]
                    + [sel_teks(self.nama_unit_pendek(h.indikator.unit_id))]
                )

        for tujuan in self.data.tujuan:
            baris_indikator(
                Sel(f"Tujuan {tujuan.kode}: {tujuan.uraian}", tebal=True), per_tujuan[tujuan.pk]
            )
            for hs in self.k.sasaran:
                if hs.sasaran.tujuan_id == tujuan.pk:
                    baris_indikator(
                        sel_teks(f"Sasaran {hs.sasaran.kode}: {hs.sasaran.uraian}", inden=1),
                        self.sasaran_ind.get(hs.sasaran.pk, []),
                    )
        self.tambah(
            Tabel(
                "renstra",
                "Tujuan, Sasaran Strategis, Indikator Kinerja dan Target Renstra",
                kepala,
                baris,
                sumber=f"{self.data.renstra.nama if self.data.renstra else 'Renstra'}",
                lebar_kolom=[5, 5, 1.3] + [1.1] * len(tahun) + [1.6],
                lanskap=True,
            )
        )

    def tabel_program_kegiatan(self) -> None:
        keg_per_program = defaultdict(list)
        for k in self.k.kegiatan:
            keg_per_program[k.program_id].append(k)
        baris: list[list[Sel]] = []
        for hs in self.k.sasaran:
            program = self.program_sasaran(hs)
            for i, p in enumerate(program):
                kegiatan = keg_per_program[p.pk]
                baris.append(
                    [
                        sel_teks(f"{hs.sasaran.kode}. {hs.sasaran.uraian}" if i == 0 else ""),
                        sel_teks(f"{p.kode} {p.nama}"),
                        sel_teks("; ".join(f"{k.kode} {k.nama}" for k in kegiatan) or "-"),
                        sel_teks(self.nama_unit_pendek(p.unit_id)),
                    ]
                )
        if not baris:
            self.kosong("Program dan kegiatan belum dikaitkan dengan sasaran strategis.")
            return
        self.tambah(
            Tabel(
                "program-kegiatan",
                "Program dan Kegiatan untuk Mencapai Sasaran Strategis",
                [_kepala("Sasaran Strategis", "Program", "Kegiatan", "Unit Kerja")],
                baris,
                lebar_kolom=[4, 3.5, 5.5, 1.6],
                lanskap=True,
            )
        )

    def tabel_iku(self) -> None:
        if not self.iku:
            self.kosong(
                "Belum ada indikator yang ditetapkan sebagai Indikator Kinerja Utama (IKU)."
            )
            return
        self.p(
            f"Indikator Kinerja Utama {self.nama_unit} beserta formulasi perhitungan dan sumber "
            "datanya disajikan pada {ref:iku}.",
            "narasi_otomatis",
        )
        baris = []
        sasaran_lalu = None
        for i, h in enumerate(self.iku, 1):
            ind = h.indikator
            sasaran = ind.sasaran.uraian if ind.sasaran_id and ind.sasaran else ""
            baris.append(
                [
                    sel_teks(sasaran) if sasaran != sasaran_lalu else Sel(""),
                    sel_teks(f"{i}. {ind.nama}"),
                    sel_teks(ind.satuan),
                    sel_teks(ind.formula or ind.definisi or "-"),
                    sel_teks(ind.sumber_data or "-"),
                    sel_teks(self.nama_unit_pendek(ind.unit_id)),
                ]
            )
            sasaran_lalu = sasaran
        self.tambah(
            Tabel(
                "iku",
                "Indikator Kinerja Utama (IKU)",
                [
                    _kepala(
                        "Sasaran Strategis",
                        "Indikator Kinerja Utama",
                        "Satuan",
                        "Formulasi Perhitungan",
                        "Sumber Data",
                        "Penanggung Jawab",
                    )
                ],
                baris,
                lebar_kolom=[3.5, 3.5, 1.2, 4, 2, 1.8],
                lanskap=True,
            )
        )

    def tabel_pk(self, kunci: str, judul: str) -> None:
        if self.data.pk is None or not self.data.pk_target:
            self.kosong(f"Belum ada Perjanjian Kinerja Tahun {self.tahun} yang ditandatangani.")
            return
        pk = self.data.pk
        if kunci == "pk":
            revisi = f" (perubahan ke-{pk.revisi - 1})" if pk.revisi > 1 else ""
            self.p(
                f"Perjanjian Kinerja Tahun {self.tahun}{revisi} ditandatangani oleh "
                f"{pk.penandatangan or 'pimpinan unit'}"
                + (f" dengan {pk.pihak_kedua}" if pk.pihak_kedua else "")
                + (
                    f" pada {pk.tanggal.day} {BULAN[pk.tanggal.month - 1]} {pk.tanggal.year}"
                    if pk.tanggal
                    else ""
                )
                + "; sasaran, indikator dan targetnya disajikan pada {ref:"
                + kunci
                + "}.",
                "narasi_otomatis",
            )
        baris = []
        sasaran_lalu = None
        for t in self.data.pk_target:
            h = self.k.indikator.get(t.indikator_id)
            if h is None:
                continue
            ind = h.indikator
            sasaran = ind.sasaran.uraian if ind.sasaran_id and ind.sasaran else ""
            baris.append(
                [
                    sel_teks(sasaran) if sasaran != sasaran_lalu else Sel(""),
                    sel_teks(ind.nama),
                    sel_teks(t.satuan or ind.satuan),
                    sel_target(t.target),
                ]
            )
            sasaran_lalu = sasaran
        self.tambah(
            Tabel(
                kunci,
                judul,
                [_kepala("Sasaran", "Indikator Sasaran", "Satuan", "Target")],
                baris,
                sumber=f"Perjanjian Kinerja {self.nama_unit} Tahun {self.tahun}",
                lebar_kolom=[5, 6, 1.5, 1.5],
            )
        )
        if self.data.pk_anggaran:
            baris_a = [
                [
                    sel_teks(i, rata="tengah"),
                    sel_teks(self.nama_pos_pk(a)),
                    sel_rupiah(a.pagu),
                ]
                for i, a in enumerate(self.data.pk_anggaran, 1)
            ]
            total = jumlah(a.pagu for a in self.data.pk_anggaran)
            baris_a.append(
                [
                    Sel("Jumlah", rentang_kolom=2, tebal=True, rata="tengah"),
                    sel_rupiah(total, tebal=True),
                ]
            )
            self.tambah(
                Tabel(
                    f"{kunci}-anggaran",
                    f"Anggaran dalam Perjanjian Kinerja Tahun {self.tahun}",
                    [_kepala("No", "Program/Kegiatan", "Anggaran (Rp)")],
                    baris_a,
                    lebar_kolom=[0.6, 8, 3],
                )
            )

    def tabel_anggaran_sasaran(self) -> None:
        if not self.k.sasaran or not any(hs.pagu for hs in self.k.sasaran):
            self.kosong(f"Anggaran per sasaran strategis Tahun {self.tahun} belum tersedia.")
            return
        total = self.total_unit()
        if total and total.pagu:
            self.p(
                f"Pada Tahun {self.tahun}, {self.nama_unit} melaksanakan "
                f"{self.jumlah_program} ({terbilang(self.jumlah_program)}) "
                f"program dengan anggaran sebesar {format_rupiah(total.pagu)}. Alokasinya per "
                "sasaran strategis disajikan pada {ref:anggaran-sasaran}.",
                "narasi_otomatis",
            )
        baris: list[list[Sel]] = []
        for i, hs in enumerate(self.k.sasaran, 1):
            baris.append(
                [
                    Sel(f"Sasaran {i}: {hs.sasaran.uraian}", rentang_kolom=2, tebal=True),
                    sel_rupiah(hs.pagu, tebal=True),
                    sel_rupiah(hs.realisasi_anggaran, tebal=True),
                    sel_persen(hs.serapan, tebal=True),
                    sel_teks(""),
                ]
            )
            for j, p in enumerate(self.program_sasaran(hs), 1):
                a = self.k.anggaran_program[p.pk]  # type: ignore[attr-defined]
                baris.append(
                    [
                        sel_teks(f"{i}.{j}", rata="tengah"),
                        sel_teks(p.nama),  # type: ignore[attr-defined]
                        sel_rupiah(a.pagu),
                        sel_rupiah(a.realisasi),
                        sel_persen(a.serapan),
                        sel_teks(self.nama_unit_pendek(p.unit_id)),
                    ]  # type: ignore[attr-defined]
                )
        self.tambah(
            Tabel(
                "anggaran-sasaran",
                f"Anggaran per Sasaran Strategis Tahun {self.tahun}",
                [
                    _kepala(
                        "No",
                        "Sasaran Strategis/Program",
                        "Pagu Anggaran (Rp)",
                        "Realisasi (Rp)",
                        "Capaian (%)",
                        "Unit Kerja",
                    ),
                    _nomor_kolom(6),
                ],
                baris,
                sumber="data realisasi anggaran unit kerja, diolah",
                lebar_kolom=[0.8, 5, 2.6, 2.6, 1.3, 1.6],
            )
        )

    # --- Bab III -----------------------------------------------------------------------

    def bab_3(self) -> None:
        self.tambah(Judul("BAB III AKUNTABILITAS KINERJA", awalan="3"))
        self.tambah(Judul("A. Hasil Evaluasi atas Implementasi SAKIP Tahun Sebelumnya", 2))
        self.evaluasi()
        self.tambah(Judul("B. Pengukuran Capaian Kinerja Organisasi", 2))
        if self.ukur:
            terukur = [h for h in self.ukur if h.capaian is not None]
            self.p(
                f"Pengukuran kinerja membandingkan target dan realisasi setiap indikator kinerja "
                f"Tahun {self.tahun}; hasilnya disajikan pada {{ref:pengukuran}}"
                + (" dan {ref:grafik-capaian}" if terukur else "")
                + f". Kategori capaian mengikuti skala {self.k.aturan.skala.nama}.",
                "narasi_otomatis",
            )
            self.tabel_pengukuran("pengukuran", f"Pengukuran Kinerja Tahun {self.tahun}")
            if terukur:
                self.tambah(
                    Grafik(
                        "grafik-capaian",
                        f"Capaian Indikator Kinerja Tahun {self.tahun}",
                        g.grafik_capaian(
                            [h.indikator.nama for h in self.ukur], [h.capaian for h in self.ukur]
                        ),
                        keterangan="Capaian setiap indikator terhadap garis 100%",
                    )
                )
        else:
            self.kosong("Belum ada indikator kinerja sasaran untuk diukur.")
        self.tambah(Judul("C. Analisis Capaian Kinerja", 2))
        self.kemajuan(50, "Menyusun analisis per sasaran")
        for i, hs in enumerate(self.k.sasaran, 1):
            self.analisis_sasaran(i, hs)
        n = len(self.k.sasaran)
        self.tambah(Judul(f"{n + 1}. Analisis atas Efisiensi Penggunaan Sumber Daya", 3))
        self.tabel_efisiensi()
        self.tambah(
            Judul(
                f"{n + 2}. Analisis Program yang Menunjang Keberhasilan atau Kegagalan Pencapaian Kinerja",
                3,
            )
        )
        self.tabel_program()
        self.tabel_capaian_ekstrem()
        self.tambah(Judul("D. Realisasi Anggaran", 2))
        self.kemajuan(60, "Menyusun realisasi anggaran")
        self.realisasi_anggaran()

    def evaluasi(self) -> None:
        ev = [h for h in self.data.evaluasi if h.nilai(self.data.skor.get(h.pk, [])) is not None]
        if not ev:
            self.kosong("Belum ada hasil evaluasi AKIP tahun-tahun sebelumnya yang tercatat.")
        else:
            tahun = [h.tahun for h in ev]
            komponen: list[str] = []
            for h in ev:
                for s in self.data.skor.get(h.pk, []):
                    if s.komponen not in komponen:
                        komponen.append(s.komponen)
            skor = {
                (h.tahun, s.komponen): s.nilai for h in ev for s in self.data.skor.get(h.pk, [])
            }
            dua = tahun[-2:] if len(tahun) >= 2 else []
            kepala = [
                [
                    Sel("No", tebal=True, rata="tengah"),
                    Sel("Komponen", tebal=True, rata="tengah"),
                    Sel("Nilai Tahun", rentang_kolom=len(tahun), tebal=True, rata="tengah"),
                    Sel(
                        f"Perubahan {dua[0]}–{dua[1]}" if dua else "Perubahan",
                        tebal=True,
                        rata="tengah",
                    ),
                ],
                _kepala("", "", *[str(t) for t in tahun], ""),
            ]
            baris = []
            for i, kom in enumerate(komponen, 1):
                nilai = [skor.get((t, kom)) for t in tahun]
                baris.append(
                    [
                        sel_teks(i, rata="tengah"),
                        sel_teks(KOMPONEN_AKIP.get(kom, kom.replace("_", " ").title())),
                    ]
                    + [sel_angka(v) for v in nilai]
                    + [
                        sel_angka(
                            selisih(skor.get((dua[1], kom)), skor.get((dua[0], kom)))
                            if dua
                            else None
                        )
                    ]
                )
            total = [h.nilai(self.data.skor.get(h.pk, [])) for h in ev]
            baris.append(
                [Sel("Nilai Hasil Evaluasi AKIP", rentang_kolom=2, tebal=True)]
                + [sel_angka(v, tebal=True) for v in total]
                + [
                    sel_angka(
                        selisih(total[-1], total[-2]) if len(total) >= 2 else None, tebal=True
                    )
                ]
            )
            baris.append(
                [Sel("Predikat", rentang_kolom=2, tebal=True)]
                + [
                    sel_teks(predikat_akip(v).kode if v is not None else "-", rata="tengah")
                    for v in total
                ]
                + [sel_teks("")]
            )
            self.p(
                f"Nilai hasil evaluasi akuntabilitas kinerja {self.nama_unit} Tahun "
                f"{tahun[0]}–{tahun[-1]} disajikan pada {{ref:evaluasi-akip}}. Nilai terakhir "
                f"({tahun[-1]}) adalah {format_angka(total[-1], 2)} dengan predikat "
                f"{predikat_akip(total[-1]).kode} ({predikat_akip(total[-1]).sebutan})."  # type: ignore[arg-type]
                + (
                    f" Dibanding tahun sebelumnya nilai ini {'naik' if total[-1] > total[-2] else 'turun' if total[-1] < total[-2] else 'tetap'}"  # type: ignore[operator]
                    + (
                        f" {format_angka(abs(total[-1] - total[-2]), 2)} poin."
                        if total[-1] != total[-2]
                        else "."
                    )  # type: ignore[operator]
                    if len(total) >= 2 and total[-2] is not None
                    else ""
                ),
                "narasi_otomatis",
            )
            self.tambah(
                Tabel(
                    "evaluasi-akip",
                    f"Nilai Hasil Evaluasi Akuntabilitas Kinerja Tahun {tahun[0]}–{tahun[-1]}",
                    kepala,
                    baris,
                    lebar_kolom=[0.6, 4.5] + [1.2] * len(tahun) + [1.6],
                )
            )
        if self.data.rekomendasi:
            baris_r = [
                [
                    sel_teks(i, rata="tengah"),
                    sel_teks(r.komponen or "-"),
                    sel_teks(r.rekomendasi),
                    sel_teks(r.tindak_lanjut or "-"),
                    sel_teks(r.get_status_display(), rata="tengah"),
                ]
                for i, r in enumerate(self.data.rekomendasi, 1)
            ]
            sudah = sum(1 for r in self.data.rekomendasi if r.status == "sudah")
            self.p(
                f"Atas {len(self.data.rekomendasi)} rekomendasi hasil evaluasi, {sudah} telah "
                f"ditindaklanjuti dan {len(self.data.rekomendasi) - sudah} masih dalam proses "
                "({ref:rekomendasi}).",
                "narasi_otomatis",
            )
            self.tambah(
                Tabel(
                    "rekomendasi",
                    "Rekomendasi Hasil Evaluasi dan Tindak Lanjut",
                    [_kepala("No", "Komponen", "Rekomendasi", "Tindak Lanjut", "Status")],
                    baris_r,
                    lebar_kolom=[0.6, 2.2, 5, 5, 1.3],
                )
            )
        else:
            self.kosong("Tidak ada rekomendasi hasil evaluasi tahun sebelumnya yang tercatat.")

    def tabel_pengukuran(self, kunci: str, judul: str) -> None:
        if not self.ukur:
            self.kosong("Belum ada indikator kinerja untuk diukur.")
            return
        baris = []
        sasaran_lalu = None
        no = 0
        for h in self.ukur:
            ind = h.indikator
            sasaran = ind.sasaran.uraian if ind.sasaran_id and ind.sasaran else ""
            baru = sasaran != sasaran_lalu
            no += 1 if baru else 0
            baris.append(
                [
                    # A sasaran's later rows leave its cells blank, as a merged cell reads.
                    sel_teks(f"{no}.", rata="tengah") if baru else Sel(""),
                    sel_teks(sasaran) if baru else Sel(""),
                    sel_teks(ind.nama),
                    sel_target(h.target),
                    sel_realisasi(h.realisasi),
                    sel_persen(h.capaian),
                    sel_teks(self.kategori(h), rata="tengah"),
                ]
            )
            sasaran_lalu = sasaran
        rata = rata_rata(h.capaian for h in self.ukur)
        baris.append(
            [
                Sel("Rata-rata capaian", rentang_kolom=5, tebal=True, rata="kanan"),
                sel_persen(rata, tebal=True),
                sel_teks(self.kategori_nilai(rata) or "-", tebal=True, rata="tengah"),
            ]
        )
        self.tambah(
            Tabel(
                kunci,
                judul,
                [
                    _kepala(
                        "No",
                        "Sasaran Strategis",
                        "Indikator Kinerja",
                        "Target",
                        "Realisasi",
                        "Capaian (%)",
                        "Kategori",
                    ),
                    _nomor_kolom(7),
                ],
                baris,
                sumber=f"Perjanjian Kinerja Tahun {self.tahun} dan data realisasi unit kerja, diolah",
                lebar_kolom=[0.6, 3.3, 4.0, 1.3, 1.7, 1.6, 1.9],
            )
        )

    def analisis_sasaran(self, i: int, hs: HasilSasaran) -> None:
        s = hs.sasaran
        hasil = self.sasaran_ind.get(s.pk, [])
        self.tambah(Judul(f"{i}. Sasaran {i}: {s.uraian}", 3))
        terukur = [h for h in hasil if h.capaian is not None]
        self.p(
            narasi_sasaran(
                DataSasaran(
                    uraian=s.uraian,
                    tahun=self.tahun,
                    jumlah_indikator=len(hasil),
                    jumlah_tercapai=sum(1 for h in terukur if h.capaian >= 100),  # type: ignore[operator]
                    jumlah_terukur=len(terukur),
                    capaian=hs.capaian,
                    kategori=self.kategori_nilai(hs.capaian),
                    pagu=hs.pagu,
                    realisasi_anggaran=hs.realisasi_anggaran,
                    serapan=hs.serapan,
                    efisiensi=hs.efisiensi,
                )
            ),
            "narasi_otomatis",
        )
        if not hasil:
            self.kosong("Sasaran ini belum memiliki indikator kinerja.")
            return
        kunci = f"sasaran-{s.pk}"
        # (1) target vs realisasi
        self.tambah(
            Tabel(
                f"{kunci}-target",
                f"Perbandingan Target dan Realisasi Kinerja Sasaran {i} Tahun {self.tahun}",
                [
                    _kepala(
                        "No",
                        "Indikator Kinerja",
                        "Satuan",
                        "Target",
                        "Realisasi",
                        "Capaian (%)",
                        "Kategori",
                    )
                ],
                [
                    [
                        sel_teks(j, rata="tengah"),
                        sel_teks(h.indikator.nama),
                        sel_teks(h.indikator.satuan),
                        sel_target(h.target),
                        sel_realisasi(h.realisasi),
                        sel_persen(h.capaian),
                        sel_teks(self.kategori(h), rata="tengah"),
                    ]
                    for j, h in enumerate(hasil, 1)
                ],
                lebar_kolom=[0.6, 5.5, 1.3, 1.3, 1.4, 1.3, 1.8],
            )
        )
        # (2) this year vs the previous three
        tahun_lalu = sorted({t for h in hasil for t in h.realisasi_lalu})
        self.tambah(
            Tabel(
                f"{kunci}-tren",
                f"Perbandingan Realisasi Tahun {tahun_lalu[0] if tahun_lalu else self.tahun}–{self.tahun - 1} dengan Tahun {self.tahun} (Sasaran {i})",
                [
                    _kepala(
                        "No",
                        "Indikator Kinerja",
                        *[str(t) for t in tahun_lalu],
                        str(self.tahun),
                        "Perubahan (%)",
                    )
                ],
                [
                    [sel_teks(j, rata="tengah"), sel_teks(h.indikator.nama)]
                    + [sel_realisasi(h.realisasi_lalu.get(t)) for t in tahun_lalu]
                    + [sel_realisasi(h.realisasi), sel_persen(h.perubahan)]
                    for j, h in enumerate(hasil, 1)
                ],
                lebar_kolom=[0.6, 5.0] + [1.3] * len(tahun_lalu) + [1.3, 1.9],
            )
        )
        seri = {
            h.indikator.nama: [
                h.realisasi_lalu.get(t) if isinstance(h.realisasi_lalu.get(t), Decimal) else None
                for t in tahun_lalu
            ]
            + [h.realisasi if isinstance(h.realisasi, Decimal) else None]
            for h in hasil
        }
        if any(v is not None for vs in seri.values() for v in vs[:-1]):
            self.tambah(
                Grafik(
                    f"{kunci}-grafik-tren",
                    f"Tren Realisasi Indikator Sasaran {i} Tahun {tahun_lalu[0]}–{self.tahun}",
                    g.grafik_tren([*tahun_lalu, self.tahun], seri),
                    keterangan=f"Realisasi indikator sasaran {i} per tahun",
                )
            )
        # (3) against the Renstra end target
        r = self.data.renstra
        akhir = r.tahun_selesai if r else self.tahun
        self.tambah(
            Tabel(
                f"{kunci}-renstra",
                f"Perbandingan Realisasi Kinerja Tahun {self.tahun} dengan Target Akhir Renstra (Sasaran {i})",
                [
                    _kepala(
                        "No",
                        "Indikator Kinerja",
                        f"Realisasi {self.tahun}",
                        f"Target Akhir Renstra ({akhir})",
                        "Tingkat Kemajuan (%)",
                    )
                ],
                [
                    [
                        sel_teks(j, rata="tengah"),
                        sel_teks(h.indikator.nama),
                        sel_realisasi(h.realisasi),
                        sel_target(h.target_akhir),
                        sel_persen(h.kemajuan),
                    ]
                    for j, h in enumerate(hasil, 1)
                ],
                lebar_kolom=[0.6, 6, 1.8, 2, 1.8],
            )
        )
        # (4)-(6) per indicator: generated analysis beside the operator's own text
        for j, h in enumerate(hasil, 1):
            ind = h.indikator
            self.p(f"{i}.{j} {ind.nama}", "biasa", label="Indikator")
            self.p(
                narasi_indikator(
                    DataIndikator(
                        nama=ind.nama,
                        satuan=ind.satuan,
                        tahun=self.tahun,
                        target=h.target,
                        realisasi=h.realisasi,
                        capaian=h.capaian,
                        kategori=h.kategori.nama if h.kategori else None,
                        polaritas=h.indikator.polaritas,
                        realisasi_lalu=h.realisasi_lalu.get(self.tahun - 1),
                        perubahan=h.perubahan,
                        target_akhir=h.target_akhir,
                        tahun_akhir=akhir,
                        kemajuan=h.kemajuan,
                    )
                ),
                "narasi_otomatis",
            )
            n = self.data.narasi.get(ind.pk)
            for label, isi in (
                ("Faktor pendorong:", n.faktor_pendorong if n else ""),
                ("Faktor penghambat:", n.faktor_penghambat if n else ""),
                ("Permasalahan:", n.permasalahan if n else ""),
                ("Solusi/upaya:", n.solusi if n else ""),
            ):
                if isi.strip():
                    self.p(" ".join(isi.split()), "narasi_operator", label=label)
            if n is None or not any(
                (n.faktor_pendorong, n.faktor_penghambat, n.permasalahan, n.solusi)
            ):
                self.kosong(
                    "Unit penanggung jawab belum mengisi narasi faktor pendorong, penghambat, permasalahan dan solusi."
                )
            if ind.sumber_realisasi == SumberRealisasi.IKM:
                self.tabel_ikm()
            elif ind.sumber_realisasi == SumberRealisasi.EVALUASI_PERSEN_BB:
                self.tabel_rekap_sakip()

    def tabel_rekap_sakip(self) -> None:
        """The SAKIP result of every PD of the Pemda, as seed 000 Bab III.C.3.d prints it
        beside IKU-10: the list by cluster, and the count per predikat against last year."""
        r = self.data.rekap_sakip
        if r is None or not r.rekap.jumlah or "rekap-sakip" in self.sudah_ada:
            return
        self.sudah_ada.add("rekap-sakip")
        lalu = r.lalu
        teks = (
            f"Hasil penilaian SAKIP Tahun {r.tahun} atas {r.rekap.jumlah} Perangkat Daerah di "
            f"lingkungan {r.pemda.nama}: {r.rekap.minimal_bb} Perangkat Daerah memperoleh "
            f"predikat minimal BB ({format_angka(r.rekap.persen_minimal_bb, 2)}%)"
        )
        if lalu is not None and r.perubahan_jumlah_bb is not None:
            arah = (
                "naik"
                if r.perubahan_jumlah_bb > 0
                else "turun"
                if r.perubahan_jumlah_bb
                else "tetap"
            )
            teks += (
                f"; dibanding Tahun {r.tahun - 1} ({lalu.minimal_bb} Perangkat Daerah) jumlahnya "
                f"{arah}"
                + (
                    f" {format_angka(abs(r.perubahan_jumlah_bb), 2)}%"
                    if r.perubahan_jumlah_bb
                    else ""
                )
            )
        teks += " ({ref:rekap-sakip})."
        if lalu is not None and r.lalu_sumber:
            teks += f" Sebaran Tahun {r.tahun - 1} menurut {r.lalu_sumber}."
        self.p(teks, "narasi_otomatis")
        if not r.sumber:
            baris_pd: list[list[Sel]] = []
            for kluster, anggota in r.kluster:
                baris_pd.append([Sel(kluster, rentang_kolom=4, tebal=True)])
                baris_pd += [
                    [
                        sel_teks(i, rata="tengah"),
                        sel_teks(b.unit.nama),
                        sel_angka(b.nilai),
                        sel_teks(b.predikat.kode, rata="tengah"),
                    ]
                    for i, b in enumerate(anggota, 1)
                ]
            self.tambah(
                Tabel(
                    "hasil-sakip-pd",
                    f"Hasil Penilaian SAKIP Perangkat Daerah Tahun {r.tahun}",
                    [_kepala("No", "Perangkat Daerah", "Hasil Evaluasi", "Predikat")],
                    baris_pd,
                    sumber="Laporan Hasil Evaluasi SAKIP oleh Inspektorat",
                    lebar_kolom=[0.6, 8, 2, 1.6],
                )
            )
        per_predikat = [
            [
                sel_teks(f"{p.kode} ({p.sebutan})"),
                sel_angka(lalu.sebaran[p] if lalu else None, 0),
                sel_angka(jumlah, 0),
                Sel(""),
            ]
            for p, jumlah in r.rekap.sebaran.items()
        ]
        ringkas = [
            [
                Sel("Jumlah Seluruh PD", tebal=True),
                sel_angka(lalu.jumlah if lalu else None, 0, tebal=True),
                sel_angka(r.rekap.jumlah, 0, tebal=True),
                Sel(""),
            ],
            [
                sel_teks("Minimal BB"),
                sel_angka(lalu.minimal_bb if lalu else None, 0),
                sel_angka(r.rekap.minimal_bb, 0),
                sel_persen(r.perubahan_jumlah_bb),
            ],
            [
                sel_teks("% PD minimal BB"),
                sel_persen(lalu.persen_minimal_bb if lalu else None),
                sel_persen(r.rekap.persen_minimal_bb),
                Sel(""),
            ],
        ]
        self.tambah(
            Tabel(
                "rekap-sakip",
                f"Jumlah Perangkat Daerah per Predikat SAKIP Tahun {r.tahun - 1}–{r.tahun}",
                [
                    _kepala(
                        "Predikat Kinerja",
                        f"Jumlah PD {r.tahun - 1}",
                        f"Jumlah PD {r.tahun}",
                        "% Kenaikan",
                    )
                ],
                per_predikat + ringkas,
                lebar_kolom=[5, 2.4, 2.4, 2],
            )
        )

    def tabel_ikm(self) -> None:
        """The IKM of each unit, as seed 000's SKM table: Biro = mean of semesters, above = mean of Biro."""
        if not self.data.ikm or "ikm-unit" in self.sudah_ada:
            return
        self.sudah_ada.add("ikm-unit")
        self.p(
            f"Nilai Indeks Kepuasan Masyarakat (IKM) setiap unit kerja Tahun {self.tahun} "
            "disajikan pada {ref:ikm-unit}: nilai tahunan unit adalah rata-rata kedua "
            "semesternya, dan nilai unit di atasnya rata-rata nilai unit di bawahnya.",
            "narasi_otomatis",
        )
        self.tambah(
            Tabel(
                "ikm-unit",
                f"Indeks Kepuasan Masyarakat per Unit Kerja Tahun {self.tahun}",
                [_kepala("No", "Unit Kerja", "Semester I", "Semester II", "IKM Tahunan", "Mutu")],
                [
                    [
                        sel_teks(j, rata="tengah"),
                        sel_teks(b.unit.nama, inden=b.tingkat, tebal=b.dari_anak),
                        sel_angka(b.s1),
                        sel_angka(b.s2),
                        sel_angka(b.tahunan, tebal=b.dari_anak),
                        sel_teks(
                            f"{b.mutu.kode} ({b.mutu.nama})" if b.mutu else "-", rata="tengah"
                        ),
                    ]
                    for j, b in enumerate(self.data.ikm, 1)
                ],
                sumber="hasil Survei Kepuasan Masyarakat unit kerja, diolah",
                lebar_kolom=[0.6, 6, 1.6, 1.6, 1.6, 2],
            )
        )

    def tabel_efisiensi(self) -> None:
        ada = [hs for hs in self.k.sasaran if hs.serapan is not None or hs.capaian is not None]
        if not ada:
            self.kosong(
                "Efisiensi belum dapat dihitung karena capaian atau serapan anggaran belum tersedia."
            )
            return
        self.p(
            "Efisiensi penggunaan sumber daya membandingkan capaian kinerja sasaran dengan "
            "persentase penyerapan anggarannya ({ref:efisiensi}).",
            "narasi_otomatis",
        )
        self.tambah(
            Tabel(
                "efisiensi",
                f"Tingkat Efisiensi Penggunaan Sumber Daya Tahun {self.tahun}",
                [
                    _kepala(
                        "No",
                        "Sasaran Strategis",
                        "Capaian Kinerja (%)",
                        "Pagu (Rp)",
                        "Realisasi (Rp)",
                        "Serapan (%)",
                        "Efisiensi (%)",
                    )
                ],
                [
                    [
                        sel_teks(i, rata="tengah"),
                        sel_teks(hs.sasaran.uraian),
                        sel_persen(hs.capaian),
                        sel_rupiah(hs.pagu),
                        sel_rupiah(hs.realisasi_anggaran),
                        sel_persen(hs.serapan),
                        sel_persen(hs.efisiensi),
                    ]
                    for i, hs in enumerate(self.k.sasaran, 1)
                ],
                lebar_kolom=[0.6, 4.5, 1.5, 2.5, 2.5, 1.3, 1.4],
            )
        )

    def tabel_program(self) -> None:
        if not self.k.program:
            self.kosong("Belum ada program yang tercatat.")
            return
        baris = []
        for i, p in enumerate(self.k.program, 1):
            a = self.k.anggaran_program[p.pk]
            c = self.k.capaian_program.get(p.pk)
            baris.append(
                [
                    sel_teks(i, rata="tengah"),
                    sel_teks(f"{p.kode} {p.nama}"),
                    sel_teks(self.nama_unit_pendek(p.unit_id)),
                    sel_persen(c),
                    sel_teks(self.kategori_nilai(c) or "-", rata="tengah"),
                    sel_rupiah(a.pagu),
                    sel_rupiah(a.realisasi),
                    sel_persen(a.serapan),
                ]
            )
        self.tambah(
            Tabel(
                "program",
                f"Capaian Kinerja dan Anggaran Program Tahun {self.tahun}",
                [
                    _kepala(
                        "No",
                        "Program",
                        "Unit Kerja",
                        "Capaian Kinerja (%)",
                        "Kategori",
                        "Pagu (Rp)",
                        "Realisasi (Rp)",
                        "Serapan (%)",
                    )
                ],
                baris,
                lebar_kolom=[0.6, 4.2, 1.6, 1.4, 1.6, 2.4, 2.4, 1.2],
                lanskap=True,
            )
        )
        for p in self.k.program:
            a = self.k.anggaran_program[p.pk]
            if a.pagu:
                self.p_anggaran(p.nama, a)

    def tabel_capaian_ekstrem(self) -> None:
        """Kegiatan and sub kegiatan indicators outside 50–150 % with the unit's explanation.

        DOMAIN.md §1 asks for an explanation of such a capaian; seed 002 Tabel 3.9
        prints them beside target and realisasi ("Hambatan/Masalah"), so the reader
        and the Inspektorat see why 6 Unit became 29 Unit (483,33 %).
        """
        milik = self.unit_dan_bawahan()
        tingkat = ("kegiatan", "sub_kegiatan")
        ekstrem = sorted(
            (
                h
                for h in self.k.indikator.values()
                if h.indikator.tingkat in tingkat
                and h.indikator.unit_id in milik
                and perlu_penjelasan(h.capaian)
            ),
            key=lambda h: (tingkat.index(h.indikator.tingkat), *_urutan(h)),
        )
        judul = (
            f"Indikator Kegiatan dan Sub Kegiatan dengan Capaian di Luar 50–150% Tahun {self.tahun}"
        )
        if not ekstrem:
            self.p(
                "Tidak ada indikator kegiatan maupun sub kegiatan yang capaiannya di atas 150% "
                "atau di bawah 50%.",
                "narasi_otomatis",
            )
            return
        dijelaskan = sum(1 for h in ekstrem if self.k.penjelasan.get(h.indikator.pk))
        if dijelaskan == len(ekstrem):
            status = "semuanya telah dijelaskan oleh unit kerjanya"
        elif dijelaskan:
            status = (
                f"{dijelaskan} di antaranya telah dijelaskan oleh unit kerjanya, "
                f"{len(ekstrem) - dijelaskan} belum"
            )
        else:
            status = "belum satu pun dijelaskan oleh unit kerjanya"
        self.p(
            f"Sebanyak {len(ekstrem)} indikator kegiatan dan sub kegiatan memiliki capaian di atas "
            f"150% atau di bawah 50%; {status}. Rinciannya disajikan pada {{ref:capaian-ekstrem}}.",
            "narasi_otomatis",
        )
        baris = [
            [
                sel_teks(i, rata="tengah"),
                sel_teks(h.indikator.nama),
                sel_teks(self.nama_unit_pendek(h.indikator.unit_id)),
                *sel_ukur(h),
                sel_teks(self.k.penjelasan.get(h.indikator.pk)),
            ]
            for i, h in enumerate(ekstrem, 1)
        ]
        self.tambah(
            Tabel(
                "capaian-ekstrem",
                judul,
                [
                    _kepala(
                        "No",
                        "Indikator",
                        "Unit Kerja",
                        "Satuan",
                        "Target",
                        "Realisasi",
                        "Capaian (%)",
                        "Penjelasan",
                    )
                ],
                baris,
                sumber="catatan realisasi yang diisi unit kerja",
                lebar_kolom=[0.6, 4.6, 1.6, 1.3, 1.2, 1.2, 1.2, 4.6],
                lanskap=True,
            )
        )

    def p_anggaran(self, nama: str, a: TotalAnggaran) -> None:
        d = DataAnggaran(
            nama=nama, pagu=a.pagu, realisasi=a.realisasi, serapan=a.serapan, sisa=a.sisa
        )
        self.p(narasi_anggaran(d), "narasi_otomatis")

    def realisasi_anggaran(self) -> None:
        total = self.total_unit()
        if total is None or not total.pagu:
            self.kosong(f"Data pagu dan realisasi anggaran Tahun {self.tahun} belum tersedia.")
            return
        self.p_anggaran(self.nama_unit, total)
        # per PK
        if self.data.pk_anggaran:
            baris = []
            for i, a in enumerate(self.data.pk_anggaran, 1):
                if a.kegiatan_id:
                    t = next(
                        (
                            r
                            for r in self.k.anggaran_program[a.program_id].rincian
                            if r.kode == self.kegiatan_per_id[a.kegiatan_id].kode
                        ),
                        None,
                    )
                else:
                    t = self.k.anggaran_program.get(a.program_id)
                realisasi = t.realisasi if t else None
                baris.append(
                    [
                        sel_teks(i, rata="tengah"),
                        sel_teks(self.nama_pos_pk(a)),
                        sel_rupiah(a.pagu),
                        sel_rupiah(realisasi),
                        sel_persen(hitung_serapan(realisasi, a.pagu)),
                    ]
                )
            self.tambah(
                Tabel(
                    "anggaran-pk",
                    f"Realisasi Anggaran sesuai Perjanjian Kinerja Tahun {self.tahun}",
                    [
                        _kepala(
                            "No",
                            "Program/Kegiatan",
                            "Anggaran PK (Rp)",
                            "Realisasi (Rp)",
                            "Serapan (%)",
                        )
                    ],
                    baris,
                    lebar_kolom=[0.6, 7, 2.6, 2.6, 1.3],
                )
            )
        programs = [p for p in self.k.program if self.k.anggaran_program[p.pk].pagu]
        if programs:
            self.tambah(
                Grafik(
                    "grafik-serapan",
                    f"Pagu dan Realisasi Anggaran per Program Tahun {self.tahun}",
                    g.grafik_serapan(
                        [f"{p.nama} ({self.nama_unit_pendek(p.unit_id)})" for p in programs],
                        [self.k.anggaran_program[p.pk].pagu for p in programs],
                        [self.k.anggaran_program[p.pk].realisasi for p in programs],
                    ),
                    keterangan="Pagu dan realisasi anggaran setiap program dengan persentase serapannya",
                )
            )
        self.tabel_rincian_anggaran()
        self.tabel_jenis_belanja()

    def tabel_rincian_anggaran(self) -> None:
        """Program → kegiatan → sub kegiatan per unit kerja (seed 000 Tabel 3.19)."""
        keg = {k.pk: k for k in self.k.kegiatan}
        prog = {p.pk: p for p in self.k.program}
        per_unit: dict[int, dict[int, dict[int, list[object]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list))
        )
        # A Biro's report works on its parent's Renstra, whose tree holds every Biro's
        # sub kegiatan: only the unit's own (and its sub-units') belong in its table,
        # which its "Jumlah" (the unit's budget) adds up.
        milik = self.unit_dan_bawahan()
        for s in self.k.sub_kegiatan:
            if s.unit_id not in milik:
                continue
            k = keg[s.kegiatan_id]
            per_unit[s.unit_id][k.program_id][k.pk].append(s)
        unit_urut = sorted(
            per_unit, key=lambda u: (self.data.semua_unit[u].urutan, self.data.semua_unit[u].nama)
        )
        baris: list[list[Sel]] = []

        def baris_total(
            t: TotalAnggaran, kode: str, nama: str, inden: int, tebal: bool, capaian: Decimal | None
        ) -> None:
            baris.append(
                [
                    sel_teks(kode),
                    sel_teks(nama, inden=inden, tebal=tebal),
                    sel_rupiah(t.pagu, tebal=tebal),
                    sel_rupiah(t.realisasi, tebal=tebal),
                    sel_persen(t.serapan, tebal=tebal),
                    sel_persen(capaian, tebal=tebal),
                ]
            )

        for uid in unit_urut:
            u = self.data.semua_unit[uid]
            pos_unit = []
            for pid, kegs in per_unit[uid].items():
                pos_unit.append(
                    PosAnggaran(
                        prog[pid].kode,
                        prog[pid].nama,
                        rincian=tuple(
                            PosAnggaran(
                                keg[kid].kode,
                                keg[kid].nama,
                                rincian=tuple(self.k.anggaran_sub[s.pk] for s in subs),
                            )  # type: ignore[attr-defined]
                            for kid, subs in kegs.items()
                        ),
                    )
                )
            t_unit = total_anggaran(PosAnggaran(u.slug, u.nama, rincian=tuple(pos_unit)))
            if len(unit_urut) > 1:
                baris_total(t_unit, "", u.nama, 0, True, None)
            for t_prog, pid in zip(t_unit.rincian, per_unit[uid], strict=True):
                baris_total(
                    t_prog,
                    t_prog.kode,
                    t_prog.nama,
                    0,
                    True,
                    self.k.capaian_unit_program.get((pid, uid), self.k.capaian_program.get(pid)),
                )
                for t_keg, kid in zip(t_prog.rincian, per_unit[uid][pid], strict=True):
                    baris_total(
                        t_keg, t_keg.kode, t_keg.nama, 1, False, self.k.capaian_kegiatan.get(kid)
                    )
                    for t_sub, s in zip(t_keg.rincian, per_unit[uid][pid][kid], strict=True):
                        baris_total(
                            t_sub,
                            t_sub.kode,
                            t_sub.nama,
                            2,
                            False,
                            self.k.capaian_sub_kegiatan.get(s.pk),
                        )  # type: ignore[attr-defined]
        total = self.total_unit()
        if total is not None:
            baris.append(
                [
                    Sel("Jumlah", rentang_kolom=2, tebal=True, rata="tengah"),
                    sel_rupiah(total.pagu, tebal=True),
                    sel_rupiah(total.realisasi, tebal=True),
                    sel_persen(total.serapan, tebal=True),
                    sel_teks(""),
                ]
            )
        self.tambah(
            Tabel(
                "anggaran-rinci",
                f"Realisasi Anggaran per Program/Kegiatan/Sub Kegiatan Tahun {self.tahun}",
                [
                    _kepala(
                        "Kode",
                        "Program/Kegiatan/Sub Kegiatan",
                        "Pagu (Rp)",
                        "Realisasi (Rp)",
                        "Serapan (%)",
                        "Capaian Kinerja (%)",
                    )
                ],
                baris,
                sumber="data realisasi anggaran unit kerja, diolah",
                lebar_kolom=[2.4, 8, 3, 3, 1.4, 1.6],
                lanskap=True,
            )
        )

    def tabel_jenis_belanja(self) -> None:
        if not self.k.jenis_belanja:
            return
        baris = [
            [
                sel_teks(b.kode),
                sel_teks(b.nama, inden=b.tingkat, tebal=b.tingkat == 0),
                sel_rupiah(b.pagu, tebal=b.tingkat == 0),
                sel_rupiah(b.realisasi, tebal=b.tingkat == 0),
                sel_rupiah(b.sisa, tebal=b.tingkat == 0),
                sel_persen(b.serapan, tebal=b.tingkat == 0),
                sel_persen(b.tertimbang, tebal=b.tingkat == 0),
            ]
            for b in self.k.jenis_belanja
        ]
        t = self.k.total_jenis_belanja
        if t is not None:
            baris.append(
                [
                    Sel("Jumlah", rentang_kolom=2, tebal=True, rata="tengah"),
                    sel_rupiah(t.pagu, tebal=True),
                    sel_rupiah(t.realisasi, tebal=True),
                    sel_rupiah(t.sisa, tebal=True),
                    sel_persen(t.serapan, tebal=True),
                    # the shares of the rows above add up to realisasi / pagu (seed 002
                    # Tabel 3.10: JUMLAH 95,45), not to 100: what was spent, of the whole
                    sel_persen(porsi(t.realisasi, t.pagu), tebal=True),
                ]
            )
        self.tambah(
            Tabel(
                "jenis-belanja",
                f"Realisasi Anggaran per Jenis Belanja Tahun {self.tahun}",
                [
                    _kepala(
                        "Kode",
                        "Jenis Belanja",
                        "Pagu (Rp)",
                        "Realisasi (Rp)",
                        "Sisa (Rp)",
                        "Serapan (%)",
                        "Tertimbang (%)",
                    )
                ],
                baris,
                lebar_kolom=[1.6, 5, 2.8, 2.8, 2.4, 1.3, 1.4],
                lanskap=True,
            )
        )

    # --- Bab IV and Lampiran -----------------------------------------------------------

    def bab_4(self) -> None:
        self.tambah(Judul("BAB IV PENUTUP", awalan="4"))
        self.tambah(Judul("A. Kesimpulan", 2))
        for i, teks in enumerate(kesimpulan(self.ringkasan()), 1):
            self.p(f"{i}.\t{teks}", "daftar_angka")
        n = self.data.naskah
        if n and n.kesimpulan.strip():
            self.tambah(*_paragraf_dari(n.kesimpulan))
        self.tambah(Judul("B. Saran", 2))
        saran = _baris_dari(n.saran) if n else []
        if saran:
            for i, s in enumerate(saran, 1):
                self.p(f"{i}.\t{s.lstrip('0123456789. ')}", "daftar_angka")
        else:
            self.kosong("Saran belum diisi pada naskah laporan.")

    def lampiran(self) -> None:
        self.tambah(Judul("LAMPIRAN", awalan="L"))
        self.tambah(Judul("A. Perjanjian Kinerja", 2))
        self.tabel_pk("lampiran-pk", f"Perjanjian Kinerja {self.nama_unit} Tahun {self.tahun}")
        pk = self.data.pk
        if pk is not None and self.data.pk_target:
            self.p(
                f"Pihak pertama: {pk.penandatangan or '-'}"
                + (f" ({pk.jabatan_penandatangan})" if pk.jabatan_penandatangan else "")
                + (f"; pihak kedua: {pk.pihak_kedua}" if pk.pihak_kedua else "")
                + (f" ({pk.jabatan_pihak_kedua})" if pk.jabatan_pihak_kedua else "")
                + ".",
                "catatan",
            )
        self.tambah(Judul("B. Realisasi Indikator Kinerja per Triwulan", 2))
        self.tabel_triwulan()

    def tabel_triwulan(self) -> None:
        hasil = sorted(
            (
                h
                for h in self.k.indikator.values()
                if h.indikator.tingkat in ("tujuan", "sasaran", "program", "kegiatan")
            ),
            key=lambda h: (
                ["tujuan", "sasaran", "program", "kegiatan"].index(h.indikator.tingkat),
                h.indikator.urutan,
                h.indikator.kode,
            ),
        )
        periode = ["TW1", "TW2", "TW3", "TW4"]
        ada = [
            h
            for h in hasil
            if any((h.indikator.pk, p) in self.k.realisasi_periode for p in periode)
        ]
        if not ada:
            self.kosong(f"Belum ada realisasi triwulanan yang tercatat untuk Tahun {self.tahun}.")
            return
        baris = []
        for i, h in enumerate(ada, 1):
            baris.append(
                [
                    sel_teks(i, rata="tengah"),
                    sel_teks(h.indikator.nama),
                    sel_teks(self.nama_unit_pendek(h.indikator.unit_id)),
                    sel_target(h.target),
                ]
                + [
                    sel_realisasi(_realisasi(self.k.realisasi_periode.get((h.indikator.pk, p))))
                    for p in periode
                ]
                + [sel_realisasi(h.realisasi), sel_persen(h.capaian)]
            )
        self.tambah(
            Tabel(
                "triwulan",
                f"Realisasi Indikator Kinerja per Triwulan Tahun {self.tahun}",
                [
                    _kepala(
                        "No",
                        "Indikator",
                        "Unit",
                        "Target",
                        "TW I",
                        "TW II",
                        "TW III",
                        "TW IV",
                        "Tahunan",
                        "Capaian (%)",
                    )
                ],
                baris,
                lebar_kolom=[0.6, 6, 1.6, 1.2, 1.1, 1.1, 1.1, 1.1, 1.2, 1.3],
                lanskap=True,
            )
        )


def _realisasi(teks: str | None) -> Decimal | Predikat | None:
    from sakip.kinerja.target import sebagai_realisasi

    return None if teks is None else sebagai_realisasi(teks)
