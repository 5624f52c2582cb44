"""CMS screens for front-end accounts: approve professionals, edit or deactivate accounts,
and the organisation domains whose professionals are approved automatically."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .approval import approve, withdraw
from .models import FrontendAccount, OrganisationDomain

# The proxy has its own permissions (users.*_frontendaccount); without this it would
# inherit the policy Wagtail registers for the user model (auth.change_user etc.).
register_permission_policy(
    FrontendAccount, ModelPermissionPolicy(FrontendAccount), exact_class=True
)


class FrontendAccountForm(WagtailAdminModelForm):
    approved = forms.BooleanField(
        label=_("Goedgekeurd als professional"),
        required=False,
        help_text=_("Een professional mag toekomstplannen starten."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved"].initial = self.instance.is_professional

    def save(self, commit=True):
        account = super().save(commit=commit)
        wanted = self.cleaned_data.get("approved")
        if wanted and not account.is_professional:
            approve(account, by=self.for_user)
        elif not wanted and account.is_professional:
            withdraw(account)
        return account


class FrontendAccountViewSet(ModelViewSet):
    model = FrontendAccount
    icon = "user"
    menu_label = _("Accounts")
    add_to_admin_menu = False
    inspect_view_enabled = True
    list_display = [
        "__str__",
        "email",
        "organisation",
        "region",
        "professional",
        BooleanColumn("is_active", label=_("actief")),
        "date_joined",
    ]
    list_filter = ["professional", "is_active", "region"]
    search_fields = ["first_name", "last_name", "email", "organisation"]
    ordering = ["-date_joined"]
    inspect_view_fields = [
        "username",
        "email",
        "first_name",
        "last_name",
        "organisation",
        "function",
        "region",
        "professional",
        "approved_at",
        "date_joined",
        "last_login",
    ]
    # No groups, permissions or staff flags here: the only role this screen gives is
    # "Professional" (through "approved"), so account managers cannot raise anyone.
    edit_handler = ObjectList(
        [
            FieldPanel("first_name"),
            FieldPanel("last_name"),
            FieldPanel("organisation"),
            FieldPanel("function"),
            FieldPanel("region"),
            FieldPanel("approved"),
            FieldPanel("is_active"),
        ],
        base_form_class=FrontendAccountForm,
    )


class OrganisationDomainViewSet(ModelViewSet):
    model = OrganisationDomain
    icon = "globe"
    menu_label = _("Organisatiedomeinen")
    add_to_admin_menu = False
    list_display = ["domain", "organisation", "created_at"]
    search_fields = ["domain", "organisation"]
    form_fields = ["domain", "organisation"]


class AccountsGroup(ModelViewSetGroup):
    menu_label = _("Accounts")
    menu_icon = "group"
    menu_order = 600
    items = (FrontendAccountViewSet, OrganisationDomainViewSet)


@hooks.register("register_admin_viewset")
def register_accounts():
    return AccountsGroup()
