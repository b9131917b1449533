"""Finnish demo text with its Swedish translation kept beside it."""

import html

SWEDISH = {}


def t(fi, sv):
    """Register the Swedish for a Finnish string and return the Finnish."""
    SWEDISH[fi] = sv
    return fi


def paragraphs(*texts):
    """Rich text of plain paragraphs: each one becomes a translation segment."""
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts)


def items(*texts):
    """StreamField data for an ordered list of short texts."""
    return [("item", text) for text in texts]


def swedish_for(source):
    """The Swedish of a segment; segments of rich text arrive HTML-escaped."""
    if source in SWEDISH:
        return SWEDISH[source]
    unescaped = html.unescape(source)
    if unescaped in SWEDISH:
        return html.escape(SWEDISH[unescaped], quote=False)
    return None
