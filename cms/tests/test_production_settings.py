"""cms.settings.production passes Django's deployment checks and will not start half-configured.

Each case runs manage.py in its own process: the settings read the environment at import time.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "SECRET_KEY": "a-long-random-production-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DATABASE_URL": "postgres://kt:secret@db.internal:5432/kt",
    "ALLOWED_HOSTS": "verkostot.example.fi",
    "CSRF_TRUSTED_ORIGINS": "https://verkostot.example.fi",
    "SITE_URL": "https://verkostot.example.fi",
}
# Only what a production process would get; nothing from the test run's own environment.
BASE_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args, "--settings=cms.settings.production"],
        cwd=ROOT,
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def python(code, **env):
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**BASE_ENV, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_without_any_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **REQUIRED)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_passes_with_s3_and_redis_configured():
    """Configured here; exercised with real servers by `make topology` (tests/topology)."""
    env = {**REQUIRED, "AWS_STORAGE_BUCKET_NAME": "kt-media", "REDIS_URL": "redis://cache:6379/0"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    result = python(
        "from django.conf import settings; from django.core.files.storage import storages;"
        " print(type(storages['default']).__name__, settings.CACHES['default']['BACKEND'],"
        " settings.WAGTAILDOCS_SERVE_METHOD)",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "cms.cache.ResilientRedisCache", "serve_view"]


def test_https_cookies_hsts_proxy_whitenoise_and_persistent_connections():
    result = python(
        "from django.conf import settings as s; print("
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_PROXY_SSL_HEADER[0],"
        " s.MIDDLEWARE[1].startswith('whitenoise'), s.DATABASES['default']['CONN_MAX_AGE'] > 0,"
        " s.DATABASES['default']['CONN_HEALTH_CHECKS'], s.DEBUG)",
        **REQUIRED,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"] * 4 + ["HTTP_X_FORWARDED_PROTO"] + ["True"] * 3 + [
        "False"
    ]


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "SITE_URL"])
def test_refuses_to_start_without(missing):
    env = {name: value for name, value in REQUIRED.items() if name != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


@pytest.mark.parametrize("value", ["verkostot.example.fi", "ftp://x.fi", "https://x.fi/polku/"])
def test_refuses_a_site_address_that_is_not_one(value):
    result = manage("check", **{**REQUIRED, "SITE_URL": value})
    assert result.returncode != 0 and "SITE_URL" in result.stderr


def test_the_site_address_is_the_admins_and_the_apis():
    result = python(
        "from django.conf import settings;"
        " print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL, settings.WAGTAILAPI_BASE_URL)",
        **{**REQUIRED, "SITE_URL": "https://verkostot.example.fi/"},
    )
    assert result.stdout.split() == ["https://verkostot.example.fi"] * 3, result.stderr


def test_refuses_an_empty_secret_key():
    result = manage("check", **{**REQUIRED, "SECRET_KEY": " "})
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    "name, value",
    [
        ("REDIS_URL", "cache.internal:6379"),
        ("REDIS_URL", "http://cache.internal:6379/0"),
        ("AWS_STORAGE_BUCKET_NAME", "km"),
        ("AWS_STORAGE_BUCKET_NAME", "KT_Media"),
        ("AWS_S3_ENDPOINT_URL", "minio.internal:9000"),
        ("VARNISH_URL", "varnish.internal:6081"),
        ("ELASTICSEARCH_URL", "http://es1.internal:9200,es2.internal:9200"),
    ],
)
def test_refuses_a_cache_or_storage_it_could_not_reach(name, value):
    """A typo in where the cache or the media live stops the start, not the first request."""
    env = {**REQUIRED, "AWS_STORAGE_BUCKET_NAME": "kt-media", name: value}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and name in result.stderr


def test_the_login_throttle_falls_back_to_the_database_only_with_redis():
    code = (
        "from django.conf import settings; print(settings.LOGIN_THROTTLE_CACHE,"
        " settings.CACHES[settings.LOGIN_THROTTLE_CACHE].get('FALLBACK'))"
    )
    with_redis = python(code, **REQUIRED, REDIS_URL="redis://cache.internal:6379/0")
    assert with_redis.stdout.split() == ["throttle", "database"], with_redis.stderr
    without = python(code, **REQUIRED)
    assert without.stdout.split() == ["default", "None"], without.stderr


def test_a_front_cache_is_purged_only_when_one_is_configured():
    code = (
        "from django.conf import settings; c = getattr(settings, 'WAGTAILFRONTENDCACHE', {});"
        " print([(b['BACKEND'], b['LOCATION']) for b in c.values()])"
    )
    with_varnish = python(code, **REQUIRED, VARNISH_URL="http://127.0.0.1:6081")
    assert with_varnish.stdout.strip() == (
        "[('pagecache.frontend.VarnishBackend', 'http://127.0.0.1:6081')]"
    ), with_varnish.stderr
    assert python(code, **REQUIRED).stdout.strip() == "[]"


def test_a_search_cluster_is_every_node_with_retries_and_replicas():
    code = (
        "from django.conf import settings; b = settings.WAGTAILSEARCH_BACKENDS['default'];"
        " print(b['URLS'], b['OPTIONS']['max_retries'],"
        " b['INDEX_SETTINGS']['settings']['index']['number_of_replicas'])"
    )
    cluster = python(
        code,
        **REQUIRED,
        ELASTICSEARCH_URL="http://es1.internal:9200, http://es2.internal:9200",
        ELASTICSEARCH_REPLICAS="1",
    )
    assert cluster.stdout.strip() == (
        "['http://es1.internal:9200', 'http://es2.internal:9200'] 1 1"
    ), cluster.stderr
    one = python(code, **REQUIRED, ELASTICSEARCH_URL="http://es1.internal:9200")
    assert one.stdout.strip() == "['http://es1.internal:9200'] 0 0", one.stderr
