"""URLs of the learning app that are not Wagtail pages (full paths, included at the root)."""

from django.urls import path

from . import contribute_views
from .feeds import LessonFeed
from .search import views

app_name = "learning"

urlpatterns = [
    path("api/search/", views.api_search, name="api_search"),
    path("api/search/autocomplete/", views.api_autocomplete, name="api_autocomplete"),
    path("kennisbank/les-delen/", contribute_views.share, name="share"),
    path("kennisbank/mijn-inzendingen/", contribute_views.my_submissions, name="my_submissions"),
    path(
        "kennisbank/mijn-inzendingen/<int:pk>/bewerken/",
        contribute_views.edit,
        name="edit_submission",
    ),
    path("feeds/lessen/", LessonFeed(), name="lessons_feed"),
]
