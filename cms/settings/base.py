"""Settings shared by every environment; the environment decides the rest."""

import datetime
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def database_from_url(url):
    """Turn DATABASE_URL into a Django DATABASES entry (sqlite:///path or postgres://...)."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": parsed.path[1:] or ":memory:"}
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        }
    raise ValueError(f"Unsupported DATABASE_URL scheme: {parsed.scheme!r}")


INSTALLED_APPS = [
    "home",
    "networks",
    "search",
    "members",
    "subscriptions",
    "generation",
    "access",
    "text",
    "pagecache",
    "post_office",
    # Before wagtail_localize: its segment editor template is extended with the glossary.
    "terminology",
    # The demo site and `load_demo`: built on the apps above, none of which needs it.
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    # Purges a published page's addresses from the front cache (production's VARNISH_URL).
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "members.middleware.SecurityHeadersMiddleware",
    # Outside session, CSRF, auth and messages: it must see the cookies they set.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Inside authentication: it marks answers that depend on who asked as private.
    "access.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Finnish is the default language at "/", Swedish lives under "/sv/".
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A page or subtree submitted for translation becomes Swedish drafts, published once translated,
# instead of live Swedish pages showing the Finnish text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Addresses in plain ASCII (ä→a, ö→o, å→a) like the seeded pages': the slug field writes them so
# as the title is typed, and text.slugs makes every saved page's new slug so on every path.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Our catalogues (rewritten by makemessages), then our overrides of Wagtail's and
# wagtail-localize's own catalogues (django and djangojs domains), which makemessages leaves
# alone: both come before every app's catalogue (README, Translations).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

LOGIN_URL = "login"
# A URL name, resolved in the language of the request: a member lands on their own page (or on
# `next`) in the language they logged in with. Logging out lands on that language's home page
# (members.views.LogoutView).
LOGIN_REDIRECT_URL = "members_home"
LOGOUT_REDIRECT_URL = None

WAGTAIL_SITE_NAME = "Tärkeissä töissä"


def site_url_from(value):
    """The site's public address as scheme://host[:port], refused if it is anything else: every
    absolute address (the Site record, the admin's and the API's links) is built from it."""
    parsed = urlparse(value.strip())
    if (
        parsed.scheme not in ("http", "https")
        or not parsed.hostname
        or parsed.path not in ("", "/")
    ):
        raise ImproperlyConfigured(
            f"SITE_URL must be like https://verkostot.example.fi, not {value!r}."
        )
    return f"{parsed.scheme}://{parsed.netloc}"


# The one setting for the site's public address (the environment's SITE_URL in production).
SITE_URL = site_url_from(os.environ.get("SITE_URL", "http://127.0.0.1:8000"))
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILDOCS_DOCUMENT_MODEL = "networks.Material"
# Documents always pass through Django's permission check, never straight from storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "networks.forms.MaterialForm"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "odt",
    "xlsx",
    "pptx",
    "txt",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
]
# Groups that read every body's members-only pages and files besides its members.
PRIVATE_MATERIAL_READER_GROUPS = ["Kääntäjät"]
MEMBERSHIP_REQUESTS_EMAIL = os.environ.get("MEMBERSHIP_REQUESTS_EMAIL", "verkostot@example.fi")
MATERIAL_MAX_UPLOAD_SIZE = int(os.environ.get("MATERIAL_MAX_UPLOAD_SIZE", 50 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# A URL name, so that a Swedish page sends visitors to the Swedish login page.
WAGTAIL_FRONTEND_LOGIN_URL = "login"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "members/password_required.html"
# The database backend (SQLite FTS5, or PostgreSQL full-text search with the "simple"
# configuration over our own lemma fields) is the embedded default and always the fallback: it
# is Wagtail's, which says in search/backends.py which way its scores go.
# ELASTICSEARCH_URL switches the default to Elasticsearch; OpenSearch works through the same
# code with "modelsearch.backends.opensearch2" (documented, not tested).
DATABASE_SEARCH = {"BACKEND": "search.backends.DatabaseSearchBackend", "SEARCH_CONFIG": "simple"}


def elasticsearch_urls(value):
    """ELASTICSEARCH_URL: one http(s) URL per node of the cluster, comma-separated; refused
    unless each is one, since a typo would otherwise show only as a search that falls back."""
    urls = [url.strip() for url in value.split(",") if url.strip()]
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ImproperlyConfigured(
                f"ELASTICSEARCH_URL must be http(s):// URLs separated by commas, not {url!r}."
            )
    return urls


ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    ELASTICSEARCH_URLS = elasticsearch_urls(ELASTICSEARCH_URL)
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "URLS": ELASTICSEARCH_URLS,
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "kt_"),
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "5")),
            # With more than one node, a request a lost node did not answer is tried on the
            # next one (the client marks the lost node dead for a while); with one node there
            # is nothing to retry on and the search falls back to the database at once.
            "OPTIONS": {
                "max_retries": len(ELASTICSEARCH_URLS) - 1,
                "retry_on_timeout": len(ELASTICSEARCH_URLS) > 1,
            },
            # A copy of every shard on another node, so a search survives a node.
            "INDEX_SETTINGS": {
                "settings": {
                    "index": {
                        "number_of_replicas": int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))
                    },
                    # Wagtail's admin listings search as people type (autocomplete) against
                    # the beginnings of each indexed word: up to 40 letters, not Wagtail's 15,
                    # which lose a Finnish word such as "kehittämisjaoksen"; the query folded
                    # as the index is (search.backends.FoldingMapping).
                    "analysis": {
                        "analyzer": {
                            "folding_analyzer": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": ["asciifolding", "lowercase"],
                            }
                        },
                        "filter": {
                            "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 40}
                        },
                    },
                }
            },
        },
        "database": DATABASE_SEARCH,
    }
else:
    # One index table, updated once: "database" is the same backend without its own updates.
    WAGTAILSEARCH_BACKENDS = {
        "default": DATABASE_SEARCH,
        "database": {**DATABASE_SEARCH, "AUTO_UPDATE": False},
    }

WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILAPI_LIMIT_MAX = 100
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# The demo's password; only dev and test settings define a default for it.
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD")

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_NAMES = {"fi": _("Finnish"), "sv": _("Swedish")}

# --- members ---
# Failed logins per username and per client address (members/throttle.py), in the cache.
# Several server processes need a shared cache (CACHES) for the limit to hold across them.
LOGIN_THROTTLE_ATTEMPTS = 5
# The cache alias the counts live in; production's Redis falls back to the database (cms/cache.py).
LOGIN_THROTTLE_CACHE = "default"
LOGIN_THROTTLE_WINDOW = 15 * 60  # seconds
# Behind a proxy that sets it, e.g. "HTTP_X_REAL_IP"; the last entry of a list is used.
LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER = os.environ.get(
    "LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER", "REMOTE_ADDR"
)
WAGTAILADMIN_USER_LOGIN_FORM = "members.forms.ThrottledAdminLoginForm"
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60  # a reset link works for a day, and only once

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# members/middleware.py: the strict policy everywhere, the admin's own under /admin/ (Wagtail's
# admin uses inline styles and scripts). No outside host in either.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'", "data:"],
    # The admin shows its page previews in a frame of its own.
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
}
CONTENT_SECURITY_POLICY_ADMIN_PATHS = ["/admin/"]
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# No outside hosts in the admin either: avatars from gravatar.com, the update check from
# releases.wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- page cache (pagecache/): anonymous visitors get public pages from the cache "default"
# (local memory unless the settings module sets CACHES; production uses Redis or a folder).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))  # seconds
PAGE_CACHE_ALIAS = "default"
# Parts of pages shared by readers who may see the same things (pagecache/templatetags).
READER_CACHE_ENABLED = env_bool("READER_CACHE_ENABLED", True)

# Documents not yet filed in a folder are opened only by these groups (and superusers) until an
# editor files them (access/documents.py).
UNFILED_DOCUMENT_READER_GROUPS = ["Editors", "Moderators"]

# --- e-mail: every message goes through a queue in the database (django-post-office), so that
# nothing is lost and no request fails while the mail server is down. `send_queued_mail` (cron
# or a systemd timer, every minute) delivers what waits and retries what failed.
EMAIL_BACKEND = "post_office.EmailBackend"
POST_OFFICE = {
    # What actually delivers (the environment's EMAIL_DELIVERY_BACKEND in production).
    "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
    "DEFAULT_PRIORITY": "medium",  # queued; delivered by the worker
    "MAX_RETRIES": 24,
    "RETRY_INTERVAL": datetime.timedelta(minutes=5),  # two hours of retries in all
    "MESSAGE_ID_ENABLED": True,
    "LOG_LEVEL": 1,  # log failures only
}
