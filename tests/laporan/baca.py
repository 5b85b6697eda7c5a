"""Reading a produced DOCX back as a reader sees it: captions, tables, the lists."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from docx import Document
from docx.oxml.ns import qn

from sakip.laporan.baca_docx import teks_sel

NOMOR = re.compile(r"^(Tabel|Grafik|Gambar) ((IE|L|\d+)\.(\d+)) (.*)$")


@dataclass
class TabelDocx:
    label: str
    judul: str
    baris: list[list[str]]

    def baris_dengan(self, teks: str) -> list[str]:
        for b in self.baris:
            if any(teks in sel for sel in b):
                return b
        raise AssertionError(f"{self.label}: tidak ada baris berisi {teks!r}")


@dataclass
class DocxTerbaca:
    tabel: dict[str, TabelDocx] = field(default_factory=dict)
    judul_tabel: list[str] = field(default_factory=list)  # "Tabel 3.4" in document order
    judul_grafik: list[str] = field(default_factory=list)  # "Grafik 1.1" and "Gambar 1.1"
    daftar: dict[str, list[str]] = field(default_factory=dict)  # "DAFTAR TABEL": entries
    paragraf: list[str] = field(default_factory=list)

    def cari(self, awal_judul: str) -> TabelDocx:
        """The table whose caption (without its number) starts with ``awal_judul``."""
        cocok = [t for t in self.tabel.values() if t.judul.startswith(awal_judul)]
        assert len(cocok) == 1, f"{len(cocok)} tabel berjudul {awal_judul!r}"
        return cocok[0]


def baca_docx(isi: bytes) -> DocxTerbaca:
    doc = Document(io.BytesIO(isi))
    hasil = DocxTerbaca()
    gaya = {s.style_id: s.name for s in doc.styles}
    label_tunggu: tuple[str, str] | None = None
    daftar_aktif: str | None = None
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            teks = "".join(t.text or "" for t in el.iter(qn("w:t")))
            p_style = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            nama_gaya = gaya.get(p_style.get(qn("w:val")), "") if p_style is not None else ""
            hasil.paragraf.append(teks)
            if daftar_aktif and nama_gaya.lower().startswith(("toc", "table of figures")):
                # "Tabel 3.4 Judul<tab>17": the entry without its page number
                dengan_tab = "".join(
                    "\t" if x.tag == qn("w:tab") else (x.text or "")
                    for x in el.iter(qn("w:t"), qn("w:tab"))
                )
                hasil.daftar[daftar_aktif].append(dengan_tab.rsplit("\t", 1)[0].strip())
                continue
            if nama_gaya == "Heading 1" or teks in {
                "DAFTAR ISI",
                "DAFTAR TABEL",
                "DAFTAR GRAFIK",
                "DAFTAR GAMBAR",
            }:
                daftar_aktif = teks if teks.startswith("DAFTAR") else None
                if daftar_aktif:
                    hasil.daftar[daftar_aktif] = []
                continue
            m = NOMOR.match(teks)
            if m and nama_gaya in {"Judul Tabel", "Judul Grafik", "Judul Gambar"}:
                label = f"{m.group(1)} {m.group(2)}"
                if m.group(1) == "Tabel":
                    hasil.judul_tabel.append(label)
                    label_tunggu = (label, m.group(5))
                else:
                    hasil.judul_grafik.append(label)
        elif el.tag == qn("w:tbl") and label_tunggu:
            label, judul = label_tunggu
            baris = [[teks_sel(tc) for tc in tr.iter(qn("w:tc"))] for tr in el.iter(qn("w:tr"))]
            hasil.tabel[label] = TabelDocx(label, judul, baris)
            label_tunggu = None
    return hasil
