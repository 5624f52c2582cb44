"""URLs of the personas app that are not Wagtail pages (full paths, included at the root)."""

from django.urls import path

from . import views

app_name = "personas"

urlpatterns = [
    path(
        "personas/grafiek/<int:persona_id>/<slug:region>.<str:fmt>",
        views.chart,
        name="chart",
    ),
]
