"""Factories for tests that build only what they need, instead of loading the demo site.

`HomePageFactory()` makes a Finnish home page and the default site's root, so the test client
reaches it at `/` and pages under it by their `url`. The networks app's factories
(`networks.factories`) put their pages under the default site's root, so after this they are
under the home page. Everything is undone with the test's transaction."""

import factory
import wagtail_factories
from django.conf import settings
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page, Site

from home.models import HomePage


class LocaleFactory(DjangoModelFactory):
    """A content language's locale, made once (`migrate` makes the Finnish one)."""

    language_code = settings.LANGUAGE_CODE

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class HomePageFactory(wagtail_factories.PageFactory):
    """A Finnish home page under the tree's root, made the default site's root page;
    `HomePageFactory(site=False)` leaves the site alone."""

    title = factory.Sequence(lambda n: f"Etusivu {n}")
    slug = factory.Sequence(lambda n: f"etusivu-{n}")
    parent = factory.LazyFunction(Page.get_first_root_node)
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = HomePage
        skip_postgeneration_save = True

    @factory.post_generation
    def languages(page, create, extracted, **kwargs):
        """Every content language's locale, as `setup_site` makes them: the language switcher
        of the site chrome looks them up."""
        if create:
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
                LocaleFactory(language_code=code)

    @factory.post_generation
    def site(page, create, extracted, **kwargs):
        """Point the default site (there is one after `migrate`) at the new home page."""
        if not create or extracted is False:
            return
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=page, is_default_site=True)
        else:
            site.root_page = page
            site.save()
