from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Term


class TermViewSet(SnippetViewSet):
    """Editors keep the glossary; translators see it beside the segment editor."""

    model = Term
    icon = "openquote"
    menu_label = _("Glossary")
    menu_name = "glossary"
    menu_order = 910
    add_to_admin_menu = True
    list_display = ["finnish", "swedish", "note"]
    search_fields = ["finnish", "swedish", "avoid", "note"]
    ordering = ["finnish"]


register_snippet(TermViewSet)
