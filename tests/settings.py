"""Settings for the test suite: the project's settings with debug on.

``DATABASE_URL`` still decides the database, so the same suite runs on
SQLite (default) and on PostgreSQL in CI.
"""

import os

os.environ.setdefault("SAKIP_DEBUG", "1")

from sakip.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
