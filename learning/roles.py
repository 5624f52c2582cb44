"""Group permissions for the kennisbank's own models (collected by core.roles)."""

MODEL_PERMISSIONS = {
    "Redactie NJi": [
        "learning.add_synoniemgroep",
        "learning.change_synoniemgroep",
        "learning.delete_synoniemgroep",
        "learning.view_synoniemgroep",
    ],
}
