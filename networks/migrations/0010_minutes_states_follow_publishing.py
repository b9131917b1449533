"""Existing minutes in the lifecycle where published is Wagtail's own `live`: "published"
minutes were approved ones, so they become "approved" (in their revisions too, so that
publishing an older revision cannot bring the old value back); a body whose draft minutes are
live already shared them, so it keeps doing so (`BodyPage.shares_draft_minutes`)."""

from django.db import migrations

STEP = 4  # Wagtail's tree path step: the body is the minutes' grandparent.


def _minutes_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="networks", model="minutespage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type)


def _replace_status(apps, old, new):
    MinutesPage = apps.get_model("networks", "MinutesPage")
    MinutesPage.objects.filter(status=old).update(status=new)
    for revision in _minutes_revisions(apps).iterator():
        if revision.content.get("status") == old:
            revision.content["status"] = new
            revision.save(update_fields=["content"])


def forwards(apps, schema_editor):
    MinutesPage = apps.get_model("networks", "MinutesPage")
    BodyPage = apps.get_model("networks", "BodyPage")
    _replace_status(apps, "published", "approved")
    shared = {
        path[: -2 * STEP]
        for path in MinutesPage.objects.filter(status="draft", live=True).values_list(
            "path", flat=True
        )
    }
    BodyPage.objects.filter(path__in=shared).update(shares_draft_minutes=True)


def backwards(apps, schema_editor):
    """Approved minutes that are live were "published"."""
    MinutesPage = apps.get_model("networks", "MinutesPage")
    MinutesPage.objects.filter(status="approved", live=True).update(status="published")


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0009_minutes_lifecycle"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
