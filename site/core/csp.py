"""Content-Security-Policy (django-csp): a strict policy for the site, a relaxed one for
the Wagtail admin.

The site policy has no 'unsafe-inline' at all: the templates carry no inline scripts,
no ``<style>`` blocks and no ``style=`` attributes (the error page links
``css/error.css``; colour swatches are tiny SVGs). The Wagtail admin under ``/cms/``
still writes inline scripts (inline panels, date widgets, search promotions) and
``style=`` attributes, so it gets ``CMS_CONTENT_SECURITY_POLICY`` with 'unsafe-inline'
for scripts and styles; it is only reached by logged-in editors with two-factor
authentication. ``get_policy_parts`` is the extension point django-csp documents for
this.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.CMS_PATH_PREFIX)
        ):
            parts.config = settings.CMS_CONTENT_SECURITY_POLICY
        return parts
