"""Members' groups follow their terms; documents get their text extracted on upload; a
newsletter issue's file takes the newsletter page's audience (`access.documents`); a body's page
is indexed again when its chair or contact person changes or is deleted. A document's
row as it was before a save is read once, here, for every receiver that compares
(`stored_material`)."""

import logging

from django.contrib.auth.signals import user_logged_in
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.search.index import insert_or_update_object

from access import documents as audience
from text.extract import ExtractionError, extract_text

from .models import BodyPage, Material, Membership, NewsletterIssue, Person

logger = logging.getLogger(__name__)


def sync_member_groups(person):
    """Give the person's user the groups of the bodies they currently belong to, no others."""
    user = person.user
    if user is None:
        return
    from .models import BodyPage

    managed = set(
        BodyPage.objects.exclude(members_group=None).values_list("members_group", flat=True)
    )
    current = set(
        Membership.objects.filter(person__user=user)
        .current()
        .exclude(body__members_group=None)
        .values_list("body__members_group", flat=True)
    )
    user.groups.remove(*(managed - current))
    user.groups.add(*current)


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    sync_member_groups(instance.person)


def stored_material(instance):
    """What the document's row held before the save under way (`file`, `body_id`), or None for
    a new document: read once per save, before it, for every receiver that compares."""
    return getattr(instance, "_stored_row", None)


@receiver(pre_save, sender=Material)
def read_stored_material(sender, instance, **kwargs):
    """The one read of the row before a document is saved: its text is extracted again only for
    a new file (below), and alerts (`subscriptions.alerts`) go out when a document reaches a
    body."""
    instance._stored_row = (
        sender.objects.filter(pk=instance.pk).values("file", "body_id").first()
        if instance.pk
        else None
    )
    extract_material_text(instance)


def extract_material_text(instance):
    """Extract a document's text when its file is uploaded or replaced, never when serving."""
    if not instance.file:
        return
    previous = (stored_material(instance) or {}).get("file")
    if previous == instance.file.name and instance.extracted_text:
        return
    try:
        instance.file.open("rb")
        instance.extracted_text = extract_text(instance.file)
    except (ExtractionError, OSError) as error:
        logger.warning("No text extracted from %s: %s", instance.file.name, error)
        instance.extracted_text = ""


@receiver(pre_save, sender=NewsletterIssue)
def remember_previous_issue_file(sender, instance, **kwargs):
    instance._previous_document_id = (
        sender.objects.filter(pk=instance.pk).values_list("document_id", flat=True).first()
    )


@receiver(post_save, sender=NewsletterIssue)
@receiver(post_delete, sender=NewsletterIssue)
def issue_file_placed(sender, instance, **kwargs):
    """An issue's file is placed by its newsletter page; a file taken off an issue waits,
    unfiled, unless it has a folder of its own."""
    previous = getattr(instance, "_previous_document_id", None)
    audience.refile_ids([pk for pk in (instance.document_id, previous) if pk])


def _bodies_naming(person):
    return list(BodyPage.objects.filter(Q(chair=person) | Q(contact_person=person)))


@receiver(pre_delete, sender=Person)
def remember_bodies_naming(sender, instance, **kwargs):
    instance._bodies_naming = [page.pk for page in _bodies_naming(instance)]


@receiver(post_save, sender=Person)
@receiver(post_delete, sender=Person)
def reindex_bodies_naming(sender, instance, **kwargs):
    """A body's page is indexed with its chair's and contact person's name, title and
    organisation: after the person is edited, or their data deleted (the chair is then empty),
    the page is indexed again, so a deleted name is no longer found."""
    remembered = getattr(instance, "_bodies_naming", None)
    pages = (
        _bodies_naming(instance)
        if remembered is None
        else BodyPage.objects.filter(pk__in=remembered)
    )
    for page in pages:
        insert_or_update_object(page)


@receiver(user_logged_in)
def refresh_groups_on_login(sender, user, **kwargs):
    """A term that ended since the last save stops giving access at the next login at the latest."""
    for person in Person.objects.filter(user=user):
        sync_member_groups(person)
