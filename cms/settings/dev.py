"""Local development: debug on, e-mail printed on the console, a default demo password."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Messages go through the queue and are printed at once: no worker needed for the demo.
POST_OFFICE = {
    **POST_OFFICE,  # noqa: F405
    "BACKENDS": {"default": "django.core.mail.backends.console.EmailBackend"},
    "DEFAULT_PRIORITY": "now",
}
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "kt-demo-2026")
