"""`manage.py update_index`: this command shadows Wagtail's own `update_index`
(wagtail.search's, which is modelsearch's `rebuild_modelsearch_index`). Django runs the command
of the first app in INSTALLED_APPS that has one, and `search` comes before `wagtail.search`.

Why: after a full rebuild the index holds everything, so the updates the engine missed while it
was down (`PendingIndexUpdate`, replayed by `replay_index_updates`) are dropped, and the content
generation is bumped, since answers kept under it came from the old index. On the way it shows
a progress bar. The rebuild is Wagtail's, except that on Elasticsearch the next chunk's
documents are built while the last one is sent: built one after the other, the engine and
Python each waited for the other half of the time (100,000 materials: 146 s, bench/README.md).
`wagtail_update_index`, Wagtail's other name for its command, is shadowed by the same command
(wagtail_update_index.py).
"""

from concurrent.futures import ThreadPoolExecutor

from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.index import class_is_indexed, get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import (
    DEFAULT_CHUNK_SIZE,
    group_models_by_index,
)
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

    def update_backend(self, backend_name, schema_only=False, chunk_size=DEFAULT_CHUNK_SIZE):
        backend = get_search_backend(backend_name)
        if schema_only or not isinstance(backend, ElasticsearchBaseSearchBackend):
            return super().update_backend(backend_name, schema_only, chunk_size)
        self.write("Updating backend: " + backend_name)
        for index, models in group_models_by_index(backend, get_indexed_models()).items():
            self.write(f"{backend_name}: Rebuilding index {index}")
            rebuilder = backend.rebuilder_class(index)
            index = rebuilder.start()
            for model in models:
                index.add_model(model)
            with ThreadPoolExecutor(max_workers=1) as sender:
                count = sum(
                    self.send_model(backend, index, model, sender, chunk_size) for model in models
                )
            rebuilder.finish()
            self.write(f"{backend_name}: indexed {count} objects")
            self.print_newline()

    def send_model(self, backend, index, model, sender, chunk_size):
        """Index `model`'s objects, building a chunk's documents while the last is sent."""
        if not class_is_indexed(model):
            return 0
        self.write(f"{model._meta.label} ".ljust(35), ending="")
        mapping, sending, count = index.mapping_class(model), None, 0
        objects = model.get_indexed_objects().order_by("pk")
        for chunk in self.print_iter_progress(self.queryset_chunks(objects, chunk_size)):
            actions = [
                {"_id": mapping.get_document_id(item), **mapping.get_document(item)}
                for item in chunk
            ]
            if sending is not None:
                sending.result()  # an error stops the rebuild, as Wagtail's does
            sending = sender.submit(backend.bulk, index.es, actions, index=index.name)
            count += len(chunk)
        if sending is not None:
            sending.result()
        self.print_newline()
        return count

    def handle(self, **options):
        super().handle(**options)
        if not options.get("schema_only"):
            # A full rebuild includes everything the engine missed while it was down.
            PendingIndexUpdate.objects.all().delete()
            bump_generation()  # stored search answers come from the old index
