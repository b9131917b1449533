"""Everything a new site needs besides its content, made once and safe to run again.

`migrate` makes the tables and the roles (`home.roles`); this command makes what needs pages:

- the Finnish and Swedish locales;
- the Finnish home page, in place of Wagtail's default "Welcome" page;
- the Swedish home page, a wagtail-localize translation of the Finnish one (so the Swedish
  tree is translated from it, and the translators' workflow starts there);
- the translators' rights on the Swedish tree (`home.roles.TRANSLATOR_PAGE_RIGHTS`);
- the Site record at `SITE_URL`, with the Finnish home page as its root;
- the approval workflow "Julkaisijan hyväksyntä" on the root page (both languages), in place of
  Wagtail's default one: editors submit, publishers (Moderators) approve.

`load_demo` runs it first. Going live: `migrate`, then `setup_site`, then create users."""

from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage
from home.roles import PUBLISHERS, TRANSLATOR_PAGE_RIGHTS, TRANSLATORS

HOME_TITLE = {
    "fi": "Tärkeissä töissä – työelämän kehittäminen",
    "sv": "Tärkeissä töissä – utveckling av arbetslivet",
}
HOME_SLUG = {"fi": "koti", "sv": "hem"}
WORKFLOW_NAME = "Julkaisijan hyväksyntä"
TASK_NAME = "Julkaisija hyväksyy"


class Command(BaseCommand):
    help = "Locales, the fi and sv home pages, the Site at SITE_URL and the approval workflow."

    def handle(self, *args, **options):
        changes = []
        with transaction.atomic():
            locales = self.make_locales(changes)
            home = self.make_home(locales[settings.LANGUAGE_CODE], changes)
            self.make_site(home, changes)
            self.make_workflow(changes)
        # wagtail-localize publishes a translation once its transaction has committed.
        for code, locale in locales.items():
            if code != settings.LANGUAGE_CODE:
                translated = self.translate_home(home, locale, changes)
                self.give_translators(translated, changes)
        for change in changes:
            self.stdout.write(f"  {change}")
        self.stdout.write(self.style.SUCCESS(f"Site ready ({len(changes)} changes)."))

    def make_locales(self, changes):
        locales = {}
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            locales[code], created = Locale.objects.get_or_create(language_code=code)
            if created:
                changes.append(f"locale {code}")
        return locales

    def make_home(self, locale, changes):
        root = Page.get_first_root_node()
        if root.title == "Root":  # Wagtail's English name for the top of the tree, in the admin
            name = settings.WAGTAIL_SITE_NAME
            Page.objects.filter(pk=root.pk).update(title=name, draft_title=name)
            changes.append(f"root page named {name}")
        plain_page = ContentType.objects.get_for_model(Page)
        welcome = Page.objects.child_of(root).filter(slug="home", content_type=plain_page)
        if welcome.exists():
            Site.objects.filter(root_page__in=welcome).delete()
            welcome.delete()
            changes.append("Wagtail's default page removed")
        home = HomePage.objects.filter(locale=locale, depth=2).first()
        if home is None:
            home = HomePage(
                title=HOME_TITLE[locale.language_code],
                slug=HOME_SLUG[locale.language_code],
                locale=locale,
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            changes.append(f"home page {home.url_path}")
        return home

    def make_site(self, home, changes):
        address = urlparse(settings.SITE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        wanted = {
            "hostname": address.hostname,
            "port": port,
            "root_page_id": home.pk,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(is_default_site=True, **wanted)
            changes.append(f"site {settings.SITE_URL}")
        elif any(getattr(site, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()
            changes.append(f"site {settings.SITE_URL}")

    def make_workflow(self, changes):
        """Editors submit, publishers approve; on the root page, so both languages' trees."""
        publishers = Group.objects.get(name=PUBLISHERS)
        task, created = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
        if created:
            task.groups.set([publishers])
        workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        root = Page.get_first_root_node()
        for other in Workflow.objects.filter(active=True).exclude(pk=workflow.pk):
            if other.workflow_pages.filter(page=root).exists():
                other.deactivate()
                changes.append(f"workflow {other.name} deactivated")
        current = WorkflowPage.objects.filter(page=root).first()
        if current is None or current.workflow_id != workflow.pk:
            WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
            changes.append(f"workflow {WORKFLOW_NAME}")

    def translate_home(self, home, locale, changes):
        """The home page in `locale` through wagtail-localize, with its title and slug."""
        existing = home.get_translation_or_none(locale)
        if existing is not None:
            return existing
        source, _ = TranslationSource.get_or_create_from_instance(home)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        for path, text in (
            ("title", HOME_TITLE[locale.language_code]),
            ("slug", HOME_SLUG[locale.language_code]),
        ):
            segment = StringSegment.objects.filter(source=source, context__path=path).first()
            if segment is not None:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": text},
                )
        translation.save_target(publish=True)
        changes.append(f"home page in {locale.language_code}")
        return home.get_translation(locale)

    def give_translators(self, page, changes):
        translators = Group.objects.get(name=TRANSLATORS)
        for codename in TRANSLATOR_PAGE_RIGHTS:
            _, created = GroupPagePermission.objects.get_or_create(
                group=translators,
                page=page,
                permission=Permission.objects.get(
                    codename=codename, content_type__app_label="wagtailcore"
                ),
            )
            if created:
                changes.append(f"translators may {codename} under {page.url_path}")
