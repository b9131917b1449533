"""Rank of the first acceptable result for each query of a TSV, as an anonymous visitor; an
optional fourth column (`category`: "no ä/ö", "question", ...) gives hits@K per category too."""

import csv
import re

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from search.query import run_search


class Command(BaseCommand):
    help = (
        "Run the queries of a TSV (query, lang, accept_title_regex[, category]) and print hits@K,"
        " in all and per category."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--k", type=int, default=3)
        parser.add_argument("--backend", choices=["default", "database"], default="default")

    def handle(self, *args, file, k, backend, **options):
        if not Page.objects.filter(depth__gt=1).live().exists():
            raise CommandError("The database holds no content: run load_demo first.")
        with open(file, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        by_category = {}
        for row in rows:
            rank = self.rank(row["query"], row["lang"], row["accept_title_regex"], backend)
            found = by_category.setdefault((row.get("category") or "").strip(), [])
            found.append(rank is not None and rank <= k)
            self.stdout.write(f"{row['query']}\t{row['lang']}\t{rank if rank else 'miss'}")
        categories = sorted(name for name in by_category if name)
        for name in categories:
            self.stdout.write(f"hits@{k} {name}: {sum(by_category[name])}/{len(by_category[name])}")
        hits = sum(sum(found) for found in by_category.values())
        self.stdout.write(f"hits@{k}: {hits}/{len(rows)}")

    def rank(self, query, language, pattern, backend):
        accept = re.compile(pattern, re.IGNORECASE)
        request = RequestFactory().get("/", HTTP_HOST="localhost")
        request.user = AnonymousUser()
        request.session = {}
        with translation.override(language):
            outcome = run_search(request, query, language, backend=backend)
        # A rank past the first 100 is reported as not found: reading further would read a
        # common word's whole answer.
        for position, hit in enumerate(outcome.hits[:100], 1):
            if accept.search(hit.title):
                return position
        return None
