"""URLs of the reactions app (full paths, included at the root)."""

from django.urls import path

from . import views

app_name = "reactions"

urlpatterns = [
    path("reacties/pagina/<int:page_id>/", views.post_reaction, name="post"),
    path("reacties/pagina/<int:page_id>/volgen/", views.toggle_follow, name="follow"),
    path("reacties/<int:pk>/melden/", views.report_reaction, name="report"),
]
