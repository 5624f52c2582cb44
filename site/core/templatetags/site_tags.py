from django import template
from wagtail.models import Page

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
