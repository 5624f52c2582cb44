"""The login form, in a module of its own: allauth builds its sign-up form on
ACCOUNT_SIGNUP_FORM_CLASS (``leernetwerk.users.forms``) while ``allauth.account.forms``
is imported, so that module must not import ``allauth.account.forms`` itself."""

from allauth.account.forms import LoginForm as AllauthLoginForm


class LoginForm(AllauthLoginForm):
    """allauth's login form with a label that says what to type."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Gebruikersnaam of e-mailadres"
        self.fields["login"].widget.attrs["autocomplete"] = "username"
        self.fields["login"].error_messages["required"] = "Vul je gebruikersnaam of e-mailadres in."
        self.fields["password"].error_messages["required"] = "Vul je wachtwoord in."
