"""What a backup must bring back, counted in the services the environment points at: printed as
one JSON object. Run by tests/topology/run.py against the site and against its restored copy.

Every document's file is read from the storage (its size compared with what the storage says),
and one page is looked up in the search index, so "restored" means usable, not only counted.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from wagtail.models import Page, PageViewRestriction  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from networks.models import Material, MaterialVersion, Membership  # noqa: E402
from subscriptions.models import MemberAlert, NewsletterSubscription  # noqa: E402


def readable_files():
    readable = 0
    for material in Material.objects.all():
        with material.file.open("rb") as handle:
            if len(handle.read()) == material.file.size:
                readable += 1
    return readable


def found_in_index(title):
    if not title:
        return None
    results = get_search_backend().search(title, Page.objects.live())
    return any(page.title == title for page in results[:20])


title = sys.argv[1] if len(sys.argv) > 1 else ""
print(
    json.dumps(
        {
            "pages": Page.objects.count(),
            "live pages": Page.objects.live().count(),
            "documents": Material.objects.count(),
            "document versions": MaterialVersion.objects.count(),
            "readable document files": readable_files(),
            "memberships": Membership.objects.count(),
            "newsletter subscriptions": NewsletterSubscription.objects.count(),
            "member alerts": MemberAlert.objects.count(),
            "users": get_user_model().objects.count(),
            "view restrictions": PageViewRestriction.objects.count(),
            "found in the search index": found_in_index(title),
        },
        sort_keys=True,
    )
)
