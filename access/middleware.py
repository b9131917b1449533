"""Private answers are private: a response worked out for who is asking says so to every cache
between the site and the reader (`Cache-Control: private`), so no proxy or front cache keeps a
member's page, search results or members-only file and hands it to someone else.

A members-only page or document is private whoever asks, a visitor's way to the login page
included: Wagtail's own serve marks restricted pages so (`add_never_cache_headers`), and
`mark_members_only` (called as a restricted document is served, `access.wagtail_hooks`) does the
same for documents."""

from django.conf import settings
from django.utils.cache import patch_cache_control
from wagtail.models import CollectionViewRestriction, PageViewRestriction

MEMBERS_ONLY = "_members_only_answer"


def mark_members_only(request):
    """What this request is answered with concerns something members-only."""
    setattr(request, MEMBERS_ONLY, True)


def depends_on_reader(request):
    """Whether what was served may differ by who asked: a signed-in user, or a session that has
    passed a page's or a collection's password. Requests without a session cookie are answered
    the same for everyone (and the session is not even opened for them)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    session = getattr(request, "session", None)
    return session is not None and any(
        session.get(model.passed_view_restrictions_session_key)
        for model in (PageViewRestriction, CollectionViewRestriction)
    )


class PrivateResponsesMiddleware:
    """Sits inside the authentication middleware, so it knows who asked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if depends_on_reader(request) or getattr(request, MEMBERS_ONLY, False):
            patch_cache_control(response, private=True)
        return response
