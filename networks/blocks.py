"""StreamField blocks for the programme and its bodies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ListItemBlock(blocks.CharBlock):
    """One entry of an ordered list (a goal, a task, a theme): kept as its own segment
    so that translators and the API see the items, not one blob of HTML."""

    class Meta:
        icon = "list-ol"
        template = "networks/blocks/list_item.html"


def ordered_list(item_label):
    """An ordered list of short texts; its order is the stored order."""
    return [("item", ListItemBlock(label=item_label))]


class PeriodBlock(blocks.StructBlock):
    """A period in the programme's history (Kunteko 2020, Kuntatyö2030, the 2022 agreement)."""

    name = blocks.CharBlock(label=_("Name"))
    start_year = blocks.IntegerBlock(label=_("Start year"), min_value=1900, max_value=2100)
    end_year = blocks.IntegerBlock(
        label=_("End year"), required=False, min_value=1900, max_value=2100
    )
    funded_by = blocks.CharBlock(label=_("Funded by"), required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)
    commitments = blocks.ListBlock(
        blocks.CharBlock(label=_("Commitment")), label=_("Commitments"), default=[]
    )

    class Meta:
        icon = "date"
        label = _("Period")
        template = "networks/blocks/period.html"


class LogoBlock(blocks.StructBlock):
    """A funder's or programme's logo, named so that the name also serves as its alt text."""

    name = blocks.CharBlock(label=_("Name"))
    image = ImageChooserBlock(label=_("Logo"), required=False)
    url = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "image"
        label = _("Logo")
        template = "networks/blocks/logo.html"


class AttachmentBlock(DocumentChooserBlock):
    class Meta:
        icon = "doc-full"
        label = _("Attachment")
        template = "networks/blocks/attachment.html"


class SavedListingBlock(blocks.StructBlock):
    """A saved listing placed on a page; its items are queried each time the page is shown,
    so the listing stays current without anyone editing the page."""

    heading = blocks.CharBlock(
        label=_("Heading"), required=False, help_text=_("Empty: the listing's own name.")
    )
    listing = SnippetChooserBlock("networks.SavedListing", label=_("Saved listing"))

    class Meta:
        icon = "list-ul"
        label = _("Saved listing")
        template = "networks/blocks/saved_listing.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        listing = value["listing"]
        context["entries"] = listing.entries(request) if listing and request else []
        return context


def listings_field():
    """The StreamField that places saved listings on a page."""
    return StreamField(
        [("saved_listing", SavedListingBlock())], verbose_name=_("saved listings"), blank=True
    )
