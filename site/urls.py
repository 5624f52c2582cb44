"""Top-level URLs. Feature apps add theirs through the
``SITE_URLS`` hook (``leernetwerk.core.hooks``); Wagtail serves the rest."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from leernetwerk.core import views as core_views
from leernetwerk.core.api import router as api_router
from leernetwerk.core.health import health
from leernetwerk.core.hooks import SITE_URLS, collect

urlpatterns = [
    # One login for site and CMS: the lockout and the two-factor step apply to both.
    path("cms/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("cms/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/", include("leernetwerk.users.urls")),
    path("account/meldingen/", include("leernetwerk.notifications.urls")),
    path("api/v2/", api_router.urls),
    # Feature apps register their own full URL paths (views that are not Wagtail pages).
    *(pattern for patterns in collect(SITE_URLS) for pattern in patterns),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on their own; the icons live in static/icons/.
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}icons/favicon.ico")),
    path("health/", health, name="health"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "leernetwerk.core.views.page_not_found"
handler500 = "leernetwerk.core.views.server_error"
