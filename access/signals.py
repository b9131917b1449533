"""Documents follow their place on every change that can move the place in or out of a
restriction: a restriction added, changed (its type, password or groups) or removed on the place
or an ancestor, a page moved, a page deleted (its documents wait, unfiled, for an editor).

The rule itself is in `access.documents`; these handlers only say when to apply it. Each runs
at once, inside the change's transaction, so no request ever sees a file in its old audience."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from . import documents

DISPATCH_UID = "access-documents"


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        documents.refile_under(page)


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, PageViewRestriction
    ):
        restriction_changed(sender, instance)


def page_moved(sender, instance, **kwargs):
    documents.refile_under(instance)


def page_deleting(sender, instance, **kwargs):
    instance._access_placed_documents = documents.documents_placed_at(instance)


def page_deleted(sender, instance, **kwargs):
    documents.refile_ids(getattr(instance, "_access_placed_documents", ()))


def connect():
    for signal in (post_save, post_delete):
        signal.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=DISPATCH_UID)
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid=DISPATCH_UID,
    )
    post_page_move.connect(page_moved, dispatch_uid=DISPATCH_UID)
    # Every page type's deletion also deletes its `Page` row, with these signals for it.
    pre_delete.connect(page_deleting, sender=Page, dispatch_uid=DISPATCH_UID)
    post_delete.connect(page_deleted, sender=Page, dispatch_uid=DISPATCH_UID)
