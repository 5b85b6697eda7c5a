"""Settings for the test suite: the project's settings with debug on.

``DATABASE_URL`` still decides the database, so the same suite runs on
SQLite (default) and on PostgreSQL in CI.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SAKIP_DEBUG", "1")

from sakip.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tasks run in the test's own thread and transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}
# Uploads and built reports of a test run go to a folder of their own.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="sakip-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
SAKIP_TEMBOLOK_GRAFIK = str(Path(tempfile.gettempdir()) / "sakip-test-tembolok-grafik")
