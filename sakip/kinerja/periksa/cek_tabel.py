"""Document checks (see lkjip.py); registered in :data:`~sakip.kinerja.periksa.daftar.ATURAN_DOKUMEN`."""

from __future__ import annotations
