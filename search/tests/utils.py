from wagtail.search.backends import get_search_backend


def refresh_index(model):
    """Make the engine show what was just indexed (Elasticsearch refreshes once a second)."""
    backend = get_search_backend()
    index = backend.get_index_for_model(model) if hasattr(backend, "get_index_for_model") else None
    if index is not None and hasattr(index, "refresh"):
        index.refresh()
