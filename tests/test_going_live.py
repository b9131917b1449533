"""A site that goes live without the demo: on an empty database after `migrate` and
`setup_site`, the roles work — an editor adds a document and submits a page for approval, a
translator edits Swedish pages only, a publisher approves — and `setup_site` run twice changes
nothing.

It runs in its own process on a new SQLite database, so that nothing of the test run's demo
site is there."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHECKS = r"""
import json
import django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage
from networks.models import Material

User = get_user_model()
out = {}


def user(name, *groups):
    person = User.objects.create_user(name, f"{name}@example.fi", "salasana-123")
    person.groups.add(*Group.objects.filter(name__in=groups))
    client = Client()
    client.force_login(person)
    return person, client


editor, editor_client = user("toimittaja", "Editors")
publisher, publisher_client = user("julkaisija", "Editors", "Moderators")
translator, translator_client = user("kaantaja", "Kääntäjät")
fi_home = HomePage.objects.get(locale__language_code="fi", depth=2)
sv_home = fi_home.get_translation(Locale.objects.get(language_code="sv"))
site = Site.objects.get(is_default_site=True)
out["site"] = [site.hostname, site.port, site.root_page_id == fi_home.pk]
out["sv_home_live"] = sv_home.live
out["welcome_gone"] = not Page.objects.filter(slug="home", depth=2).exists()

# The editor adds a document through Wagtail's form; it waits for a publisher.
response = editor_client.post(
    "/admin/documents/add/",
    {"title": "Ohje", "file": SimpleUploadedFile("ohje.txt", b"Ohjeen teksti."), "language": "fi"},
)
added = Material.objects.filter(title="Ohje")
out["document_added"] = response.status_code == 302 and added.exists()
out["document_waits"] = Material.objects.get(title="Ohje").audience_pending()

# The editor writes a page and submits it; the editor cannot publish it.
page = StandardPage(title="Uutinen", slug="uutinen", owner=editor, live=False)
fi_home.add_child(instance=page)
revision = page.save_revision(user=editor)
permissions = page.permissions_for_user(editor)
out["editor_may_edit"] = permissions.can_edit()
out["editor_may_publish"] = permissions.can_publish()
workflow = page.get_workflow()
out["workflow"] = workflow.name if workflow else None
workflow.start(page, editor)
page.refresh_from_db()
task_state = page.current_workflow_task_state
out["in_review"] = task_state is not None

# The publisher approves it from the dashboard's action.
dashboard = publisher_client.get("/admin/").content.decode()
out["on_dashboard"] = "Uutinen" in dashboard
approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
publisher_client.post(approve, {"comment": ""})
page.refresh_from_db()
out["live_after_approval"] = page.live

# The translator edits Swedish pages only, and publishes none.
out["translator_sv_edit"] = sv_home.permissions_for_user(translator).can_edit()
out["translator_sv_add"] = sv_home.permissions_for_user(translator).can_add_subpage()
out["translator_sv_publish"] = sv_home.permissions_for_user(translator).can_publish()
out["translator_fi_edit"] = fi_home.permissions_for_user(translator).can_edit()
out["translator_admin"] = translator_client.get("/admin/").status_code == 200
out["translator_fi_edit_view"] = translator_client.get(
    reverse("wagtailadmin_pages:edit", args=[fi_home.pk])
).status_code
print("RESULT " + json.dumps(out))
"""


def run(*args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory):
    import os

    database = tmp_path_factory.mktemp("going-live") / "site.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    env.pop("ELASTICSEARCH_URL", None)  # database search: nothing to index here
    migrated = run("manage.py", "migrate", "--noinput", env=env)
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    return env


def test_setup_site_twice_changes_nothing_the_second_time(empty_site):
    first = run("manage.py", "setup_site", env=empty_site)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "home page in sv" in first.stdout
    dump = (
        "manage.py",
        "dumpdata",
        "wagtailcore.site",
        "wagtailcore.page",
        "wagtailcore.locale",
        "wagtailcore.workflowpage",
        "wagtailcore.grouppagepermission",
        "auth.group",
    )
    before = run(*dump, env=empty_site)
    second = run("manage.py", "setup_site", env=empty_site)
    assert second.returncode == 0 and "(0 changes)" in second.stdout, second.stdout
    assert run(*dump, env=empty_site).stdout == before.stdout


def test_roles_work_on_a_site_without_the_demo(empty_site):
    run("manage.py", "setup_site", env=empty_site)
    result = run("-c", CHECKS, env=empty_site)
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    out = json.loads(line.removeprefix("RESULT "))
    assert out["site"] == ["localhost", 80, True]
    assert out["sv_home_live"] and out["welcome_gone"]
    assert out["document_added"] and out["document_waits"]
    assert out["editor_may_edit"] and not out["editor_may_publish"]
    assert out["workflow"] == "Julkaisijan hyväksyntä"
    assert out["in_review"] and out["on_dashboard"] and out["live_after_approval"]
    assert out["translator_sv_edit"] and out["translator_sv_add"]
    assert not out["translator_sv_publish"] and not out["translator_fi_edit"]
    assert out["translator_admin"] and out["translator_fi_edit_view"] in (302, 403)
