"""`manage.py update_index`: this command shadows Wagtail's own `update_index`
(wagtail.search's, which is modelsearch's `rebuild_modelsearch_index`). Django runs the command
of the first app in INSTALLED_APPS that has one, and `search` comes before `wagtail.search`.

Why: after a full rebuild the index holds everything, so the updates the engine missed while it
was down (`PendingIndexUpdate`, replayed by `replay_index_updates`) are dropped, and the content
generation is bumped, since answers kept under it came from the old index. On the way it shows
a progress bar. The rebuild itself is Wagtail's, unchanged. `wagtail_update_index`, Wagtail's
other name for its command, is shadowed by the same command (wagtail_update_index.py).
"""

from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as RebuildCommand,
)

from generation.counter import bump_generation
from search.models import PendingIndexUpdate

BAR_WIDTH = 30


class Command(RebuildCommand):
    def queryset_chunks(self, qs, chunk_size=1000):
        self._total = qs.count()
        self._done = 0
        yield from super().queryset_chunks(qs, chunk_size)

    def print_iter_progress(self, iterable):
        for chunk in iterable:
            yield chunk
            self._done += len(chunk)
            share = self._done / self._total if self._total else 1
            filled = int(BAR_WIDTH * share)
            bar = "#" * filled + "." * (BAR_WIDTH - filled)
            self.write(f"\r    [{bar}] {share:4.0%} {self._done}/{self._total}", ending="")
            self.stdout.flush()

    def handle(self, **options):
        super().handle(**options)
        if not options.get("schema_only"):
            # A full rebuild includes everything the engine missed while it was down.
            PendingIndexUpdate.objects.all().delete()
            bump_generation()  # stored search answers come from the old index
