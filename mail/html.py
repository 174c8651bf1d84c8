"""HTML mail made safe to show, and HTML turned into text for snippets and search.

Sanitising uses ``nh3`` (Rust, fast) with a mail-display allow-list. Remote images are tracking pixels as often as
content, so their URLs move to ``data-remote-src`` where the viewer cannot load them until the user allows it
(``allow_remote``). ``html_to_text`` is regex-based because it runs at ingest on every HTML-only message.
"""

from __future__ import annotations

import re
from html import unescape

import nh3

# fmt: off
_TAGS = frozenset((
    "a", "abbr", "address", "b", "bdi", "bdo", "big", "blockquote", "br", "caption", "center", "cite", "code", "col",
    "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
))
# fmt: on
_TABLE_CELL = frozenset(("align", "valign", "width", "height", "bgcolor", "colspan", "rowspan", "nowrap"))
_ATTRIBUTES = {
    "*": {"style", "title", "dir", "lang", "align"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "border"},
    "font": {"color", "face", "size"},
    "table": {"width", "border", "cellpadding", "cellspacing", "bgcolor"},
    "td": set(_TABLE_CELL),
    "th": set(_TABLE_CELL),
    "tr": {"valign", "bgcolor"},
    "col": {"width", "span"},
    "colgroup": {"width", "span"},
    "ol": {"start", "type"},
    "li": {"value"},
}
# Style properties that can neither load anything (no url()) nor cover the viewer (no position).
# fmt: off
_STYLE_PROPERTIES = frozenset((
    "color", "background-color", "font", "font-family", "font-size", "font-style", "font-weight", "font-variant",
    "text-align", "text-decoration", "text-indent", "text-transform", "line-height", "letter-spacing", "word-spacing",
    "white-space", "vertical-align", "margin", "margin-top", "margin-right", "margin-bottom", "margin-left", "padding",
    "padding-top", "padding-right", "padding-bottom", "padding-left", "border", "border-top", "border-right",
    "border-bottom", "border-left", "border-color", "border-style", "border-width", "border-collapse",
    "border-spacing", "width", "height", "max-width", "min-width", "direction", "list-style-type",
))
# fmt: on
# nh3 serialises canonically (lower-case names, values in double quotes with '"' escaped), so after cleaning these
# patterns see every tag and attribute exactly; before cleaning they would be fooled by entities and odd quoting.
_CLEAN_TAG = re.compile(r'<(img|a)((?: [a-z0-9-]+="[^"]*")*) ?/?>')
_CLEAN_ATTRIBUTE = re.compile(r' ([a-z0-9-]+)="([^"]*)"')
_REMOTE_ATTRIBUTE = re.compile(r'(<img(?: [a-z0-9-]+="[^"]*")*?) data-remote-src="')


def _fix_attribute(tag: str, match: re.Match[str]) -> str:
    """Images load only from the message itself (remote URLs parked); links never go to data: URLs."""
    name, value = match.group(1), match.group(2)
    lowered = value.lstrip().lower()
    if tag == "img" and name == "src" and not lowered.startswith(("cid:", "data:image/")):
        return f' data-remote-src="{value}"' if lowered.startswith(("http://", "https://")) else ""
    if tag == "a" and name == "href" and lowered.startswith("data:"):
        return ""
    return match.group()


def _fix_tag(match: re.Match[str]) -> str:
    tag = match.group(1)
    attributes = _CLEAN_ATTRIBUTE.sub(lambda attribute: _fix_attribute(tag, attribute), match.group(2))
    return f"<{tag}{attributes}>"


_CLEANER = nh3.Cleaner(
    tags=set(_TAGS),
    clean_content_tags={"script", "style", "title", "noscript", "template", "textarea", "select"},
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto", "tel", "cid", "data"},
    filter_style_properties=set(_STYLE_PROPERTIES),
)
_BODY_START = re.compile(r"<body\b", re.I)


def sanitize(html: str) -> str:
    """Mail HTML reduced to what is safe to show; remote image URLs parked in ``data-remote-src``."""
    body = _BODY_START.search(html, 0, 200_000)
    if body is not None:
        html = html[body.start() :]  # the head holds only style and meta, all dropped anyway: skip parsing it
    cleaned = _CLEANER.clean(html)
    if "<img" in cleaned or "<a " in cleaned:
        cleaned = _CLEAN_TAG.sub(_fix_tag, cleaned)
    return cleaned


def allow_remote(html: str) -> str:
    """Sanitised HTML with its remote images enabled again, for when the user chooses to load them."""
    return _REMOTE_ATTRIBUTE.sub(r'\1 src="', html)


# The rest of a tag after its name: a quoted attribute value may hold ">" (title="a > b"), so quoted values are
# read whole; atomic so that a quote that never closes costs one scan.
_REST = r"""(?>=\s*"[^"]*"|=\s*'[^']*'|[^<>])*+"""
_INVISIBLE = re.compile(
    rf"<head\b{_REST}>.*?(?:</head\s*>|(?=<body\b)|\Z)|<(style|script|title|noscript|template)\b{_REST}>.*?"
    r"(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)",
    re.I | re.S,
)
# Block boundaries become marker characters first, so that "</div><div>" yields one line end and "</p><p>" one blank
# line however the tags are stacked; each run of markers is then replaced once.
_LINE, _PARA = "\x01", "\x02"
_PARAGRAPH = re.compile(rf"</?(?:p|h[1-6])\b{_REST}>", re.I)
_BLOCK = re.compile(
    rf"</?(?:div|table|tr|blockquote|pre|ul|ol|dl|dt|dd|address|center)\b{_REST}>|</li\s*>", re.I
)
_BREAK = re.compile(rf"<(?:br|hr)\b{_REST}>", re.I)
_LIST_ITEM = re.compile(rf"<li\b{_REST}>", re.I)
_CELL = re.compile(rf"<t[dh]\b{_REST}>", re.I)
_ANY_TAG = re.compile(rf"<[a-zA-Z/!?]{_REST}>")
_MARKER_RUN = re.compile(r"[\x01\x02][\x01\x02 ]*")
_BLANK_LINES = re.compile(r"\n\n\n+")
_RUN_OF_SPACES = re.compile(r"  +")


def _boundary(match: re.Match[str]) -> str:
    return "\n\n" if _PARA in match.group() else "\n"


def html_to_text(html: str) -> str:
    """Readable text of an HTML body: blocks and breaks become line ends, entities decoded, head/style/script dropped.

    Substitutions in C whose patterns start with a literal or a required character, so the regex engine can skip
    ahead: it runs on every HTML-only message at ingest.
    """
    if _LINE in html or _PARA in html:
        html = html.replace(_LINE, "").replace(_PARA, "")
    html = " ".join(
        _INVISIBLE.sub(" ", html).split()
    )  # HTML whitespace is one space; line ends come from tags
    html = _BLOCK.sub(_LINE, _PARAGRAPH.sub(_PARA, html))
    html = _LIST_ITEM.sub(_LINE + "- ", _BREAK.sub("\n", html))
    text = _ANY_TAG.sub("", _CELL.sub(" ", html))
    if "&" in text:
        text = unescape(text)
    text = _MARKER_RUN.sub(_boundary, text.replace("\u00a0", " "))
    text = "\n".join(line.strip() for line in _RUN_OF_SPACES.sub(" ", text).split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
