"""Finding glossary terms in Finnish text whatever their inflection, and checking that the
Swedish translation of each segment uses the glossary's Swedish term.

Finnish words are compared through their Voikko lemmas and compound parts (text.analysis),
so "työsuojelupäälliköiden" and "työsuojelupäällikköverkosto" both contain
"työsuojelupäällikkö". Swedish words are compared through their simplemma lemmas and as
substrings, since Swedish writes compounds together: "arbetarskyddschefernas" and
"välfärdsområdesarbetsgivarna" contain "arbetarskyddschef" and "arbetsgivar(e)"."""

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import strip_tags
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from text.analysis import analyse_word, words

from .models import Term


def _plain(text):
    """Segments of rich text arrive as escaped HTML."""
    return html.unescape(strip_tags(text or ""))


def _pieces(text):
    return [piece for word in words(_plain(text)) for piece in re.split(r"[-:]", word) if piece]


def _finnish_tokens(text):
    """Each word as every base form it may stand for: its lemmas and its compound parts."""
    tokens = []
    for piece in _pieces(text):
        lemmas, runs = analyse_word(piece, "fi")
        tokens.append({piece.lower(), *lemmas, *runs})
    return tokens


def _swedish_tokens(text):
    tokens = []
    for piece in _pieces(text):
        lemmas, _ = analyse_word(piece, "sv")
        tokens.append({piece.lower(), *lemmas})
    return tokens


@lru_cache(maxsize=1000)
def _finnish_pattern(term):
    return tuple(
        frozenset({piece.lower(), *analyse_word(piece, "fi")[0]}) for piece in _pieces(term)
    )


@lru_cache(maxsize=1000)
def _swedish_pattern(term):
    """Each word of a Swedish term as the stems a compound or inflected form contains:
    "arbetsgivare" also as "arbetsgivar", for "arbetsgivarna" inside a compound."""
    pattern = []
    for piece in _pieces(term):
        forms = {piece.lower(), *analyse_word(piece, "sv")[0]}
        forms |= {form[:-1] for form in forms if form.endswith("e") and len(form) > 5}
        pattern.append(frozenset(forms))
    return tuple(pattern)


def _finnish_match(forms, token):
    return bool(forms & token)


def _swedish_match(forms, token):
    return any(form in word for form in forms for word in token)


def _occurs(pattern, tokens, match):
    """Whether the words of a term occur one after the other in the text."""
    if not pattern:
        return False
    return any(
        all(match(forms, token) for forms, token in zip(pattern, tokens[start:], strict=False))
        for start in range(len(tokens) - len(pattern) + 1)
    )


@dataclass
class Problem:
    """A segment whose translation does not use the glossary's Swedish term."""

    term: Term
    source: str
    translation: str
    variant: str = ""  # the avoided variant the translation uses, if any
    segment_id: int | None = None


def all_terms():
    return list(Term.objects.all())


def terms_in(finnish_text, terms=None):
    """The glossary terms that occur in a Finnish text, in any inflected or compound form."""
    tokens = _finnish_tokens(finnish_text)
    if not tokens:
        return []
    terms = all_terms() if terms is None else terms
    return [
        term for term in terms if _occurs(_finnish_pattern(term.finnish), tokens, _finnish_match)
    ]


def check_text(finnish_text, swedish_text, terms=None):
    """Problems in one translated text: a glossary term of the source whose Swedish term the
    translation lacks, or a translation that uses a variant the glossary says to avoid."""
    found = terms_in(finnish_text, terms)
    if not found:
        return []
    tokens = _swedish_tokens(swedish_text)
    problems = []
    for term in found:
        avoided = next(
            (
                variant
                for variant in term.variants_to_avoid
                if _occurs(_swedish_pattern(variant), tokens, _swedish_match)
            ),
            "",
        )
        if avoided or not _occurs(_swedish_pattern(term.swedish), tokens, _swedish_match):
            problems.append(Problem(term, _plain(finnish_text), _plain(swedish_text), avoided))
    return problems


def _prose(segments):
    """Segments a translator writes: not slugs, which are the title in ASCII."""
    return segments.exclude(context__path="slug").select_related("string")


def _translated_segments(sources, locale):
    """(source id, segment id, Finnish, Swedish) of every translated string segment."""
    segments = _prose(StringSegment.objects.filter(source__in=sources))
    translated = {
        (row["translation_of_id"], row["context_id"]): row["data"]
        for row in StringTranslation.objects.filter(
            locale=locale, context__object_id__in={source.object_id for source in sources}
        ).values("translation_of_id", "context_id", "data")
    }
    for segment in segments:
        swedish = translated.get((segment.string_id, segment.context_id))
        if swedish is not None:
            yield segment.source_id, segment.id, segment.string.data, swedish


def glossary_for(translation, terms=None):
    """The glossary terms a translator meets in this translation's source."""
    terms = all_terms() if terms is None else terms
    found = {}
    for segment in _prose(StringSegment.objects.filter(source=translation.source)):
        for term in terms_in(segment.string.data, [t for t in terms if t.pk not in found]):
            found[term.pk] = term
    return sorted(found.values(), key=lambda term: term.finnish.lower())


def check_translation(translation, terms=None):
    """Every segment of one translation that does not use the glossary's Swedish term."""
    terms = all_terms() if terms is None else terms
    problems = []
    if not terms:
        return problems
    for _source, segment_id, finnish, swedish in _translated_segments(
        [translation.source], translation.target_locale
    ):
        for problem in check_text(finnish, swedish, terms):
            problem.segment_id = segment_id
            problems.append(problem)
    return problems


def problems_by_object(language_code="sv"):
    """Term problems of every enabled translation into a language, by the translated object's
    translation key (a page's or snippet's `translation_key`)."""
    terms = all_terms()
    if not terms:
        return {}
    locale = Locale.objects.get(language_code=language_code)
    translations = Translation.objects.filter(target_locale=locale, enabled=True).select_related(
        "source"
    )
    sources = {translation.source_id: translation.source for translation in translations}
    problems = {}
    for source_id, segment_id, finnish, swedish in _translated_segments(
        list(sources.values()), locale
    ):
        for problem in check_text(finnish, swedish, terms):
            problem.segment_id = segment_id
            problems.setdefault(sources[source_id].object_id, []).append(problem)
    return problems


def untranslated_count(translation):
    """How many of the segments a translator writes have no translation yet: a term check of a
    text not yet written would only say "all well"."""
    translated = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("translation_of_id", "context_id")
    )
    return sum(
        (segment.string_id, segment.context_id) not in translated
        for segment in _prose(StringSegment.objects.filter(source=translation.source))
    )
