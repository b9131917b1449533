"""How the search ranks what the engine found: a title that names what was asked above a text
that only mentions it, and a body above its meetings named after it. The same on every
backend, so the database and Elasticsearch list a query's answers alike; applied to the best
matches the engine returns (the whole answer when it is small, `search.engine.WINDOW` of a
large one), as Solr's re-rank query and Elasticsearch's rescore window do."""

import functools

from text.analysis import analyse_word, fold, index_terms, query_terms, words


def reward_title_matches(hits, query):
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
