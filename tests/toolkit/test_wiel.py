from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from toolkit.factories import OpgeslagenWielFactory
from toolkit.models import OpgeslagenWiel

URL = reverse("toolkit:wiel_invullen")


def _post_data(wiel, scores=(4, 7), vrijwilliger_for_goal=0, kader=0, **extra):
    doelen, acts, kaders = wiel["doelen"], wiel["activiteiten"], wiel["kaders"]
    data = {f"score_{d.pk}": s for d, s in zip(doelen, scores, strict=True)}
    data[f"activiteiten_{doelen[vrijwilliger_for_goal].pk}"] = [acts[0].pk]
    data[f"kader_{acts[0].pk}"] = kaders[kader].pk
    data.update(extra)
    return data


def test_form_lists_goals_activities_and_frameworks(client, wiel):
    html = client.get(URL).content.decode()
    for name in ("Zelfredzaamheid", "Betaald werk", "Vrijwilligerswerk", "Participatiewet"):
        assert name in html


def test_anonymous_draws_wheel_with_text_alternative_and_nothing_is_stored(client, wiel):
    response = client.post(URL, {**_post_data(wiel), "actie": "bekijken"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and 'role="img"' in html
    assert html.count('class="wiel__score"') == 2
    assert "Het ingevulde wiel in tekst" in html
    assert "Vrijwilligerswerk (Participatiewet)" in html
    assert OpgeslagenWiel.objects.count() == 0


def test_activity_without_framework_is_refused(client, wiel):
    data = _post_data(wiel)
    data[f"kader_{wiel['activiteiten'][0].pk}"] = ""
    response = client.post(URL, {**data, "actie": "bekijken"})
    assert response.status_code == 400
    assert "Kies het wettelijk kader waarop &#x27;Vrijwilligerswerk&#x27; rust." in (
        response.content.decode()
    )


def test_bad_scores_and_choices_get_dutch_messages(client, wiel):
    data = _post_data(wiel, scores=(11, "veel"))
    data[f"kader_{wiel['activiteiten'][0].pk}"] = "999999"
    response = client.post(URL, {**data, "actie": "bekijken"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "De score is maximaal 10." in html
    assert "Vul een heel getal in." in html
    assert "Kies een wettelijk kader uit de lijst." in html


def test_missing_score_is_refused(client, wiel):
    data = _post_data(wiel)
    del data[f"score_{wiel['doelen'][1].pk}"]
    response = client.post(URL, {**data, "actie": "opslaan"})
    assert response.status_code == 400
    assert "Geef een score van 0 tot en met 10." in response.content.decode()


def test_anonymous_cannot_save(client, wiel):
    response = client.post(URL, {**_post_data(wiel), "actie": "opslaan"})
    assert response.status_code == 400
    assert "Log in om het wiel op te slaan" in response.content.decode()
    assert OpgeslagenWiel.objects.count() == 0


def test_save_then_compare_highlights_changes(client, user, wiel):
    client.force_login(user)
    response = client.post(
        URL, {**_post_data(wiel, scores=(3, 2)), "actie": "opslaan", "omschrijving": "Begin 2026"}
    )
    first = OpgeslagenWiel.objects.get()
    assert response.status_code == 302
    assert first.owner == user
    data = _post_data(wiel, scores=(3, 6), vrijwilliger_for_goal=1, kader=1)
    client.post(URL, {**data, "actie": "opslaan", "omschrijving": "Eind 2026"})
    second = OpgeslagenWiel.objects.exclude(pk=first.pk).get()
    response = client.get(reverse("toolkit:wiel_detail", args=[second.pk]), {"vergelijk": first.pk})
    assert response.status_code == 200
    changes = {c.goal.name: c for c in response.context["changes"]}
    assert changes["Betaald werk"].delta == 4
    assert [a.name for a in changes["Betaald werk"].added] == ["Vrijwilligerswerk"]
    assert [a.name for a in changes["Zelfredzaamheid"].removed] == ["Vrijwilligerswerk"]
    html = response.content.decode()
    assert 'class="changed"' in html and "Gewijzigd" in html and "(+4)" in html


def test_new_version_can_start_from_a_saved_wheel(client, user, wiel):
    saved = OpgeslagenWielFactory(
        owner=user, data={"doelen": {str(wiel["doelen"][0].pk): {"score": 9, "activiteiten": []}}}
    )
    client.force_login(user)
    response = client.get(URL, {"van": saved.pk})
    assert response.context["form"].initial[f"score_{wiel['doelen'][0].pk}"] == 9


def test_saved_wheel_is_404_for_others(client, user, other_user, wiel):
    mine = OpgeslagenWielFactory(owner=user)
    theirs = OpgeslagenWielFactory(owner=other_user)
    detail = reverse("toolkit:wiel_detail", args=[mine.pk])
    assert client.get(detail).status_code == 302  # anonymous: to the login page
    client.force_login(other_user)
    assert client.get(detail).status_code == 404
    assert client.get(URL, {"van": mine.pk}).status_code == 404
    assert client.post(reverse("toolkit:wiel_verwijderen", args=[mine.pk])).status_code == 404
    assert OpgeslagenWiel.objects.filter(pk=mine.pk).exists()
    # comparing with someone else's wheel is refused as well
    response = client.get(reverse("toolkit:wiel_detail", args=[theirs.pk]), {"vergelijk": mine.pk})
    assert response.status_code == 400
    assert "changes" not in response.context
    listing = client.get(reverse("toolkit:wiel_lijst"))
    assert list(listing.context["items"]) == [theirs]


def test_owner_deletes_wheel(client, user, wiel):
    saved = OpgeslagenWielFactory(owner=user)
    client.force_login(user)
    assert client.post(reverse("toolkit:wiel_verwijderen", args=[saved.pk])).status_code == 302
    assert not OpgeslagenWiel.objects.exists()


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_and_detail_query_counts_do_not_grow(client, user, wiel):
    client.force_login(user)
    first = OpgeslagenWielFactory(owner=user)
    OpgeslagenWielFactory(owner=user)
    urls = [reverse("toolkit:wiel_lijst"), reverse("toolkit:wiel_detail", args=[first.pk])]
    [_count(client, u) for u in urls]
    few = [_count(client, u) for u in urls]
    OpgeslagenWielFactory.create_batch(8, owner=user)
    assert [_count(client, u) for u in urls] == few


def test_wheel_numbers_goals_in_svg_and_table(client, wiel):
    html = client.post(URL, {**_post_data(wiel), "actie": "bekijken"}).content.decode()
    assert "1. Zelfredzaamheid" in html and "2. Betaald werk" in html
    assert html.count("<text ") == 2
