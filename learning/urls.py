"""URLs of the learning app that are not Wagtail pages (full paths, included at the root)."""

from django.urls import path

from .feeds import LessonFeed
from .search import views

app_name = "learning"

urlpatterns = [
    path("api/search/", views.api_search, name="api_search"),
    path("api/search/autocomplete/", views.api_autocomplete, name="api_autocomplete"),
    path("feeds/lessen/", LessonFeed(), name="lessons_feed"),
]
