"""The editors' side of the demo: saved listings placed on pages, the approval workflow and
review dates on knowledge-bank material. Safe to run twice."""

import datetime

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from networks.models import BodyPage, KnowledgeBankPage, SavedListing, Topic
from networks.models.listings import ContentKind, ListingOrder

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

WORKFLOW_NAME = "Julkaisijan hyväksyntä"
TASK_NAME = "Julkaisija hyväksyy"
# Knowledge-bank material is checked this many years after the year it is from.
REVIEW_AFTER_YEARS = 3


def make_saved_listings(home):
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="networks",
                codename__in=["add_savedlisting", "change_savedlisting", "delete_savedlisting"],
            )
        )
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


def make_workflow():
    """An editor (Editors) submits, a publisher (Moderators) approves; set on the root page, so
    it covers both languages' trees."""
    moderators = Group.objects.get(name="Moderators")
    task, _ = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root = Page.get_first_root_node()
    for other in Workflow.objects.filter(active=True).exclude(pk=workflow.pk):
        if other.workflow_pages.filter(page=root).exists():
            other.deactivate()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def set_review_dates():
    banks = KnowledgeBankPage.objects.all()
    for bank in banks:
        for material in bank.materials().filter(review_date=None).exclude(year=None):
            material.review_date = datetime.date(material.year + REVIEW_AFTER_YEARS, 1, 1)
            material.save(update_fields=["review_date"])
