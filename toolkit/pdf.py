"""HTML templates to A4 PDF with xhtml2pdf (pure Python, no external services)."""

from io import BytesIO

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from xhtml2pdf import pisa


def render_pdf(template_name, context, filename, request=None):
    """The PDF as a download; if xhtml2pdf fails, a Dutch error page (503), never a 500."""
    html = render_to_string(template_name, context)
    buffer = BytesIO()
    result = pisa.CreatePDF(html, dest=buffer, encoding="utf-8")
    if result.err:
        return render(request, "toolkit/pdf_fout.html", status=503)
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
