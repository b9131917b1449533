"""Tests: fast hashing, in-memory e-mail, local media, a default demo password."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
# The address messages and the sitemap give (the Site record `setup_site` writes).
SITE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://localhost"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Messages go through the queue (base.py's EMAIL_BACKEND; the conftest delivers each as it is
# queued) into mail.outbox.
POST_OFFICE = {
    **POST_OFFICE,  # noqa: F405
    "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
}
# One fixed folder, not a new temp dir per process: the test server and load_demo share it.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", Path(tempfile.gettempdir()) / "kt-test-media"))
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "kt-demo-2026")
# The database rolls back between tests, the cache does not: tests that want it turn it on.
PAGE_CACHE_ENABLED = False

if ELASTICSEARCH_URL:  # noqa: F405
    # Tests write into their own indexes on the throw-away engine.
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = "kt_test_"  # noqa: F405
