"""The worksheets sakip ships with, installed by a data migration (``0003_lke_bawaan``).

Two LKE versions, as configurable data an admin may revise (a new year's version is a
new :class:`~sakip.evaluasi.models.LembarKerja` with a later ``tahun``):

* PermenPAN-RB 88/2021: Perencanaan Kinerja 30, Pengukuran Kinerja 30, Pelaporan
  Kinerja 15, Evaluasi Akuntabilitas Kinerja Internal 25; each split into keberadaan
  20 %, kualitas 30 %, pemanfaatan 50 % of its weight (DOMAIN.md §8). The criteria are
  those of the regulation's LKE, shortened to the sentence an evaluator answers.
* The older five-component model the Kaltim Setda was scored on (PermenPAN-RB
  12/2015; seed 000 Tabel 3.1): Perencanaan 30, Pengukuran 25, Pelaporan 15,
  Evaluasi Internal 10, Capaian Kinerja 20, with the regulation's sub-component
  weights (pemenuhan / kualitas / implementasi 20 / 50 / 30 %; pelaporan 3 / 8 / 4;
  capaian 5 / 10 / 5).

The component codes match :data:`sakip.kinerja.MODEL_88_2021` and
:data:`sakip.kinerja.MODEL_12_2015`, so a locked evaluation's component scores are
checked against the model's weights when they become the unit's ``HasilEvaluasi``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sakip.kinerja import MODEL_12_2015, MODEL_88_2021
from sakip.kinerja.akip import bobot_subkomponen

YT = "ya_tidak"
HURUF = "huruf"

# component code → {sub-component code: (name, [(criterion, scale), ...])}
KRITERIA_88_2021: dict[str, dict[str, tuple[str, list[tuple[str, str]]]]] = {
    "perencanaan": {
        "keberadaan": (
            "Keberadaan",
            [
                ("Terdapat pedoman teknis perencanaan kinerja.", YT),
                ("Dokumen Renstra telah tersedia.", YT),
                ("Dokumen Renja/rencana kinerja tahunan telah tersedia.", YT),
                ("Dokumen Perjanjian Kinerja dan Rencana Aksi telah tersedia.", YT),
                ("Indikator Kinerja Utama telah ditetapkan.", YT),
            ],
        ),
        "kualitas": (
            "Kualitas",
            [
                (
                    "Dokumen perencanaan kinerja telah ditetapkan dan dipublikasikan tepat waktu.",
                    HURUF,
                ),
                (
                    "Tujuan, sasaran, indikator dan target kinerja berorientasi hasil dan "
                    "memenuhi kriteria SMART.",
                    HURUF,
                ),
                (
                    "Indikator kinerja dilengkapi definisi operasional, formula dan sumber data.",
                    HURUF,
                ),
                ("Perjanjian Kinerja telah di-cascade hingga tingkat individu.", HURUF),
                ("Anggaran selaras dengan kinerja yang ditetapkan.", HURUF),
            ],
        ),
        "pemanfaatan": (
            "Pemanfaatan",
            [
                ("Anggaran yang ditetapkan mengacu pada kinerja yang ingin dicapai.", HURUF),
                ("Aktivitas yang dilaksanakan mendukung kinerja yang ingin dicapai.", HURUF),
                (
                    "Target kinerja dalam Perjanjian Kinerja dicapai atau menunjukkan kemajuan.",
                    HURUF,
                ),
                ("Rencana aksi dipantau dan disesuaikan secara berkala.", HURUF),
                ("Pegawai memahami dan berkomitmen mencapai kinerja yang direncanakan.", HURUF),
            ],
        ),
    },
    "pengukuran": {
        "keberadaan": (
            "Keberadaan",
            [
                ("Terdapat pedoman teknis pengukuran dan pengumpulan data kinerja.", YT),
                ("Terdapat definisi operasional dan cara mengukur setiap indikator kinerja.", YT),
                ("Terdapat mekanisme pengumpulan data kinerja yang dapat diandalkan.", YT),
            ],
        ),
        "kualitas": (
            "Kualitas",
            [
                ("Pengukuran kinerja dilakukan berkala dan berjenjang.", HURUF),
                ("Pengukuran kinerja menggunakan teknologi informasi.", HURUF),
                ("Data kinerja yang dikumpulkan relevan, andal dan didukung data dukung.", HURUF),
            ],
        ),
        "pemanfaatan": (
            "Pemanfaatan",
            [
                ("Hasil pengukuran dimanfaatkan untuk perbaikan kinerja.", HURUF),
                ("Hasil pengukuran menjadi dasar penyesuaian strategi dan anggaran.", HURUF),
                ("Hasil pengukuran menjadi dasar pemberian penghargaan dan sanksi.", HURUF),
            ],
        ),
    },
    "pelaporan": {
        "keberadaan": (
            "Keberadaan",
            [
                ("Laporan Kinerja telah disusun dan ditetapkan.", YT),
                ("Laporan Kinerja telah dipublikasikan.", YT),
            ],
        ),
        "kualitas": (
            "Kualitas",
            [
                ("Laporan Kinerja disampaikan tepat waktu.", HURUF),
                (
                    "Laporan Kinerja membandingkan capaian dengan target, tahun-tahun "
                    "sebelumnya dan target jangka menengah.",
                    HURUF,
                ),
                ("Laporan Kinerja menyajikan analisis efisiensi sumber daya.", HURUF),
            ],
        ),
        "pemanfaatan": (
            "Pemanfaatan",
            [
                ("Informasi Laporan Kinerja menjadi perhatian pimpinan.", HURUF),
                (
                    "Laporan Kinerja dimanfaatkan untuk perbaikan perencanaan dan penilaian kinerja.",
                    HURUF,
                ),
            ],
        ),
    },
    "evaluasi_internal": {
        "keberadaan": (
            "Keberadaan",
            [
                ("Terdapat pedoman teknis evaluasi akuntabilitas kinerja internal.", YT),
                ("Evaluasi internal dilaksanakan pada seluruh unit kerja.", YT),
            ],
        ),
        "kualitas": (
            "Kualitas",
            [
                ("Evaluasi internal dilaksanakan oleh SDM yang memadai dan berjenjang.", HURUF),
                (
                    "Evaluasi internal menghasilkan rekomendasi perbaikan yang dapat dilaksanakan.",
                    HURUF,
                ),
            ],
        ),
        "pemanfaatan": (
            "Pemanfaatan",
            [
                ("Rekomendasi hasil evaluasi internal telah ditindaklanjuti.", HURUF),
                ("Tindak lanjut rekomendasi meningkatkan implementasi SAKIP.", HURUF),
            ],
        ),
    },
}

# PermenPAN-RB 12/2015: (code, name, weight, [criteria]) per component.
KRITERIA_12_2015: dict[str, list[tuple[str, str, str, list[tuple[str, str]]]]] = {
    "perencanaan": [
        (
            "pemenuhan",
            "Pemenuhan perencanaan",
            "6",
            [("Renstra, RKT, IKU dan PK telah tersedia.", YT)],
        ),
        (
            "kualitas",
            "Kualitas perencanaan",
            "15",
            [
                ("Tujuan dan sasaran berorientasi hasil.", HURUF),
                ("Indikator kinerja memenuhi kriteria indikator yang baik.", HURUF),
            ],
        ),
        (
            "implementasi",
            "Implementasi perencanaan",
            "9",
            [("Dokumen perencanaan menjadi acuan penyusunan anggaran dan kegiatan.", HURUF)],
        ),
    ],
    "pengukuran": [
        (
            "pemenuhan",
            "Pemenuhan pengukuran",
            "5",
            [("Telah terdapat indikator dan mekanisme pengukuran.", YT)],
        ),
        (
            "kualitas",
            "Kualitas pengukuran",
            "12.5",
            [("Pengukuran kinerja dilakukan berkala dan andal.", HURUF)],
        ),
        (
            "implementasi",
            "Implementasi pengukuran",
            "7.5",
            [("Hasil pengukuran dimanfaatkan untuk perbaikan kinerja.", HURUF)],
        ),
    ],
    "pelaporan": [
        (
            "pemenuhan",
            "Pemenuhan pelaporan",
            "3",
            [("Laporan Kinerja disusun dan disampaikan tepat waktu.", YT)],
        ),
        (
            "penyajian",
            "Penyajian informasi kinerja",
            "8",
            [("Laporan Kinerja menyajikan capaian, perbandingan dan analisis.", HURUF)],
        ),
        (
            "pemanfaatan",
            "Pemanfaatan informasi kinerja",
            "4",
            [("Informasi kinerja dimanfaatkan untuk perbaikan.", HURUF)],
        ),
    ],
    "evaluasi_internal": [
        ("pemenuhan", "Pemenuhan evaluasi", "2", [("Evaluasi internal telah dilaksanakan.", YT)]),
        (
            "kualitas",
            "Kualitas evaluasi",
            "5",
            [("Evaluasi internal dilaksanakan dengan baik.", HURUF)],
        ),
        (
            "pemanfaatan",
            "Pemanfaatan hasil evaluasi",
            "3",
            [("Rekomendasi evaluasi ditindaklanjuti.", HURUF)],
        ),
    ],
    "capaian": [
        ("output", "Kinerja yang dilaporkan (output)", "5", [("Target output tercapai.", HURUF)]),
        (
            "outcome",
            "Kinerja yang dilaporkan (outcome)",
            "10",
            [("Target outcome tercapai.", HURUF)],
        ),
        (
            "lainnya",
            "Kinerja lainnya",
            "5",
            [("Terdapat prestasi/penghargaan kinerja lainnya.", HURUF)],
        ),
    ],
}

NAMA_SUB_88 = {"keberadaan": "Keberadaan", "kualitas": "Kualitas", "pemanfaatan": "Pemanfaatan"}


def _isi(lembar: Any, models: dict[str, Any], struktur: list[tuple[Any, list[Any]]]) -> None:
    KomponenLKE, SubKomponenLKE, KriteriaLKE = (
        models["KomponenLKE"],
        models["SubKomponenLKE"],
        models["KriteriaLKE"],
    )
    for i, (komponen, subs) in enumerate(struktur, 1):
        k = KomponenLKE.objects.create(
            lembar=lembar, kode=komponen.kode, nama=komponen.nama, bobot=komponen.bobot, urutan=i
        )
        for j, (kode, nama, bobot, kriteria) in enumerate(subs, 1):
            s = SubKomponenLKE.objects.create(
                komponen=k, kode=kode, nama=nama, bobot=Decimal(bobot), urutan=j
            )
            for n, (uraian, skala) in enumerate(kriteria, 1):
                KriteriaLKE.objects.create(
                    sub=s, nomor=f"{i}.{j}.{n}", uraian=uraian, skala=skala, urutan=n
                )


def pasang_lke_bawaan(models: dict[str, Any]) -> None:
    """Install both worksheets once; ``models`` maps class names to (historical) models."""
    LembarKerja = models["LembarKerja"]
    if not LembarKerja.objects.filter(model=MODEL_88_2021.kode, tahun=2021).exists():
        lembar = LembarKerja.objects.create(
            model=MODEL_88_2021.kode,
            tahun=2021,
            nama="LKE AKIP PermenPAN-RB 88/2021",
            keterangan="Bobot sub-komponen: keberadaan 20 %, kualitas 30 %, pemanfaatan 50 %.",
        )
        struktur = []
        for komponen in MODEL_88_2021.komponen:
            bobot = bobot_subkomponen(komponen.bobot)
            subs = [
                (kode, nama, bobot[kode], kriteria)
                for kode, (nama, kriteria) in KRITERIA_88_2021[komponen.kode].items()
            ]
            struktur.append((komponen, subs))
        _isi(lembar, models, struktur)
    if not LembarKerja.objects.filter(model=MODEL_12_2015.kode, tahun=2015).exists():
        lembar = LembarKerja.objects.create(
            model=MODEL_12_2015.kode,
            tahun=2015,
            nama="LKE AKIP lima komponen (PermenPAN-RB 12/2015)",
            keterangan=(
                "Model lima komponen termasuk Capaian Kinerja, seperti Tabel 3.1 LKjIP Setda "
                "Prov. Kaltim 2019–2023."
            ),
        )
        _isi(
            lembar,
            models,
            [(k, KRITERIA_12_2015[k.kode]) for k in MODEL_12_2015.komponen],
        )
