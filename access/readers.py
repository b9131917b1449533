"""Who is asking: a request, or a `Reader` where there is none.

The access rules (`access.visibility`) read the asker's user and session (a page's shared
password is remembered in the session) and keep what they worked out on the asker for the rest
of its life. A request does all of that. Outside a request — a member's private feed opened by
token, an e-mail alert, the public feeds built for every visitor — a `Reader` stands in for it,
so every path asks the same rules the same way."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser


@dataclass(eq=False)
class Reader:
    """A user reading the site without a request: nobody's shared password has been given.

    Not frozen: the access rules keep per-reader facts on it, as they do on a request."""

    user: object = field(default_factory=AnonymousUser)
    session: dict = field(default_factory=dict)

    @classmethod
    def visitor(cls):
        """Anyone at all: what the public feeds and the sitemap may show."""
        return cls()

    @classmethod
    def member(cls, user):
        """`user` as a signed-in member, loaded with their groups so that checking each group
        restriction costs no query."""
        return cls(user=get_user_model().objects.prefetch_related("groups").get(pk=user.pk))
