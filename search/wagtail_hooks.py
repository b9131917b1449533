"""Everything the search adds to the admin: the synonyms editors keep."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    """Editors and publishers keep the words people search with (`home.roles`)."""

    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    menu_order = 920
    add_to_admin_menu = True
    list_display = ["word", "synonyms", "direction", "language"]
    list_filter = ["language", "direction"]
    search_fields = ["word", "synonyms"]
    ordering = ["language", "word"]


register_snippet(SynonymViewSet)
