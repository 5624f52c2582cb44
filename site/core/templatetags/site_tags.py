from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page

from leernetwerk.core import meta
from leernetwerk.core.hooks import FEEDS, PAGE_PANELS, PROFILE_LINKS, collect

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    """Ancestors of ``page`` below the site root, for the breadcrumb trail."""
    page = page or context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gt=1).only("title", "url_path", "depth"))


@register.simple_tag(takes_context=True)
def is_active(context, url):
    """'page' when ``url`` is the current path, 'true' when it is a section above it."""
    path = context["request"].path
    if not url:
        return ""
    if path == url:
        return "page"
    if url != "/" and path.startswith(url):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def page_panels(context, page=None):
    """The panels apps add under a Wagtail page (``PAGE_PANELS``): reactions, links."""
    page = page or context.get("page")
    if not isinstance(page, Page):
        return ""
    # Each hook returns HTML it escaped itself (a rendered template).
    panels = collect(PAGE_PANELS, page, context.get("request"))
    return mark_safe("".join(html for html in panels if html))  # noqa: S308


@register.simple_tag
def profile_links(user):
    """Links apps add to the profile page (``PROFILE_LINKS``)."""
    links = [link for links in collect(PROFILE_LINKS, user) for link in links]
    return format_html_join(
        "", '<li><a href="{}">{}</a></li>', ((url, label) for label, url in links)
    )


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Description, canonical URL and Open Graph values (``leernetwerk.core.meta``)."""
    request = context.get("request")
    if request is None:  # a template rendered outside a request (e-mail, PDF)
        return {}
    return meta.page_meta(context.get("page"), request, title=context.get("meta_title", ""))


@register.simple_tag
def site_feeds():
    """The feeds apps announce (``FEEDS``): (title, url) pairs for rel=alternate links."""
    return [feed for feeds in collect(FEEDS) for feed in feeds]
