"""Consistency checks (DESIGN.md step 7): findings on stored data and on LKjIP documents.

Pure Python like the rest of :mod:`sakip.kinerja`: a document arrives here as a
:class:`~sakip.kinerja.periksa.dokumen.Dokumen` (tables and paragraphs), read
from text by :mod:`~sakip.kinerja.periksa.baca_teks` or from DOCX elsewhere, and
leaves as a list of :class:`~sakip.kinerja.periksa.temuan.Temuan`.
"""
