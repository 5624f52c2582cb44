"""Chart downloads (SVG, PNG, CSV) for published persona pages."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from leernetwerk.taxonomy.models import Regio

from .charts.page import FORMATS, chart_file, resolve_region
from .models import PersonaPage


@require_GET
def chart(request, persona_id, region, fmt):
    persona = get_object_or_404(PersonaPage.objects.live().public(), pk=persona_id)
    if persona.dataset is None or fmt not in FORMATS:
        raise Http404
    try:
        regio = resolve_region(persona.dataset, region)
    except Regio.DoesNotExist as exc:
        raise Http404 from exc
    content = chart_file(persona, regio, fmt)
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type=FORMATS[fmt])
    if request.GET.get("download"):
        response["Content-Disposition"] = (
            f'attachment; filename="persona-{persona.slug}-{region}.{fmt}"'
        )
    response["Cache-Control"] = "public, max-age=300"
    return response
