"""Idle timeout for accounts with access to a plan.

An account that can read a toekomstplan is logged out after ``PLANS_IDLE_TIMEOUT_MINUTES``
without a request, whatever the session cookie's own age. The last activity is kept in
the session and written at most once a minute, so a busy page does not save the session
on every request.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

from .access import has_plan_access

SESSION_KEY = "plans_last_activity"
WRITE_EVERY = 60  # seconds


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and has_plan_access(user):
            now = time.time()
            last = request.session.get(SESSION_KEY)
            timeout = settings.PLANS_IDLE_TIMEOUT_MINUTES * 60
            if last is not None and now - last > timeout:
                logout(request)
                messages.info(
                    request,
                    "Je was een tijd niet actief en bent daarom uitgelogd. Log opnieuw in om "
                    "verder te gaan.",
                )
                return redirect_to_login(request.get_full_path())
            if last is None or now - last >= WRITE_EVERY:
                request.session[SESSION_KEY] = now
        return self.get_response(request)
