"""factory_boy factories for the site-wide models (used by tests and benchmarks)."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.models import Page, Site

from leernetwerk.core.models import HomePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or "geheim-wachtwoord-123")
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        # Like an account that confirmed its address (allauth requires it before login).
        if create and extracted is not False and self.email:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email.lower(), defaults={"verified": True, "primary": True}
            )


def make_home():
    """A published HomePage as the default site's root (replaces Wagtail's placeholder)."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    root.get_children().filter(slug="home").update(slug="placeholder")
    home = HomePage(title="Leernetwerk 16-27", slug="home", intro="Samen leren wat werkt")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Leernetwerk",
        },
    )
    return home


def add_page(parent, model, **fields):
    """Create, save and publish a child page; ``slug`` defaults from the title."""
    fields.setdefault("slug", slugify(fields["title"]))
    page = model(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
