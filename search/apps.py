from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        """A changed synonym starts a new content generation: the synonyms read per generation
        (`search.synonyms`) and the search answers kept per generation are then read anew."""
        from django.db.models.signals import post_delete, post_save

        from generation.signals import content_changed

        from .models import Synonym

        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=Synonym, dispatch_uid="search-synonym")
