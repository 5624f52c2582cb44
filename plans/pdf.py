"""A4 PDFs of plans and blank templates: tagged PDF/UA through ``leernetwerk.core.pdf``."""

from leernetwerk.core.pdf import PdfError, pdf_response, render_pdf_bytes

__all__ = ["PdfError", "render_pdf", "render_pdf_bytes"]


def render_pdf(template_name, context, filename):
    return pdf_response(render_pdf_bytes(template_name, context), filename)
