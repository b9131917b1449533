"""Editors, publishers and translators with their rights, on every install (`home.roles`)."""

from django.db import migrations

from home.roles import give_rights, take_rights_back


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_listings_review_date"),
        ("networks", "0008_document_approval"),
        ("terminology", "0001_initial"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give_rights, take_rights_back)]
