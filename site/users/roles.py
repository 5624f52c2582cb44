"""Front-end accounts are managed in the CMS under *Accounts* (the ``FrontendAccount`` proxy:
never superusers, staff or CMS users) and *Organisatiedomeinen*. "Beheer accounts" does
only that; Redactie NJi may approve professionals too."""

from leernetwerk.core.roles import BEHEER_ACCOUNTS, REDACTIE

ACCOUNT_PERMISSIONS = [
    "users.view_frontendaccount",
    "users.change_frontendaccount",
    "users.add_organisationdomain",
    "users.change_organisationdomain",
    "users.delete_organisationdomain",
    "users.view_organisationdomain",
]

MODEL_PERMISSIONS = {BEHEER_ACCOUNTS: ACCOUNT_PERMISSIONS, REDACTIE: ACCOUNT_PERMISSIONS}
