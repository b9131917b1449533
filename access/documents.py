"""A document's audience follows its place: whoever may open the folder may open its files, and
nobody else, however the file got there.

Wagtail serves, lists, searches and feeds documents by their collection's view restrictions, so
the collection is never chosen by hand: it is worked out from the document's place (its folder,
or for a newsletter issue's file the newsletter page) on every save, whatever screen or command
saves it, and again for every document under a page whenever that page moves or a restriction
on it or on an ancestor is added, changed or removed (`access.signals`).

- A place under no restriction: the body's public collection (or the root collection).
- A place under restrictions: the collection of its nearest restricted page, nested inside the
  collections of the restricted pages above it, each holding a copy of its page's restriction.
  A reader opens the file only if they pass every restriction on the way, as for the page.
  A *groups* restriction admits the same groups (members, the translators who translate their
  pages, superusers); a *login* restriction any signed-in user; a *password* restriction asks
  for the same password before the file opens.
- No place (a file uploaded but not yet filed), or a first file that waits for a publisher's
  approval (`access.publishing`): the editors' collection, which only editors
  (`UNFILED_DOCUMENT_READER_GROUPS`) and superusers open.

The document model tells where a document is placed: `document.audience_place()` (a page or
None), `document.audience_pending()` (waiting for approval), `document.audience_public_collection()`
(or None for the root) and `Model.placed_under(page)` (the documents placed at or under a
page)."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from .models import AudienceCollection

UNFILED_NAME = "Kansioon viemättömät – vain toimittajille"


def all_restrictions():
    """Every page restriction with its page and groups, outermost first: read once to describe
    many places (a form's list of folders)."""
    return list(
        PageViewRestriction.objects.select_related("page")
        .prefetch_related("groups")
        .order_by("page__depth", "pk")
    )


def restrictions_over(page, restrictions=None):
    """The view restrictions on the page and its ancestors, outermost first; from
    `restrictions` (`all_restrictions()`) when given, else from the database."""
    if restrictions is not None:
        return [r for r in restrictions if page.path.startswith(r.page.path)]
    paths = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    return list(
        PageViewRestriction.objects.filter(page__path__in=paths)
        .select_related("page")
        .prefetch_related("groups")
        .order_by("page__depth", "pk")
    )


def collection_for(place, public=None):
    """The collection a document placed at `place` (a page, or None) belongs in."""
    if place is None:
        return unfiled_collection()
    restrictions = restrictions_over(place)
    if not restrictions:
        return public or Collection.get_first_root_node()
    parent = Collection.get_first_root_node()
    for restriction in _one_per_page(restrictions):
        parent = _mirror(restriction, parent)
    return parent


def collection_of(document):
    if document.audience_pending():
        return unfiled_collection()
    return collection_for(document.audience_place(), document.audience_public_collection())


def _one_per_page(restrictions):
    seen, kept = set(), []
    for restriction in restrictions:
        if restriction.page_id not in seen:
            seen.add(restriction.page_id)
            kept.append(restriction)
    return kept


def _mirror(restriction, parent):
    """The collection of a restricted page, inside `parent`, with a copy of its restriction."""
    link = (
        AudienceCollection.objects.filter(page_id=restriction.page_id)
        .select_related("collection")
        .first()
    )
    if link is None:
        collection = parent.add_child(name=_collection_name(restriction.page))
        AudienceCollection.objects.create(page_id=restriction.page_id, collection=collection)
    else:
        collection = link.collection
        if not collection.is_child_of(parent):
            collection.move(parent, pos="sorted-child")
            collection.refresh_from_db()
    _copy(restriction.restriction_type, restriction.password, restriction.groups.all(), collection)
    return collection


def _collection_name(page):
    titles = [p.title for p in page.get_ancestors().filter(depth__gt=2)] + [page.title]
    return " / ".join(titles)[:255]


def _copy(kind, password, groups, collection):
    """Give the collection exactly this restriction; write only what differs, so that saving a
    document does not change the content generation for nothing."""
    wanted = set(groups)
    existing = list(CollectionViewRestriction.objects.filter(collection=collection))
    restriction = existing[0] if existing else None
    for extra in existing[1:]:
        extra.delete()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=kind, password=password
        )
    elif (restriction.restriction_type, restriction.password) != (kind, password):
        restriction.restriction_type, restriction.password = kind, password
        restriction.save()
    if set(restriction.groups.all()) != wanted:
        restriction.groups.set(wanted)


def unfiled_collection():
    """Where a document waits until it is filed: editors and superusers only."""
    link = AudienceCollection.objects.filter(page__isnull=True).select_related("collection").first()
    if link is None:
        collection = Collection.get_first_root_node().add_child(name=UNFILED_NAME)
        link = AudienceCollection.objects.create(collection=collection)
    groups = Group.objects.filter(name__in=settings.UNFILED_DOCUMENT_READER_GROUPS)
    _copy(CollectionViewRestriction.GROUPS, "", groups, link.collection)
    return link.collection


def refile(documents):
    """Save each document whose collection is not the one its place gives; saving puts it there
    (the document model's `save`) and updates the search index. Returns how many moved."""
    moved = 0
    for document in documents:
        if document.collection_id != collection_of(document).pk:
            document.save()
            moved += 1
    return moved


def refile_under(page):
    """After `page` moved or a restriction on it changed: its documents and those of every
    page under it follow."""
    Document = get_document_model()
    return refile(Document.placed_under(page).select_related("collection"))


def refile_all():
    return refile(get_document_model().objects.select_related("collection"))


def documents_placed_at(page):
    """Documents placed at or under `page`, read before it is deleted: afterwards their place
    is gone (set to none) and they wait, unfiled, for an editor."""
    return list(get_document_model().placed_under(page).values_list("pk", flat=True))


def refile_ids(document_ids):
    if document_ids:
        refile(get_document_model().objects.filter(pk__in=document_ids))


# Who will see it, in words ------------------------------------------------------------------


def describe_restrictions(restrictions):
    """One sentence for the people who pass all these restrictions (outermost first)."""
    if not restrictions:
        return _("Visible to everyone.")
    group_sets = [
        {group.name for group in r.groups.all()}
        for r in restrictions
        if r.restriction_type == r.GROUPS
    ]
    if group_sets:
        names = sorted(set.intersection(*group_sets))
        if not names:
            return _("Visible to superusers only.")
        return _("Visible only to: %(groups)s.") % {"groups": ", ".join(names)}
    if any(r.restriction_type == r.PASSWORD for r in restrictions):
        return _("Visible only to those who know the page's password.")
    return _("Visible to signed-in users only.")


def describe_place(place, restrictions=None):
    """Who will see a file filed at `place`, for the editor choosing the folder."""
    if place is None:
        return describe_unfiled()
    return describe_restrictions(restrictions_over(place, restrictions))


def describe_unfiled():
    return _("Visible to editors only until it is filed in a folder.")


def describe_pending():
    return _("Visible to editors only until a publisher approves it.")


def describe(document):
    """Who sees this document now, read from its collection."""
    if document.audience_pending():
        return describe_pending()
    if document.collection_id is None:
        return describe_unfiled()
    link = AudienceCollection.objects.filter(collection_id=document.collection_id).first()
    if link is not None and link.page_id is None:
        return describe_unfiled()
    collection = document.collection
    restrictions = list(
        collection.get_view_restrictions().select_related("collection").prefetch_related("groups")
    )
    restrictions.sort(key=lambda r: r.collection.depth)
    return describe_restrictions(restrictions)
