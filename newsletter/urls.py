"""URLs of the newsletter (full paths, included at the root through SITE_URLS)."""

from django.urls import path

from . import views
from .feeds import IssuesFeed

app_name = "newsletter"

urlpatterns = [
    path("nieuwsbrief/", views.subscribe, name="subscribe"),
    path("nieuwsbrief/aangemeld/", views.subscribed, name="subscribed"),
    path("nieuwsbrief/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("nieuwsbrief/bevestigd/", views.confirmed, name="confirmed"),
    path("nieuwsbrief/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("nieuwsbrief/mijn-aanmelding/", views.my_subscription, name="mine"),
    path("nieuwsbrief/archief/", views.archive, name="archive"),
    path("nieuwsbrief/archief/rss/", IssuesFeed(), name="feed"),
    path("nieuwsbrief/archief/<int:pk>/", views.issue_detail, name="issue"),
]
