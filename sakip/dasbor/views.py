"""The leader's dashboard: verified figures of one unit and year, read only.

Views stay thin: every read is in :mod:`sakip.dasbor.selectors`. Another unit's
dashboard answers 404, never its data (:func:`sakip.organisasi.akses.unit_atau_404`).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sakip.core.konteks import unit_aktif, unit_pilihan
from sakip.dasbor import selectors
from sakip.organisasi.akses import unit_atau_404

# Years a dashboard can be asked for; outside them a URL is simply wrong.
TAHUN_MIN, TAHUN_MAKS = 2000, 2100


@login_required
def awal(request: HttpRequest) -> HttpResponse:
    """Open the dashboard of the unit in use, on the latest year with a signed PK.

    The pickers submit here too (``?unit=…&tahun=…``), so they work without JavaScript.
    """
    slug = request.GET.get("unit", "")
    unit = unit_atau_404(request.user, slug) if slug else unit_aktif(request)
    if unit is None:
        raise Http404("Anda belum terdaftar pada unit mana pun.")
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        tahun = selectors.tahun_pk_terakhir(unit) or dt.date.today().year
    return redirect("dasbor:unit", unit=unit.slug, tahun=tahun)


@login_required
def unit(request: HttpRequest, unit: str, tahun: int) -> HttpResponse:
    """The dashboard of a Pemda, a Perangkat Daerah or a Biro/Bagian for one year."""
    u = unit_atau_404(request.user, unit, "view")
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise Http404("Tahun di luar rentang.")
    dasbor = selectors.data_dasbor(u, tahun)
    periode, tertinggal = selectors.unit_tertinggal(u, tahun)
    konteks = {
        "unit": u,
        "tahun": tahun,
        "dasbor": dasbor,
        "periode_tertinggal": periode,
        "tertinggal": tertinggal,
        "pilihan_unit": unit_pilihan(request),
        "pilihan_tahun": selectors.tahun_pilihan(u, tahun),
    }
    return render(request, "dasbor/unit.html", konteks)
