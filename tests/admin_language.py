"""What the admin shows each role, and which of it is still Wagtail's or wagtail-localize's
English: the visible text of a rendered admin screen compared with the English msgids of their
catalogues (shared by tests/test_admin_language.py and the browser tests)."""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
import wagtail
import wagtail_localize

# Words that are the same in every language: names of things and of the languages themselves.
PROPER_NAMES = {"Wagtail", "Suomi", "Svenska", "OK", "PDF", "URL", "ID"}
# English words that are Swedish words too.
SAME_IN = {"sv": {"Status", "system"}, "fi": set()}
PLACEHOLDER = re.compile(r"%(\(\w+\))?[sdif]|\{[^}]*\}")
VISIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "aria-description")


def catalogue_files(domain):
    for package in (wagtail, wagtail_localize):
        root = Path(package.__file__).parent
        yield from root.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")


@cache
def english_msgids(domain="django"):
    """Every English interface text of Wagtail and wagtail-localize that a screen could show
    whole: msgids without placeholders, singular and plural."""
    found = set()
    for path in catalogue_files(domain):
        for entry in polib.pofile(str(path)):
            for text in (entry.msgid, entry.msgid_plural):
                text = " ".join(text.split())
                if text and not PLACEHOLDER.search(text) and re.search(r"[A-Za-z]{2}", text):
                    found.add(text)
    return frozenset(found - PROPER_NAMES)


class _VisibleText(HTMLParser):
    """Text nodes and readable attributes, outside scripts, styles and `hidden` elements (a
    counter Wagtail fills in with a number before it shows it)."""

    NEVER_SHOWN = {"script", "style"}
    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._hidden_tag = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if self._hidden_tag:
            self._depth += tag == self._hidden_tag
            return
        if tag in self.NEVER_SHOWN or ("hidden" in dict(attrs) and tag not in self.VOID):
            self._hidden_tag, self._depth = tag, 1
            return
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if self._hidden_tag == tag:
            self._depth -= 1
            if not self._depth:
                self._hidden_tag = None

    def handle_data(self, data):
        if not self._hidden_tag:
            self.texts.append(data)


def visible_texts(html):
    """The screen's text nodes and the attributes a reader or a screen reader meets."""
    parser = _VisibleText()
    parser.feed(html)
    return [text for text in (" ".join(t.split()) for t in parser.texts) if text]


@cache
def english_patterns(domain="django"):
    """The msgids with placeholders ("Publish in %(locale)s"), as patterns of a whole text;
    only those with enough words of their own to tell English from a name."""
    patterns = []
    for path in catalogue_files(domain):
        for entry in polib.pofile(str(path)):
            for text in (entry.msgid, entry.msgid_plural):
                text = " ".join(text.split())
                literal = PLACEHOLDER.sub("", text)
                if not PLACEHOLDER.search(text) or len(re.findall(r"[A-Za-z]", literal)) < 8:
                    continue
                patterns.append(re.compile(rf"^{_pieces(text)}$"))
    return patterns


def _pieces(text):
    """A msgid as a pattern: its words literal, each placeholder any text."""
    out, last = [], 0
    for match in PLACEHOLDER.finditer(text):
        out.append(re.escape(text[last : match.start()]))
        out.append(".+?")
        last = match.end()
    out.append(re.escape(text[last:]))
    return "".join(out)


def _is_english(text, msgids, patterns):
    for candidate in {text, text.rstrip(":…. "), *re.split(r": | - | – ", text)}:
        candidate = candidate.strip()
        if candidate in msgids or any(pattern.match(candidate) for pattern in patterns):
            return True
    return False


def english_left(html, language, domain="django"):
    """The texts of a screen that are an English msgid of Wagtail or wagtail-localize: whole,
    with its placeholders filled in, or as a part of a title ("Exploring: Root")."""
    msgids = english_msgids(domain)
    patterns = english_patterns(domain)
    msgids = msgids - SAME_IN[language]
    return sorted(
        {
            text
            for text in visible_texts(html)
            if text.rstrip(":") not in SAME_IN[language] and _is_english(text, msgids, patterns)
        }
    )
