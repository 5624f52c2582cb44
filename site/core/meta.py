"""What a page says about itself to search engines and to links shared on social media:
meta description, canonical URL and Open Graph (og:title, og:description, og:image).

Every page gets a description: the editor's ``search_description``, else the listing
summary, else the start of the page's introduction, else the site's own line.
URLs are absolute from the site's root (Wagtail's Site record), or from the request
for views that are not pages.
"""

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

SITE_NAME = "Leernetwerk 16-27"
SITE_DESCRIPTION = (
    "Kennisplatform van de aanpak voor kwetsbare jongeren van 16 tot 27 jaar: lessen uit "
    "de praktijk, pilots, persona's en hulpmiddelen om samen te leren wat werkt."
)
DESCRIPTION_LENGTH = 160
INTRO_FIELDS = ("summary", "intro", "lead", "quote", "body_intro")
IMAGE_SPEC = "fill-1200x630"


def _plain(value):
    text = strip_tags(str(value or "")).replace("\xa0", " ")
    return " ".join(text.split())


def description(page):
    if not isinstance(page, Page):
        return SITE_DESCRIPTION
    candidates = [getattr(page, "search_description", "")]
    if hasattr(page, "get_listing_summary"):
        candidates.append(page.get_listing_summary())
    candidates += [getattr(page, name, "") for name in INTRO_FIELDS]
    for candidate in candidates:
        text = _plain(candidate)
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return SITE_DESCRIPTION


def _image(page, request):
    image = getattr(page, "social_image", None) or getattr(page, "listing_image", None)
    if image is None:
        return request.build_absolute_uri(static("img/og-default.png")), 1200, 630
    rendition = image.get_rendition(IMAGE_SPEC)
    return request.build_absolute_uri(rendition.url), rendition.width, rendition.height


def page_meta(page, request, title=""):
    """The values base.html renders in the head."""
    is_page = isinstance(page, Page)
    if is_page:
        title = page.seo_title or page.title
        url = page.get_full_url(request) or request.build_absolute_uri(request.path)
    else:
        url = request.build_absolute_uri(request.path)
    image_url, width, height = _image(page if is_page else None, request)
    return {
        "title": title or SITE_NAME,
        "description": description(page),
        "url": url,
        "type": "article" if is_page and page.depth > 2 else "website",
        "image": image_url,
        "image_width": width,
        "image_height": height,
        "site_name": SITE_NAME,
    }
