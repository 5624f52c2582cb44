"""Group permissions for reactions (collected by core.roles): the moderation queue."""

_MODERATION = ["reactions.view_reaction", "reactions.moderate_reaction"]

MODEL_PERMISSIONS = {
    "Moderator": _MODERATION,
    "Redactie NJi": [*_MODERATION, "reactions.change_reactionsettings"],
}
