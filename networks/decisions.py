"""A body's decision register, only from minutes the reader may see: live, outside page
restrictions they do not pass. Decisions of approved minutes are listed as they are; those of
draft minutes that a body shares (live drafts, `networks.models.minutes`) are marked
unconfirmed, as their minutes are."""

from dataclasses import dataclass

from access.visibility import visible_pages
from text.analysis import index_terms, query_terms, words

from .models import AgendaItem, Decision, MeetingPage, MinutesPage
from .tree import parent_path


@dataclass
class RegisterRow:
    decision: Decision
    agenda_title: str
    minutes: MinutesPage
    meeting: MeetingPage

    @property
    def unconfirmed(self):
        return not self.minutes.state.approved


class DecisionRegister:
    """Every decision of the body's published minutes, newest meeting first; filtered by the
    year of the meeting and by words, which match inflected forms as the site search does.
    Minutes go live only approved or as a shared draft, so every live minutes page counts."""

    def __init__(self, body, request, query="", year=None):
        self.body = body
        self.query = query.strip()
        self.language = body.locale.language_code
        meetings = {m.path: m for m in visible_pages(request, MeetingPage.objects.child_of(body))}
        published = (
            MinutesPage.objects.descendant_of(body)
            .filter(depth=body.depth + 2)
            .select_related("locale")
        )
        minutes = {
            page.pk: page
            for page in visible_pages(request, published)
            if parent_path(page) in meetings
        }
        titles = {
            (item.page_id, item.number): item.title
            for item in AgendaItem.objects.filter(page_id__in=minutes)
        }
        rows = []
        for decision in Decision.objects.filter(page_id__in=minutes).order_by(
            "agenda_item_number", "sort_order"
        ):
            page = minutes[decision.page_id]
            rows.append(
                RegisterRow(
                    decision=decision,
                    agenda_title=titles.get((page.pk, decision.agenda_item_number), ""),
                    minutes=page,
                    meeting=meetings[parent_path(page)],
                )
            )
        rows.sort(key=lambda row: row.meeting.date, reverse=True)
        self.years = sorted({row.meeting.date.year for row in rows}, reverse=True)
        self.year = int(year) if year and year.isdigit() and int(year) in self.years else None
        if self.year:
            rows = [row for row in rows if row.meeting.date.year == self.year]
        if self.query:
            rows = [row for row in rows if self._matches(row)]
        self.rows = rows

    def _matches(self, row):
        text = f"{row.decision.text} {row.agenda_title}"
        lemmas, runs = index_terms(text, self.language)
        terms = set(lemmas.split()) | set(runs.split()) | {w.lower() for w in words(text)}
        lowered = text.lower()
        return all(
            word.lower() in lowered
            or all(
                any(lemma in terms for lemma in alternatives)
                for alternatives in query_terms(word, self.language)
            )
            for word in words(self.query)
        )
