"""Admin upload with preview, confirm, export, and permissions per role."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from leernetwerk.core.factories import UserFactory
from personas.models import Figure


def staff(group_name):
    user = UserFactory(username=group_name.lower().replace(" ", "-"), is_staff=False)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def upload(client, dataset, text, name="cijfers.csv"):
    return client.post(
        "/cms/persona-cijfers/",
        {"dataset": dataset.pk, "file": SimpleUploadedFile(name, text.encode(), "text/csv")},
    )


def test_editor_previews_then_saves(client, dataset, valid_csv):
    client.force_login(staff("Redactie NJi"))
    assert client.get("/cms/persona-cijfers/").status_code == 200
    response = upload(client, dataset, valid_csv)
    assert response.status_code == 200
    assert "Voorbeeld van de import" in response.text
    assert Figure.objects.count() == 0  # nothing saved before confirming
    token = response.context["token"]
    response = client.post("/cms/persona-cijfers/opslaan/", {"token": token})
    assert response.status_code == 302
    assert Figure.objects.filter(dataset=dataset).count() == 12
    # The token is used up: a second confirm does nothing.
    response = client.post("/cms/persona-cijfers/opslaan/", {"token": token}, follow=True)
    assert "verlopen" in response.text


def test_invalid_upload_shows_errors_and_saves_nothing(client, dataset, valid_csv):
    client.force_login(staff("Redactie NJi"))
    response = upload(client, dataset, valid_csv.replace("GM0983,NEET,130", "GM0983,NEET,-3"))
    assert response.status_code == 200
    assert "Rij 8" in response.text and "negatief" in response.text
    assert Figure.objects.count() == 0


def test_confirm_with_wrong_token_saves_nothing(client, dataset, valid_csv):
    client.force_login(staff("Redactie NJi"))
    upload(client, dataset, valid_csv)
    response = client.post("/cms/persona-cijfers/opslaan/", {"token": "fout"})
    assert response.status_code == 302
    assert Figure.objects.count() == 0


def test_export_in_import_format(client, imported):
    client.force_login(staff("Redactie NJi"))
    response = client.get(f"/cms/persona-cijfers/export/{imported.pk}/")
    assert response.status_code == 200
    assert response.content.decode().startswith("regio,kenmerken,aantal\nNL,totaal,105000")


def test_other_roles_cannot_import_or_export(client, imported, valid_csv):
    for group in ("Moderator", "Professional"):
        client.force_login(staff(group))
        assert client.get("/cms/persona-cijfers/").status_code in (302, 403)
        assert upload(client, imported, valid_csv).status_code in (302, 403)
        export = client.get(f"/cms/persona-cijfers/export/{imported.pk}/")
        assert export.status_code in (302, 403)
        assert b"regio,kenmerken" not in export.content
    client.logout()
    assert client.get("/cms/persona-cijfers/").status_code == 302


def test_editor_manages_snippets(client, dataset):
    client.force_login(staff("Redactie NJi"))
    assert client.get("/cms/snippets/personas/kenmerk/").status_code == 200
    assert client.get("/cms/snippets/personas/dataset/").status_code == 200
