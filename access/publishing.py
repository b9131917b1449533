"""Nothing goes live without a publisher: who may make content visible to more people.

A page goes live, or is seen by more people, in more ways than Wagtail's *Publish* button:
wagtail-localize's "convert to alias" (the alias takes the source's live state), its "update
translations" with *Publish immediately*, stopping a synced translation (the page leaves the
translation's draft flow), and moving a page out from under a restriction. Each asks here,
whichever screen it came from; those without the right get a submission to the approval
workflow, or a refusal that says why.

Documents have no Wagtail workflow: a file added or replaced by someone without
`networks.publish_material` waits for a publisher (`networks.approval`), and only a publisher
files an approved document where more people see it."""

from wagtail.models import PageViewRestriction

from .documents import restrictions_over

PUBLISH_DOCUMENTS = "networks.publish_material"


def may_publish(user, page):
    """Whether `user` may make `page` live (Wagtail's page permissions: the publishers)."""
    return page.permissions_for_user(user).can_publish()


def may_publish_documents(user):
    return user.is_active and user.has_perm(PUBLISH_DOCUMENTS)


def restrictions_above(page):
    """The restrictions on the page's ancestors (not its own, which move with it)."""
    return set(
        PageViewRestriction.objects.filter(page__in=page.get_ancestors()).values_list(
            "pk", flat=True
        )
    )


def move_widens_audience(page, destination):
    """Whether moving `page` under `destination` lifts a restriction that covers it now."""
    above_now = restrictions_above(page)
    if not above_now:
        return False
    above_then = set(
        PageViewRestriction.objects.filter(
            page__in=destination.get_ancestors(inclusive=True)
        ).values_list("pk", flat=True)
    )
    return not above_now <= above_then


def filing_widens_audience(place_now, place_then):
    """Whether filing a document at `place_then` instead of `place_now` shows it to more people
    (no place: editors only)."""
    if place_then is None:
        return False
    if place_now is None:
        return True
    now = {r.pk for r in restrictions_over(place_now)}
    return not now <= {r.pk for r in restrictions_over(place_then)}


def may_move(user, page, destination):
    """Anyone who may move a page may move it where as many or fewer people see it; moving it
    out from under a restriction, so that more people see it, needs a publisher."""
    return not move_widens_audience(page, destination) or may_publish(user, page)
