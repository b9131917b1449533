"""Idempotent building blocks for the demo: pages, translations, files, users."""

import io
import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .text import swedish_for


class MissingSwedish(Exception):
    pass


def child_page(parent, page_class, slug, **fields):
    """Return the parent's child with this slug, creating and publishing it if missing."""
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def translate(instance, slug=None, locale_code="sv", refresh=False):
    """Translate a page or snippet through wagtail-localize, filling in the demo's Swedish.

    Going through TranslationSource (not copy_for_translation) keeps the translation linked
    to its source for the translators' workflow and carries page privacy over."""
    locale = Locale.objects.get(language_code=locale_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not refresh:
        return existing, False
    with transaction.atomic():
        # `refresh`: the source changed since its translation was made (the demo's home page
        # gets its text after `setup_site` made both home pages).
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        missing = []
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            if segment.context.path == "slug":
                continue
            swedish = swedish_for(segment.string.data)
            if swedish is None:
                missing.append(segment.string.data)
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": swedish},
            )
        if missing:
            raise MissingSwedish(f"{instance!r}: no Swedish for {missing!r}")
        slug_segment = segments.filter(context__path="slug").first()
        if slug_segment is not None:
            title = swedish_for(instance.title)
            StringTranslation.objects.update_or_create(
                translation_of=slug_segment.string,
                locale=locale,
                context=slug_segment.context,
                defaults={"data": slug or slugify(title)},
            )
        translation.save_target(publish=True)
    return instance.get_translation(locale), True


def pdf_file(name, title, texts):
    """A real PDF with the given text, made without any outside tools."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, _latin1(title))
    pdf.set_font("Helvetica", size=11)
    for text in texts:
        pdf.ln(3)
        pdf.multi_cell(0, 6, _latin1(text))
    return ContentFile(bytes(pdf.output()), name=name)


def docx_file(name, title, texts):
    from docx import Document as DocxDocument

    document = DocxDocument()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for text in texts:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return ContentFile(buffer.getvalue(), name=name)


def _latin1(text):
    text = text.replace("–", "-").replace("—", "-").replace("’", "'").replace("•", "-")
    return re.sub(r"[^\x00-\xff]", "?", text)
