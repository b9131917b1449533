"""Existing documents move to the collection their folder gives (`access.documents`).

The document rows are read and written through the historical model (so that later changes to
the document model cannot break this step); the collection is worked out by the live rule,
which only needs Wagtail's pages, restrictions and collections. Rows are written without
saving, so rebuild the search index afterwards (`python manage.py update_index`) where
documents already existed. On a new database there are none and nothing happens."""

from django.db import migrations


def refile_documents(apps, schema_editor):
    from wagtail.models import Collection, Page

    from access.documents import collection_for

    Material = apps.get_model("networks", "Material")
    NewsletterIssue = apps.get_model("networks", "NewsletterIssue")
    BodyPage = apps.get_model("networks", "BodyPage")
    issue_pages = dict(NewsletterIssue.objects.values_list("document_id", "page_id"))
    public = dict(BodyPage.objects.values_list("pk", "collection_id"))
    for document in Material.objects.all():
        place_id = document.folder_id or issue_pages.get(document.pk)
        place = Page.objects.filter(pk=place_id).first() if place_id else None
        public_id = public.get(document.body_id)
        collection = collection_for(place, Collection.objects.filter(pk=public_id).first())
        if collection.pk != document.collection_id:
            Material.objects.filter(pk=document.pk).update(collection_id=collection.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0001_initial"),
        ("networks", "0007_material_topics_saved"),
    ]

    operations = [migrations.RunPython(refile_documents, migrations.RunPython.noop)]
