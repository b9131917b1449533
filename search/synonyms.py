"""The synonyms editors keep (`search.models.Synonym`), applied to a query's words.

Both the synonyms and the query go through the same analysis (`text.analysis.query_terms`), so
"TES:n" meets the word "TES" and a synonym finds its inflected forms. A query word that is a
set's word (or, in a two-way set, any of its words) gets the others as alternatives: one-word
synonyms as more lemmas of that word, a synonym of several words as a group that must match
whole. The synonyms are read once per content generation (saving one starts a new one), so a
change works at the next search, with no index rebuild."""

from generation.memo import remember
from text.analysis import query_terms

from .models import Synonym


def expand(request, terms, language):
    """`terms` (alternatives per query word) with each word's synonyms added to its
    alternatives; the words themselves and their order stay as typed."""
    table = remember(request, ("search synonyms", language), lambda: _table(language))
    if not table:
        return terms
    expanded = []
    for alternatives in terms:
        extra = [synonym for alternative in alternatives for synonym in table.get(alternative, ())]
        expanded.append(tuple(dict.fromkeys([*alternatives, *extra])))
    return expanded


def _table(language):
    """{a lemma of a set's word: the alternatives it widens to}."""
    table = {}
    for synonym in Synonym.objects.filter(language=language):
        entries = [synonym.word, *synonym.synonym_list]
        keys = entries if synonym.direction == Synonym.Direction.TWO_WAY else entries[:1]
        for key in keys:
            key_terms = query_terms(key, language)
            if len(key_terms) != 1:
                continue
            widened = [_alternatives(entry, language) for entry in entries if entry != key]
            for lemma in key_terms[0]:
                found = table.setdefault(lemma, [])
                found.extend(item for group in widened for item in group if item not in found)
    return table


def _alternatives(entry, language):
    """A one-word synonym's lemmas; a synonym of several words as one group (all must match)."""
    entry_terms = query_terms(entry, language)
    if len(entry_terms) == 1:
        return list(entry_terms[0])
    return [tuple(entry_terms)] if entry_terms else []
