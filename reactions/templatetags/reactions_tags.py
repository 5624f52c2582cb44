"""``reaction_text``: a reaction's plain text, escaped, with web addresses as links that
search engines do not follow and that cannot reach back to this page."""

from django import template
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

register = template.Library()

NOFOLLOW = ' rel="nofollow"'
USER_LINK_REL = ' rel="nofollow ugc noopener"'


@register.filter
def reaction_text(value):
    # urlize escapes everything that is not a link (autoescape=True); any quote in the
    # text is escaped too, so the only rel="nofollow" left is the one urlize wrote.
    html = urlize(str(value), nofollow=True, autoescape=True)
    html = html.replace(NOFOLLOW, USER_LINK_REL)
    return mark_safe(linebreaks(mark_safe(html), autoescape=False))  # noqa: S308 - escaped above
