"""One search code path for the search page and for evaluate_search: normalise, search pages
and documents on the chosen backend (falling back to the database when the engine is down),
keep only what the request may see, and build facets, snippets and suggestions from that."""

import difflib
import functools
import html
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

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
from text.analysis import analyse_word, fold, index_terms, query_terms, words

from .synonyms import expand

logger = logging.getLogger(__name__)

# Every full match is collected, so the facet counts, the filters and the pages cover the whole
# answer (issue 19); the partial matches that follow them are the best 100 per kind and
# language, and none are added once the full matches fill that many.
MAX_HITS = 100
SNIPPET_WORDS = 14
VOCABULARY_TIMEOUT = 60 * 60
# What ranking, facets and filters read of a document: every match is loaded with these only
# (thousands for a common word); the hits on show are loaded whole (see with_snippet_text).
RANKING_MATERIAL_FIELDS = ("title", "language", "body", "year", "created_at")


@dataclass
class Hit:
    obj: object
    kind: str  # "page" or "document"
    title: str
    language: str
    score: float
    content_type: str = ""
    body: str = ""
    year: int | None = None
    date: object = None
    snippet: str = ""
    translation_key: object = None
    matched: int = 1  # how many of the query's words it matches
    complete: bool = True  # it matches every word
    named: bool = False  # its title is what was asked, word for word (`_names_query`)
    owner: bool = False  # a page named by the query above other hits so named (`_mark_owners`)
    request: object = field(default=None, repr=False)

    @property
    def url(self):
        """Worked out for the hits on show only: a page's address takes a walk up its tree."""
        if self.kind == "page":
            return self.obj.get_url(self.request)
        return self.obj.url


@dataclass
class Outcome:
    query: str
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    suggestion: str = ""
    engine_down: bool = False
    corrected_from: str = ""  # what was typed, when the results are for the corrected query
    complete: bool = False  # some result matches every word
    members_only: bool = False  # a visitor's query matched members' material only


_backends = {}


def _backend(name):
    """One backend per configuration and process: a new Elasticsearch client per request would
    open new connections each time."""
    if name not in settings.WAGTAILSEARCH_BACKENDS:
        name = "database"
    key = (name, repr(sorted(settings.WAGTAILSEARCH_BACKENDS[name].items())))
    if key not in _backends:
        _backends[key] = get_search_backend(name)
    return _backends[key]


def _search(backend, queryset, query, limit=None):
    """Results with `_score` where higher is better, whichever way the backend ranks (SQLite's
    bm25 is lower-is-better: `lower_scores_are_better`, search/backends.py); every match unless
    `limit` (Elasticsearch pages through more than 10,000 with its scroll API)."""
    found = backend.search(query, queryset, operator="and").annotate_score("_score")
    results = list(found[:limit] if limit else found)
    sign = -1 if getattr(backend, "lower_scores_are_better", False) else 1
    for result in results:
        result._score = sign * (getattr(result, "_score", 0) or 0)
    return results


def engine_query(terms, operator="and"):
    """The engine's query from `query_terms`: the alternatives of one word ORed (every reading,
    the spellings with ä/ö put back, synonyms), the words ANDed, or ORed for the partial
    matches. A synonym of several words is an alternative that is itself a group of words."""
    word_queries = [_word_query(alternatives) for alternatives in terms]
    if len(word_queries) == 1:
        return word_queries[0]
    return And(word_queries) if operator == "and" else Or(word_queries)


def _word_query(alternatives):
    queries = [
        And([_word_query(words) for words in alternative])
        if isinstance(alternative, tuple)
        else PlainText(alternative)
        for alternative in alternatives
    ]
    return queries[0] if len(queries) == 1 else Or(queries)


def _best_matches(backend, queryset, terms):
    """Every match of every word, then the best 100 of what matches most of them: no backend has
    a minimum-should-match over query objects, so a query of several words also runs as an OR,
    and each partial match is told how many words it matches (for three or more, one small
    query per word over the partial matches only). A question's leftover verb ("tekee") then
    costs nothing."""
    full = _search(backend, queryset, engine_query(terms, "and"))
    for result in full:
        result._matched, result._complete = len(terms), True
    if len(terms) < 2 or len(full) >= MAX_HITS:
        return full  # partial matches would only follow the best matches the list keeps
    seen = {result.pk for result in full}
    partial = [
        result
        for result in _search(backend, queryset, engine_query(terms, "or"), MAX_HITS + len(full))
        if result.pk not in seen
    ][:MAX_HITS]
    matched = {result.pk: 1 for result in partial}
    if len(terms) > 2 and partial:
        among = queryset.filter(pk__in=list(matched))
        for alternatives in terms:
            for result in _search(backend, among, engine_query([alternatives])):
                matched[result.pk] = matched.get(result.pk, 0) + 1
        matched = {pk: max(count - 1, 1) for pk, count in matched.items()}
    for result in partial:
        result._matched, result._complete = matched[result.pk], False
    return full + partial


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
    try:
        hits = _collect(request, query, languages, _backend(backend))
    except Exception as error:  # the engine is down or refused the query
        if backend == "database":
            raise
        logger.warning("Search engine failed, falling back to the database: %s", error)
        outcome.engine_down = True
        hits = _collect(request, query, languages, _backend("database"))
    _reward_title_matches(hits, query)
    # A page found in both languages shows once, in the searcher's language.
    hits = one_per_translation(hits, language, language_of=lambda hit: hit.language)
    filters = filters or {}
    outcome.facets = _facets(hits, filters)
    outcome.complete = any(hit.complete for hit in hits)
    hits = _filtered(hits, filters)
    # Full matches first, then what matches most of the words.
    if sort == "date":
        hits.sort(key=lambda h: (h.matched, h.date is not None, h.date), reverse=True)
    else:
        hits.sort(key=lambda h: (h.matched, h.named, h.owner, h.score), reverse=True)
    outcome.hits = hits
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
    engine = _backend(backend)
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


def _collect(request, query, languages, backend):
    """Hits with what the results page shows; a fixed number of queries, not one per hit."""
    hits = []
    bodies = _bodies(request)
    for language in languages:
        terms = expand(request, query_terms(query, language), language)
        if not terms:
            continue
        pages = Page.objects.filter(locale_id=_locale_id(request, language))
        pages = visible_pages(request, pages).exclude(depth__lte=1)
        found = _best_matches(backend, pages, terms)
        meeting_dates = _meeting_dates(found)
        for page in found:
            # The plain page is enough for ranking and facets; only the hits on show are
            # loaded as their specific type (see with_snippet_text).
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
        document_type = _("Document")
        documents = visible_documents(
            request, Material.objects.filter(language=language).only(*RANKING_MATERIAL_FIELDS)
        )
        for document in _best_matches(backend, documents, terms):
            hits.append(
                Hit(
                    obj=document,
                    kind="document",
                    title=document.title,
                    language=document.language,
                    score=document._score,
                    content_type=document_type,
                    body=bodies["by_id"].get(document.body_id, {}).get(language, ""),
                    year=document.year,
                    date=document.created_at.date(),
                    matched=document._matched,
                    complete=document._complete,
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


def _reward_title_matches(hits, query):
    """Rank a hit whose title names what was asked above one that only mentions it: a lemma in
    the title counts fully, a compound part of a title word half. The same on every backend."""
    asked_in = {}
    for hit in hits:
        if hit.language not in asked_in:
            asked = query_terms(query, hit.language)
            folded = [{fold(term) for term in alternatives} for alternatives in asked]
            asked_in[hit.language] = (asked, set().union(*asked) if asked else set(), folded)
        asked, wanted, folded = asked_in[hit.language]
        title_lemmas, title_parts, title_words, title_forms = _title(hit.title, hit.language)
        reward = 0.0
        for alternatives in asked:
            if title_lemmas.intersection(alternatives):
                reward += 1
            elif title_parts.intersection(alternatives):
                reward += 0.5
        # A title that is mostly what was asked ranks above a longer one that mentions it.
        covered = sum(1 for lemmas in title_words if wanted.intersection(lemmas))
        coverage = covered / len(title_words) if title_words else 0
        hit.score *= 1 + reward / max(len(asked), 1) + coverage
        hit.named = _names_query(folded, title_forms)
        hit.owner = bool(asked) and reward == len(asked)  # every word in the title; see below
    _mark_owners(hits)


@functools.lru_cache(maxsize=10_000)  # about 5 kB each: 50 MB a process at most
def _title(title, language):
    """A title's lemmas, compound parts, each word's lemmas and each word's lemmas without
    ä/ö: kept for the last 10,000 titles seen, as the titles of a common word's thousands of
    matches come back query after query."""
    lemma_text, parts_text = index_terms(title, language)
    title_words = tuple(analyse_word(word, language)[0] for word in words(title))
    forms = tuple(frozenset(fold(lemma) for lemma in lemmas) for lemmas in title_words)
    return frozenset(lemma_text.split()), frozenset(parts_text.split()), title_words, forms


def _mark_owners(hits):
    """Of the pages whose titles hold every query word, the ones that hold others so titled
    below them: a body above its meetings and minutes named after it ("Tekry" finds the group
    before "Tekry – kokous helmikuu 2027"), as a reader looking for the body expects."""
    paths = [hit.obj.path for hit in hits if hit.owner and hit.kind == "page"]
    for hit in hits:
        if hit.owner:
            path = hit.obj.path if hit.kind == "page" else None
            hit.owner = bool(path) and any(p != path and p.startswith(path) for p in paths)


def _names_query(asked, title_forms):
    """Whether a title is exactly what was asked: each query word in it and nothing else, with
    or without ä/ö and across a hyphen ("HR-verkosto"). Someone typing a page's name expects
    that page first, above pages that add words to it ("HR-verkosto – kokous helmikuu 2027"),
    whatever the engine's scores say. `asked`: each query word's alternatives, `title_forms`:
    each title word's lemmas, both without ä/ö."""
    if not asked or not title_forms:
        return False
    wanted = set().union(*asked)
    title = set()
    for forms in title_forms:
        if not any(form in wanted or set(form.split("-")) <= wanted for form in forms):
            return False
        title |= forms | {part for form in forms for part in form.split("-")}
    return all(title & alternatives for alternatives in asked)


FACETS = {"body": "body", "type": "content_type", "year": "year", "language": "language"}


def _facets(hits, filters):
    """Each facet's counts over the hits the other facets' filters keep, as Solr's and
    SharePoint's refiners count: a value's count is what the list shows once it is chosen too
    (with the year 2022 chosen, "Document (33)" leads to the 33 documents of 2022), and the
    values of the facet already chosen stay on offer with their own counts."""
    facets = {}
    for name, attribute in FACETS.items():
        others = {other: value for other, value in filters.items() if other != name}
        counts = {}
        for hit in _filtered(hits, others):
            value = getattr(hit, attribute)
            if value not in (None, ""):
                counts[str(value)] = counts.get(str(value), 0) + 1
        facets[name] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return facets


def _filtered(hits, filters):
    for name, attribute in FACETS.items():
        wanted = filters.get(name)
        if wanted:
            hits = [hit for hit in hits if str(getattr(hit, attribute)) == wanted]
    return hits


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
    matches = [i for i, word in enumerate(text_words) if _matches(word, wanted, hit.language)]
    if not matches:
        return html.escape(" ".join(text_words[: SNIPPET_WORDS * 2]))
    start = max(0, matches[0] - SNIPPET_WORDS)
    window = range(start, min(len(text_words), matches[0] + SNIPPET_WORDS))
    out = []
    for i in window:
        escaped = html.escape(text_words[i])
        out.append(f"<mark>{escaped}</mark>" if i in matches else escaped)
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
