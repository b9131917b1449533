"""Settings for the server process that tests/browser starts.

cms.settings.test, but with one fixed MEDIA_ROOT shared by the `migrate`, `load_demo`
and `runserver` processes (cms.settings.test makes a new temp dir per process).
Static files are served by `runserver --insecure` (DEBUG stays off).
"""

import os

from cms.settings.test import *  # noqa: F403

DEBUG = False
MEDIA_ROOT = os.environ["KT_BROWSER_MEDIA_ROOT"]
# The server's own address is the site's public address: canonical and hreflang links, the
# sitemap and the API point where the browser and the independent checkers can follow them.
SITE_URL = os.environ.get("KT_BROWSER_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = SITE_URL
# The real site, page cache included.
PAGE_CACHE_ENABLED = True

if ELASTICSEARCH_URL:  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = "kt_browser_"  # noqa: F405
