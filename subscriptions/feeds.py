"""Public feeds: each body's RSS (meetings, minutes, materials) and iCalendar, and one
calendar of every meeting.

A public feed shows what an anonymous visitor may see, whoever asks for it: feed readers
fetch without cookies, and the same answer can be cached for everyone. The body's page in
the URL may be in either language; the feed is in the language of the address.
"""

from django.db.models import F, Q
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from access.readers import Reader
from access.visibility import visible_documents, visible_pages
from networks import feeds
from networks.addresses import absolute_url
from networks.lookups import existing_id_or_404, text_or_404
from networks.material_changes import last_changed_first
from networks.models import BodyPage, Material, MeetingPage, MinutesPage
from networks.translations import one_per_translation
from networks.tree import children_of, parent_path

FEED_MINUTES = 20
FEED_MEETINGS = 20
FEED_MATERIALS = 30
CACHE_SECONDS = 15 * 60


def public_pages(queryset=None):
    return visible_pages(Reader.visitor(), queryset)


def site_roots(site):
    """The site's home page in every language, the active language's first."""
    roots = list(
        Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale")
    )
    roots.sort(key=lambda root: root.locale.language_code != get_language())
    return roots


def body_path(body):
    """The body's address below its language's home page, e.g. 'verkostot/hr-verkosto'."""
    site = body.get_site()
    for root in site_roots(site) if site else []:
        if body.url_path.startswith(root.url_path):
            return body.url_path[len(root.url_path) :].strip("/")
    return None


def public_body(request, path):
    """The body at `path` in the language of the request, if a visitor may see it; else 404.
    A body not translated into that language is found under its own language's path."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    path = text_or_404(path)
    url_paths = [f"{root.url_path}{path.strip('/')}/" for root in site_roots(site)]
    found = public_pages(BodyPage.objects.filter(url_path__in=url_paths)).first()
    if found is None:
        raise Http404
    bodies = list(
        public_pages(BodyPage.objects.filter(translation_key=found.translation_key)).select_related(
            "locale"
        )
    )
    return one_per_translation(bodies, get_language())[0], bodies


def with_bodies(meetings, language):
    """(meeting, body) pairs in `language` where translated: the body is the meeting's parent."""
    meetings = one_per_translation(meetings, language)
    parents = {
        body.path: body
        for body in BodyPage.objects.filter(path__in={parent_path(m) for m in meetings})
    }
    pairs = [(m, parents[parent_path(m)]) for m in meetings if parent_path(m) in parents]
    pairs.sort(key=lambda pair: (pair[0].date, pair[0].title))
    return pairs


def body_meetings(body, bodies):
    """The body's own meetings and the joint meetings another body organises with it."""
    meetings = (
        public_pages(MeetingPage.objects.all())
        .filter(children_of(bodies) | Q(organisers__body__translation_key=body.translation_key))
        .distinct()
        .select_related("locale")
    )
    return with_bodies(meetings, get_language())


def body_minutes(meetings):
    """Minutes under the meetings (in any language), each with its meeting in this language."""
    translation_keys = {meeting.translation_key for meeting, _body in meetings}
    all_meetings = {
        m.path: m
        for m in MeetingPage.objects.filter(translation_key__in=translation_keys).only(
            "path", "depth", "translation_key"
        )
    }
    localized = {meeting.translation_key: meeting for meeting, _body in meetings}
    minutes = public_pages(MinutesPage.objects.filter(children_of(all_meetings.values())))
    pairs = []
    for page in one_per_translation(minutes.select_related("locale"), get_language()):
        parent = all_meetings.get(parent_path(page))
        if parent is not None:
            pairs.append((page, localized[parent.translation_key]))
    return pairs


def body_materials(body):
    materials = Material.objects.filter(body__translation_key=body.translation_key).annotate(
        body_key=F("body__translation_key")
    )
    return visible_documents(Reader.visitor(), last_changed_first(materials))


def _published(pair):
    page = pair[0]
    return page.first_published_at or page.latest_revision_created_at


def public(response, content_type):
    response["Content-Type"] = content_type
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


@require_safe
def body_news(request, path):
    body, bodies = public_body(request, path)
    meetings = body_meetings(body, bodies)
    items = [
        feeds.meeting_item(meeting, None, request)
        for meeting, _body in sorted(meetings, key=_published, reverse=True)[:FEED_MEETINGS]
    ]
    minutes = body_minutes(meetings)
    minutes.sort(key=_published, reverse=True)
    items += [
        feeds.minutes_item(page, meeting, None, request) for page, meeting in minutes[:FEED_MINUTES]
    ]
    items += [
        feeds.material_item(material, None, request)
        for material in body_materials(body)[:FEED_MATERIALS]
    ]
    content = feeds.rss_feed(
        _("%(body)s: meetings, minutes and materials") % {"body": body.title},
        absolute_url(body.get_url(request)),
        _("The latest meetings, minutes and materials of %(body)s.") % {"body": body.title},
        items,
        request,
        absolute_url(request.get_full_path()),
    )
    return public(HttpResponse(content), "application/rss+xml; charset=utf-8")


@require_safe
def body_calendar(request, path):
    body, bodies = public_body(request, path)
    content = feeds.meetings_calendar(
        _("%(body)s: meetings") % {"body": body.title}, body_meetings(body, bodies), request
    )
    return public(HttpResponse(content), "text/calendar; charset=utf-8")


@require_safe
def all_meetings_calendar(request):
    meetings = public_pages(MeetingPage.objects.all()).select_related("locale")
    content = feeds.meetings_calendar(
        _("Meetings of KT's work-life networks"), with_bodies(meetings, get_language()), request
    )
    return public(HttpResponse(content), "text/calendar; charset=utf-8")


@require_safe
def meeting_calendar(request, meeting_id):
    """One meeting as an iCalendar file, for "Add to calendar": the meeting must be one the
    asker may see (a members-only meeting only for its members, and then not kept by shared
    caches), and known at least to the month."""
    meetings = visible_pages(request, MeetingPage.objects.all())
    meeting = meetings.filter(pk=existing_id_or_404(meeting_id)).first()
    if meeting is None or not feeds.in_calendar(meeting):
        raise Http404
    content = feeds.meetings_calendar(
        meeting.title, [(meeting, meeting.get_parent().specific)], request
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    if meeting.get_view_restrictions().exists() or request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
