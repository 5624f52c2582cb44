"""Filters for newsletter mails: links that work outside the site, and rich text as plain
text for the text part of a mail."""

import re
from html import unescape

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

register = template.Library()

RELATIVE_LINK = re.compile(r'(href|src)="/(?!/)')
LINK = re.compile(r'<a\b[^>]*\bhref="([^"]+)"[^>]*>(.*?)</a>', re.DOTALL)
BLOCK_END = re.compile(r"</(p|h[1-6]|ul|ol)>|<br\s*/?>")


@register.filter
def mail_richtext(value, site_url):
    """Rich text as HTML for a mail: internal links expanded, and made absolute
    (``/nieuws/x/`` means nothing in a mailbox). The stored rich text is already clean."""
    base = site_url.rstrip("/")
    return mark_safe(RELATIVE_LINK.sub(rf'\1="{base}/', expand_db_html(value)))  # noqa: S308


@register.filter
def as_text(html):
    """Rendered rich text as plain text: paragraphs on their own lines, list items with a
    dash, links as "text (address)"."""
    text = LINK.sub(lambda m: f"{m.group(2)} ({unescape(m.group(1))})", str(html))
    text = text.replace("<li>", "- ").replace("</li>", "\n")
    text = BLOCK_END.sub("\n\n", text)
    text = unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
