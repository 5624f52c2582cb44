"""manage.py demo_plan: the load test's professional and plan, on the demo database only."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from plans.models import Plan


@pytest.mark.django_db
def test_demo_plan_makes_one_professional_and_plan(template, settings, tmp_path, client):
    settings.VAR_DIR = tmp_path
    if connection.vendor != "sqlite":
        with pytest.raises(CommandError):
            call_command("demo_plan")
        return
    out = StringIO()
    call_command("demo_plan", stdout=out)
    call_command("demo_plan", stdout=out)  # again: the same user, password and plan
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first == second and Plan.objects.count() == 1
    user = get_user_model().objects.get(username=first["username"])
    assert user.check_password(first["password"])  # the login make loadtest uses
    assert user.authenticator_set.filter(type="totp").count() == 1  # and its second factor
    client.force_login(user)  # (axes needs the request a real login form sends)
    assert client.get(first["plan"]).status_code == 200
