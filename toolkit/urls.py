"""URLs of the toolkit app that are not Wagtail pages (full paths, included at the root).

The interactive parts sit below /hulpmiddelen/<tool>/ next to each tool's information page.
"""

from django.urls import path

from .views import scan, toets, waaier, wiel

app_name = "toolkit"

urlpatterns = [
    path("hulpmiddelen/omgekeerde-toets/invullen/", toets.wizard, name="toets"),
    path("hulpmiddelen/omgekeerde-toets/pdf/", toets.pdf, name="toets_pdf"),
    path("hulpmiddelen/omgekeerde-toets/mijn/", toets.saved_list, name="toets_lijst"),
    path("hulpmiddelen/omgekeerde-toets/mijn/<int:pk>/", toets.wizard, name="toets_opgeslagen"),
    path(
        "hulpmiddelen/omgekeerde-toets/mijn/<int:pk>/verwijderen/",
        toets.saved_delete,
        name="toets_verwijderen",
    ),
    path("hulpmiddelen/arrangementenwaaier/overzicht/", waaier.waaier, name="waaier"),
    path("hulpmiddelen/participatiewiel/invullen/", wiel.invullen, name="wiel_invullen"),
    path("hulpmiddelen/participatiewiel/mijn/", wiel.lijst, name="wiel_lijst"),
    path("hulpmiddelen/participatiewiel/mijn/<int:pk>/", wiel.detail, name="wiel_detail"),
    path(
        "hulpmiddelen/participatiewiel/mijn/<int:pk>/verwijderen/",
        wiel.verwijderen,
        name="wiel_verwijderen",
    ),
    path("hulpmiddelen/participatiescan/mijn/", scan.lijst, name="scan_lijst"),
    path("hulpmiddelen/participatiescan/nieuw/", scan.nieuw, name="scan_nieuw"),
    path("hulpmiddelen/participatiescan/scan/<int:pk>/", scan.detail, name="scan_detail"),
    path(
        "hulpmiddelen/participatiescan/scan/<int:pk>/uitnodigen/",
        scan.uitnodigen,
        name="scan_uitnodigen",
    ),
    path(
        "hulpmiddelen/participatiescan/scan/<int:pk>/invullen/",
        scan.invullen,
        name="scan_invullen",
    ),
    path(
        "hulpmiddelen/participatiescan/scan/<int:pk>/afsluiten/",
        scan.afsluiten,
        name="scan_afsluiten",
    ),
    path(
        "hulpmiddelen/participatiescan/scan/<int:pk>/actiepunt/",
        scan.actiepunt,
        name="scan_actiepunt",
    ),
    path(
        "hulpmiddelen/participatiescan/scan/<int:pk>/rapport.pdf",
        scan.rapport,
        name="scan_rapport",
    ),
    path(
        "hulpmiddelen/participatiescan/uitnodiging/<str:token>/",
        scan.uitnodiging,
        name="scan_uitnodiging",
    ),
]
