"""One page per translation: of a page found in both languages, the one in the reader's.

For one page Wagtail's own `page.localized` serves (the live translation in the active language,
else the page itself); this is for lists that hold several languages' pages at once.
"""


def page_language(page):
    return page.locale.language_code


def one_per_translation(items, language, language_of=page_language):
    """One item per translation (`translation_key`): the one in `language` where there is one,
    else the first; in the order their translations first appear. Items without a translation
    key (search hits of documents) are all kept, after the others."""
    chosen = {}
    others = []
    for item in items:
        if item.translation_key is None:
            others.append(item)
            continue
        current = chosen.get(item.translation_key)
        if current is None or (language_of(item) == language and language_of(current) != language):
            chosen[item.translation_key] = item
    return [*chosen.values(), *others]


def in_language(translations, language, language_of=page_language):
    """Of one page's translations, the one in `language` where there is one, else the first
    (None of none): `one_per_translation`'s rule for a single page."""
    chosen = one_per_translation(translations, language, language_of)
    return chosen[0] if chosen else None
