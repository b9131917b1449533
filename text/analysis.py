"""Finnish and Swedish normalisation shared by every search backend.

Finnish is inflected and compounded: "työsuojelupäälliköiden" must be found by
"työsuojelupäällikkö", and "vuosityöaikakokeilun" by "vuosityöaika". Voikko gives each word's
lemmas and compound structure; Swedish words are lemmatised with simplemma and split into their
parts over simplemma's word list. We index the lemmas and every run of adjacent compound parts
as extra text, and turn a query into alternatives per word (every reading, without splitting its
compounds), so that the database and Elasticsearch backends agree: no backend's own analysis
decides what matches.

Beyond the lemmas, the parts text holds what people type instead of the right word:
- every lemma and part folded to plain letters ("tyoelama" beside "työelämä"), because phones
  and foreign keyboards lose ä, ö and å; SQLite's tokenizer folds them but PostgreSQL's `simple`
  configuration and Elasticsearch's standard analyser do not, so the folding is ours;
- a snowball stem for a word the lemmatiser does not know ("hyte", a new abbreviation), so its
  other forms meet.
A query word typed without ä/ö/å is looked up with them put back, every spelling the lemmatiser
knows; its lemmas are searched folded, so they meet the folded parts (which count less than the
lemmas: a word spelled as typed ranks first)."""

import itertools
import logging
import re
import threading
import unicodedata
from functools import lru_cache

logger = logging.getLogger(__name__)

WORD = re.compile(r"\w+(?:[-:]\w+)*", re.UNICODE)
WORDBASE = re.compile(r"\+([^(+]*)\(([^)]*)\)")
# Words a question is made of, not what it asks about: dropped from a query (by lemma, or as
# typed for the clitic questions Voikko reads as an ordinary verb: "voiko" is also "voi").
STOP_LEMMAS = {
    "fi": set(
        """mikä kuka ken miten milloin miksi kuinka missä mitä millainen minkälainen kumpi olla
        ja tai sekä että kun jos mutta vai eli ei se ne tämä nämä tuo nuo joka mikään kukaan
        minä sinä hän me te he myös nyt jo vain kuin tarkoittaa""".split()
    ),
    "sv": set(
        """och eller i på att det som en ett är vara av för med till den de ha har inte om vad
        vem vilken vilket vilka när hur varför var varifrån vart finnas finns kunna kan skola
        ska jag du han hon vi ni dem sig man också från hos under efter så nu""".split()
    ),
}
STOP_WORDS = {
    "fi": set("onko voiko saako paljonko montako kenelle keille ketkä".split()),
    "sv": set(),
}
# ä/ö/å put back into a query word typed without them: at most this many letters are tried.
MAX_RESTORED_LETTERS = {"fi": 10, "sv": 7}
RESTORE = {"fi": {"a": "aä", "o": "oö"}, "sv": {"a": "aäå", "o": "oö"}}
# A Swedish compound part has at least this many letters ("chef", "möte"), and only a part of
# twice that is split again: shorter splits are chance ("med|lem").
MIN_PART = 4

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


def fold(word):
    """The word in plain letters: "työelämä" → "tyoelama"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=8)
def _stemmer(language):
    import snowballstemmer

    return snowballstemmer.stemmer("swedish" if language == "sv" else "finnish")


# Finnish case endings the snowball stemmer leaves on a word it does not know ("tekryyn").
FINNISH_ENDINGS = re.compile(
    r"(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|tta|ttä|hin|seen|na|nä|ta|tä|a|ä|n)$"
)
ILLATIVE = re.compile(r"([aeiouyäö])\1n$")  # tekryyn → tekry


def stem(word, language):
    return _stemmer(language).stemWord(word.lower())


def stems(word, language):
    """What a word the lemmatiser does not know is indexed and searched by besides itself: its
    snowball stem and, in Finnish, the word without a case ending (tekryyn, tekryssä → tekry)."""
    lower = word.lower()
    found = [stem(lower, language)]
    if language != "sv":
        bare = ILLATIVE.sub(r"\1", lower)
        bare = FINNISH_ENDINGS.sub("", bare) if bare == lower else bare
        if len(bare) >= MIN_PART - 1:
            found.append(bare)
    return tuple(dict.fromkeys(form for form in found if form != lower))


@lru_cache(maxsize=200_000)
def _voikko_word(word):
    """(lemmas, compound runs) Voikko gives a Finnish word: empty when it does not know it."""
    voikko = _voikko()
    analyses = voikko.analyze(word) if voikko is not None else []
    lemmas, runs = [], []
    for analysis in analyses:
        lemma = analysis.get("BASEFORM", "").lower()
        if lemma and lemma not in lemmas:
            lemmas.append(lemma)
        for run in _compound_runs(analysis.get("WORDBASES", "")):
            if run != lemma and run not in runs:
                runs.append(run)
    return tuple(lemmas), tuple(runs)


@lru_cache(maxsize=200_000)
def finnish_word(word):
    """(lemmas, parts) of one Finnish word: the parts are its compound runs, and for a word
    Voikko does not know its snowball stem; every form also folded to plain letters."""
    lemmas, runs = _voikko_word(word)
    if not lemmas:
        lemmas, runs = (word.lower(),), stems(word, "fi")
    return lemmas, _with_folded(lemmas, runs)


def _compound_runs(wordbases):
    """Every run of adjacent compound parts of a lemma: työ, suojelu, työsuojelu, ..."""
    parts = []
    for surface, base in WORDBASE.findall(wordbases):
        surface = surface.lower()
        if base.startswith("+") and parts:
            parts[-1] += surface  # a derivational ending belongs to the part before it
        elif surface:
            parts.append(surface)
    return _runs(parts)


def _runs(parts, last=None):
    """Every run of adjacent parts but the whole; `last` is how a run that ends a part is
    written (a Swedish part without its linking s)."""
    if len(parts) < 2:
        return []
    last = last or parts
    return [
        "".join(parts[start : end - 1]) + last[end - 1]
        for start in range(len(parts))
        for end in range(start + 1, len(parts) + 1)
        if end - start < len(parts)
    ]


def _with_folded(lemmas, runs):
    """The runs, then every lemma and run folded to plain letters where that changes it."""
    forms = list(dict.fromkeys(runs))
    for form in (*lemmas, *runs):
        folded = fold(form)
        if folded != form and folded not in forms and folded not in lemmas:
            forms.append(folded)
    return tuple(form for form in forms if form not in lemmas)


@lru_cache(maxsize=1)
def _swedish_words():
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary("sv")


def _swedish_lemma(word):
    import simplemma

    return simplemma.lemmatize(word, lang="sv").lower()


@lru_cache(maxsize=200_000)
def _swedish_split(word):
    """The fewest known words a Swedish compound is made of ("arbetslivs", "utvecklings",
    "gruppen"), a linking s kept on the part before it; () when it is not a compound."""
    known = _swedish_words()
    best = {0: ()}
    for end in range(MIN_PART, len(word) + 1):
        for start in range(0, end - MIN_PART + 1):
            if start not in best or (start == 0 and end == len(word)):
                continue
            piece = word[start:end]
            stripped = piece[:-1] if piece.endswith("s") and end < len(word) else piece
            if piece in known or (stripped != piece and stripped in known):
                candidate = (*best[start], piece)
                if end not in best or len(candidate) <= len(best[end]):
                    best[end] = candidate
    parts = best.get(len(word), ())
    return parts if len(parts) > 1 else ()


def _swedish_compound(word):
    """(lemma, runs) of a compound: its last part lemmatised, each run ending on a part without
    the linking s (arbetsliv, utveckling, grupp, utvecklingsgrupp, ...)."""
    parts = _swedish_split(word)
    if not parts:
        return None, []
    ends = [part[:-1] if part.endswith("s") else part for part in parts[:-1]]
    ends.append(_swedish_lemma(parts[-1]))
    runs = _runs(list(parts), ends)
    for end in ends:  # a part that is a compound itself: utvecklingsgrupp → grupp
        if len(end) >= 2 * MIN_PART:
            runs.extend(_swedish_compound(end)[1])
    return "".join(parts[:-1]) + ends[-1], list(dict.fromkeys(runs))


@lru_cache(maxsize=200_000)
def swedish_word(word):
    """(lemmas, parts) of one Swedish word: the lemma and the word as written; the compound's
    parts; for a word simplemma does not know, the compound's lemma or else the snowball stem."""
    import simplemma

    lower = word.lower()
    lemma = _swedish_lemma(lower)
    compound_lemma, runs = _swedish_compound(lower) if len(lower) >= 2 * MIN_PART else (None, [])
    if not simplemma.is_known(lower, lang="sv"):
        lemma = compound_lemma or lemma
        runs = [*runs, *stems(lower, "sv")]
    lemmas = tuple(dict.fromkeys([lemma, lower]))
    return lemmas, _with_folded(lemmas, [run for run in runs if run not in lemmas])


def analyse_word(word, language):
    return swedish_word(word) if language == "sv" else finnish_word(word)


def _known(word, language):
    if language == "sv":
        import simplemma

        return simplemma.is_known(word.lower(), lang="sv")
    return bool(_voikko_word(word)[0])


def index_terms(text, language):
    """The lemma text and the compound-part text to index for a text in a language."""
    lemmas, parts = [], []
    for word in words(text):
        word_lemmas, word_parts = _word_terms(word, language)
        lemmas.extend(word_lemmas)
        parts.extend(word_parts)
    return " ".join(lemmas), " ".join(parts)


@lru_cache(maxsize=100_000)  # a few hundred bytes each
def _word_terms(word, language):
    """A written word's lemmas and parts, piece by piece: a text repeats its words, and a full
    rebuild met each of them thousands of times (bench/README.md)."""
    lemmas, parts = [], []
    for piece in _pieces(word):
        piece_lemmas, piece_parts = analyse_word(piece, language)
        lemmas.extend(piece_lemmas)
        parts.extend(piece_parts)
    return tuple(lemmas), tuple(parts)


@lru_cache(maxsize=20_000)
def _restored(word, language):
    """The spellings the lemmatiser knows of a word typed without ä/ö/å: "tyoelaman" →
    ("työelämän",). Only for a word with none of them and a few a/o to try."""
    lower = word.lower()
    table = RESTORE["sv" if language == "sv" else "fi"]
    if fold(lower) != lower:
        return ()
    positions = [i for i, char in enumerate(lower) if char in table]
    if not positions or len(positions) > MAX_RESTORED_LETTERS.get(language, 10):
        return ()
    found = []
    for letters in itertools.product(*(table[lower[i]] for i in positions)):
        spelled = list(lower)
        for i, letter in zip(positions, letters, strict=True):
            spelled[i] = letter
        spelled = "".join(spelled)
        if spelled != lower and _known(spelled, language):
            found.append(spelled)
    return tuple(found)


def is_stop_word(word, language):
    """A question or stop word, also typed without ä/ö/å ("mita", "for")."""
    spellings = [word.lower()]
    if not _known(word, language):
        spellings += _restored(word, language)
    return any(_is_stop_spelling(spelled, language) for spelled in spellings)


def _is_stop_spelling(word, language):
    lemmas, _ = analyse_word(word, language)
    stop = STOP_LEMMAS.get(language, set())
    return word in STOP_WORDS.get(language, ()) or word in stop or set(lemmas) <= stop


@lru_cache(maxsize=20_000)
def word_alternatives(word, language):
    """What one query word may be in the index: every reading's lemma; the folded lemmas of
    the spellings with ä/ö/å put back; for a word the lemmatiser does not know, its stem."""
    lemmas, parts = analyse_word(word, language)
    alternatives = list(lemmas)
    restored = _restored(word, language)
    for spelled in restored:
        alternatives.extend(fold(lemma) for lemma in analyse_word(spelled, language)[0])
    if not restored and not _known(word, language):
        # The stem of an unknown word; a Swedish unknown word's parts are already its lemma.
        alternatives.extend(stems(word, language))
    return tuple(dict.fromkeys(alternative for alternative in alternatives if alternative))


def query_terms(query, language):
    """The query as alternatives per word, question and stop words dropped: each word becomes
    every lemma it may be read as; its compounds stay whole (they meet the indexed parts)."""
    terms = []
    for word in words(query):
        for piece in _pieces(word):
            if not is_stop_word(piece, language):
                terms.append(word_alternatives(piece, language))
    return terms


def normalise_query(query, language):
    """A plain query string of the first lemma of each word, for a caller that cannot take the
    alternatives (search.query builds the engine query from `query_terms`)."""
    return " ".join(alternatives[0] for alternatives in query_terms(query, language))
