"""The sitemap: every live page a visitor may open, in both languages, each with its
translations as `xhtml:link` alternates (and Finnish as `x-default`), on `SITE_URL`.

Wagtail's own sitemap lists the default site's tree only (the Finnish one: the Swedish home is
its sibling) and its `.public()` adds a condition per restriction. Here both languages' trees
are listed, and what a visitor may see comes from the one place that decides it
(`access.visibility`), like search and the public feeds."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from access.readers import Reader
from access.visibility import visible_pages
from networks.addresses import absolute_url


class BilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        pages = Page.objects.filter(in_a_tree).select_related("locale")
        return visible_pages(Reader.visitor(), pages).order_by("path")

    @cached_property
    def translations(self):
        """Each translation key's pages as (language, address), Finnish first."""
        found = defaultdict(list)
        for page in self.items():
            found[page.translation_key].append((page.locale.language_code, location(page)))
        for addresses in found.values():
            addresses.sort(key=lambda pair: pair[0] != settings.LANGUAGE_CODE)
        return found

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            translations = self.translations[item.translation_key]
            alternates = []
            if len(translations) > 1:
                alternates = [{"lang_code": code, "location": url} for code, url in translations]
                default = dict(translations).get(settings.LANGUAGE_CODE)
                if default:
                    alternates.append({"lang_code": "x-default", "location": default})
            urls.append(
                {
                    "item": item,
                    "location": location(item),
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        return urls


def location(page):
    return absolute_url(page.get_url())


def robots_txt(request):
    """Crawl everything public; the sitemap on the site's public address."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
