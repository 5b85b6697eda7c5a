"""Install the two LKE worksheets sakip ships with (see sakip/evaluasi/lke_bawaan.py)."""

from django.db import migrations


def pasang(apps, schema_editor):  # type: ignore[no-untyped-def]
    from sakip.evaluasi.lke_bawaan import pasang_lke_bawaan

    pasang_lke_bawaan(
        {
            nama: apps.get_model("evaluasi", nama)
            for nama in ("LembarKerja", "KomponenLKE", "SubKomponenLKE", "KriteriaLKE")
        }
    )


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0002_lke_evaluasi")]

    operations = [migrations.RunPython(pasang, migrations.RunPython.noop)]
