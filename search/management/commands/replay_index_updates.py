"""Apply the index updates recorded while the search engine was down."""

from django.core.management.base import BaseCommand
from wagtail.search.backends import get_search_backend

from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Replay search index updates that the engine missed while it was down."

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default")

    def handle(self, *args, backend, **options):
        engine = get_search_backend(backend)
        if not hasattr(engine, "replay_pending"):
            self.stdout.write("This backend keeps no pending updates.")
            return
        applied = engine.replay_pending()
        left = PendingIndexUpdate.objects.count()
        self.stdout.write(f"Replayed {applied} index updates; {left} still pending.")
