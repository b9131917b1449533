"""Page addresses in plain ASCII: "Kevätkokous" → "kevatkokous", "Mötets öppnande" →
"motets-oppnande", the way the seeded pages read and the way Wagtail's slug field writes them
with `WAGTAIL_ALLOW_UNICODE_SLUGS = False` (its Latin map: ä→a, ö→o, å→a, æ→ae, ø→o, ß→ss).

The one rule for every path that creates or renames a page: Wagtail's create and edit views,
copying, wagtail-localize's translations (whose slug segment a translator may type with ä and
ö), our own views and the commands all save the page, and `ascii_page_slug` runs before every
save. Addresses that are already stored are never rewritten: a page keeps its address until
someone gives it a new one."""

from django.db.models.signals import pre_save
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

# What Unicode decomposition (NFKD) alone would drop rather than spell out.
_SPELLED_OUT = str.maketrans({"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d"})


def ascii_slug(text):
    """A slug of `text` in lower-case ASCII letters, digits and hyphens."""
    return slugify(str(text).translate(_SPELLED_OUT), allow_unicode=False)


def _stored_slug(page):
    if page.pk is None:
        return None
    return Page.objects.filter(pk=page.pk).values_list("slug", flat=True).first()


def ascii_page_slug(sender, instance, **kwargs):
    """Before a page is saved: a new or changed slug that is not ASCII becomes ASCII, made
    unique among the page's siblings as Wagtail does (`-1`, `-2`, ...)."""
    if not isinstance(instance, Page) or not instance.slug or instance.slug.isascii():
        return
    if kwargs.get("raw") or _stored_slug(instance) == instance.slug:
        return
    slug = ascii_slug(instance.slug) or ascii_slug(instance.title) or "page"
    parent = instance.get_parent() if instance.path else None
    if parent is not None:
        slug = find_available_slug(parent, slug, ignore_page_id=instance.pk)
    instance.slug = slug


def slug_from_title(request, parent_page, page_class):
    """Wagtail's `before_create_page`: a new page sent without a slug gets one from its title,
    ASCII and free under its parent. The admin's script writes the slug when the title field
    is left; a page saved before that script has run (a slow phone or connection, a hurried
    click) was refused for a field on another tab ("Nosto (1 virhe)") the editor never saw."""
    if request.method != "POST" or request.POST.get("slug", "").strip():
        return None
    title = request.POST.get("title", "")
    if not title.strip():
        return None  # the title's own error says what is missing
    data = request.POST.copy()
    data["slug"] = find_available_slug(parent_page, ascii_slug(title) or "page")
    request.POST = data
    return None


def connect():
    pre_save.connect(ascii_page_slug, dispatch_uid="text.ascii_page_slug")
