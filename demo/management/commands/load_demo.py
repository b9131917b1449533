"""Build the whole demo site from KT's seed texts, in Finnish and Swedish; safe to run twice."""

import datetime
import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    Locale,
    Page,
)

from access.privacy import restrict_page
from demo import content, editorial, networks_content
from demo.builder import child_page, docx_file, pdf_file, translate
from demo.people import ORGANISATIONS, PEOPLE, TOPICS
from demo.synonyms import load_synonyms
from demo.terms import load_terms
from demo.text import SWEDISH, t
from home.models import AccessibilityStatementPage, HomePage, StandardPage
from networks.models import (
    AgendaItem,
    Attendance,
    BodyCoOrganiser,
    BodyFigure,
    BodyIndexPage,
    BodyPage,
    Decision,
    FolderPage,
    KnowledgeBankPage,
    Material,
    MeetingPage,
    MeetingSeries,
    Membership,
    Milestone,
    MinutesPage,
    NewsletterIssue,
    NewsletterPage,
    Organisation,
    Person,
    ProgrammePage,
    Topic,
)
from networks.models.choices import DatePrecision, MeetingStatus
from networks.next_meeting import meeting_title, next_meeting_date

BODY_FIELDS = [
    "kind",
    "summary",
    "body",
    "reports_to",
    "who_may_join",
    "open_to_join",
    "member_count",
    "member_count_qualifier",
    "member_trend",
    "organisation_count",
    "organisation_count_qualifier",
    "counted_year",
    "meeting_frequency",
    "shares_draft_minutes",
    "tasks",
    "platform",
    "platform_since",
    "established_year",
]
MEETING_FIELDS = [
    "meeting_type",
    "date",
    "date_precision",
    "season",
    "format",
    "place",
    "city",
    "status",
    "status_reason",
    "postponed_to",
    "themes",
    "participant_organisations",
    "participants_description",
    "summary",
    "agenda",
]

# How many planned meetings each body with a meeting frequency gets.
PLANNED_COUNT = 3

DEMO_USERS = [
    ("toimittaja", "Toimi", "Toimittaja", ["Editors"]),
    ("julkaisija", "Julia", "Julkaisija", ["Editors", "Moderators"]),
    ("kaantaja", "Kaj", "Kääntäjä", ["Kääntäjät"]),
    ("jasen-hr", "Helena", "Demo", []),
    ("jasen-tyosuojelu", "Tuomas", "Demo", []),
]
DEMO_MEMBERS = [
    ("jasen-hr", "demo-hr", "hr-verkosto"),
    ("jasen-tyosuojelu", "demo-ts", "tyosuojelupaallikoiden-verkosto"),
]


def planned_months(frequency, today, count=PLANNED_COUNT):
    """The months (first days) of a body's next `count` meetings, each planned after the one
    before by the networks app's own rule (`networks.next_meeting.next_meeting_date`), starting
    from a meeting this month; none when the frequency has no rule."""
    months, previous = [], today.replace(day=1)
    while len(months) < count:
        planned = next_meeting_date(frequency, previous, DatePrecision.MONTH, today)
        if planned is None:
            break
        previous, _ = planned
        months.append(previous)
    return months


class Command(BaseCommand):
    help = "Load the demo site (Finnish and Swedish) from KT's seed texts. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the search index."
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="The day the planned meetings are counted from (YYYY-MM-DD; default: today). "
            "Tests pass one day so that a run crossing midnight plans the same meetings twice.",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_PASSWORD:
            raise CommandError("Set DEMO_PASSWORD: the demo users need a password.")
        self.created = 0
        self.translated = []
        self.today = options["today"] or timezone.localdate()
        steps = [
            ("Locales and site", self.make_site),
            ("Users and groups", self.make_users),
            ("Organisations, people and topics", self.make_vocabulary),
            ("Programme and its bodies", self.make_programme),
            ("Networks", self.make_networks),
            ("Planned meetings", self.make_planned_meetings),
            ("Accessibility statement and privacy notice", self.make_site_pages),
            ("Memberships", self.make_memberships),
            ("Saved listings, approval workflow, review dates", self.make_editorial),
            ("Swedish translations", self.make_translations),
        ]
        for number, (label, step) in enumerate(steps, 1):
            self.stdout.write(f"[{number}/{len(steps)}] {label}…")
            # Not one transaction around everything: wagtail-localize publishes a translation
            # on commit, and a late publish would overwrite the tree counts of its parent.
            step()
        if not options["skip_index"]:
            self.stdout.write("Rebuilding the search index…")
            call_command("update_index", stdout=io.StringIO())
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {self.created} objects created."))

    # Site ---------------------------------------------------------------------------------

    def make_site(self):
        """What every site has (`setup_site`), then the demo's own home page text."""
        call_command("setup_site", stdout=io.StringIO())
        self.fi = Locale.objects.get(language_code="fi")
        self.sv = Locale.objects.get(language_code="sv")
        self.home = HomePage.objects.get(locale=self.fi, depth=2)
        if not self.home.intro:
            self.home.intro = content.HOME["intro"]
            self.home.save_revision().publish()
            self.created += 1

    def make_users(self):
        User = get_user_model()
        for username, first, last, groups in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.fi",
                },
            )
            if created:
                user.set_password(settings.DEMO_PASSWORD)
                user.save()
                self.created += 1
            user.groups.add(*Group.objects.filter(name__in=groups))
        admin, created = User.objects.get_or_create(
            username="admin",
            defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.fi"},
        )
        if created:
            admin.set_password(settings.DEMO_PASSWORD)
            admin.save()

    def make_vocabulary(self):
        self.organisations = {}
        for key, (name, short) in ORGANISATIONS.items():
            org, created = Organisation.objects.get_or_create(
                name=name, locale=self.fi, defaults={"short_name": short}
            )
            self.created += created
            self.organisations[key] = org
        self.people = {}
        for key, (name, job_title, org_key) in PEOPLE.items():
            person, created = Person.objects.get_or_create(
                name=name,
                locale=self.fi,
                defaults={"job_title": job_title, "organisation": self.organisations.get(org_key)},
            )
            self.created += created
            self.people[key] = person
        self.topics = {}
        for slug, name_fi, name_sv in TOPICS:
            topic, created = Topic.objects.get_or_create(
                slug=slug, defaults={"name_fi": name_fi, "name_sv": name_sv}
            )
            self.created += created
            self.topics[slug] = topic
        self.created += load_terms()
        self.created += load_synonyms()

    # Pages --------------------------------------------------------------------------------

    def page(self, parent, page_class, spec, **fields):
        page, created = child_page(parent, page_class, spec["slug"], title=spec["title"], **fields)
        self.created += created
        self.translated.append((page, spec.get("sv_slug")))
        return page

    def make_programme(self):
        spec = content.PROGRAMME
        logos = [
            # The funders' names, not pictures of them: the demo invents no logos.
            ("logo", {"name": name, "image": None, "url": ""})
            for _key, name in spec["logos"]
        ]
        programme = self.page(
            self.home,
            ProgrammePage,
            spec,
            intro=spec["intro"],
            started_year=spec["started_year"],
            goals=spec["goals"],
            history=spec["history"],
            logos=logos,
            show_in_menus=True,
        )
        for body_spec in content.PROGRAMME_BODIES:
            self.make_body(programme, body_spec)

    def make_networks(self):
        spec = networks_content.INDEX
        index = self.page(self.home, BodyIndexPage, spec, intro=spec["intro"], show_in_menus=True)
        for body_spec in networks_content.NETWORKS:
            self.make_body(index, body_spec)

    def make_body(self, parent, spec, members_group=None):
        """A body and all it holds; `members_group` is that of the body it is under, if any."""
        own_group = self.own_members_group(spec)
        group = own_group or members_group
        body = self.body_page(parent, spec, own_group)
        if body.collection is None:
            self.add_body_facts(body, spec)
        self.make_meetings(body, spec.get("meetings", []), group)
        if spec.get("newsletter"):
            self.make_newsletter(body, spec["newsletter"])
        self.make_folders(body, spec.get("folders", []), group)
        if spec.get("knowledge_bank"):
            self.make_knowledge_bank(body, spec["knowledge_bank"])
        self.make_children(body, spec.get("children", []), group)
        return body

    def own_members_group(self, spec):
        """The group of the body's own members, or None when it shares its parent's."""
        if not spec.get("members_group"):
            return None
        group, _ = Group.objects.get_or_create(name=spec["members_group"])
        return group

    def body_page(self, parent, spec, own_group):
        """The body's page with the fields its spec gives, its chair and its members' group."""
        fields = {name: spec[name] for name in BODY_FIELDS if spec.get(name) is not None}
        return self.page(
            parent,
            BodyPage,
            spec,
            chair=self.people.get(spec.get("chair")),
            members_group=own_group,
            **fields,
        )

    def add_body_facts(self, body, spec):
        """A new body's collection, co-organisers, figures, series and milestones, published."""
        body.collection = Collection.get_first_root_node().add_child(name=body.title)
        self.add_co_organisers(body, spec.get("co_organisers", []))
        self.add_figures(body, spec.get("figures", []))
        self.add_series(body, spec.get("series", []))
        self.add_milestones(body, spec.get("milestones", []))
        body.save_revision().publish()

    def add_co_organisers(self, body, keys):
        """The organisations that run the body together with KT."""
        for key in keys:
            BodyCoOrganiser(page=body, organisation=self.organisations[key]).save()

    def add_figures(self, body, figures):
        """The body's key figures that are neither member nor organisation counts."""
        for value, qualifier, label in figures:
            BodyFigure(
                page=body, value=value, qualifier=qualifier, label=label, locale=self.fi
            ).save()

    def add_series(self, body, series_specs):
        """The meetings the seed texts only count (e.g. 14 online meetings in 2020)."""
        for series in series_specs:
            MeetingSeries(page=body, locale=self.fi, **series).save()

    def add_milestones(self, body, milestones):
        """The dated events in the body's life: founded, went remote, took a platform into use."""
        for date, precision, season, description in milestones:
            Milestone(
                page=body,
                date=date,
                date_precision=precision,
                season=season,
                description=description,
                locale=self.fi,
            ).save()

    def make_meetings(self, body, specs, group):
        """The body's meetings of the seed texts, each with its minutes when it has some."""
        for meeting_spec in specs:
            self.make_meeting(body, meeting_spec, group)

    def make_folders(self, body, specs, group):
        """The body's folders with their documents; a private folder only for `group`."""
        for folder_spec in specs:
            folder = self.page(body, FolderPage, folder_spec)
            if folder_spec.get("private"):
                restrict_page(folder, group)
            self.add_materials(body, folder, folder_spec["materials"])

    def make_knowledge_bank(self, body, spec):
        """The body's knowledge bank with its documents."""
        bank = self.page(body, KnowledgeBankPage, spec, scope=spec["scope"])
        self.add_materials(body, bank, spec["materials"])

    def make_children(self, body, specs, group):
        """The bodies under this one, in its members' group unless they have their own."""
        for child_spec in specs:
            self.make_body(body, child_spec, group)

    def make_meeting(self, body, spec, group):
        """A meeting page, and its minutes (members-only when private) if the spec has them."""
        fields = {name: spec[name] for name in MEETING_FIELDS if spec.get(name) not in (None, "")}
        if "postponed_to" in fields:
            fields["postponed_to_precision"] = DatePrecision.YEAR
        meeting = self.page(body, MeetingPage, spec, **fields)
        minutes_spec = spec.get("minutes")
        if minutes_spec:
            minutes_spec = {"slug": "poytakirja", "sv_slug": "protokoll", **minutes_spec}
            minutes = self.page(
                meeting,
                MinutesPage,
                minutes_spec,
                status=minutes_spec["status"],
                approved_on=minutes_spec["approved_on"],
            )
            if not minutes.agenda_items.exists():
                for number, title, discussion in minutes_spec["agenda"]:
                    AgendaItem(
                        page=minutes,
                        number=number,
                        title=title,
                        discussion=discussion,
                        locale=self.fi,
                    ).save()
                for number, text in minutes_spec["decisions"]:
                    Decision(
                        page=minutes, agenda_item_number=number, text=text, locale=self.fi
                    ).save()
                for name, organisation in minutes_spec["attendance"]:
                    Attendance(page=minutes, name=name, organisation=organisation).save()
                minutes.save_revision().publish()
            if minutes_spec.get("private"):
                restrict_page(minutes, group)
        return meeting

    def make_newsletter(self, body, spec):
        """The body's newsletter page and a year's issues, each a PDF document."""
        fields = {
            k: spec[k]
            for k in (
                "intro",
                "recipient_count",
                "recipient_count_qualifier",
                "issues_per_year",
                "issues_year",
                "subscription_info",
            )
        }
        newsletter = self.page(body, NewsletterPage, spec, **fields)
        if newsletter.issues.exists():
            return
        year = spec["issues_year"]
        for number in range(1, spec["issues_per_year"] + 1):
            date = datetime.date(
                year, min(12, 1 + (number - 1) * 12 // spec["issues_per_year"]), 15
            )
            title = f"{spec['title']} {number}/{year}"
            document = self.material(
                body,
                None,
                {
                    "title": title,
                    "filename": f"{slugify(spec['title'])}-{number}-{year}.pdf",
                    "material_type": "newsletter_issue",
                    "year": year,
                    "topics": [],
                    "texts": [f"{title}: verkoston ajankohtaiset asiat, tapahtumat ja vinkit."],
                },
            )
            NewsletterIssue(page=newsletter, number=number, date=date, document=document).save()
        newsletter.save_revision().publish()

    def add_materials(self, body, folder, specs):
        """The documents of `folder` (a folder or knowledge bank page, or None)."""
        for spec in specs:
            self.material(body, folder, spec)

    def material(self, body, folder, spec):
        """A document in `folder`; its collection, and so who may open it, follows the folder."""
        existing = Material.objects.filter(title=spec["title"], body=body).first()
        if existing is not None:
            return existing
        maker = docx_file if spec["filename"].endswith(".docx") else pdf_file
        document = Material(
            title=spec["title"],
            file=maker(spec["filename"], spec["title"], spec["texts"]),
            body=body,
            folder=folder,
            material_type=spec["material_type"],
            year=spec["year"],
            description=spec.get("description", ""),
        )
        document.file_size = document.file.size
        document._set_file_hash()
        document.save()
        document.topics.set([self.topics[slug] for slug in spec["topics"]])
        self.created += 1
        return document

    def make_planned_meetings(self):
        """Each body's next meetings, in the months the networks app would plan them."""
        today = self.today
        for body in BodyPage.objects.filter(locale=self.fi).live():
            # The Swedish pages are made last (make_translations): the body's Swedish name
            # comes from the demo text.
            swedish_title = SWEDISH.get(body.title, body.title)
            for date in planned_months(body.meeting_frequency, today):
                when = MeetingPage(
                    meeting_type="meeting", date=date, date_precision=DatePrecision.MONTH
                )
                spec = {
                    "slug": f"kokous-{date:%Y-%m}",
                    "sv_slug": f"mote-{date:%Y-%m}",
                    "title": t(
                        meeting_title(body.title, when, "fi"),
                        meeting_title(swedish_title, when, "sv"),
                    ),
                    "meeting_type": "meeting",
                    "date": date,
                    "date_precision": DatePrecision.MONTH,
                    "status": MeetingStatus.PLANNED,
                    "agenda": content.PLANNED_AGENDA,
                }
                self.make_meeting(body, spec, None)

    def make_site_pages(self):
        spec = content.ACCESSIBILITY
        self.page(
            self.home,
            AccessibilityStatementPage,
            spec,
            compliance=AccessibilityStatementPage.Compliance.PARTIAL,
            body=spec["body"],
            known_issues=spec["known_issues"],
            supervisor=spec["supervisor"],
            feedback_email=spec["feedback_email"],
            prepared_on=datetime.date(2026, 11, 1),
            show_in_menus=False,
        )
        spec = content.PRIVACY
        self.page(self.home, StandardPage, spec, intro=spec["intro"], body=spec["body"])

    def make_memberships(self):
        User = get_user_model()
        for username, person_key, body_slug in DEMO_MEMBERS:
            person = self.people[person_key]
            if person.user_id is None:
                person.user = User.objects.get(username=username)
                person.save()
            body = BodyPage.objects.get(slug=body_slug, locale=self.fi)
            _, created = Membership.objects.get_or_create(
                person=person, body=body, defaults={"start_date": datetime.date(2020, 1, 1)}
            )
            self.created += created

    def make_editorial(self):
        editorial.make_saved_listings(self.home)
        editorial.set_review_dates()

    # Translations -------------------------------------------------------------------------

    def make_translations(self):
        for key in self.organisations:
            translate(self.organisations[key])
        for key in self.people:
            translate(self.people[key])
        translate(self.home, slug="hem", refresh=True)
        untranslated = self.untranslated_page()
        sv_slugs = {page.pk: sv_slug for page, sv_slug in self.translated}
        # Parents before children: a translation is created under its parent's translation.
        pages = Page.objects.filter(pk__in=sv_slugs).exclude(pk=untranslated.pk).order_by("path")
        for number, page in enumerate(pages.specific(), 1):
            _, created = translate(page, slug=sv_slugs[page.pk])
            if created and page.slug == "lukio":
                self.change_after_translation(page)
            if number % 20 == 0:
                self.stdout.write(f"    {number}/{len(sv_slugs)} pages")

    def untranslated_page(self):
        """The last planned Tekry meeting stays Finnish-only, for the translators' to-do list."""
        tekry = BodyPage.objects.get(slug="tekry", locale=self.fi)
        return (
            MeetingPage.objects.child_of(tekry)
            .filter(status=MeetingStatus.PLANNED)
            .order_by("date")
            .last()
        )

    def change_after_translation(self, page):
        """Edit the Finnish source after its translation so that the translation is outdated."""
        page = BodyPage.objects.get(pk=page.pk)
        page.summary += " Ryhmä kokoontui vuonna 2020 myös etänä."
        page.save_revision().publish()
