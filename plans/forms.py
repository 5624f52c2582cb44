"""Forms for starting, editing and sharing a plan. Every message is Dutch and specific."""

import re
from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms import BaseInlineFormSet, inlineformset_factory

from .models import Action, NetworkMember, Plan, PlanDomain, ReviewEntry, Role
from .models.plan import CONSENT_AGE

DIGITS = re.compile(r"\d")
# Size limits (issue 15): a plan stays a plan, not a document store. Each free text field
# holds at most TEXT_LIMIT characters; steuncirkel and actions at most MAX_ROWS rows.
TEXT_LIMIT = 4000
MAX_ROWS = 40
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SUPPORT_CHOICES = [("", "Nog niet bekend"), ("ja", "Ja"), ("nee", "Nee")]


class LimitedText:
    """Every free text field of the form holds at most TEXT_LIMIT characters."""

    def limit_text(self):
        message = f"Gebruik hier hoogstens {TEXT_LIMIT} tekens."
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = TEXT_LIMIT
                field.validators.append(MaxLengthValidator(TEXT_LIMIT, message=message))
                field.widget.attrs.setdefault("maxlength", str(TEXT_LIMIT))


def _age(born, today=None):
    today = today or date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def clean_first_name(value):
    value = value.strip()
    if DIGITS.search(value):
        # Keeps numbers such as a BSN out of the one identifying field we have.
        raise ValidationError("Vul alleen een voornaam of roepnaam in, zonder cijfers.")
    return value


def clean_birth_date(value):
    if value and value > date.today():
        raise ValidationError("De geboortedatum kan niet in de toekomst liggen.")
    if value and _age(value) > 40:
        raise ValidationError("Controleer de geboortedatum: het plan is voor jongeren tot 27.")
    return value


class PlanStartForm(forms.Form):
    first_name = forms.CharField(
        label="Voornaam of roepnaam van de jongere",
        max_length=60,
        help_text="Alleen een voornaam of roepnaam. Vul geen achternaam of BSN in.",
        error_messages={"required": "Vul de voornaam of roepnaam in."},
    )
    date_of_birth = forms.DateField(
        label="Geboortedatum (niet verplicht)",
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": "Vul een geldige datum in, bijvoorbeeld 2008-05-17."},
    )
    under_16 = forms.BooleanField(
        label="De jongere is jonger dan 16 jaar",
        required=False,
        help_text="Alleen nodig als je geen geboortedatum invult.",
    )
    consent = forms.BooleanField(
        label="De jongere geeft toestemming voor dit plan volgens de privacyverklaring",
        error_messages={"required": "Zonder toestemming van de jongere kun je geen plan starten."},
    )
    parental_consent = forms.BooleanField(
        label="Een ouder of voogd geeft ook toestemming (verplicht onder 16 jaar)", required=False
    )
    parental_consent_name = forms.CharField(
        label="Naam van de ouder of voogd", max_length=100, required=False
    )

    def clean_first_name(self):
        return clean_first_name(self.cleaned_data["first_name"])

    def clean_date_of_birth(self):
        return clean_birth_date(self.cleaned_data.get("date_of_birth"))

    def clean(self):
        data = super().clean()
        born = data.get("date_of_birth")
        under_16 = _age(born) < CONSENT_AGE if born else data.get("under_16", False)
        data["under_16"] = under_16
        if under_16:
            if not data.get("parental_consent"):
                self.add_error(
                    "parental_consent",
                    "De jongere is jonger dan 16: er is ook toestemming van een ouder of voogd "
                    "nodig.",
                )
            if not (data.get("parental_consent_name") or "").strip():
                self.add_error("parental_consent_name", "Vul de naam van de ouder of voogd in.")
        return data


class VersionedForm(forms.Form):
    """The version the editor started from; a stale one means someone else saved first."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class PlanForm(LimitedText, forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["first_name", "date_of_birth", "dreams", "perspective", "risks", "safety"]
        widgets = {
            "date_of_birth": DATE_WIDGET,
            "dreams": forms.Textarea(attrs={"rows": 4}),
            "perspective": forms.Textarea(attrs={"rows": 3}),
            "risks": forms.Textarea(attrs={"rows": 3}),
            "safety": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"dreams": "In je eigen woorden: wat wil je met je leven?"}
        error_messages = {"first_name": {"required": "Vul de voornaam of roepnaam in."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance
        self.fields["date_of_birth"].error_messages["invalid"] = (
            "Vul een geldige datum in, bijvoorbeeld 2008-05-17."
        )
        self.check_keys = []
        for index, item in enumerate(plan.checklist):
            key = f"check_{index}"
            self.fields[key] = forms.BooleanField(
                label=item["item"], required=False, initial=item.get("done", False)
            )
            self.check_keys.append(key)
        self.answer_keys = []
        for index, item in enumerate(plan.answers):
            key = f"answer_{index}"
            self.fields[key] = forms.CharField(
                label=item["question"],
                required=False,
                initial=item.get("answer", ""),
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.answer_keys.append(key)
        self.limit_text()

    def clean_first_name(self):
        return clean_first_name(self.cleaned_data["first_name"])

    def clean_date_of_birth(self):
        return clean_birth_date(self.cleaned_data.get("date_of_birth"))

    def profile_fields(self):
        return [self[name] for name in ("first_name", "date_of_birth")]

    def story_fields(self):
        return [self[name] for name in ("dreams", "perspective")]

    def safety_fields(self):
        return [self[name] for name in ("risks", "safety")]

    def checklist_fields(self):
        return [self[key] for key in self.check_keys]

    def answer_fields(self):
        return [self[key] for key in self.answer_keys]

    def save(self, commit=True):
        plan = super().save(commit=False)
        plan.checklist = [
            {"item": item["item"], "done": bool(self.cleaned_data.get(f"check_{i}"))}
            for i, item in enumerate(plan.checklist)
        ]
        plan.answers = [
            {
                "section": item.get("section", ""),
                "question": item["question"],
                "answer": self.cleaned_data.get(f"answer_{i}", ""),
            }
            for i, item in enumerate(plan.answers)
        ]
        if commit:
            plan.save()
        return plan


class DomainForm(LimitedText, forms.ModelForm):
    support = forms.ChoiceField(
        label="Is hier steun nodig?",
        choices=SUPPORT_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = PlanDomain
        fields = ["situation", "goes_well", "goal"]
        widgets = {
            "situation": forms.Textarea(attrs={"rows": 2}),
            "goes_well": forms.Textarea(attrs={"rows": 2}),
            "goal": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"goal": "Mijn doel (in mijn eigen woorden)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        value = self.instance.support_needed
        self.initial["support"] = {True: "ja", False: "nee"}.get(value, "")
        self.limit_text()

    def save(self, commit=True):
        domain = super().save(commit=False)
        domain.support_needed = {"ja": True, "nee": False}.get(self.cleaned_data["support"])
        if commit:
            domain.save()
        return domain


NetworkFormSet = inlineformset_factory(
    Plan,
    NetworkMember,
    fields=["name", "relation", "contact"],
    extra=2,
    can_delete=True,
    max_num=MAX_ROWS,
    validate_max=True,
    absolute_max=MAX_ROWS + 10,
    labels={"contact": "Telefoon of e-mail (niet verplicht)"},
    error_messages={
        "name": {"required": "Vul een naam in."},
        "relation": {"required": "Vul de relatie in, bijvoorbeeld tante of buurman."},
    },
)


EMPTY_LABEL = "Kies …"


class ActionForm(forms.ModelForm):
    """One action of one levensgebied; the domain comes from the page, not from the form."""

    class Meta:
        model = Action
        fields = [
            "what",
            "who",
            "network_member",
            "professional_name",
            "organisation",
            "due_date",
            "status",
        ]
        widgets = {"due_date": DATE_WIDGET}
        labels = {"network_member": "Wie uit de steuncirkel (als die het doet)"}
        help_texts = {
            "professional_name": "Alleen invullen als een professional de actie uitvoert.",
        }
        error_messages = {
            "what": {"required": "Beschrijf wat er gebeurt."},
            "who": {
                "required": "Kies wie de actie uitvoert.",
                "invalid_choice": "Kies wie de actie uitvoert.",
            },
            "status": {"invalid_choice": "Kies een status: open, bezig of klaar."},
        }

    def __init__(self, *args, plan, domain, **kwargs):
        super().__init__(*args, **kwargs)
        self.domain = domain
        # A real empty choice instead of Django's "---------".
        self.fields["who"].choices = [("", EMPTY_LABEL), *Action.Who.choices]
        members = self.fields["network_member"]
        members.queryset = plan.network.all()
        members.empty_label = EMPTY_LABEL
        members.label_from_instance = lambda m: f"{m.name} ({m.relation})"
        members.error_messages["invalid_choice"] = "Kies iemand uit de steuncirkel van dit plan."
        self.fields["due_date"].error_messages["invalid"] = (
            "Vul een geldige datum in, bijvoorbeeld 2027-01-31."
        )

    def clean(self):
        data = super().clean()
        who = data.get("who")
        if who == Action.Who.NETWERK and not data.get("network_member"):
            self.add_error("network_member", "Kies wie uit de steuncirkel dit doet.")
        if who == Action.Who.PROFESSIONAL:
            if not data.get("professional_name"):
                self.add_error("professional_name", "Vul de naam van de professional in.")
            if not data.get("organisation"):
                self.add_error("organisation", "Vul de organisatie van de professional in.")
        if who != Action.Who.NETWERK:
            data["network_member"] = None
        if who != Action.Who.PROFESSIONAL:
            data["professional_name"] = data["organisation"] = ""
        return data

    def save(self, commit=True):
        action = super().save(commit=False)
        action.domain = self.domain
        if commit:
            action.save()
        return action


class BaseDomainActionFormSet(BaseInlineFormSet):
    """The actions of one levensgebied. The plan as a whole keeps at most MAX_ROWS actions,
    so the other domains' actions count too."""

    def __init__(self, *args, domain, **kwargs):
        self.domain = domain
        kwargs.setdefault(
            "queryset", Action.objects.filter(domain=domain).select_related("network_member")
        )
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "plan": self.instance, "domain": self.domain}

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Deze actie verwijderen"

    def clean(self):
        super().clean()
        kept = sum(
            1
            for form in self.forms
            if (form.instance.pk or form.has_changed())
            and not getattr(form, "cleaned_data", {}).get("DELETE")
        )
        others = Action.objects.filter(plan=self.instance).exclude(domain=self.domain).count()
        if kept + others > MAX_ROWS:
            raise ValidationError(
                f"Een plan heeft hoogstens {MAX_ROWS} acties. Verwijder eerst acties die klaar "
                "zijn of niet meer nodig."
            )

    def with_new_row(self, data):
        """The submitted data plus one empty action, for "Actie toevoegen" without
        JavaScript. The new row gets the empty form's defaults, so it is unchanged and
        shows no errors."""
        data = data.copy()
        index = int(data[f"{self.prefix}-TOTAL_FORMS"])
        data[f"{self.prefix}-TOTAL_FORMS"] = str(index + 1)
        empty = self.empty_form
        for name, field in empty.fields.items():
            initial = empty.get_initial_for_field(field, name)
            if initial not in (None, ""):
                data[f"{self.prefix}-{index}-{name}"] = str(initial)
        return data


# No delete box on a row that is not saved yet (can_delete_extra=False); new rows only on
# request ("Actie toevoegen"), never one spare row per save (extra=0).
DomainActionFormSet = inlineformset_factory(
    Plan,
    Action,
    form=ActionForm,
    formset=BaseDomainActionFormSet,
    extra=0,
    can_delete=True,
    can_delete_extra=False,
    max_num=MAX_ROWS,
    validate_max=True,
    absolute_max=MAX_ROWS + 10,
)


class ReviewForm(LimitedText, forms.ModelForm):
    class Meta:
        model = ReviewEntry
        fields = ["date", "text"]
        widgets = {"date": DATE_WIDGET, "text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "text": {"required": "Beschrijf wat er is besproken."},
            "date": {"required": "Vul een datum in.", "invalid": "Vul een geldige datum in."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_text()


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Persoonlijk e-mailadres",
        error_messages={
            "required": "Vul het e-mailadres in van wie je uitnodigt.",
            "invalid": "Vul een geldig e-mailadres in.",
        },
    )
    role = forms.ChoiceField(
        label="Rol",
        choices=[
            (Role.BEWERKER, "Bewerker: mag het plan aanpassen"),
            (Role.LEZER, "Lezer: mag het plan alleen lezen"),
            (Role.EIGENAAR, "Eigenaar: de jongere zelf (neemt het plan over)"),
        ],
        error_messages={"invalid_choice": "Kies een van de rollen."},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user and self.plan.memberships.active().filter(user=user).exists():
            raise ValidationError("Deze persoon heeft al toegang tot dit plan.")
        return email


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label="Ik begrijp dat het plan, alle versies en uitnodigingen definitief worden gewist",
        error_messages={"required": "Vink aan dat je het plan definitief wilt wissen."},
    )
