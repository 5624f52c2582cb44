"""The tools' PDFs (onderbouwing, scan report): tagged PDF/UA through ``leernetwerk.core.pdf``."""

from django.shortcuts import render

from leernetwerk.core.pdf import PdfError, pdf_response, render_pdf_bytes


def render_pdf(template_name, context, filename, request=None):
    """The PDF as a download; if WeasyPrint fails, a Dutch error page (503), never a 500."""
    try:
        content = render_pdf_bytes(template_name, context)
    except PdfError:
        return render(request, "toolkit/pdf_fout.html", status=503)
    return pdf_response(content, filename)
