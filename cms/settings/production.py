"""Production: gunicorn behind an HTTPS proxy; everything secret or site-specific comes from the
environment, and the site refuses to start without a secret key or a database.

    SECRET_KEY, DATABASE_URL, SITE_URL          required (SITE_URL: https://verkostot.example.fi)
    ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS         comma-separated
    ELASTICSEARCH_URL                           search engine (base.py); unset: database search
    REDIS_URL (or CACHE_URL)                    shared cache; unset: a folder on this machine
    AWS_STORAGE_BUCKET_NAME (+ AWS_S3_*)        media on S3-compatible storage; unset: MEDIA_ROOT
"""

import os
import tempfile

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE, POST_OFFICE, database_from_url, env_bool, site_url_from


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
SITE_URL = site_url_from(required("SITE_URL"))
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = SITE_URL
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# PostgreSQL (or any DATABASE_URL); connections stay open between requests and are checked
# before reuse, so a restarted database or a failed-over replica costs one error, not many.
DATABASES = {
    "default": {
        **database_from_url(required("DATABASE_URL")),
        "CONN_MAX_AGE": int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        "CONN_HEALTH_CHECKS": True,
    }
}

# --- HTTPS behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# --- Static files from the app server itself (whitenoise): hashed names, compressed copies,
# cached for ever by browsers. Run `manage.py collectstatic` before starting.
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
MIDDLEWARE = [
    MIDDLEWARE[0],  # SecurityMiddleware first: the HTTPS redirect comes before anything else
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Media on S3-compatible storage when a bucket is configured (django-storages). Files stay
# private: documents are still only served through Django's permission check
# (WAGTAILDOCS_SERVE_METHOD = "serve_view" in base.py), which reads them from the bucket.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role (boto3).

# --- The cache (page cache, login throttle) must be shared by every gunicorn worker: Redis when
# configured (and needed for more than one machine), otherwise a folder on this machine.
REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get(
                "CACHE_DIR", os.path.join(tempfile.gettempdir(), "kt-cache")
            ),
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }
# Sessions read from that cache, written through to the database: a member's request does not
# wait for a session query, and a cleared cache logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Logs to stdout; the process manager or the container platform collects them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.security": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
    },
}

# Every message is queued (base.py); this backend delivers them from the queue.
POST_OFFICE = {
    **POST_OFFICE,
    "BACKENDS": {
        "default": os.environ.get(
            "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
        )
    },
}
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
