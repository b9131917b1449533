"""Production: gunicorn behind an HTTPS proxy; everything secret or site-specific comes from the
environment, and the site refuses to start without a secret key or a database.

    SECRET_KEY, DATABASE_URL, SITE_URL          required (SITE_URL: https://verkostot.example.fi)
    ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS         comma-separated
    ELASTICSEARCH_URL                           search engine (base.py), one URL per node,
                                                comma-separated; unset: database search
    ELASTICSEARCH_REPLICAS                      copies of each shard on other nodes (default 0)
    VARNISH_URL                                 the front cache, purged on every change
    REDIS_URL (or CACHE_URL)                    shared cache; unset: a folder on this machine
    AWS_STORAGE_BUCKET_NAME (+ AWS_S3_*)        media on S3-compatible storage; unset: MEDIA_ROOT
    EMAIL_HOST, EMAIL_PORT, MAIL_RETRY_SECONDS  the mail server; retries of the mail queue
"""

import datetime
import os
import re
import tempfile
from urllib.parse import urlparse

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


def url_of(name, schemes):
    """The environment's URL `name` (None when unset), refused unless it has one of `schemes`
    and says where: a typo would otherwise show only on the first request that needs it."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    parsed = urlparse(value)
    if parsed.scheme not in schemes or not (parsed.netloc or parsed.path):
        raise ImproperlyConfigured(
            f"{name} must be a {' or '.join(f'{scheme}://' for scheme in schemes)} URL, "
            f"not {value!r}."
        )
    return value


def s3_bucket_name(value):
    """S3's rules for a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", value):
        raise ImproperlyConfigured(
            f"AWS_STORAGE_BUCKET_NAME must be 3-63 lowercase letters, digits, dots or hyphens, "
            f"not {value!r}."
        )
    return value


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
            "bucket_name": s3_bucket_name(AWS_STORAGE_BUCKET_NAME),
            "endpoint_url": url_of("AWS_S3_ENDPOINT_URL", ("http", "https")),
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role (boto3).

# --- The cache (page cache, content generation, login throttle, sessions) must be shared by
# every gunicorn worker: Redis when configured (and needed for more than one machine),
# otherwise a folder on this machine. On Redis a lost server costs speed, not answers
# (cms/cache.py); the login throttle then counts in the database (`manage.py createcachetable`).
REDIS_URL = url_of("REDIS_URL", ("redis", "rediss", "unix")) or url_of(
    "CACHE_URL", ("redis", "rediss", "unix")
)
if REDIS_URL:
    REDIS_CACHE = {
        "BACKEND": "cms.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        # A Redis that is gone is noticed at once, one that hangs within a second.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        "RETRY_AFTER": float(os.environ.get("REDIS_RETRY_AFTER", "1")),
    }
    CACHES = {
        "default": REDIS_CACHE,
        "throttle": {**REDIS_CACHE, "FALLBACK": "database"},
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kt_cache",
        },
    }
    LOGIN_THROTTLE_CACHE = "throttle"
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
# wait for a session query, and a cleared or lost cache logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- A front cache (Varnish with deploy/varnish/site.vcl) before the app servers: Wagtail purges
# a published page's addresses, and every change of content BANs the site's host
# (pagecache.frontend); a front cache that is down costs a warning in the log, never a publish.
VARNISH_URL = url_of("VARNISH_URL", ("http", "https"))
if VARNISH_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "pagecache.frontend.VarnishBackend",
            "LOCATION": VARNISH_URL,
            "TIMEOUT": float(os.environ.get("VARNISH_TIMEOUT", "2")),
        }
    }
    # Addresses are purged as they are: the Finnish ones have no language prefix to swap.
    WAGTAILFRONTENDCACHE_LANGUAGES = []

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
    # A message the mail server refused is tried again after this long (24 times).
    "RETRY_INTERVAL": datetime.timedelta(seconds=int(os.environ.get("MAIL_RETRY_SECONDS", "300"))),
}
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
