from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import Http404
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from access import translation_guards
from networks.views import join_request, serve_material
from pagecache import views as pagecache_views
from search import views as search_views

from .api import api_router
from .sitemap import BilingualSitemap, robots_txt

# wagtail-localize's views that can make a page live ask `access.publishing` first: these take
# their addresses before wagtail-localize's own (same names, so its links lead here). Outside
# Wagtail's admin URLs, so wrapped as those are: login, and the user's admin language.
localize_guards = [
    path(
        "admin/localize/page/<int:page_id>/convert_to_alias/",
        require_admin_access(translation_guards.convert_to_alias),
    ),
    path(
        "admin/localize/translate/<int:translation_id>/disable/",
        require_admin_access(translation_guards.stop_translation),
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        require_admin_access(translation_guards.UpdateTranslationsView.as_view()),
    ),
]

urlpatterns = [
    *localize_guards,
    path("admin/", include(wagtailadmin_urls)),
    # A document's address is its id: it stays the same when the file is replaced.
    path("documents/<int:document_id>/", serve_material, name="material"),
    path("documents/<int:document_id>/<str:document_filename>", serve_material),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()


# Images (logos) are public; documents are never served from media, only through Django's
# permission-checking document view.
def serve_image(request, path):
    """A logo from media; a name no file system can hold is a missing file, not an error."""
    try:
        return static_serve(request, path, document_root=Path(settings.MEDIA_ROOT) / "images")
    except OSError as error:
        raise Http404 from error


urlpatterns += [re_path(r"^media/images/(?P<path>.*)$", serve_image)]

# Translators: URL path of the search page; keep the trailing slash.
urlpatterns += i18n_patterns(
    path(_("haku/"), search_views.search, name="search"),
    path(_("liity/<int:body_id>/"), join_request, name="join_request"),
    # Login (limited), logout, password reset and change, the member's page, private feeds.
    path("", include("members.urls")),
    # Public feeds, newsletter subscriptions, members' e-mail alerts.
    path("", include("subscriptions.urls")),
    # Wagtail's page view with remembered routes (pagecache.views), then Wagtail's own URLs.
    re_path(wagtail_urls.serve_pattern, pagecache_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
