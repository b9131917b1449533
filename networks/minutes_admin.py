"""The minutes in Wagtail's editor: a form that starts from its meeting, decisions chosen by
their agenda item, and the minutes' state shown to whoever edits or approves them.

- New minutes under a meeting start with the meeting's title in their title (the meeting
  carries the date), a slug, and its agenda as agenda items, so nothing is retyped.
- A decision names its agenda item from a list of the minutes' own agenda items, and the form
  refuses a decision on an item the minutes do not have.
- Publishing, submitting or approving draft minutes of a body that does not share drafts is
  refused in the form with the lifecycle's own message (`networks.models.minutes`), before
  Wagtail would try to publish them.

Model imports are made inside functions: the minutes' model module imports this one."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel

from .models.choices import MinutesStatus

# The edit view's buttons that would make the page live now or later.
GOING_LIVE_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


def agenda_titles(meeting):
    """The meeting's agenda as a list of titles (its StreamField of text items)."""
    return [str(block.value) for block in meeting.agenda if str(block.value).strip()]


def minutes_title(meeting):
    return _("Minutes: %(meeting)s") % {"meeting": meeting.title}


class MinutesStatePanel(Panel):
    """The state of the minutes being edited and what publishing them does, on top of the form
    (so the publisher sees it in the view where they approve)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "networks/admin/panels/minutes_state.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            parent = getattr(self.form, "parent_page", None)
            context["is_new"] = page.pk is None
            if page.pk is not None:
                live = type(page).objects.filter(pk=page.pk, live=True).first()
                context["live_state"] = live.state if live is not None else None
                context["state"] = page.state
                context["may_go_live"] = page.may_go_live()
                body = page.lifecycle_source().body()
            else:
                body = parent.get_parent().specific if parent is not None else None
                context["may_go_live"] = bool(getattr(body, "shares_draft_minutes", False))
            context["body"] = body
            return context


class DecisionAgendaSelect(forms.Select):
    """A decision's agenda item, chosen from the minutes' own items."""


class MinutesForm(WagtailAdminPageForm):
    def __init__(self, data=None, files=None, parent_page=None, *args, **kwargs):
        super().__init__(data, files, parent_page, *args, **kwargs)
        if data is None and self.instance.pk is None and parent_page is not None:
            self._start_from_meeting(parent_page.specific)
        self._choose_decisions_by_agenda_item()

    def _start_from_meeting(self, meeting):
        from .models import MeetingPage

        if not isinstance(meeting, MeetingPage):
            return
        if not self.initial.get("title"):
            self.initial["title"] = minutes_title(meeting)
        if not self.initial.get("slug"):
            # Wagtail's script makes the slug from a title typed, not from one given.
            self.initial["slug"] = slugify(_("minutes"))
        titles = agenda_titles(meeting)
        formset = self.formsets["agenda_items"]
        self.formsets["agenda_items"] = type(formset)(
            instance=self.instance,
            prefix=formset.prefix,
            form_kwargs=formset.form_kwargs,
            initial=[{"number": n, "title": title} for n, title in enumerate(titles, 1)],
        )
        self.formsets["agenda_items"].extra = len(titles)

    def _agenda_choices(self):
        """(number, "2. Title") of the minutes' agenda items: as posted, as prefilled from the
        meeting, or as saved."""
        formset = self.formsets["agenda_items"]
        items = {}
        if self.is_bound:
            for form in formset.forms:
                number = form.data.get(form.add_prefix("number"))
                if number and not form.data.get(form.add_prefix("DELETE")):
                    items[str(number)] = form.data.get(form.add_prefix("title"), "")
        else:
            for item in formset.get_queryset():
                items[str(item.number)] = item.title
            for initial in formset.initial_extra or []:
                items[str(initial["number"])] = initial["title"]
        ordered = sorted(items.items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else 0)
        return [("", "---------")] + [(n, f"{n}. {title}") for n, title in ordered]

    def _choose_decisions_by_agenda_item(self):
        """Each decision form, and the empty one the "add" button copies, offers the items."""
        formset = self.formsets["decisions"]
        choices = self._agenda_choices()
        add_fields = formset.add_fields

        def add_fields_with_choices(form, index):
            add_fields(form, index)
            form.fields["agenda_item_number"].widget = DecisionAgendaSelect(choices=choices)

        formset.add_fields = add_fields_with_choices

    def is_valid(self):
        valid = super().is_valid()
        return self._decisions_on_agenda_items() and self._may_go_live() and valid

    def _decisions_on_agenda_items(self):
        numbers = {
            form.cleaned_data.get("number")
            for form in self.formsets["agenda_items"].forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        }
        ok = True
        for form in self.formsets["decisions"].forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("agenda_item_number") is None:
                continue
            if data["agenda_item_number"] not in numbers:
                form.add_error("agenda_item_number", _("Choose one of the minutes' agenda items."))
                ok = False
        return ok

    def _going_live(self):
        if any(self.data.get(name) for name in GOING_LIVE_ACTIONS):
            return True
        return bool(self.data.get("action-workflow-action")) and (
            self.data.get("workflow-action-name") == "approve"
        )

    def _may_go_live(self):
        """Refuse in the form what `MinutesPage.publish` would refuse, with its message."""
        from .models.minutes import not_shared_message

        if not self._going_live() or not hasattr(self, "cleaned_data"):
            return True
        status = self.cleaned_data.get("status", self.instance.status)
        if status == MinutesStatus.APPROVED:
            return True
        page = self.instance
        if page.pk is not None:
            source = page.lifecycle_source()
            if source.pk != page.pk:  # a translation: the source's state counts
                if source.may_go_live():
                    return True
                self.add_error(None, not_shared_message(page))
                return False
            body = page.body()
        else:
            body = self.parent_page.get_parent().specific if self.parent_page else None
        if getattr(body, "shares_draft_minutes", False):
            return True
        message = (
            not_shared_message(page)
            if page.pk
            else _(
                "These minutes are a draft, and the body does not share draft minutes: save "
                "them as a draft and publish them once they are approved at a meeting."
            )
        )
        self.add_error(None, message)
        return False
