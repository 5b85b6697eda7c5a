"""The public page: no login; only finalised reports, signed PKs and their IKU.

Views stay thin: reads are :mod:`sakip.publik.selectors`, workbooks
:mod:`sakip.publik.berkas`. A unit outside the Pemda, or a draft, answers 404.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sakip.laporan.services import FORMAT
from sakip.publik import berkas, selectors


def indeks(request: HttpRequest) -> HttpResponse:
    """Every Pemda with something published."""
    return render(request, "publik/indeks.html", {"pemda": selectors.pemda_publik()})


def pemda(request: HttpRequest, pemda: str) -> HttpResponse:
    """A Pemda's reports, signed PKs and IKU, with its Perangkat Daerah."""
    isi = selectors.isi_publik(selectors.pemda_atau_404(pemda))
    return render(request, "publik/pemda.html", {"isi": isi, "pemda": isi.pemda})


def lkjip(request: HttpRequest, pemda: str, pk: int) -> HttpResponse:
    """The stored DOCX of a finalised LKjIP, byte for byte, with its SHA-256."""
    f = selectors.laporan_atau_404(selectors.pemda_atau_404(pemda), pk)
    respons = HttpResponse(bytes(f.isi), content_type=FORMAT["docx"][0])
    respons["Content-Disposition"] = f'attachment; filename="{f.nama_berkas}"'
    respons["X-Content-SHA256"] = f.sha256
    return respons


def pk(request: HttpRequest, pemda: str, pk: int) -> HttpResponse:
    p = selectors.pemda_atau_404(pemda)
    return render(request, "publik/pk.html", {"pemda": p, "dokumen": selectors.pk_atau_404(p, pk)})


def pk_xlsx(request: HttpRequest, pemda: str, pk: int) -> HttpResponse:
    dokumen = selectors.pk_atau_404(selectors.pemda_atau_404(pemda), pk)
    nama = f"PK-{dokumen.pk.unit.slug}-{dokumen.pk.tahun}-rev{dokumen.pk.revisi}.xlsx"
    return _xlsx(berkas.xlsx_pk(dokumen), nama)


def iku(request: HttpRequest, pemda: str, renstra: str) -> HttpResponse:
    p = selectors.pemda_atau_404(pemda)
    return render(
        request, "publik/iku.html", {"pemda": p, "daftar": selectors.iku_atau_404(p, renstra)}
    )


def iku_xlsx(request: HttpRequest, pemda: str, renstra: str) -> HttpResponse:
    daftar = selectors.iku_atau_404(selectors.pemda_atau_404(pemda), renstra)
    return _xlsx(berkas.xlsx_iku(daftar), f"IKU-{daftar.renstra.kode}.xlsx")


def _xlsx(isi: bytes, nama: str) -> HttpResponse:
    respons = HttpResponse(isi, content_type=berkas.JENIS_XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons
