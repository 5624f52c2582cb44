"""HTML to PDF with WeasyPrint, the platform's one PDF engine (plans, tools, worksheets).

Every PDF is tagged as PDF/UA-1 (WeasyPrint's ``pdf_variant``): a structure tree with
headings, paragraphs, lists and tables, the language from ``<html lang>`` and the title
from ``<title>``, so screen readers can read it. Templates set the page size and margins
with ``@page``; they must carry ``lang`` and a ``<title>``.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string

PDF_VARIANT = "pdf/ua-1"


class PdfError(RuntimeError):
    """WeasyPrint could not make the PDF; callers show a Dutch message."""


def html_to_pdf(html):
    # Imported here: WeasyPrint loads its native libraries (Pango) on import, which
    # processes that never make a PDF need not pay for.
    import weasyprint

    try:
        return weasyprint.HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)
    except Exception as exc:  # WeasyPrint raises many kinds
        raise PdfError("PDF kon niet worden gemaakt") from exc


def render_pdf_bytes(template_name, context):
    return html_to_pdf(render_to_string(template_name, context))


def pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
