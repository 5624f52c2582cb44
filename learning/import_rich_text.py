"""Text of an import file -> the rich text a lesson stores, and back for the export.

**Plain text** (no HTML tag in it) is escaped and split into paragraphs on blank
lines, as before: ``jongeren < 18 & ouders`` stays text.

**HTML** (text with a tag or comment in it) comes from another system and is not
trusted: until this module existed, a field that started with ``<`` was stored as it
came, so an imported ``<script>`` ran on the lesson page. It is now sanitised with
`nh3 <https://pypi.org/project/nh3/>`_, the Python binding of Ammonia, a well-kept
allowlist sanitiser on html5ever (the browser-grade HTML parser of Servo): it parses
the text as a browser would, keeps only the allowed elements and attributes and
writes the tree out again, so malformed markup cannot smuggle anything through.
Chosen over

* hand-written regular expressions: HTML is not regular (``<scr<script>ipt>``,
  ``java&#x09;script:``, unclosed quotes); a parser-based allowlist is the known
  answer;
* Wagtail's own conversion alone (``ContentstateConverter``, what Draftail does when
  an editor saves): it is built to convert the database format, not to clean hostile
  input (the text of a ``<script>`` becomes a visible paragraph), it writes random
  ``data-block-key`` attributes, and it costs about 1.5 ms per field against nh3's
  0.05 to 0.1 ms, which a 20,000-lesson import of HTML would feel (100,000 fields).
  It is used after nh3 for one thing only, see below.

What stays is what the field's Wagtail features allow, read from Wagtail's feature
registry (the rules Draftail reads the database format with), so the import follows
``RichTextField(features=...)`` if that list changes. For ``Les`` (bold, italic,
link, ol, ul): ``p``, ``br``, ``b``/``strong``, ``i``/``em``, ``a``, ``ol``/``ul``/
``li``. The only attribute is ``href`` on ``a``, with the schemes Wagtail's own
whitelister allows (http, https, ftp, mailto, tel) or a relative URL: ``on*``
handlers, ``style``, ``class``, ``javascript:``/``data:`` links and Wagtail's
``linktype``/``id`` page references all go. ``script``, ``style`` and the other
elements in ``REMOVED_WITH_CONTENT`` go with their content; any other element loses
its tags and keeps its text. Block elements the features do not allow (``div``,
``h2``, ``blockquote``, ...) are kept by nh3, bare, and then turned into paragraphs
by Wagtail's ``ContentstateConverter`` with the same features, as the editor would
(otherwise ``<div>een</div><div>twee</div>`` would read "eentwee"); only HTML with
such blocks pays for that step.

Title and summary are plain text fields; the templates escape them.
"""

import functools
import html
import re

import nh3
from django.utils.html import escape, strip_tags
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import expand_db_html
from wagtail.rich_text import features as feature_registry
from wagtail.whitelist import ALLOWED_URL_SCHEMES

# An HTML tag or comment: '<p>', '</b>', '<a href=...>', '<br/>', '<!--'. Not '< 18'
# or '<3'. Only decides how a text is read; both ways are safe.
_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>|!--)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
REMOVED_WITH_CONTENT = frozenset(
    {"script", "style", "template", "iframe", "object", "noscript", "svg", "math", "title"}
)
# Block elements that become paragraphs when the features do not allow them.
BLOCKS = frozenset(
    {"div", "section", "article", "header", "footer", "aside", "main", "nav", "address"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption"}
    | {"dl", "dt", "dd"}
)


def as_rich_text(text, features):
    """What a rich-text field with ``features`` stores for ``text`` from a file."""
    if not text:
        return ""
    if _TAG.search(text):
        return sanitise(text, features)
    paragraphs = _BLANK_LINE.split(text.replace("\r\n", "\n"))
    return "".join(f"<p>{escape(p.strip())}</p>" for p in paragraphs if p.strip())


def sanitise(markup, features):
    """``markup`` with only what ``features`` allow (see the module docstring)."""
    allowed = _allowed_tags(tuple(features))
    clean = nh3.clean(
        markup,
        tags=set(allowed | BLOCKS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={"a": {"href"}} if "a" in allowed else {},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=None,  # no target is allowed, so no rel is needed
        strip_comments=True,
    )
    # nh3 writes the block elements it kept bare, so a substring test is exact.
    if any(f"<{tag}>" in clean for tag in BLOCKS - allowed):
        converter = _converter(tuple(features))
        clean = converter.to_database_format(converter.from_database_format(clean))
    return clean


def to_plain(markup):
    """Stored rich text as plain text: paragraphs apart by a blank line, entities
    read (``&amp;`` -> ``&``)."""
    text = strip_tags((markup or "").replace("</p>", "</p>\n\n").replace("</li>", "</li>\n"))
    return html.unescape(text).strip()


def for_export(markup, features):
    """Stored rich text as the export writes it, so that importing it stores the same:
    plain text when importing that text gives these paragraphs back, otherwise the
    sanitised HTML with links to pages written as their URLs (a page's id means
    nothing on another site)."""
    if not markup:
        return ""
    clean = sanitise(expand_db_html(markup), features)
    plain = to_plain(clean)
    if sanitise(as_rich_text(plain, features), features) == clean:
        return plain
    return clean


@functools.lru_cache
def _allowed_tags(features):
    tags = {"p", "br"}  # every rich-text field has paragraphs and line breaks
    for feature in features:
        rule = feature_registry.get_converter_rule("contentstate", feature)
        if rule:  # selectors such as 'b', 'a[href]', 'a[linktype="page"]'
            tags |= {selector.split("[")[0] for selector in rule["from_database_format"]}
    return frozenset(tags)


@functools.lru_cache
def _converter(features):
    return ContentstateConverter(list(features))
