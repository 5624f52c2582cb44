"""Template tags of the toolkit's own (non-page) views."""

from django import template

from ..models import ToolIndexPage

register = template.Library()


@register.simple_tag
def tools_index_url():
    """The live Hulpmiddelen section's URL (its slug is an editor's choice), else home."""
    index_page = ToolIndexPage.objects.live().first()
    return index_page.url if index_page else "/"
