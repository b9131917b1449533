"""Bump the content generation whenever something a page may show has changed.

Pages list their children, meetings, folders and documents, and every page shows the menu, so
working out which cached pages one change touches is easy to get wrong; a new generation makes
them all unreachable at once. That is cheap, because content changes far less often than it is
read. Moves are handled apart because treebeard moves pages with UPDATE queries, which send no
post_save. The bump happens at once and again after the transaction commits, so a page rendered
from the old data while the transaction was open is not kept.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .counter import bump_generation

# Apps whose rows pages show: pages, documents, images, people, topics, collections and view
# restrictions, sites, redirects, tags. Not sessions, users, search indexes or member visits.
WATCHED_APPS = {
    "home",
    "networks",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "taggit",
}
# Rows in those apps that no page shows to a visitor: a sign-up or a join request must not
# empty the whole cache.
IGNORED_MODELS = {"networks.meetingregistration", "networks.joinrequest"}
# Rows outside those apps that decide what a reader may see: who is in which group
# (`generation.memo` keeps each member's groups per generation).
WATCHED_MODELS = {"auth.user_groups"}
DISPATCH_UID = "generation"


def content_changed(sender=None, **kwargs):
    bump_generation()
    connection = transaction.get_connection()
    waiting = getattr(connection, "run_on_commit", ())
    # Once per transaction, however many rows it changes (a publish saves several).
    if not (connection.in_atomic_block and any(entry[1] is bump_generation for entry in waiting)):
        transaction.on_commit(bump_generation)


def model_changed(sender, **kwargs):
    label = sender._meta.label_lower
    if label in WATCHED_MODELS or (
        sender._meta.app_label in WATCHED_APPS and label not in IGNORED_MODELS
    ):
        content_changed()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(model_changed, dispatch_uid=DISPATCH_UID)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=DISPATCH_UID)
