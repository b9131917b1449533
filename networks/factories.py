"""Factories for tests that build only what they need, instead of loading the demo site.

Each page factory makes its parent unless it is given one: a material is filed in a new folder
of a new body, itself in a new list of networks under the default site's root page (a home page
after `home.factories.HomePageFactory()`). Pages are live, as the demo's are.

Documents are made as code makes them: approved (`MaterialFactory(pending=True)` for one that
waits for a publisher), and their collection, which decides who may open them, is never given:
it follows the folder (`access.documents`). A members-only folder:
`FolderPageFactory(restricted_to=group)`, the same restriction the demo gives its private
folders (`access.privacy.restrict_page`)."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Site

from access.privacy import restrict_page

from .models import (
    BodyIndexPage,
    BodyPage,
    FolderPage,
    KnowledgeBankPage,
    Material,
    MeetingPage,
    Topic,
)
from .models.choices import (
    ApprovalStatus,
    BodyKind,
    DatePrecision,
    MaterialType,
    MeetingStatus,
)


def site_root():
    """The default site's root page: the home page once `HomePageFactory` has made one."""
    return Site.objects.get(is_default_site=True).root_page


def small_pdf(title, text):
    """A real one-page PDF with the title and a line of text (its text can be extracted)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in (title, text):
        latin1 = line.encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 8, latin1, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


class MembersGroupFactory(DjangoModelFactory):
    """A group for a body's members (`BodyPage.members_group`)."""

    name = factory.Sequence(lambda n: f"Jäsenet {n}")

    class Meta:
        model = Group
        django_get_or_create = ("name",)


class TopicFactory(DjangoModelFactory):
    """A term of the topic vocabulary, in Finnish and Swedish."""

    slug = factory.Sequence(lambda n: f"aihe-{n}")
    name_fi = factory.Sequence(lambda n: f"Aihe {n}")
    name_sv = factory.Sequence(lambda n: f"Ämne {n}")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class BodyIndexPageFactory(wagtail_factories.PageFactory):
    """The list of networks, under the default site's root page."""

    title = factory.Sequence(lambda n: f"Verkostot {n}")
    parent = factory.LazyFunction(site_root)

    class Meta:
        model = BodyIndexPage


class BodyPageFactory(wagtail_factories.PageFactory):
    """A network with its own public document collection, in a new list of networks; with
    members-only content, give it `members_group=MembersGroupFactory()`."""

    title = factory.Sequence(lambda n: f"Verkosto {n}")
    kind = BodyKind.NETWORK
    parent = factory.SubFactory(BodyIndexPageFactory)
    collection = factory.LazyAttribute(
        lambda body: Collection.get_first_root_node().add_child(name=body.title)
    )
    members_group = None

    class Meta:
        model = BodyPage


class FolderPageFactory(wagtail_factories.PageFactory):
    """A folder of a body; `restricted_to=group` makes it members-only for that group."""

    title = factory.Sequence(lambda n: f"Kansio {n}")
    parent = factory.SubFactory(BodyPageFactory)

    class Meta:
        model = FolderPage
        skip_postgeneration_save = True

    @factory.post_generation
    def restricted_to(folder, create, group, **kwargs):
        """Restrict the folder to the group (and the readers of all private material)."""
        if create and group is not None:
            restrict_page(folder, group)


class KnowledgeBankPageFactory(wagtail_factories.PageFactory):
    """A body's knowledge bank: it lists its own documents and those of the folders under it."""

    title = factory.Sequence(lambda n: f"Tietopankki {n}")
    parent = factory.SubFactory(BodyPageFactory)

    class Meta:
        model = KnowledgeBankPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    """A body's planned meeting a month from today."""

    title = factory.Sequence(lambda n: f"Kokous {n}")
    parent = factory.SubFactory(BodyPageFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    date_precision = DatePrecision.DAY
    status = MeetingStatus.PLANNED

    class Meta:
        model = MeetingPage


class MaterialFactory(wagtail_factories.DocumentFactory):
    """An approved document with a small real PDF, filed in a folder (a new one unless given);
    its owning body and its collection follow from the folder when it is saved."""

    title = factory.Sequence(lambda n: f"Asiakirja {n}")
    folder = factory.SubFactory(FolderPageFactory)
    collection = None
    material_type = MaterialType.GUIDE
    year = 2026
    file = factory.LazyAttribute(
        lambda document: ContentFile(
            small_pdf(document.title, "Verkoston ohje jäsenille."),
            name=f"{slugify(document.title)}.pdf",
        )
    )

    class Meta:
        model = Material
        skip_postgeneration_save = True

    class Params:
        pending = factory.Trait(approval=ApprovalStatus.PENDING)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document.file_size = document.file.size
        document._set_file_hash()
        document.save()
        return document

    @factory.post_generation
    def topics(document, create, topics, **kwargs):
        """`topics=[...]`: the document's topics."""
        if create and topics:
            document.topics.set(topics)
