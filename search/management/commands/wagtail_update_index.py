"""`manage.py wagtail_update_index`: Wagtail's other name for `update_index`, shadowed too, so
that whichever name an operator types, a full rebuild drops the replayed updates and bumps the
content generation (see update_index.py)."""

from search.management.commands.update_index import Command  # noqa: F401
