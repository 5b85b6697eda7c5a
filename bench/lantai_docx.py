"""The floor of the report benchmark: python-docx writing the same content with no logic.

Reads what `bench/laporan.py` dumped from the report's document model (headings,
paragraphs, tables as printed text, chart images as PNG files) and writes it with
python-docx's plain API in a fresh process, as a hand-written script would. Nothing
here queries, computes, numbers or draws.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from docx import Document
from docx.shared import Cm


def main(masuk: str, keluar: str) -> None:
    isi = json.loads(Path(masuk).read_text(encoding="utf-8"))
    doc = Document()
    for blok in isi:
        jenis = blok["jenis"]
        if jenis == "judul":
            doc.add_heading(blok["teks"], level=blok["tingkat"])
        elif jenis == "paragraf":
            doc.add_paragraph(blok["teks"])
        elif jenis == "tabel":
            doc.add_paragraph(blok["judul"])
            baris = blok["baris"]
            kolom = max(len(b) for b in baris)
            tabel = doc.add_table(rows=len(baris), cols=kolom)
            tabel.style = "Table Grid"
            for tr, b in zip(tabel.rows, baris, strict=True):
                for tc, teks in zip(tr.cells, b, strict=False):
                    tc.text = teks
        elif jenis == "grafik":
            doc.add_picture(blok["png"], width=Cm(blok["lebar_cm"]))
            doc.add_paragraph(blok["judul"])
    doc.save(keluar)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
