"""Account forms: professional sign-up (allauth), an account from a plan invitation,
the profile and deleting the account. Every message is Dutch and specific."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils import timezone

from leernetwerk.core.privacy import current_privacy_version, privacy_url
from leernetwerk.taxonomy.models import Regio

User = get_user_model()

PRIVACY_LABEL = "Ik heb de privacyverklaring gelezen en ga ermee akkoord"


def _privacy_field():
    return forms.BooleanField(
        label=PRIVACY_LABEL,
        help_text=f"Lees de privacyverklaring op {privacy_url()}",
        error_messages={"required": "Je kunt alleen een account maken als je akkoord gaat."},
    )


def _region_field():
    return forms.ModelChoiceField(
        label="Regio waar je werkt",
        queryset=Regio.objects.order_by("name"),
        error_messages={
            "required": "Kies de regio waar je werkt.",
            "invalid_choice": "Kies een regio uit de lijst.",
        },
    )


class ProfessionalSignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(
        label="Voornaam", max_length=150, error_messages={"required": "Vul je voornaam in."}
    )
    last_name = forms.CharField(
        label="Achternaam", max_length=150, error_messages={"required": "Vul je achternaam in."}
    )
    organisation = forms.CharField(
        label="Organisatie",
        max_length=200,
        error_messages={"required": "Vul de organisatie in waar je werkt."},
    )
    function = forms.CharField(
        label="Functie", max_length=150, error_messages={"required": "Vul je functie in."}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = _region_field()
        self.fields["privacy"] = _privacy_field()

    def signup(self, request, user):
        data = self.cleaned_data
        for name in ("first_name", "last_name", "organisation", "function", "region"):
            setattr(user, name, data[name])
        user.professional = User.Professional.WACHT
        user.privacy_statement_version = current_privacy_version()
        user.privacy_accepted_at = timezone.now()
        user.save()


class InvitationSignupForm(forms.Form):
    """An account for someone invited to a plan: the e-mail address is the invitation's."""

    AGE_CHOICES = [("16+", "Ik ben 16 jaar of ouder"), ("-16", "Ik ben jonger dan 16 jaar")]

    first_name = forms.CharField(
        label="Voornaam of roepnaam",
        max_length=150,
        error_messages={"required": "Vul je voornaam of roepnaam in."},
    )
    password1 = forms.CharField(
        label="Kies een wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Minstens 12 tekens. Een zin van een paar woorden is goed te onthouden.",
        error_messages={"required": "Kies een wachtwoord."},
    )
    password2 = forms.CharField(
        label="Herhaal het wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Vul het wachtwoord nog een keer in."},
    )
    age = forms.ChoiceField(
        label="Hoe oud ben je?",
        choices=AGE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Geef aan of je 16 jaar of ouder bent.",
            "invalid_choice": "Kies een van de twee mogelijkheden.",
        },
    )
    parental_consent = forms.BooleanField(
        label="Mijn ouder of voogd geeft toestemming (nodig als je jonger bent dan 16)",
        required=False,
    )
    parental_consent_name = forms.CharField(
        label="Naam van je ouder of voogd", max_length=100, required=False
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["privacy"] = _privacy_field()

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "De twee wachtwoorden zijn niet hetzelfde.")
        elif first:
            candidate = User(email=self.email, first_name=data.get("first_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        if data.get("age") == "-16":
            if not data.get("parental_consent"):
                self.add_error(
                    "parental_consent",
                    "Je bent jonger dan 16: je ouder of voogd moet ook toestemming geven.",
                )
            if not (data.get("parental_consent_name") or "").strip():
                self.add_error("parental_consent_name", "Vul de naam van je ouder of voogd in.")
        return data


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "organisation", "function", "region"]
        labels = {"first_name": "Voornaam", "last_name": "Achternaam"}
        error_messages = {"region": {"invalid_choice": "Kies een regio uit de lijst."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].error_messages["required"] = "Vul je voornaam in."
        self.fields["first_name"].required = True
        self.fields["region"].queryset = Regio.objects.order_by("name")
        self.fields["region"].empty_label = "Geen regio"


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Je wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Vul je wachtwoord in om je account te verwijderen."},
    )
    confirm = forms.BooleanField(
        label="Ik begrijp wat er met mijn plannen gebeurt en wil mijn account verwijderen",
        error_messages={"required": "Vink aan dat je je account wilt verwijderen."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Dit wachtwoord klopt niet.")
        return password
