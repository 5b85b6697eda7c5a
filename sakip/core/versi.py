"""A token of the data's state, for caches that must not outlive a change.

Every write of the app goes through a model with a change history
(django-simple-history, DESIGN.md), so the newest history row of each of those
tables marks the data's state; a cache keyed on it is never stale.
"""

from __future__ import annotations

import hashlib

from django.apps import apps
from django.db import connection

# The apps whose data figures, dashboards and reminders read.
APP_DATA = (
    "organisasi",
    "perencanaan",
    "perjanjian",
    "pengukuran",
    "anggaran",
    "evaluasi",
    "survei",
)


def versi_data() -> str:
    """A short token that changes whenever any data behind the figures is changed.

    Every write of the app goes through a model with a change history
    (django-simple-history, DESIGN.md), so the newest history row of each of those
    tables marks the data's state. One query, whatever the data size.
    """
    tabel = sorted(
        m._meta.db_table
        for m in apps.get_models()
        if m._meta.app_label in APP_DATA and m.__name__.startswith("Historical")
    )
    kolom = ", ".join(
        f"(SELECT MAX(history_id) FROM {connection.ops.quote_name(t)}), "
        f"(SELECT MAX(history_date) FROM {connection.ops.quote_name(t)})"
        for t in tabel
    )
    with connection.cursor() as c:
        # Table names come from the models, never from input.
        c.execute(f"SELECT {kolom}")
        baris = c.fetchone()
    return hashlib.sha256(repr(baris).encode()).hexdigest()[:16]
