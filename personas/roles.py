"""Editors maintain characteristics and datasets and import figures."""

MODEL_PERMISSIONS = {
    "Redactie NJi": [
        "personas.add_kenmerk",
        "personas.change_kenmerk",
        "personas.delete_kenmerk",
        "personas.add_dataset",
        "personas.change_dataset",
        "personas.delete_dataset",
        "personas.import_figures",
    ],
}
