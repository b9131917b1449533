"""The editors' side of the demo: saved listings placed on pages and review dates on
knowledge-bank material (the approval workflow is every site's: `setup_site`). Safe to run
twice."""

import datetime

from wagtail.models import Page

from networks.models import BodyPage, KnowledgeBankPage, SavedListing, Topic
from networks.models.choices import ContentKind, ListingOrder

SAVED_LISTINGS = [
    {
        "name": "Kaikki pöytäkirjat 2020",
        "name_sv": "Alla protokoll 2020",
        "kind": ContentKind.MINUTES,
        "year_from": 2020,
        "year_to": 2020,
        "ordering": ListingOrder.OLDEST,
        "limit": 20,
        "place_on": ("home.HomePage", None),
    },
    {
        "name": "Työsuojelun aineisto väkivallasta työssä",
        "name_sv": "Arbetarskyddsmaterial om våld i arbetet",
        "kind": ContentKind.MATERIALS,
        "body": "tyosuojelupaallikoiden-verkosto",
        "topics": ["tyovakivalta"],
        "ordering": ListingOrder.NEWEST,
        "limit": 10,
        "place_on": ("networks.KnowledgeBankPage", "tyosuojelun-tietopankki"),
    },
]

# Knowledge-bank material is checked this many years after the year it is from.
REVIEW_AFTER_YEARS = 3


def make_saved_listings(home):
    """The demo's saved listings (editors' rights to keep them: `home.roles`)."""
    for spec in SAVED_LISTINGS:
        spec = dict(spec)
        topics, body_slug = spec.pop("topics", []), spec.pop("body", None)
        model_name, slug = spec.pop("place_on")
        body = BodyPage.objects.get(slug=body_slug, locale=home.locale) if body_slug else None
        listing, _ = SavedListing.objects.get_or_create(
            name=spec.pop("name"), defaults={**spec, "body": body}
        )
        listing.topics.set(Topic.objects.filter(slug__in=topics))
        listing.save()
        page = home if slug is None else Page.objects.descendant_of(home).get(slug=slug).specific
        if not page.listings:
            page.listings = [("saved_listing", {"heading": "", "listing": listing})]
            page.save_revision().publish()


def set_review_dates():
    banks = KnowledgeBankPage.objects.all()
    for bank in banks:
        for material in bank.materials().filter(review_date=None).exclude(year=None):
            material.review_date = datetime.date(material.year + REVIEW_AFTER_YEARS, 1, 1)
            material.save(update_fields=["review_date"])
