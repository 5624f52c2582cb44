"""The platform's user groups and what each may do, kept in code and synced after
every ``migrate`` (idempotent), so a fresh database and production agree.

Apps add model permissions for a group in their own ``roles.py`` as
``MODEL_PERMISSIONS = {"Redactie NJi": ["app_label.codename", ...]}``.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

REDACTIE = "Redactie NJi"
MODERATOR = "Moderator"
PROFESSIONAL = "Professional"
BEHEER_ACCOUNTS = "Beheer accounts"

# Wagtail's initial migrations create these; our roles replace them (see below).
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_TASK = "Moderators approval"

# Page permissions on the tree's root, so they cover every site section.
PAGE_PERMISSIONS = {
    REDACTIE: ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
    MODERATOR: ["change", "publish", "lock", "unlock"],
}
# Permissions on the root collection (images and documents).
COLLECTION_PERMISSIONS = {
    REDACTIE: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
    ],
    MODERATOR: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}
MODEL_PERMISSIONS = {
    REDACTIE: [
        "wagtailadmin.access_admin",
        "taxonomy.add_levensgebied",
        "taxonomy.change_levensgebied",
        "taxonomy.add_doelgroep",
        "taxonomy.change_doelgroep",
        "taxonomy.delete_doelgroep",
        "taxonomy.change_sectorgroep",
        "taxonomy.add_regio",
        "taxonomy.change_regio",
        "taxonomy.delete_regio",
        "core.change_navigationsettings",
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
    MODERATOR: ["wagtailadmin.access_admin"],
    PROFESSIONAL: [],
    # Manages front-end accounts (users/roles.py adds the account permissions); no pages.
    BEHEER_ACCOUNTS: ["wagtailadmin.access_admin"],
}


def _permission(dotted):
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _collected_model_permissions():
    collected = {group: list(perms) for group, perms in MODEL_PERMISSIONS.items()}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.roles")
        except ModuleNotFoundError:
            continue
        if module.__name__ == __name__:
            continue
        for group, perms in getattr(module, "MODEL_PERMISSIONS", {}).items():
            collected.setdefault(group, []).extend(perms)
    return collected


def sync_roles():
    """Create the groups and grant their permissions; safe to run any number of times."""
    groups = {}
    for name, perms in _collected_model_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(p) for p in perms])
        groups[name] = group

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for name, types in PAGE_PERMISSIONS.items():
            for permission_type in types:
                permission = _permission(f"wagtailcore.{permission_type}_page")
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=root_page, permission=permission
                )

    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for name, perms in COLLECTION_PERMISSIONS.items():
            for dotted in perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=_permission(dotted)
                )
    _retire_wagtail_default_groups(groups[REDACTIE])
    return groups


def _retire_wagtail_default_groups(redactie):
    """Remove Wagtail's own "Editors"/"Moderators" groups, which sit confusingly beside
    ours; their approval tasks pass to Redactie NJi. A group that still has members is
    kept: nobody loses access silently."""
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True):
        for task in GroupApprovalTask.objects.filter(groups=group):
            task.groups.add(redactie)
            if task.name == WAGTAIL_DEFAULT_TASK:
                task.name = "Goedkeuring Redactie NJi"
                task.save(update_fields=["name"])
        group.delete()
