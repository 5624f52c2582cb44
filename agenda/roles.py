"""Who may see and export event registrations in the CMS (collected by core.roles).
Registrations are personal data: view and export only, nobody edits them in the CMS."""

MODEL_PERMISSIONS = {
    "Redactie NJi": ["agenda.view_registration"],
    "Moderator": ["agenda.view_registration"],
}
