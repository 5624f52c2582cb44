"""PDFs of kennisbank pages (a lesson's factsheet, a guideline), tagged PDF/UA through
``leernetwerk.core.pdf``.

The PDF is the same for every visitor, so it is kept in the cache under the page's id
and the time of its last publication: a new publication makes a new one. Anonymous
requests are also stored by the page cache like the page itself (it marks routed
views of a page too).
"""

import logging

from django.core.cache import cache
from django.shortcuts import render

from leernetwerk.core.pdf import PdfError, pdf_response, render_pdf_bytes

logger = logging.getLogger(__name__)
CACHE_SECONDS = 60 * 60 * 24


def _cache_key(page, kind):
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    return f"learning:pdf:{kind}:{page.pk}:{page.latest_revision_id}:{published}"


def page_pdf(request, page, template_name, context, kind):
    """The page as a PDF download named after its slug; a Dutch 503 page if WeasyPrint
    fails (never a 500)."""
    key = _cache_key(page, kind)
    try:
        content = cache.get(key)
    except Exception:  # the cache is down: make the PDF anyway
        content = None
    if content is None:
        try:
            content = render_pdf_bytes(template_name, context)
        except PdfError:
            logger.exception("PDF van pagina %s niet gemaakt", page.pk)
            return render(request, "learning/pdf_fout.html", {"page": page}, status=503)
        try:
            cache.set(key, content, CACHE_SECONDS)
        except Exception:
            logger.warning("PDF van pagina %s niet in de cache gezet", page.pk)
    return pdf_response(content, f"{kind}-{page.slug}.pdf")
