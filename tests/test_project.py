"""The project as a whole: settings from the environment, the sakip command, the demo admin."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SAKIP_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_kinerja_imports_no_django() -> None:
    result = run_python(
        "import sys, sakip.kinerja; print('django' in sys.modules or any("
        "m.startswith('django') for m in sys.modules))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_settings_fail_loudly_without_a_secret_key() -> None:
    result = run_python("import sakip.settings", SAKIP_DEBUG="0")
    assert result.returncode != 0
    assert "SAKIP_SECRET_KEY is not set" in result.stderr


def test_production_settings_require_allowed_hosts() -> None:
    result = run_python("import sakip.settings", SAKIP_DEBUG="0", SAKIP_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "SAKIP_ALLOWED_HOSTS is not set" in result.stderr


def test_production_settings_load_with_what_they_need_and_are_secure() -> None:
    result = run_python(
        "import sakip.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.ALLOWED_HOSTS)",
        SAKIP_DEBUG="0",
        SAKIP_SECRET_KEY="x" * 50,
        SAKIP_ALLOWED_HOSTS="sakip.example.go.id",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "['sakip.example.go.id']"]


def test_a_badly_written_boolean_setting_is_refused() -> None:
    result = run_python("import sakip.settings", SAKIP_DEBUG="mungkin")
    assert result.returncode != 0
    assert "SAKIP_DEBUG='mungkin'" in result.stderr


def test_default_database_is_a_sqlite_file_under_var_created_on_first_run(tmp_path: Path) -> None:
    var = tmp_path / "var"
    result = run_python(
        "import sakip.settings as s; print(s.DATABASES['default']['NAME'])",
        SAKIP_DEBUG="1",
        SAKIP_VAR_DIR=str(var),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(var / "sakip.sqlite3")
    assert var.is_dir()


def test_database_url_selects_postgresql() -> None:
    result = run_python(
        "import sakip.settings as s; d = s.DATABASES['default']; print(d['ENGINE'], d['NAME'])",
        SAKIP_DEBUG="1",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/sakip",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "sakip"]


def test_sakip_command_is_the_projects_manage_py(tmp_path: Path) -> None:
    sakip = Path(sys.executable).parent / "sakip"
    env = {**os.environ, "SAKIP_DEBUG": "1", "SAKIP_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [str(sakip), "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
    # Project commands may be written with hyphens, as the README does.
    result = subprocess.run(
        [str(sakip), "load-demo", "--help"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "login demo" in result.stdout


@pytest.mark.django_db
def test_load_demo_loads_both_agencies_and_the_logins_idempotently(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sakip.organisasi.models import Keanggotaan, Unit
    from sakip.pengukuran.models import Realisasi

    call_command("load_demo")
    jumlah = (Realisasi.objects.count(), Unit.objects.count(), Keanggotaan.objects.count())
    call_command("load_demo")
    assert (Realisasi.objects.count(), Unit.objects.count(), Keanggotaan.objects.count()) == jumlah
    assert Unit.objects.filter(slug__in=["setda-kaltim", "setda-paser"]).count() == 2
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("demo")
    peran = {
        (k.user.username, k.unit.slug, k.peran)
        for k in Keanggotaan.objects.select_related("user", "unit")
    }
    assert peran == {
        ("perencana.kaltim", "setda-kaltim", "perencana"),
        ("pimpinan.kaltim", "setda-kaltim", "pimpinan"),
        ("evaluator.kaltim", "pemprov-kaltim", "evaluator"),
        ("operator.hukum.kaltim", "kaltim-biro-hukum", "operator"),
        ("operator.umum.kaltim", "kaltim-biro-umum", "operator"),
        ("perencana.paser", "setda-paser", "perencana"),
        ("operator.umum.paser", "paser-bagian-umum", "operator"),
    }
    for username, *_ in peran:
        user = get_user_model().objects.get(username=username)
        assert user.check_password("demo") and not user.is_superuser
    keluaran = capsys.readouterr().out
    assert "operator.hukum.kaltim" in keluaran and "sandi semuanya: demo" in keluaran


@pytest.mark.django_db
def test_load_demo_refuses_outside_a_demo_installation(settings) -> None:  # type: ignore[no-untyped-def]
    settings.SAKIP_DEMO = False
    with pytest.raises(CommandError, match="tidak boleh dibuat di instalasi produksi"):
        call_command("load_demo")
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_root_asks_for_a_login_and_logins_are_indonesian(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/masuk/?next=/"
    response = client.get("/laporan/")
    assert response.status_code == 302 and response["Location"] == "/masuk/?next=/laporan/"
    response = client.get("/masuk/")
    assert response.status_code == 200
    assert "Nama pengguna" in response.content.decode() and 'lang="id"' in response.content.decode()
    response = client.get("/admin/login/")
    assert response.status_code == 302 and response["Location"] == "/masuk/"


@pytest.mark.django_db
def test_demo_admin_can_sign_in_to_the_admin(client) -> None:  # type: ignore[no-untyped-def]
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    response = client.post("/masuk/", {"username": "admin", "password": "demo"})
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "sakip" in response.content.decode()
