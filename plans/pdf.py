"""A4 PDFs with WeasyPrint (HTML and CSS paged media)."""

from django.http import HttpResponse
from django.template.loader import render_to_string


class PdfError(RuntimeError):
    pass


def render_pdf_bytes(template_name, context):
    # Imported here: WeasyPrint loads its native libraries (Pango) on import.
    import weasyprint

    html = render_to_string(template_name, context)
    try:
        return weasyprint.HTML(string=html).write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds; callers show a Dutch message
        raise PdfError("PDF kon niet worden gemaakt") from exc


def render_pdf(template_name, context, filename):
    response = HttpResponse(
        render_pdf_bytes(template_name, context), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
