"""The registries of checks: one over documents, one over a unit's stored data."""

from __future__ import annotations

from typing import Any

from sakip.kinerja.periksa.aturan import DaftarAturan
from sakip.kinerja.periksa.dokumen import Dokumen

ATURAN_DOKUMEN: DaftarAturan[Dokumen] = DaftarAturan("dokumen LKjIP")
"""Checks on a report's tables and text (issue 8, "Checks on an existing LKjIP document")."""

ATURAN_DATA: DaftarAturan[Any] = DaftarAturan("data tersimpan")
"""Checks on a unit's stored data for a year, before a report is generated."""
