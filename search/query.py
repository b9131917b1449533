"""One search code path for the search page and for evaluate_search: normalise, search pages
and documents on the chosen backend (falling back to the database when the engine is down),
keep only what the request may see, and build facets, snippets and suggestions from that.
The engine counts and pages a large answer's documents (`search.engine`); the parts are merged
into one ranked list (`search.results`)."""

import difflib
import html
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from access.visibility import (
    refused_collection_ids,
    refused_page_paths,
    visibility_key,
    visible_documents,
    visible_pages,
)
from generation.counter import request_generation
from generation.memo import remember
from networks.models import BodyPage, Material, MeetingPage, MinutesPage
from networks.translations import one_per_translation
from networks.tree import parent_path
from text.analysis import analyse_word, index_terms, query_terms, words

from .engine import MAX_HITS, best_matches, counted_documents, engine_query
from .engine import backend as _engine
from .ranking import reward_title_matches
from .results import FACETS, Hit, Listed, RankedHits, document_hit, summed_facets
from .synonyms import expand

__all__ = ["FACETS", "run_search", "snippet", "with_snippet_text"]

logger = logging.getLogger(__name__)

SNIPPET_WORDS = 14
VOCABULARY_TIMEOUT = 60 * 60
# What ranking, facets and filters read of a document: the matches are loaded with these only;
# the hits on show are loaded whole (see with_snippet_text).
RANKING_MATERIAL_FIELDS = ("title", "language", "body", "year", "created_at")
# And of a page: its matches are few, but each is read for every new question.
RANKING_PAGE_FIELDS = (
    "title",
    "path",
    "depth",
    "content_type",
    "locale",
    "translation_key",
    "last_published_at",
)


@dataclass
class Outcome:
    query: str
    hits: list = field(default_factory=list)  # a `RankedHits` once searched
    facets: dict = field(default_factory=dict)
    suggestion: str = ""
    engine_down: bool = False
    corrected_from: str = ""  # what was typed, when the results are for the corrected query
    complete: bool = False  # some result matches every word
    members_only: bool = False  # a visitor's query matched members' material only


def run_search(request, query, language, *, exact=False, **options):
    """Search what `request` may see in `language` (or both languages: `both`), with `filters`,
    `sort` and `backend`. When no result matches every word, the query corrected from the
    words the searcher may see is run, and its results given if it has full matches; else
    the correction is offered (`exact` turns this off: the searcher asked for what they typed).
    """
    outcome = _run_search(request, query, language, **options)
    if not query.strip() or outcome.complete or exact:
        return _with_members_hint(request, outcome, language, options)
    suggestion = suggest(request, query, language)
    if suggestion:
        corrected = _run_search(request, suggestion, language, **options)
        if corrected.complete:
            corrected.corrected_from = query
            return corrected
        outcome.suggestion = suggestion
    return _with_members_hint(request, outcome, language, options)


def _run_search(
    request, query, language, *, both=False, filters=None, sort="relevance", backend="default"
):
    outcome = Outcome(query=query)
    if not query.strip():
        return outcome
    languages = [code for code, _name in settings.LANGUAGES] if both else [language]
    context = {"query": query, "filters": filters or {}, "sort": sort, "searched_in": language}
    try:
        parts = _collect(request, languages, _engine(backend), **context)
    except Exception as error:  # the engine is down or refused the query
        if backend == "database":
            raise
        logger.warning("Search engine failed, falling back to the database: %s", error)
        outcome.engine_down = True
        parts = _collect(request, languages, _engine("database"), **context)
    outcome.facets = summed_facets(parts)
    outcome.hits = RankedHits(parts, sort)
    outcome.complete = outcome.hits.matches > 0
    return outcome


def _with_members_hint(request, outcome, language, options):
    """A visitor whose query found nothing is told when members' material matched: only that,
    never what or how much (`_members_only_matched`)."""
    if outcome.query.strip() and not outcome.hits and not request.user.is_authenticated:
        backend = options.get("backend", "default")
        languages = (
            [code for code, _name in settings.LANGUAGES] if options.get("both") else [language]
        )
        try:
            outcome.members_only = _members_only_matched(request, outcome.query, languages, backend)
        except Exception as error:  # the engine is down: no hint rather than no page
            logger.warning("Search engine failed while looking for members' material: %s", error)
    return outcome


def _members_only_matched(request, query, languages, backend):
    """Whether the query matches a live page under a restriction the request does not pass, or
    a document in a collection it may not open: one small search each."""
    refused_paths = refused_page_paths(request)
    refused_collections = refused_collection_ids(request)
    engine = _engine(backend)
    for language in languages:
        terms = expand(request, query_terms(query, language), language)
        if not terms:
            continue
        query_object = engine_query(terms, "or")
        if refused_paths:
            under = Q()
            for path in refused_paths:
                under |= Q(path__startswith=path)
            pages = Page.objects.live().filter(under, locale_id=_locale_id(request, language))
            if list(engine.search(query_object, pages)[:1]):
                return True
        if refused_collections:
            documents = Material.objects.filter(
                language=language, collection_id__in=refused_collections
            )
            if list(engine.search(query_object, documents)[:1]):
                return True
    return False


def _collect(request, languages, engine, *, query, filters, sort, searched_in):
    """The parts of the list: the pages found in every language (one per translation group, in
    the searcher's language where it has one) with the documents of small answers, counted in
    Python, and each large answer's documents as the engine counts them. A fixed number of
    queries, not one per hit."""
    listed, counted = [], []
    bodies = _bodies(request)
    for language in languages:
        terms = expand(request, query_terms(query, language), language)
        if not terms:
            continue
        pages = Page.objects.filter(locale_id=_locale_id(request, language))
        pages = visible_pages(request, pages).exclude(depth__lte=1).only(*RANKING_PAGE_FIELDS)
        found = best_matches(engine, pages, terms, few=True)
        listed += _page_hits(request, found, language, bodies)
        documents = visible_documents(
            request, Material.objects.filter(language=language).only(*RANKING_MATERIAL_FIELDS)
        )
        answer = counted_documents(
            engine,
            documents,
            terms,
            query=query,
            language=language,
            bodies=bodies,
            filters=filters,
            sort=sort,
        )
        # A query of several words whose full matches are few lists partial matches after them:
        # a small answer, listed in Python.
        if answer is None or (len(terms) > 1 and answer.matches < MAX_HITS):
            document_type = _("Document")
            listed += [
                document_hit(
                    document,
                    language,
                    bodies,
                    document_type,
                    score=document._score,
                    matched=document._matched,
                    complete=document._complete,
                )
                for document in best_matches(engine, documents, terms)
            ]
        else:
            counted.append(answer)
    reward_title_matches(listed, query)
    listed = one_per_translation(listed, searched_in, language_of=lambda hit: hit.language)
    return [Listed(listed, filters, sort), *counted]


def _page_hits(request, found, language, bodies):
    meeting_dates = _meeting_dates(found)
    hits = []
    for page in found:
        # The plain page is enough for ranking and facets; only the hits on show are loaded as
        # their specific type (see with_snippet_text).
        date = meeting_dates.get(page.pk) if page.pk in meeting_dates else _published(page)
        hits.append(
            Hit(
                obj=page,
                kind="page",
                title=page.title,
                language=language,
                score=page._score,
                content_type=str(page.specific_class._meta.verbose_name),
                body=_owning_body(page, bodies, language),
                year=date.year if date else None,
                date=date,
                translation_key=page.translation_key,
                matched=page._matched,
                complete=page._complete,
                request=request,
            )
        )
    return hits


def _bodies(request):
    """Every body's title per language, by path and by the Finnish page's id; worked out once
    per content generation."""
    return remember(request, ("search bodies",), _read_bodies)


def _read_bodies():
    by_path, by_key = {}, {}
    for body in (
        BodyPage.objects.live()
        .select_related("locale")
        .only("path", "title", "locale", "translation_key")
    ):
        language = body.locale.language_code
        by_path.setdefault(language, {})[body.path] = body.title
        by_key.setdefault(body.translation_key, {})[language] = body.title
    by_id = {
        pk: by_key.get(key, {}) for pk, key in BodyPage.objects.values_list("pk", "translation_key")
    }
    return {"by_path": by_path, "by_id": by_id}


def _locale_id(request, language):
    def build():
        return Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()

    return remember(request, ("locale id", language), build)


def _owning_body(page, bodies, language):
    paths = bodies["by_path"].get(language, {})
    best = max((path for path in paths if page.path.startswith(path)), key=len, default="")
    return paths.get(best, "")


def _meeting_dates(pages):
    """{page id: date} of the meetings among `pages` and of minutes by their meeting's date:
    minutes of a 2020 meeting belong to 2020, whenever they were published."""
    meeting_path = {}
    for page in pages:
        if page.specific_class is MeetingPage:
            meeting_path[page.pk] = page.path
        elif page.specific_class is MinutesPage:
            meeting_path[page.pk] = parent_path(page)
    dates = dict(
        MeetingPage.objects.filter(path__in=set(meeting_path.values())).values_list("path", "date")
    )
    return {pk: dates.get(path) for pk, path in meeting_path.items()}


def _published(page):
    return page.last_published_at.date() if page.last_published_at else None


def with_snippet_text(hits):
    """Load the hits on show whole, pages as their specific type: two queries."""
    pages = [hit for hit in hits if hit.kind == "page"]
    specific = {p.pk: p for p in Page.objects.filter(pk__in=[h.obj.pk for h in pages]).specific()}
    for hit in pages:
        hit.obj = specific.get(hit.obj.pk, hit.obj)
    documents = [hit for hit in hits if hit.kind == "document"]
    whole = Material.objects.in_bulk([hit.obj.pk for hit in documents])
    for hit in documents:
        hit.obj = whole.get(hit.obj.pk, hit.obj)


def _hit_text(hit):
    obj = hit.obj
    if hasattr(obj, "search_text_parts"):
        return " ".join(obj.search_text_parts())
    return ""


def snippet(hit, query):
    """A window of text around the first word that matches the query, matches marked."""
    text_words = _hit_text(hit).split()
    wanted = set().union(*query_terms(query, hit.language))
    first = next(
        (i for i, word in enumerate(text_words) if _matches(word, wanted, hit.language)), None
    )
    if first is None:
        return html.escape(" ".join(text_words[: SNIPPET_WORDS * 2]))
    start = max(0, first - SNIPPET_WORDS)
    window = range(start, min(len(text_words), first + SNIPPET_WORDS))
    out = []
    for i in window:
        escaped = html.escape(text_words[i])
        marked = i == first or (i > first and _matches(text_words[i], wanted, hit.language))
        out.append(f"<mark>{escaped}</mark>" if marked else escaped)
    return ("… " if start else "") + " ".join(out) + (" …" if window.stop < len(text_words) else "")


def _matches(word, wanted, language):
    for piece in words(word):
        lemmas, runs = analyse_word(piece, language)
        if wanted.intersection(lemmas) or wanted.intersection(runs):
            return True
    return False


def suggest(request, query, language):
    """'Did you mean': the closest words among titles the request may see."""
    vocabulary = _vocabulary(request, language)
    suggestion, changed = [], False
    for word in words(query):
        close = difflib.get_close_matches(word.lower(), vocabulary, n=1, cutoff=0.75)
        if close and close[0] != word.lower():
            suggestion.append(close[0])
            changed = True
        else:
            suggestion.append(word)
    return " ".join(suggestion) if changed else ""


def _vocabulary(request, language):
    """The words the request may see: of every page (title and text) and of every document's
    title, as written and as lemmas. Reading 100,000 titles takes seconds, so the words are
    kept until content changes (the page cache's generation) and per set of refused
    restrictions: two readers who may see the same things share one vocabulary."""
    key = f"search:vocabulary:{request_generation(request)}:{language}:{visibility_key(request)}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        locale_id = _locale_id(request, language)
        pages = visible_pages(request, Page.objects.filter(locale_id=locale_id)).specific()
        texts = [
            " ".join([page.title, *getattr(page, "search_text_parts", list)()]) for page in pages
        ]
        texts += visible_documents(request, Material.objects.all()).values_list("title", flat=True)
        found = set()
        for text in texts:
            found.update(word.lower() for word in words(text))
            found.update(index_terms(text, language)[0].split())
        vocabulary = sorted(word for word in found if len(word) > 2)
        cache.set(key, vocabulary, VOCABULARY_TIMEOUT)
    return vocabulary
