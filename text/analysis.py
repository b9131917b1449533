"""Finnish and Swedish normalisation shared by every search backend.

Finnish is inflected and compounded: "työsuojelupäälliköiden" must be found by
"työsuojelupäällikkö", and "vuosityöaikakokeilun" by "vuosityöaika". Voikko gives each word's
lemmas and compound structure; Swedish words are lemmatised with simplemma. We index the
lemmas and every run of adjacent compound parts as extra text, and turn a query into lemmas
(without splitting its compounds), so that the database and Elasticsearch backends agree."""

import logging
import re
import threading
from functools import lru_cache

logger = logging.getLogger(__name__)

WORD = re.compile(r"\w+(?:[-:]\w+)*", re.UNICODE)
WORDBASE = re.compile(r"\+([^(+]*)\(([^)]*)\)")

_local = threading.local()


def _voikko():
    """One Voikko handle per thread: the handles are not thread-safe."""
    if not hasattr(_local, "voikko"):
        try:
            import libvoikko

            _local.voikko = libvoikko.Voikko("fi")
        except (ImportError, OSError) as error:
            logger.warning("Voikko is not available, Finnish is not lemmatised: %s", error)
            _local.voikko = None
    return _local.voikko


def words(text):
    return WORD.findall(text or "")


def _pieces(word):
    """A hyphenated word ("HR-info-uutiskirjeitä") is analysed piece by piece."""
    return [piece for piece in re.split(r"[-:]", word) if piece]


@lru_cache(maxsize=200_000)
def finnish_word(word):
    """(lemmas, compound runs) of one Finnish word; unknown words stand for themselves."""
    voikko = _voikko()
    lower = word.lower()
    analyses = voikko.analyze(word) if voikko is not None else []
    lemmas, runs = [], []
    for analysis in analyses:
        lemma = analysis.get("BASEFORM", "").lower()
        if lemma and lemma not in lemmas:
            lemmas.append(lemma)
        for run in _compound_runs(analysis.get("WORDBASES", "")):
            if run != lemma and run not in runs:
                runs.append(run)
    return tuple(lemmas or [lower]), tuple(runs)


def _compound_runs(wordbases):
    """Every run of adjacent compound parts of a lemma: työ, suojelu, työsuojelu, ..."""
    parts = []
    for surface, base in WORDBASE.findall(wordbases):
        surface = surface.lower()
        if base.startswith("+") and parts:
            parts[-1] += surface  # a derivational ending belongs to the part before it
        elif surface:
            parts.append(surface)
    if len(parts) < 2:
        return []
    return [
        "".join(parts[start:end])
        for start in range(len(parts))
        for end in range(start + 1, len(parts) + 1)
        if end - start < len(parts)
    ]


@lru_cache(maxsize=200_000)
def swedish_word(word):
    import simplemma

    lower = word.lower()
    lemma = simplemma.lemmatize(lower, lang="sv").lower()
    return tuple(dict.fromkeys([lemma, lower])) if lemma != lower else (lower,), ()


def analyse_word(word, language):
    return swedish_word(word) if language == "sv" else finnish_word(word)


def index_terms(text, language):
    """The lemma text and the compound-part text to index for a text in a language."""
    lemmas, runs = [], []
    for word in words(text):
        for piece in _pieces(word):
            piece_lemmas, piece_runs = analyse_word(piece, language)
            lemmas.extend(piece_lemmas)
            runs.extend(piece_runs)
    return " ".join(lemmas), " ".join(runs)


def query_terms(query, language):
    """The query as lemmas: each word becomes its lemmas, its compounds stay whole."""
    terms = []
    for word in words(query):
        for piece in _pieces(word):
            lemmas, _ = analyse_word(piece, language)
            terms.append(lemmas)
    return terms


def normalise_query(query, language):
    """A query string for the backends: lemmas joined, alternatives of one word as an OR is
    not expressible in the plain query language, so the first (most likely) lemma is used."""
    return " ".join(lemmas[0] for lemmas in query_terms(query, language))
