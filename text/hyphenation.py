"""Soft hyphens in long Finnish and Swedish words, for headings on a narrow screen.

`hyphens: auto` in the stylesheet lets a browser hyphenate by the page's language, but only where
it has a dictionary for it (Chromium on Linux and Windows has none): there a long compound such
as "työnantajaverkostot" breaks at the edge of the screen without a hyphen, or not at all. A soft
hyphen (U+00AD) at each point where the word may be split is invisible until the line breaks
there. Finnish points come from Voikko (the same library that lemmatises), Swedish ones from
pyphen's LibreOffice patterns. Only words of `MIN_LENGTH` letters or more get them: shorter ones
fit the narrowest line."""

import re
import threading
from functools import lru_cache

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from .analysis import _voikko

SOFT_HYPHEN = "\u00ad"
MIN_LENGTH = 12
LONG_WORD = re.compile(rf"\w{{{MIN_LENGTH},}}", re.UNICODE)

_local = threading.local()


def _pyphen(language):
    if not hasattr(_local, "pyphen"):
        _local.pyphen = {}
    if language not in _local.pyphen:
        try:
            import pyphen

            _local.pyphen[language] = pyphen.Pyphen(lang=language)
        except (ImportError, KeyError):
            _local.pyphen[language] = None
    return _local.pyphen[language]


@lru_cache(maxsize=4096)
def hyphenate_word(word, language):
    """The word with soft hyphens where it may be split, or as it was if we cannot tell."""
    if language == "fi":
        voikko = _voikko()
        if voikko is None:
            return word
        # Voikko's pattern has "-" before each letter where the word may be split ("=" where a
        # hyphen would replace a character: not used, so the letters never change).
        pattern = voikko.getHyphenationPattern(word)
        marks = zip(word, pattern, strict=False)
        return "".join((SOFT_HYPHEN if mark == "-" else "") + letter for letter, mark in marks)
    dictionary = _pyphen(language)
    return dictionary.inserted(word, hyphen=SOFT_HYPHEN) if dictionary else word


def soft_hyphens(text, language):
    """Escaped text with soft hyphens in its long words."""
    escaped = str(conditional_escape(text))
    return mark_safe(LONG_WORD.sub(lambda m: hyphenate_word(m.group(0), language), escaped))
