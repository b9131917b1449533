"""Soft hyphens in long headings' words: Finnish by Voikko, Swedish by pyphen; the letters and
the HTML escaping are unchanged."""

from django.template import Context, Template
from django.utils import translation

from text.hyphenation import SOFT_HYPHEN, soft_hyphens


def test_finnish_compound_gets_soft_hyphens_at_syllables():
    hyphenated = soft_hyphens("Opetusalan työnantajaverkostot", "fi")
    assert hyphenated == f"Opetusalan työn{SOFT_HYPHEN}an{SOFT_HYPHEN}ta{SOFT_HYPHEN}ja" + (
        f"{SOFT_HYPHEN}ver{SOFT_HYPHEN}kos{SOFT_HYPHEN}tot"
    )


def test_swedish_compound_gets_soft_hyphens():
    hyphenated = soft_hyphens("Arbetslivsutvecklingsgruppen Tekry", "sv")
    assert SOFT_HYPHEN in hyphenated
    assert hyphenated.replace(SOFT_HYPHEN, "") == "Arbetslivsutvecklingsgruppen Tekry"


def test_short_words_and_markup_are_left_alone():
    assert soft_hyphens("HR-verkosto", "fi") == "HR-verkosto"
    assert soft_hyphens("<b>työsuojelupäälliköiden</b>", "fi").startswith("&lt;b&gt;työ")


def test_filter_uses_the_active_language():
    template = Template("{% load hyphenation %}{{ title|hyphenate }}")
    with translation.override("sv"):
        swedish = template.render(Context({"title": "arbetarskyddscheferna"}))
    assert swedish.replace(SOFT_HYPHEN, "") == "arbetarskyddscheferna"
    assert swedish.count(SOFT_HYPHEN) >= 3
